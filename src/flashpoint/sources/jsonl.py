"""JSON Lines: one document per line, `text` required; `id`, `title`, `url`, `published`,
`outlet`, `author`, `language` optional; any other field is kept in `extra`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.errors import InputError
from flashpoint.sources.registry import MAX_DOCUMENT_BYTES, Failure

_KNOWN = ("id", "title", "outlet", "author", "url", "published", "language")


def read_jsonl(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    number = 0
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        number += 1
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            _skip_line(stream)  # never hold an over-long line whole
            yield Failure(f"{source}:{number}", f"line is larger than {MAX_DOCUMENT_BYTES:,} bytes: not one "
                                                "news article; split it into articles first")
        elif line.strip():
            yield _line_document(line, f"{source}:{number}")


def _skip_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
        pass


def unpaired_surrogate(data) -> str | None:
    """Why a decoded JSON value is not valid Unicode (a lone "\\ud800" escape), else None."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        return f"holds an unpaired surrogate {error.object[error.start:error.end]!r}, which is not valid Unicode"
    return None


def _line_document(line: bytes, source: str) -> Document | Failure:
    try:
        data = json.loads(line)
        text = data["text"]
        if not isinstance(text, str) or not text.strip():
            return Failure(source, "`text` must be a non-empty string")
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        return Failure(source, f"not a JSON object with a `text` field ({type(error).__name__}: {error})")
    problem = unpaired_surrogate(data) if b"\\u" in line.lower() else None
    if problem:
        return Failure(source, f"the JSON line {problem}; fix its \\u escapes")
    known = {k: str(data[k]) for k in _KNOWN if data.get(k) is not None}
    extra = {k: v for k, v in data.items() if k not in _KNOWN and k != "text"}
    try:
        return Document.from_text(text, source=source, extra=extra, **known)
    except InputError as error:  # a bad field ("published": "yesterday") fails this line only
        return Failure(source, str(error))
