"""The Document record: a text plus what is known of where it came from."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from flashpoint.errors import InputError

_FIELDS = ("id", "title", "outlet", "author", "url", "published", "language")


def normalise_text(text: str) -> str:
    """NFC with runs of whitespace collapsed: what the document id is computed over."""
    # str.split() splits at exactly the characters a regular expression's \s matches (a test checks
    # all of Unicode), and is about three times faster than re.sub(r"\s+", " ", ...).strip()
    return " ".join(unicodedata.normalize("NFC", text).split())


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_published(value) -> str | None:
    """An ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a time part dropped), or an absolute date in
    words ("September 26, 2022"); anything else is an error that says what to give instead."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    found = _ISO.match(text)
    if found:
        year, month, day = (int(g) if g else None for g in found.groups())
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            found = None
        else:
            if 1 <= year:
                return found.group(0)
    from flashpoint.sources.credit import parse_absolute_date

    parsed = parse_absolute_date(text)
    if parsed:
        return parsed
    raise InputError(f"publication date {value!r} is not a date; give it as YYYY-MM-DD (or YYYY-MM, YYYY)")


def document_id(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:20]


@dataclass
class Document:
    text: str
    id: str = ""
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date (or year / year-month)
    language: str = "en"
    source: str | None = None  # where it was read from: a path, a feed, a WARC record
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputError(f"document text must be a string, got {type(self.text).__name__}")
        if not self.id:
            self.id = document_id(self.text)
        try:
            self.published = normalise_published(self.published)
        except InputError:  # messy metadata ("7:58 AM ET") is kept aside, not trusted as a date
            self.extra = {**self.extra, "published_unparsed": str(self.published)}
            self.published = None

    @classmethod
    def from_text(cls, text: str, **metadata) -> Document:
        """A document from plain text; a closing credit line fills outlet, date and author."""
        from flashpoint.sources.credit import read_credit

        found = read_credit(text)
        given = {k: v for k, v in metadata.items() if v is not None}
        return cls(text=text, **{**found, **given})

    def metadata(self) -> dict:
        """The `document` object of the flashpoint/1 contract."""
        out = {k: getattr(self, k) for k in _FIELDS}  # strings: no copy needed (`asdict` copied the text too)
        if self.source:
            out["source"] = self.source
        return out
