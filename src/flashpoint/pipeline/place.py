"""place: toponyms resolved with the gazetteer, ranked by the countries the document is about.

A country or capital counts as a place only when used as one ("in Ankara", "embassy in
Ethiopia"); a demonym never does. Other capitalised names are looked up in the gazetteer and
kept when a locative word introduces them or the place is large enough to be unambiguous.
"""

from __future__ import annotations

from collections import Counter

from flashpoint.pipeline.annotations import Place, PlaceMention, annotations
from flashpoint.pipeline.clauses import sentence_starts
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.lexicon import is_common_word
from flashpoint.pipeline.resolve import LOCATIVE

_PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "oblast", "governorate", "state",
                "county", "capital", "port", "settlement"}
_MIN_UNCUED_POPULATION = 200_000


class Places(Component):
    name = "place"
    requires = ("flashpoint.actor_mentions",)
    assigns = ("flashpoint.places",)

    def __init__(self, kb, gazetteer_factory):
        self.kb = kb
        self._gazetteer_factory = gazetteer_factory
        self._gazetteer = None

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            self._gazetteer = self._gazetteer_factory()
        return self._gazetteer

    def match(self, doc):
        ann = annotations(doc)
        context = [c for c, _ in Counter(ann.actors[m.actor].country for m in ann.actor_mentions
                                         if ann.actors[m.actor].country).most_common()]
        found = [self._country_place(doc, m) for m in ann.actor_mentions if m.place_use]
        covered = {i for m in ann.mentions for i in range(m.start, m.end)}
        covered |= {i for m in ann.actor_mentions for i in range(m.start, m.end)}
        found += list(self._toponyms(doc, covered, context))
        return [f for f in found if f]

    def _country_place(self, doc, m):
        ann = annotations(doc)
        actor = ann.actors[m.actor]
        country = self.kb.countries.get(actor.country)
        surface = doc[m.start:m.end].text
        if actor.kind == "group" or (country and surface != country.name and surface in country.seats):
            cand = self.gazetteer.geocode(surface, [actor.country])
            if cand:
                return m, cand.name, cand.country, cand.admin1, cand.lat, cand.lon, cand.geonames_id, "exact"
        return (m, country.name, country.code, None, country.lat, country.lon, country.geonames_id, "country")

    def _toponyms(self, doc, covered, context):
        i = 0
        while i < len(doc):
            token = doc[i]
            if i in covered or not token.is_title or not token.is_alpha:
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i < 4 and doc[end].is_title and end not in covered:
                end += 1
            yield from self._lookup(doc, i, end, context)
            i = end

    def _lookup(self, doc, start, end, context):
        span = doc[start:end]
        before = doc[start - 1].lower_ if start > 0 else ""
        cued = before in LOCATIVE or (before == "of" and start > 1 and doc[start - 2].lower_ in _PLACE_NOUNS)
        if start in sentence_starts(doc) and not cued:
            return
        if end - start == 1 and is_common_word(span.text) and not cued:
            return
        candidate = self.gazetteer.geocode(span.text, context)
        if candidate is None:
            return
        if candidate.name.lower() != span.text.lower() and candidate.country not in context[:3]:
            return  # matched only by an alternate name, far from the story ("Kashmir" -> Cashmere, WA)
        if not cued and (candidate.name != span.text or candidate.population < _MIN_UNCUED_POPULATION
                         and candidate.country not in context[:3]):
            return  # without a locative cue only a place's own name, big or in the story's countries
        precision = {"admin1": "admin1", "country": "country"}.get(candidate.feature, "exact")
        yield (span, candidate.name, candidate.country, candidate.admin1, candidate.lat, candidate.lon,
               candidate.geonames_id, precision)

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        for span, name, country, admin1, lat, lon, gid, precision in found:
            ident = f"geonames:{gid}" if gid else f"{precision}:{country}:{name}".lower().replace(" ", "-")
            place = ann.places.setdefault(ident, Place(ident, name, country, admin1, lat, lon, gid, precision))
            start, end = (span.start, span.end)
            start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            if (start_char, end_char) not in place.mentions:
                place.mentions.append((start_char, end_char))
            ann.place_mentions.append(PlaceMention(ident, start, end, start_char, end_char))
        ann.place_mentions.sort(key=lambda p: p.start)
