"""Plain text: one file, one document; a credit line fills outlet, date and author."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure, read_document_bytes

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 (with BOM, or UTF-16 by its NULs), else cp1252.

    A UTF-8 file with a few broken bytes keeps its UTF-8 (the bytes become U+FFFD) rather than
    turning every accent into mojibake; anything else falls back to cp1252, which accepts any byte.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
        broken = text.count("\ufffd")
        if sum(c > "\x7f" for c in text) - broken > broken:  # mostly good UTF-8 sequences
            return text
        return data.decode("cp1252", errors="replace")


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when one byte of each pair is mostly NUL (Latin-script UTF-16)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 8 or len(data) % 2:
        return None
    if sample[1::2].count(0) > 0.7 * pairs and sample[0::2].count(0) < 0.1 * pairs:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.7 * pairs and sample[1::2].count(0) < 0.1 * pairs:
        return "utf-16-be"
    return None


def read_text(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    text = decode(read_document_bytes(stream, "the text file"))
    if "\x00" in text[:4096]:
        yield Failure(source, "binary content, not text; give it a known extension or remove it")
    elif not text.strip():
        yield Failure(source, "empty document")
    else:
        yield Document.from_text(text, source=source)
