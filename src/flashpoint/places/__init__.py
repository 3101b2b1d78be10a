"""Places: the gazetteer (`gazetteer.py`) and toponym resolution (`resolve.py`).

`geocode_document(names, context_countries)` resolves a document's place names together;
`geocode(name, context_countries)` is the same for one name. Both answer plain dicts
(`name`, `country`, `admin1`, `lat`, `lon`, `geonames_id`, `population`, `feature`, and
`match`: how the name matched the place: `name`, `alternate`, `adjective`, `abbreviation`,
`capital`, or `guess` for a name the gazetteer does not know).
"""

from __future__ import annotations

from functools import lru_cache

from flashpoint.places.gazetteer import (
    SCHEMA_VERSION,
    Candidate,
    Gazetteer,
    Match,
    build,
    cache_dir,
    haversine_km,
)
from flashpoint.places.resolve import WEIGHTS, Weights, resolve

__all__ = ["SCHEMA_VERSION", "WEIGHTS", "Candidate", "Gazetteer", "Match", "Weights", "build", "cache_dir",
           "default_gazetteer", "gazetteer_for", "geocode", "geocode_document", "haversine_km", "resolve"]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def gazetteer_for(kb) -> Gazetteer:
    """The gazetteer whose countries (names, seats, points) are `kb`'s: the shared one for the
    default knowledge base, one per other knowledge base (`--kb DIR`)."""
    from flashpoint.kb import load_kb

    return default_gazetteer() if kb is load_kb() else _gazetteer_with(kb)


@lru_cache(maxsize=4)
def _gazetteer_with(kb) -> Gazetteer:
    return Gazetteer(kb=kb)


def geocode_document(names, context_countries=(), guess: bool = True, context_names=()) -> list[dict | None]:
    """The most likely place for each name of a document, each name read in the light of the
    others and of the countries the document is about (alpha-3 codes, most important first).
    `context_names` are the document's other place names (those its record found): read with
    the names, they are not answered. With `guess`, a name the gazetteer does not know (a street,
    a hospital) is answered with a known place inside it ("Morris County" -> Morris) or else where
    the document is."""
    names = list(names)
    found = default_gazetteer().resolve(names + [n for n in context_names if n not in names], context_countries, guess)
    return [m.place.as_dict() | {"match": m.how} if m else None for m in found[:len(names)]]


def geocode(name: str, context_countries=()) -> dict | None:
    """The most likely place for one name, given the countries a document is about; None for a
    name the gazetteer does not know."""
    return geocode_document([name], context_countries, guess=False)[0]
