"""Web archives (WARC): one document per HTML or plain-text response record.

A record whose Content-Length does not match what follows it (a damaged or hand-edited
archive) is a failure rather than a document holding a cut-off text or the next record's
headers; an archive that cannot be parsed on from some point is a failure from there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure, read_document_bytes
from flashpoint.sources.text import decode

_RECORDS = ("response", "resource")


def read_warc(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""  # warcio prints framing errors to stderr; we report them as failures

    records = QuietArchiveIterator(stream)
    pending, errors, count, damage = None, 0, 0, None
    try:
        for record in records:
            if pending is not None:  # judged once the iterator has checked what follows it
                yield _framed(pending, records.err_count > errors)
            errors, count = records.err_count, count + 1
            pending = _record_document(record, source) if record.rec_type in _RECORDS else None
    except ArchiveLoadFailed as error:
        damage = Failure(source, f"WARC damaged after record {count}, the rest is skipped: "
                                 f"{str(error).strip()} (a Content-Length header may be wrong)")
    if pending is not None:
        yield _framed(pending, records.err_count > errors)
    if damage:
        yield damage


def _framed(item: Document | Failure, misframed: bool) -> Document | Failure:
    if misframed and isinstance(item, Document):
        return Failure(item.source, "WARC record's Content-Length does not match its payload; record skipped")
    return item


def _record_document(record, source: str) -> Document | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
    try:
        return _payload_document(record, url, where)
    except Exception as error:  # one broken record must not stop the archive
        return Failure(where, f"{type(error).__name__}: {error}")


def _payload_document(record, url: str | None, where: str) -> Document | Failure:
    content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or (
        record.rec_headers.get_header("Content-Type") or ""
    )
    payload = read_document_bytes(record.content_stream(), "WARC record")
    while record.raw_stream.read(1 << 16):  # to the record's end, to see whether it is all there
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Failure(where, "WARC record is shorter than its Content-Length (a truncated archive?); "
                              "record skipped")
    if not payload.strip():
        return Failure(where, "WARC record has no payload")
    if "html" in content_type.lower() or payload.lstrip()[:1] == b"<":
        from flashpoint.sources.html import html_to_document

        return html_to_document(payload, where, url=url)
    return Document.from_text(decode(payload), url=url, source=where)
