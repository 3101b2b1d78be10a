"""Gzip input with a ceiling on how much it may expand, against decompression bombs."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from flashpoint.errors import InputError

DEFAULT_MAX_BYTES = 512 * 1024 * 1024  # decompressed bytes allowed per file
GZIP_MAGIC = b"\x1f\x8b"


class BoundedReader(io.RawIOBase):
    """A read-only stream that raises once more than `limit` bytes came out of `inner`."""

    def __init__(self, inner: BinaryIO, limit: int, source: str) -> None:
        self.inner, self.limit, self.source, self.seen = inner, limit, source, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.inner.read(len(buffer))
        self.seen += len(data)
        if self.seen > self.limit:
            raise InputError(
                f"{self.source} expands beyond {self.limit:,} bytes; refusing it as a possible "
                "decompression bomb (raise max_bytes if the file is genuine)"
            )
        buffer[: len(data)] = data
        return len(data)


@contextmanager
def open_maybe_compressed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[BinaryIO, str]]:
    """An open binary stream of the file's content and the name to dispatch it by.

    `corpus.jsonl.gz` yields the decompressed stream named `corpus.jsonl`. Plain files are
    bounded too, so that a single huge file is refused rather than read into memory.
    """
    with open(path, "rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        name = path.name[:-3] if compressed and path.name.lower().endswith(".gz") else path.name
        inner = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        yield io.BufferedReader(BoundedReader(inner, max_bytes, str(path)), 1 << 16), name
