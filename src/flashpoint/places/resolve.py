"""Toponym resolution: the place each name of a document stands for, decided together.

In the manner of Mordecai and of "spatial minimality" geocoders, a name's candidates are
ranked by a prior (population, a country or continent before a town of the same name, the
seat of government, a match on the place's own name before an alternate one), then by the
countries the document's other names point to, then by the other names' choices: a town in
the same first-level division as another named place, or near one, is the likelier reading.
A name is one place throughout a document. A name the gazetteer does not know (a street, a
hospital, "Morris County") falls back to a known place inside it, then to the document's focus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from flashpoint.places.gazetteer import Candidate, Match, haversine_km
from flashpoint.places.names import lookup_key


@dataclass(frozen=True)
class Weights:
    """Score terms, in units of log10(population)."""

    alternate: float = -3.0  # matched an alternate name only ("Kashmir" for Cashmere, Washington)
    abbreviation: float = -1.0
    capital: float = 2.0  # "Washington" is the capital before the state
    country: float = 4.0  # "Georgia", "Mexico": the country before a town of that name
    named_after_town: float = -2.0  # "New York", "São Paulo": the city, not the division named after it
    town_share: float = 0.05  # ... when the city holds at least this share of the division's people
    story_country: float = 4.0  # times the share of the evidence the candidate's country has
    context: float = 0.5  # weight of the caller's context countries, the first counting most
    evidence_floor: float = 2.0  # a country needs two names' worth of evidence for the full story weight
    same_division: float = 2.0
    nearby: float = 3.0  # for a town within 0 km of another chosen town, falling to 0 at 300 km
    nearby_km: float = 300.0
    big_city: int = 100_000  # a city named inside an unknown name stands even far from the story's town


WEIGHTS = Weights()
_LOCAL = ("city", "admin1", "admin2")
_NEARBY = ("city", "admin2")  # a town or county near a town the story names is the likelier of its namesakes
_DIVISION_WORD = re.compile(r"\s+(?:County|Province|State|Region|District|Governorate|Oblast|Prefecture|Parish"
                            r"|Municipality|Department)$")


def resolve(gazetteer, names, context_countries=(), guess: bool = False,
            weights: Weights = WEIGHTS) -> list[Match | None]:
    """The place for each of `names` and how it matched, using the whole list as context. A name
    the gazetteer does not know is None, or with `guess` a known place inside it, else the
    document's focus (matched as "guess")."""
    keys = [lookup_key(n) for n in names]
    counts = Counter(keys)
    known = _readings(gazetteer, weights)
    readings = {key: known.get(name) or known.add(name) for key, name in zip(keys, names, strict=True)}
    # most names have no candidates: no evidence to give, no choice to make
    evidence = {key: _country_evidence(reading, counts[key]) for key, reading in readings.items() if reading.priors}
    total = _summed(evidence.values())
    story = {k: _country_weights(context_countries, _without(total, e), weights) for k, e in evidence.items()}
    scored = {k: _scored(readings[k].priors, s, weights) for k, s in story.items()}
    choice = {k: max(s, key=itemgetter(1))[0] for k, s in scored.items()}
    for _ in range(2):  # each name again, now knowing what the others chose, until no choice changes
        again = {k: _best(s, [c.place for o, c in choice.items() if o != k], weights) for k, s in scored.items()}
        if all(again[k] is m for k, m in choice.items()):
            break
        choice = again
    if guess:
        everyone = _country_weights(context_countries, total, weights)
        choice |= _guesses(gazetteer, names, keys, choice, counts, everyone, weights)
    return [choice.get(key) for key in keys]


def _guesses(gazetteer, names, keys, choice, counts, story, weights: Weights) -> dict[str, Match | None]:
    """For each name the gazetteer does not know: a known place inside it, else the focus."""
    chosen = {k: m.place for k, m in choice.items()}
    focus = _focus(chosen, counts, story, gazetteer)
    found = {}
    for key, name in zip(keys, names, strict=True):
        if key not in choice:
            inner = _inner_place(gazetteer, name, list(chosen.values()), story, weights)
            place = inner if inner and _near_focus(name, inner, focus, weights) else focus
            found[key] = Match(place, "guess") if place else None
    return found


