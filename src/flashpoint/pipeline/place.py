"""place: toponyms resolved with the gazetteer, all of a document's names together.

A country or capital counts as a place only when used as one ("in Ankara", "embassy in
Ethiopia"); a demonym never does. Other capitalised names are resolved together, each read in
the light of the others and of the countries the actors belong to (`flashpoint.places`), and
kept when a locative word introduces them or the place is large enough to be unambiguous. A
month ("In May") and a people ("ethnic Amhara") are not places.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from operator import and_
from typing import NamedTuple

from flashpoint.pipeline.annotations import Place, PlaceMention, annotations, columns_of, span_text
from flashpoint.pipeline.clauses import sentence_starts
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.lexicon import LOCATIVE, MONTHS, is_common_word

_PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "oblast", "governorate", "state",
                "county", "capital", "port", "settlement"}
_MIN_UNCUED_POPULATION = 200_000
_COUNTY_WORD = re.compile(r"\b(?:County|Parish|Borough|District|Province)\b")
# a division noun after a name, or "<noun> of" before it, says the name is the division, not its town:
# "Idlib province", "Washington state", "the Kursk region", "Pulwama district", "the state of Washington"
_DIVISION_NOUNS = {"state": ("admin1", "admin2"), "province": ("admin1", "admin2"), "region": ("admin1", "admin2"),
                   "governorate": ("admin1", "admin2"), "oblast": ("admin1", "admin2"), "prefecture": ("admin1", "admin2"),
                   "district": ("admin2", "admin1"), "county": ("admin2", "admin1")}
_PRECISION = {"admin1": "admin1", "admin2": "admin2", "country": "country", "continent": "region", "region": "region",
              "water": "region"}


class Run(NamedTuple):
    """A run of capitalised words, by token index: what a `Span` would give, without making one."""

    start: int
    end: int
    text: str


def _common(run: Run, cued: bool) -> bool:
    """A dictionary word alone is a name only after a locative, and a month never ("In May")."""
    if run.end - run.start > 1:
        return False
    return run.text.lower() in MONTHS or (is_common_word(run.text) and not cued)


def _division_noun(lowers, run: Run) -> tuple[str | None, bool]:
    """The division noun that says a name is a division, and whether "of" follows it: after the
    name ("Idlib province", "the Aleppo governorate of Syria"), or before it with "of" ("the
    province of Idlib"; not "the commercial district of Osh", a part of the town)."""
    n = len(lowers)
    after = lowers[run.end] if run.end < n else ""
    if after in _DIVISION_NOUNS:
        return after, run.end + 1 < n and lowers[run.end + 1] == "of"
    before = lowers[run.start - 2] if run.start > 1 and lowers[run.start - 1] == "of" else ""
    return (before if before in _DIVISION_NOUNS and before != "district" else None), False


def _after_the(doc, run: Run) -> bool:
    """"the Red Sea", "The Atlantic" (but not "the New York-based group": there "the" is the group's)."""
    cols = columns_of(doc)
    compound = run.end < len(cols.text) and cols.text[run.end] == "-"
    return not compound and (cols.lower[run.start] == "the" or run.start > 0 and cols.lower[run.start - 1] == "the")


def _plausible(cued: bool, after_the: bool, match, context, text: str) -> bool:
    candidate, own_name, in_story = match.place, match.how in ("name", "capital"), match.place.country in context[:3]
    if not own_name and not in_story:
        return False  # matched only by an alternate name, far from the story ("Kashmir" -> Cashmere, WA)
    if after_the and not in_story:
        return False  # "the Red Sea", "the Atlantic": a sea or a region, not a Sudanese state or a US town
    if candidate.feature == "admin2":
        # a county only after a locative or named as one ("Suffolk County", "County Cork"), however
        # many people it has: a bare name is as often a person's ("Zeid Ra'ad Al Hussein") or an
        # organisation's ("Kent Police"), and "in Kent" is the English county only in a story of England
        named = bool(_COUNTY_WORD.search(text))
        return (cued or named) and (in_story or cued and named)
    # without a locative cue only a place's own name, big or in the story's countries
    return cued or own_name and (candidate.population >= _MIN_UNCUED_POPULATION or in_story)


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
        found += [self._region_place(m) for m in ann.mentions if m.label == "REGION"]
        covered = {i for m in ann.mentions for i in range(m.start, m.end)}
        covered |= {i for m in ann.actor_mentions for i in range(m.start, m.end)}
        found += list(self._toponyms(doc, covered, context))
        return [f for f in found if f]

    def _country_place(self, doc, m):
        ann = annotations(doc)
        actor = ann.actors[m.actor]
        country = self.kb.countries.get(actor.country)
        surface = span_text(doc, m.start, m.end)
        if actor.kind == "group" or (country and surface != country.name and surface in country.seats):
            cand = self.gazetteer.geocode(surface, [actor.country])
            if cand:
                return m, cand.name, cand.country, cand.admin1, cand.lat, cand.lon, cand.geonames_id, "exact"
        lat, lon = self.gazetteer.country_point(country.code) or (None, None)
        return (m, country.name, country.code, None, lat, lon, country.geonames_id, "country")

    def _region_place(self, m):
        """A sea, strait or region of the knowledge base ("the South China Sea"), at GeoNames' point
        where the place index holds it as a continent or a division of its country."""
        region = self.kb.regions[m.key]
        country, precision = region.get("country"), "admin1" if region.get("kind") == "division" else "region"
        for c in self.gazetteer.candidates(region["name"]):
            if c.name == region["name"] and c.feature in ("continent", "admin1") and c.country == country:
                return m, region["name"], country, c.admin1, c.lat, c.lon, c.geonames_id, precision
        return m, region["name"], country, None, None, None, None, precision

    def _toponyms(self, doc, covered, context):
        """Capitalised names the gazetteer knows, resolved together so that each reads the others."""
        spans = list(self._name_spans(doc, covered))
        places = self.gazetteer.resolve([span.text for span, _ in spans], context)
        spans, places = self._addresses(doc, spans, places)
        lowers = columns_of(doc).lower
        ann = annotations(doc)
        countries = {m.start: ann.actors[m.actor].country for m in ann.actor_mentions}
        for (span, cued), match in zip(spans, places, strict=True):
            after_the = _after_the(doc, span)
            noun, of = _division_noun(lowers, span)
            division = self._division(span.text, match, _DIVISION_NOUNS[noun]) if noun and match else None
            if division is not None and of and countries.get(span.end + 2) != division.place.country:
                division = None  # "the Balkan state of Montenegro", "the La Vega district of Caracas": a description
            # the division when the name was a place anyway, or the division is in the story's countries
            if division is not None and (_plausible(cued, after_the, match, context, span.text)
                                         or division.place.country in context[:3]):
                match, cued, after_the = division, True, False
            if match is not None and _plausible(cued, after_the, match, context, span.text):
                candidate = match.place
                precision = _PRECISION.get(candidate.feature, "exact")
                yield (span, candidate.name, candidate.country, candidate.admin1, candidate.lat, candidate.lon,
                       candidate.geonames_id, precision)

    def _division(self, name: str, chosen, features):
        """The division called `name` ("Idlib" the governorate, not the town) in the chosen place's
        country, of the features a division noun asks for, in order."""
        found = [m for m in self.gazetteer.matches(name) if m.place.feature in features and m.how == "name"
                 and m.place.country == chosen.place.country]
        if not found:
            return None
        return min(found, key=lambda m: (features.index(m.place.feature), -m.place.population))

    def _addresses(self, doc, spans, places):
        """"Paris, Missouri", "London, Ontario", "Springfield, Illinois": a name written with a
        first-level division that has a town of that name is that town, the division is that
        division, and the address cues both; "Palmyra, Syria": a name written with a country is
        that country's town of the name, under an alternate name too (Tadmur)."""
        texts = columns_of(doc).text
        spans, places = list(spans), list(places)
        ann = annotations(doc)
        countries = {m.start: ann.actors[m.actor].country for m in ann.actor_mentions if m.place_use}
        for k, (town, _) in enumerate(spans):  # "Palmyra, Syria": the town of that name in Syria
            country = countries.get(town.end + 1) if town.end < len(texts) and texts[town.end] == "," else None
            inside = [m for m in self.gazetteer.matches(town.text)
                      if m.place.country == country and m.place.feature == "city"] if country else []
            if inside:
                places[k], spans[k] = max(inside, key=lambda m: m.place.population), (town, True)
        for k in range(len(spans) - 1):
            (town, _), (division, _) = spans[k], spans[k + 1]
            if division.start != town.end + 1 or town.end >= len(texts) or texts[town.end] != ",":
                continue
            # "Georgia, Oklahoma, Pennsylvania": a list of one country's divisions
            listed = {m.place.country for m in self.gazetteer.matches(town.text) if m.place.feature == "admin1"}
            for where, inside in self.gazetteer.in_divisions(town.text, division.text):
                if inside and where.place.country not in listed:
                    places[k], places[k + 1] = max(inside, key=lambda m: m.place.population), where
                    spans[k], spans[k + 1] = (town, True), (division, True)
                    break
        return spans, places

    def _name_spans(self, doc, covered):
        """(run, cued) for runs of up to four capitalised words outside other mentions."""
        cols = columns_of(doc)
        title, lowers, n = cols.is_title, cols.lower, len(doc)
        starts = sentence_starts(doc)
        done = 0  # where the last run ended
        for i in compress(range(n), map(and_, title, cols.is_alpha)):
            if i < done or i in covered or lowers[i] in LOCATIVE:
                continue  # "Near Mosul" opening a sentence: the locative cues the name, it is not part of it
            end = i + 1
            while end < n and end - i < 4 and title[end] and end not in covered:
                end += 1
            done = end
            before = lowers[i - 1] if i > 0 else ""
            cued = before in LOCATIVE or (before == "of" and i > 1 and lowers[i - 2] in _PLACE_NOUNS)
            if (i in starts and not cued) or before == "ethnic":
                continue
            run = Run(i, end, span_text(doc, i, end))  # its text only for a run that may be kept
            if not _common(run, cued):
                yield run, cued

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        for span, name, country, admin1, lat, lon, gid, precision in found:
            # a place without a GeoNames id: a sea or region ("region:red-sea"), or a county, named
            # with its first-level division since one country may have thirty Washington Counties
            county = admin1 if precision == "admin2" else None
            ident = f"geonames:{gid}" if gid else ":".join(filter(None, (precision, country, county, name))).lower().replace(" ", "-")
            place = ann.places.setdefault(ident, Place(ident, name, country, admin1, lat, lon, gid, precision))
            start, end = (span.start, span.end)
            start_char, end_char = columns_of(doc).idx[start], columns_of(doc).end_char(end - 1)
            if (start_char, end_char) not in place.mentions:
                place.mentions.append((start_char, end_char))
            ann.place_mentions.append(PlaceMention(ident, start, end, start_char, end_char))
        ann.place_mentions.sort(key=lambda p: p.start)
