"""HTML pages: the main text and metadata, as trafilatura finds them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure


def html_to_document(html: bytes | str, source: str, url: str | None = None) -> Document | Failure:
    import trafilatura

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=True)
    if not found or not (found.get("text") or "").strip():
        return Failure(source, "no main text found in the HTML page")
    return Document(
        text=found["text"],
        title=found.get("title"),
        outlet=found.get("sitename"),
        author=found.get("author"),
        url=url or found.get("url"),
        published=found.get("date"),
        language=found.get("language") or "en",
        source=source,
    )


def read_html(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    yield html_to_document(stream.read(), source)
