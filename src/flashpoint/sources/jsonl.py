"""JSON Lines: one document per line, `text` required; `id`, `title`, `url`, `published`,
`outlet`, `author`, `language` optional; any other field is kept in `extra`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure

_KNOWN = ("id", "title", "outlet", "author", "url", "published", "language")


def read_jsonl(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    for number, line in enumerate(stream, 1):
        if line.strip():
            yield _line_document(line, f"{source}:{number}")


def _line_document(line: bytes, source: str) -> Document | Failure:
    try:
        data = json.loads(line)
        text = data["text"]
        if not isinstance(text, str) or not text.strip():
            return Failure(source, "`text` must be a non-empty string")
    except (ValueError, KeyError, TypeError) as error:
        return Failure(source, f"not a JSON object with a `text` field ({error})")
    known = {k: str(data[k]) for k in _KNOWN if data.get(k) is not None}
    extra = {k: v for k, v in data.items() if k not in _KNOWN and k != "text"}
    return Document.from_text(text, source=source, extra=extra, **known)