def _near_focus(name: str, place: Candidate, focus: Candidate | None, weights: Weights) -> bool:
    """Whether a place inside an unknown name fits where the story is. A small town far from the
    story's town is a coincidence of words ("Rogers Centre" in a Toronto story is not Rogers,
    Arkansas), as is a town far from it that a county is named after ("Montgomery County" in Iowa
    is not Montgomery, Alabama); a country, a division or a city named inside a name ("Bank of
    Japan", "Colorado State University", "London Guildhall School") says where on its own."""
    if focus is None or focus.feature != "city" or None in (place.lat, focus.lat):
        return True
    if not _DIVISION_WORD.search(name.strip()) and (place.feature != "city" or place.population >= weights.big_city):
        return True
    return haversine_km(place.lat, place.lon, focus.lat, focus.lon) <= weights.nearby_km


def _matches(gazetteer, name: str, weights: Weights) -> list[Match]:
    """The gazetteer's matches, where a division named after its main town ("New York", "São
    Paulo", "Tel Aviv") gives way to that town, even when the town has the name only as an
    alternate ("New York City")."""
    found = list(gazetteer.matches(name))
    towns: dict[tuple, Candidate] = {}
    for m in found:
        key = (m.place.country, m.place.admin1)
        if m.place.feature == "city" and (key not in towns or m.place.population > towns[key].population):
            towns[key] = m.place
    named_after = {(m.place.country, m.place.admin1) for m in found if m.place.feature == "admin1"
                   and (m.place.country, m.place.admin1) in towns
                   and towns[(m.place.country, m.place.admin1)].population >= weights.town_share * m.place.population}
    out = []
    for m in found:
        key = (m.place.country, m.place.admin1)
        if key in named_after and m.place.feature == "admin1":
            m = Match(m.place, "named_after_town")
        elif key in named_after and m.place is towns[key] and m.how == "alternate":
            m = Match(m.place, "name")
        out.append(m)
    return out


def _prior(m: Match, weights: Weights) -> float:
    score = math.log10(m.place.population + 1)
    score += {"alternate": weights.alternate, "abbreviation": weights.abbreviation, "capital": weights.capital,
              "named_after_town": weights.named_after_town}.get(m.how, 0.0)
    return score + (weights.country if m.place.feature in ("country", "continent") else 0.0)


class Reading(NamedTuple):
    """What a name says before the rest of its document is read: each match with its prior, and
    the weight each match has in the name's distribution over countries."""

    priors: tuple[tuple[Match, float], ...]
    mass: tuple[float, ...]


class _Readings(dict):
    """Names already read with one gazetteer and one set of weights: a name is read once per
    process (the gazetteer never changes while it runs), up to `LIMIT` names."""

    LIMIT = 50_000

    def __init__(self, gazetteer, weights: Weights):
        super().__init__()
        self.gazetteer, self.weights = gazetteer, weights

    def add(self, name: str) -> Reading:
        if len(self) >= self.LIMIT:
            self.clear()
        found = _matches(self.gazetteer, name, self.weights)
        priors = tuple(_priors(found, self.weights))
        top = max((p for _, p in priors), default=0.0)
        reading = self[name] = Reading(priors, tuple(math.exp(p - top) for _, p in priors))
        return reading


@lru_cache(maxsize=16)
def _readings(gazetteer, weights: Weights) -> _Readings:
    return _Readings(gazetteer, weights)


def _country_evidence(reading: Reading, count: int) -> dict[str, float]:
    """The countries a name points to: its candidates' priors as a probability distribution."""
    evidence, total = {}, sum(reading.mass)
    for (m, _), w in zip(reading.priors, reading.mass, strict=True):
        if m.place.country:
            evidence[m.place.country] = evidence.get(m.place.country, 0.0) + count * w / total
    return evidence


# Evidence is summed in plain dicts, keeping only positive weights as `Counter` arithmetic does:
# a `Counter` made and thrown away for every name of every document cost more than the sums.


def _summed(evidences) -> dict[str, float]:
    total: dict[str, float] = {}
    for evidence in evidences:
        for code, weight in evidence.items():
            total[code] = total.get(code, 0.0) + weight
    return {code: weight for code, weight in total.items() if weight > 0}


def _without(total: dict[str, float], evidence: dict[str, float]) -> dict[str, float]:
    rest = ((code, weight - evidence.get(code, 0.0)) for code, weight in total.items())
    return {code: weight for code, weight in rest if weight > 0}


