"""The one list of source readers, and the walk that dispatches each file to one of them.

A reader is a function `(stream, source) -> Iterator[Document | Failure]` over a binary
stream; it claims files by extension or, failing that, by the first bytes (sniffing).
Readers stream: a JSON Lines file or a WARC is never held in memory whole.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flashpoint.documents import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """An item that could not be read: where it was, and why."""

    source: str
    error: str
    stage: str = "read"


Item = Document | Failure
ReadFunction = Callable[[BinaryIO, str], Iterator[Item]]


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: ReadFunction


def _lazy(module: str, function: str) -> ReadFunction:
    """Import a reader's module only when a file of its kind turns up."""

    def read(stream: BinaryIO, source: str) -> Iterator[Item]:
        from importlib import import_module

        return getattr(import_module(module), function)(stream, source)

    return read


def _starts(*prefixes: bytes) -> Callable[[bytes], bool]:
    def sniff(head: bytes) -> bool:
        head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return any(head.startswith(p) for p in prefixes)

    return sniff


def _looks_like_feed(head: bytes) -> bool:
    lowered = head.lower()
    return _starts(b"<?xml", b"<rss", b"<feed", b"<rdf")(head) and (
        b"<rss" in lowered or b"<feed" in lowered or b"<rdf" in lowered
    )


# Order matters for sniffing: the first reader whose sniff accepts the head wins.
READERS: tuple[Reader, ...] = (
    Reader("warc", (".warc", ".arc"), _starts(b"warc/"), _lazy("flashpoint.sources.warc", "read_warc")),
    Reader("feed", (".rss", ".atom", ".xml", ".feed"), _looks_like_feed,
           _lazy("flashpoint.sources.feeds", "read_feed")),
    Reader("html", (".html", ".htm", ".xhtml"), _starts(b"<!doctype html", b"<html"),
           _lazy("flashpoint.sources.html", "read_html")),
    Reader("jsonl", (".jsonl", ".ndjson"), _starts(b"{"), _lazy("flashpoint.sources.jsonl", "read_jsonl")),
    Reader("text", (".txt", ".text", ".md"), lambda head: True,
           _lazy("flashpoint.sources.text", "read_text")),
)
SNIFF_BYTES = 2048
# One document (a text or HTML file, a JSON line, a WARC record) past this many bytes is
# refused before it is read whole: the pipeline reads at most 2,000,000 characters anyway.
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024


def read_document_bytes(stream: BinaryIO, what: str = "document") -> bytes:
    """The stream's bytes, refusing (InputError) past MAX_DOCUMENT_BYTES without reading on."""
    from flashpoint.errors import InputError

    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"{what} is larger than {MAX_DOCUMENT_BYTES:,} bytes: not one news article (or a "
                         "decompression bomb); split it into articles first")
    return data


def reader_for(name: str, head: bytes) -> Reader:
    """The reader that claims a file: by extension first, else by its first bytes."""
    lowered = name.lower()
    for reader in READERS:
        if lowered.endswith(reader.extensions):
            return reader
    return next(reader for reader in READERS if reader.sniff(head))


def read_stream(stream: BinaryIO, name: str, source: str) -> Iterator[Item]:
    """Dispatch one open stream (already decompressed) to its reader."""
    peekable = stream if hasattr(stream, "peek") else _buffered(stream)
    head = peekable.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    yield from reader_for(name, head).read(peekable, source)


def _buffered(stream: BinaryIO):
    import io

    return io.BufferedReader(stream)


def read_path(path: str | os.PathLike, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Every document in one file or directory tree; failures are yielded, not raised."""
    path = Path(path)
    if path.is_dir():
        yield from _read_tree(path, max_bytes)
    elif path.is_file():
        yield from _read_file(path, max_bytes)
    elif os.path.lexists(path):
        yield Failure(str(path), _not_regular(path))
    else:
        yield Failure(str(path), "no such file or directory; check the path")


def _not_regular(path: Path) -> str | None:
    """Why `path` is skipped if it is not a regular file: opening a FIFO would wait forever."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:  # a dangling link or a symlink loop
        return f"cannot open it ({error.strerror or error}); skipped"
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"{kind}, not a regular file; skipped"


def read_paths(paths: Iterable[str | os.PathLike], *, max_bytes: int | None = None) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path, max_bytes=max_bytes)


def _read_tree(root: Path, max_bytes: int | None) -> Iterator[Item]:
    """Files under `root` in a stable order; symlinks leading out of the tree are skipped."""
    real_root = os.path.realpath(root)
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder, name)
            if os.path.commonpath([real_root, os.path.realpath(path)]) != real_root:
                log.warning("skipping %s: a symlink leading out of %s", path, root)
                continue
            problem = _not_regular(path)
            if problem:
                yield Failure(str(path), problem)
            else:
                yield from _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int | None) -> Iterator[Item]:
    from flashpoint.sources.compressed import DEFAULT_MAX_BYTES, open_maybe_compressed

    source = str(path)
    try:
        with open_maybe_compressed(path, max_bytes or DEFAULT_MAX_BYTES) as (stream, name):
            yield from read_stream(stream, name, source)
    except Exception as error:  # one broken file must not stop the corpus
        log.warning("cannot read %s: %s", source, error)
        yield Failure(source, f"{type(error).__name__}: {error}")
