"""HTML pages: the main text and metadata, as trafilatura finds them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.credit import read_credit
from flashpoint.sources.registry import Failure, read_document_bytes


def html_to_document(html: bytes | str, source: str, url: str | None = None) -> Document | Failure:
    import trafilatura

    # dates only from the page's metadata and markup: a date mentioned in the story is not its date
    params = {"extensive_search": False, "original_date": True}
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=True,
                                        date_extraction_params=params)
    if not found or not (found.get("text") or "").strip():
        return Failure(source, "no main text found in the HTML page")
    credit = read_credit(found["text"])
    return Document(
        text=found["text"],
        title=found.get("title"),
        outlet=found.get("sitename") or credit.get("outlet"),
        author=found.get("author"),
        url=url or found.get("url"),
        published=found.get("date") or credit.get("published"),
        language=found.get("language") or "en",
        source=source,
    )


def read_html(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    yield html_to_document(read_document_bytes(stream, "the HTML page"), source)
