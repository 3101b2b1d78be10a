"""Plain text: one file, one document; a credit line fills outlet, date and author."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to cp1252 which accepts any byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    text = decode(stream.read())
    if b"\x00" in text.encode("utf-8", "ignore")[:4096]:
        yield Failure(source, "binary content, not text; give it a known extension or remove it")
    elif not text.strip():
        yield Failure(source, "empty document")
    else:
        yield Document.from_text(text, source=source)
