"""An in-memory gazetteer for tests: the same questions as `Gazetteer`, answered from a list."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from flashpoint.places.gazetteer import Answers, Match
from flashpoint.places.names import lookup_key


class MemoryGazetteer(Answers):
    """`places` is a list of (name or names, Candidate, how) rows; `countries` maps alpha-3
    codes to objects with `name`, `lat`, `lon`, `geonames_id` (the knowledge base's countries)."""

    def __init__(self, places, countries=None):
        self._index: dict[str, list[Match]] = defaultdict(list)
        for names, place, how in places:
            for name in [names] if isinstance(names, str) else names:
                self._index[lookup_key(name)].append(Match(place, how))
        self.kb = SimpleNamespace(countries=dict(countries or {}))

    def matches(self, name: str) -> tuple[Match, ...]:
        return tuple(self._index.get(lookup_key(name), ()))
