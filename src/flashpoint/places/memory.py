"""An in-memory gazetteer for tests: the same questions as `Gazetteer`, answered from a list."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from flashpoint.places.gazetteer import Candidate, Match
from flashpoint.places.names import lookup_key


class MemoryGazetteer:
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

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return tuple(dict.fromkeys(m.place for m in self.matches(name)))

    def resolve(self, names, context_countries=(), guess: bool = False) -> list[Match | None]:
        from flashpoint.places.resolve import resolve

        return resolve(self, list(names), tuple(context_countries), guess)

    def geocode(self, name: str, context_countries=()) -> Candidate | None:
        found = self.resolve([name], context_countries)[0]
        return found.place if found else None
