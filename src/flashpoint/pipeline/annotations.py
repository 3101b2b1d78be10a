"""What the pipeline components write onto a document as they run.

The components share one `Annotations` object kept in `doc.user_data["flashpoint"]`;
each component fills its own fields and reads those of the components before it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, wraps

import numpy
from spacy.attrs import IDX, IS_PUNCT, SPACY


@dataclass
class Mention:
    """A recognised span: a name, adjective, role noun or weapon word, with what it may be."""

    start: int  # token indices, end exclusive
    end: int
    label: str  # COUNTRY ADJ SEAT ENTRY PERSON WEAPON WEAPON_WORD ROLE TYPE_NOUN
    key: str | None  # country code, entry key, weapon id or role id
    start_char: int
    end_char: int
    text: str


@dataclass
class Actor:
    id: str
    name: str
    code: str | None
    country: str | None
    sector: str | None
    kind: str
    entry: str | None = None  # knowledge-base key
    office: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ActorMention:
    actor: str  # Actor.id
    start: int
    end: int
    start_char: int
    end_char: int
    role: str | None = None  # head role noun ("forces", "media"): used by attribution
    place_use: bool = False  # a country or capital used as a place ("in Ankara")


@dataclass
class Weapon:
    id: str
    name: str
    type: str | None
    weapon_class: str | None
    mode: str | None
    manufacturer: str | None
    origin: str | None
    generic: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class WeaponMention:
    weapon: str
    start: int
    end: int
    start_char: int
    end_char: int
    owner: str | None = None  # a country adjective in front: "a Tajik T-72 tank"
    quantity: int | None = None


@dataclass
class TimeX:
    start: int  # char offsets
    end: int
    text: str
    type: str  # DATE TIME DURATION SET
    value: str  # TIMEX3 value
    begin: str | None = None  # the interval it denotes, ISO dates
    finish: str | None = None
    precision: str | None = None
    mod: str | None = None  # START MID END BEFORE AFTER SINCE
    anchor: str | None = None  # "a day before the clashes": the event noun it points at


@dataclass
class Place:
    id: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str  # exact, admin1, country, region
    feature: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class PlaceMention:
    place: str
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass
class Attribution:
    claimant: dict | None  # an actor ref, or {"id": None, "name": "others"}
    status: str  # asserted reported claimed denied unconfirmed
    cue: tuple[int, int] | None = None  # char span of the cue ("according to", "said")
    scope: tuple[int, int] | None = None  # the tokens it governs; None: the whole clause

    def governs(self, i: int) -> bool:
        return self.scope is None or self.scope[0] <= i < self.scope[1]


@dataclass
class Annotations:
    published: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    weapons: dict[str, Weapon] = field(default_factory=dict)
    weapon_mentions: list[WeaponMention] = field(default_factory=list)
    times: list[TimeX] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    attributions: dict[tuple[int, int], Attribution] = field(default_factory=dict)  # clause token span
    event_triggers: list[tuple[int, int, dict]] = field(default_factory=list)
    transfer_triggers: list[tuple[int, int, dict]] = field(default_factory=list)
    transfer_tokens: set[int] = field(default_factory=set)  # tokens a transfer record took
    events: list[dict] = field(default_factory=list)
    transfers: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)


def annotations(doc) -> Annotations:
    return doc.user_data["flashpoint"]


def text_of(doc) -> str:
    """The document text, kept once: spaCy rebuilds `doc.text` from its tokens on every call."""
    text = doc.user_data.get("flashpoint_text")
    if text is None:
        text = doc.user_data["flashpoint_text"] = doc.text
    return text


class Columns:
    """Every token's attributes as plain lists, read once per document: the rules index these
    instead of making a `Token` object at every look-up, which cost more than all else they do.
    Offsets and spaces come from one `Doc.to_array` call; a token's text is its slice of the
    document text (spaCy's tokens and their spaces cover it exactly), its lower case and its
    alpha/title/lower/upper flags the `str` methods that spaCy's own getters call; punctuation
    is read through `to_array`. Each column is made when first asked."""

    def __init__(self, doc):
        self._doc = doc
        rows = doc.to_array([IDX, SPACY]).T if len(doc) else numpy.zeros((2, 0), dtype="uint64")
        self.idx: list[int] = rows[0].tolist()  # character offset
        self.space: list[bool] = rows[1].astype(bool).tolist()  # a space follows (`token.whitespace_`)

    @cached_property
    def text(self) -> list[str]:
        if not self.idx:
            return []
        whole = text_of(self._doc)
        ends = self.idx[1:] + [len(whole)]
        return [whole[s:e - 1] if space else whole[s:e] for s, e, space in zip(self.idx, ends, self.space, strict=True)]

    @cached_property
    def lower(self) -> list[str]:
        return [text.lower() for text in self.text]

    def _flag(self, attr) -> list[bool]:
        return self._doc.to_array(attr).astype(bool).tolist() if len(self._doc) else []

    @cached_property
    def is_alpha(self) -> list[bool]:
        return list(map(str.isalpha, self.text))

    @cached_property
    def is_title(self) -> list[bool]:
        return list(map(str.istitle, self.text))

    @cached_property
    def is_lower(self) -> list[bool]:
        return list(map(str.islower, self.text))

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flag(IS_PUNCT)

    @cached_property
    def is_upper(self) -> list[bool]:
        return list(map(str.isupper, self.text))

    def end_char(self, i: int) -> int:
        """Where token `i` ends: `token.idx + len(token)`."""
        return self.idx[i] + len(self.text[i])


def per_document(build):
    """Decorator: `build(doc)` runs once per document, and its value is kept in the doc's
    `user_data` (emptied when the document's record is made) for every later call."""
    key = f"flashpoint_{build.__module__}.{build.__qualname__}"

    @wraps(build)
    def cached(doc):
        try:
            return doc.user_data[key]
        except KeyError:
            value = doc.user_data[key] = build(doc)
            return value

    return cached


def columns_of(doc) -> Columns:
    try:
        return doc.user_data["flashpoint_columns"]
    except KeyError:
        cached = doc.user_data["flashpoint_columns"] = Columns(doc)
        return cached


def token_span(doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """`doc.char_span(start_char, end_char, alignment_mode="expand")` as (start, end) token
    indices, without making the span: the tokens and their trailing spaces cover the text, so the
    token holding a character is the last one that starts at or before it, and a span that starts
    on the space after a token starts at the next one."""
    cols = columns_of(doc)
    if not 0 <= start_char < end_char <= len(text_of(doc)):
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None else None
    start = bisect_right(cols.idx, start_char) - 1
    if start_char == cols.end_char(start):
        start += 1
    return start, bisect_right(cols.idx, end_char - 1)


def token_range(doc, start: int, end: int) -> range:
    """The token indices of `doc[start:end]` (clipped as a slice is)."""
    return range(*slice(start, end).indices(len(doc)))


def span_text(doc, start: int, end: int) -> str:
    """`doc[start:end].text` without making the span."""
    cols = columns_of(doc)
    if not 0 <= start < end <= len(cols.idx):  # clip as a slice does
        start, end, _ = slice(start, end).indices(len(cols.idx))
        if end <= start:
            return ""
    return text_of(doc)[cols.idx[start]:cols.end_char(end - 1)]


def lowers_of(doc) -> list[str]:
    """Every token's lower-case form."""
    return columns_of(doc).lower


def punct_of(doc) -> list[bool]:
    return columns_of(doc).is_punct
