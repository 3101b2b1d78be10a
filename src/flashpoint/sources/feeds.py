"""RSS and Atom feeds: one document per entry.

The XML is first parsed by defusedxml, which refuses entity declarations (billion laughs,
external entities) before feedparser ever sees the feed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import BinaryIO

from flashpoint.documents import Document
from flashpoint.sources.registry import Failure


def check_xml(data: bytes) -> None:
    """Raise if the XML declares entities or a DTD that could expand or reach outside."""
    from defusedxml import ElementTree

    ElementTree.fromstring(data, forbid_dtd=True)


def read_feed(stream: BinaryIO, source: str) -> Iterator[Document | Failure]:
    import feedparser

    data = stream.read()
    try:
        check_xml(data)
    except Exception as error:
        yield Failure(source, f"unsafe or malformed feed XML ({type(error).__name__}: {error})")
        return
    feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#{entry.get('id') or number}"
        try:
            yield _entry_document(entry, outlet, where)
        except Exception as error:  # one broken entry must not stop the feed
            yield Failure(where, f"{type(error).__name__}: {error}")


def _entry_document(entry, outlet: str | None, source: str) -> Document | Failure:
    html = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
    text = _html_text(html)
    if not text.strip():
        return Failure(source, "feed entry has no text")
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return Document(
        text=text,
        title=entry.get("title"),
        outlet=outlet,
        author=entry.get("author"),
        url=entry.get("link"),
        published=time.strftime("%Y-%m-%d", when) if when else None,
        source=source,
    )


def _html_text(html: str) -> str:
    if "<" not in html:
        return html
    import lxml.html

    return lxml.html.fromstring(f"<div>{html}</div>").text_content()