def _country_weights(context_countries, evidence: dict[str, float], weights: Weights) -> dict[str, float]:
    """Each country's share of the story, the largest being 1."""
    total = dict(evidence)
    for rank, code in enumerate(context_countries):
        total[code] = total.get(code, 0.0) + weights.context / (1 + rank)
    top = max(max(total.values(), default=0.0), weights.evidence_floor)
    return {code: v / top for code, v in total.items() if v > 1e-9}


def _in_story(m: Match, story: dict[str, float], weights: Weights) -> float:
    return weights.story_country * story.get(m.place.country, 0.0)


def _scored(priors, story, weights: Weights) -> list[tuple[Match, float]]:
    """Each match with the part of its score that the other names' choices do not change."""
    return [(m, prior + _in_story(m, story, weights)) for m, prior in priors]


def _priors(found, weights: Weights) -> list[tuple[Match, float]]:
    return [(m, _prior(m, weights)) for m in found]


def _best(scored: list[tuple[Match, float]], others: list[Candidate], weights: Weights) -> Match:
    if len(scored) == 1:
        return scored[0][0]
    local = [o for o in others if o.feature in _LOCAL and o.lat is not None]
    if not local:
        return max(scored, key=itemgetter(1))[0]  # nothing near to make a reading likelier
    divisions = {(o.country, o.admin1) for o in local}
    towns = [o for o in local if o.feature == "city"]

    def score(match: tuple[Match, float]) -> float:
        m, s = match
        c = m.place
        if c.feature in _LOCAL and c.lat is not None:
            if (c.country, c.admin1) in divisions:
                s += weights.same_division
            if c.feature in _NEARBY and towns:
                km = min(haversine_km(c.lat, c.lon, o.lat, o.lon) for o in towns)
                s += weights.nearby * max(0.0, 1 - km / weights.nearby_km)
        return s

    return max(scored, key=score)[0]


def _inner_place(gazetteer, name: str, chosen: list[Candidate], story, weights: Weights) -> Candidate | None:
    """A known place inside an unknown name: "Morris County" -> Morris, "Colchester General
    Hospital" -> Colchester; only a place in the story's countries, never a common word. Failing
    that, a country named inside ("US Federal Reserve", "Russian Higher School of Economics"), or a
    continent by its adjective ("European Commission"): a continent's own name inside a longer
    one is as often a part of it ("East Africa") or a brand ("SM Mall of Asia")."""
    base = _DIVISION_WORD.sub("", name.strip())
    if base != name.strip() and gazetteer.matches(base):
        return _best(_scored(_priors(gazetteer.matches(base), weights), story, weights), chosen, weights).place
    parts = _name_parts(name)
    for wanted in (_story_place, _country_or_continent):
        for part in parts:
            found = [m for m in gazetteer.matches(part) if wanted(m, story)]
            if found:
                return _best(_scored(_priors(found, weights), story, weights), chosen, weights).place
    return None


def _name_parts(name: str) -> list[str]:
    """The capitalised runs of words inside a name, longest first; a single word only if it is no
    common word, or is written in capitals ("US", "UK")."""
    from flashpoint.pipeline.lexicon import is_common_word

    words, parts = name.split(), []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start:start + size])
            if part[:1].isupper() and (size > 1 or part.isupper() or not is_common_word(part)):
                parts.append(part)
    return parts


def _story_place(m: Match, story) -> bool:
    return m.how not in ("alternate", "adjective") and story.get(m.place.country, 0.0) > 0


def _country_or_continent(m: Match, story) -> bool:
    return (m.place.feature == "country" and m.how in ("name", "adjective")
            or m.place.feature == "continent" and m.how == "adjective")


def _focus(choice: dict[str, Candidate], counts: Counter, story, gazetteer) -> Candidate | None:
    """Where the story is: the chosen town closest to all the other local places (weighted by
    mentions), else the country it is most about."""
    local = [(counts[k], c) for k, c in choice.items()
             if c.feature in _LOCAL and c.lat is not None and story.get(c.country, 0.0) > 0]
    if local:
        towns = [c for _, c in local if c.feature == "city"] or [c for _, c in local]
        return min(towns, key=lambda c: sum(n * min(haversine_km(c.lat, c.lon, o.lat, o.lon), 2000.0)
                                            for n, o in local))
    for code, _ in sorted(story.items(), key=lambda kv: -kv[1]):
        point = gazetteer.country_point(code)
        if point is not None:
            country = gazetteer.kb.countries[code]
            return Candidate(country.geonames_id, country.name, code, None, *point, 0, "country")
    return None
