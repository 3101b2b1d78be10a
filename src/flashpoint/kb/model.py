"""Typed entries of the knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A dated interval; `None` ends are open. Dates are ISO strings compared as text."""

    since: str | None = None
    until: str | None = None

    def covers(self, day: str | None) -> bool:
        if day is None:
            return self.until is None
        if self.since and day < self.since[: len(day)]:
            return False
        return not (self.until and day[: len(self.until)] > self.until)


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-3, or a historical state's code (SUN)
    alpha2: str | None
    name: str
    names: tuple[str, ...]  # every name and alias, other languages included
    adjectives: tuple[str, ...]  # adjectives and demonyms: Kyrgyz, Kirghiz, Kyrgyzstani
    capital: str | None
    seats: tuple[str, ...]  # capitals and seats of government used as metonyms
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    span: Span = Span()
    source: str = ""
    dependent: bool = False  # a territory, not a sovereign state


@dataclass(frozen=True)
class Entry:
    """An actor-like entry: organisation, armed group, agency, outlet, official, company."""

    id: str
    kind: str  # igo, armed_group, agency, media, person, company ...
    name: str
    aliases: tuple[str, ...]
    code: str | None
    country: str | None
    sector: str | None
    source: str
    file: str
    data: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Membership:
    organisation: str
    country: str
    span: Span
    status: str = "member"


@dataclass(frozen=True)
class Role:
    """An office an official holds, e.g. Turkey's defence minister 2018-07-10 to 2023-06-03."""

    office: str
    span: Span


@dataclass(frozen=True)
class Weapon:
    id: str
    name: str
    aliases: tuple[str, ...]
    type: str | None
    weapon_class: str | None
    mode: str | None
    manufacturer: str | None
    origin: str | None
    ambiguous: bool
    generic: bool  # a generic weapon word ("shells"), not a named system
    source: str


@dataclass(frozen=True)
class RoleNoun:
    id: str
    name: str
    aliases: tuple[str, ...]
    sector: str | None
    kind: str
    office: str | None
    state_run: bool = False
