"""Web archives (WARC): one document per HTML or plain-text response record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure
from flashpoint.sources.text import decode


def read_warc(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type in ("response", "resource"):
            yield _record_document(record, source)


def _record_document(record, source: str) -> Document | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or (
        record.rec_headers.get_header("Content-Type") or ""
    )
    payload = record.content_stream().read()
    if not payload.strip():
        return Failure(where, "WARC record has no payload")
    if "html" in content_type.lower() or payload.lstrip()[:1] == b"<":
        from flashpoint.sources.html import html_to_document

        return html_to_document(payload, where, url=url)
    return Document.from_text(decode(payload), url=url, source=where)
