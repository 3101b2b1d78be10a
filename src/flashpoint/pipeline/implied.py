"""Actors and recipients a sentence implies without naming them as actors.

Event data codes "Demonstrators in Baghdad blocked a road" as Iraqi protesters against (by
default) their government, "police dispersed demonstrators" as an act on that country's
opposition, and "Israeli tanks fired" as an act of Israel's military. These rules say where the
country comes from: the place, the acting side, a country adjective on the weapon or the object.
What is inferred rather than read is marked `"inferred": true`.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from flashpoint.pipeline import arguments as args
from flashpoint.pipeline.annotations import annotations, columns_of, per_document
from flashpoint.pipeline.resolve import SECTOR_NAMES

# groups that an event inside one country acts on: "disperse demonstrators", "arrested opposition figures"
DOMESTIC_SECTORS = {"OPP", "REB", "INS", "CVL", "REF", "EDU", "LAB", "MED", "REL", "JUD", "LEG", "PTY", "HLH",
                    "CRM", "ELI", "BUS"}
LOCATIVES = {"in", "at", "through", "across", "throughout", "near", "outside", "inside", "around", "within"}


class Synthetic:
    """An actor inferred rather than named in the clause (an operator or a target's owner)."""

    def __init__(self, ref, start: int | None = None):
        self.ref = ref
        self.actor = ref["id"]
        self.start = start


def group_ref(kb, code: str, sector: str, label: str) -> dict:
    return {"id": f"{code}{sector}", "name": f"{kb.countries[code].name} {label}", "code": f"{code}{sector}",
            "country": code}


def country_ref(kb, code: str, **extra) -> dict:
    c = kb.countries[code]
    return {"id": c.code, "name": c.name, "code": c.code, "country": c.code, **extra}


def country_of(ann, mention) -> str | None:
    actor = ann.actors.get(mention.actor)
    return actor.country if actor is not None else mention.ref.get("country")


def sector_of(ann, mention) -> str | None:
    actor = ann.actors.get(mention.actor)
    if actor is not None:
        return actor.sector
    code = mention.ref.get("code") or "" if isinstance(mention, Synthetic) else ""
    return code[3:6] or None


def after_locative(doc, i: int) -> bool:
    """A name after "in", "through" ... or in a list that follows one ("through London, Paris and
    Amman"): where something happens."""
    cols = columns_of(doc)
    j = i - 1
    while j >= 0 and (cols.text[j] in (",", "and") or cols.is_title[j] or cols.lower[j] == "the"):
        if cols.lower[j] in LOCATIVES:
            return True
        j -= 1
    return j >= 0 and cols.lower[j] in LOCATIVES


def wielders(kb, doc, clause, start):
    """"Israeli tanks fired", "French and Egyptian warships launched war games": weapons that
    open the clause act for the armed forces of the countries named before them."""
    ann = annotations(doc)
    # what a speaker reports opens where the report does ("Sources in Damascus said Israeli jets struck")
    found = ann.attributions.get((clause.start, clause.end))
    opening = found.scope[0] if found and found.scope and clause.start < found.scope[0] < start else clause.start
    first = next((w for w in ann.weapon_mentions if opening <= w.start < start), None)
    if first is None or first.owner is None \
            or any(opening <= m.start < first.start for m in args.clause_actors(doc, clause)):
        return []
    cols = columns_of(doc)
    if any(not (cols.is_punct[k] or cols.lower[k] in ("the", "and") or not cols.is_lower[k])
           for k in range(opening, first.start)):
        return []
    owners = [m.key for m in ann.mentions if m.label == "ADJ" and opening <= m.start < first.start
              and m.key in kb.countries] + [first.owner]
    return [Synthetic(group_ref(kb, code, "MIL", "military")) for code in dict.fromkeys(owners)]


def crowd(kb, doc, clause):
    """Protesters named by no one but the place: "Demonstrators in Baghdad blocked a road" are
    Iraqi protesters, "people marched through London, Paris, Amman and Jakarta" protesters of
    four countries (inferred)."""
    countries = [c for i, c in _located(doc) if clause.start <= i < clause.end and c in kb.countries
                 and after_locative(doc, i)]
    return [Synthetic(dict(group_ref(kb, c, "OPP", "protesters"), inferred=True)) for c in dict.fromkeys(countries)]


@per_document
def _located(doc) -> list[tuple[int, str | None]]:
    """Where the document names a place, a country or a capital, with its country, in order; read
    once per document."""
    ann = annotations(doc)
    located = [(p.start, ann.places[p.place].country) for p in ann.place_mentions]
    names = {m.start for m in ann.mentions if m.label in ("COUNTRY", "SEAT")}
    located += [(m.start, ann.actors[m.actor].country) for m in ann.actor_mentions if m.start in names]
    return sorted(located)


def domestic_object(kb, doc, clause, end, actors, abroad=False):
    """An unnamed group as object ("police opened fire to disperse demonstrators", "killing
    civilians") belongs to the actor's country when the clause names no other (inferred). With
    `abroad` (an attack or an arrest, done to people where they are) it belongs to the country of
    the act's place when that is another ("US forces killed eight civilians in Mosul": Iraqis),
    unless the actor's own ("its people")."""
    ann = annotations(doc)
    countries = {country_of(ann, a) for a in actors} - {None}
    if len(countries) != 1:
        return []
    own = next(iter(countries))
    place = _clause_place_country(doc, clause) if abroad else None
    lowers = columns_of(doc).lower
    if place and place != own and (end >= len(lowers) or lowers[end] not in _OWN):
        return _object_group(kb, doc, clause, end, place, allowed={own})
    return _object_group(kb, doc, clause, end, own)


_OWN = {"its", "their", "his", "her", "our"}


def local_object(kb, doc, clause, end):
    """An unnamed group as object of an act whose actor is unnamed too ("gunmen killed five
    villagers in northern Nigeria") belongs to the one country the clause names, as a place
    after a locative (inferred): the villagers are Nigeria's, and so are policemen there (soldiers
    may be anyone's)."""
    country = _clause_place_country(doc, clause)
    return _object_group(kb, doc, clause, end, country, DOMESTIC_SECTORS | {"COP"}) if country else []


def local_police(kb, doc, clause):
    """Who arrests when no one is named ("Security forces arrested 40 opposition supporters in
    Minsk", "two American citizens were detained in Iran"): the police of the one country the
    clause names as a place after a locative (inferred). An arrest is the state's act where it
    happens, whoever is arrested."""
    country = _clause_place_country(doc, clause)
    if country not in kb.countries:
        return []
    return [Synthetic(dict(group_ref(kb, country, "COP", SECTOR_NAMES.get("COP", "police")), inferred=True))]


def _clause_place_country(doc, clause) -> str | None:
    """The country of the places a clause names after a locative, when they are all in one that
    the document names as a country, a capital or a party: a town alone is no evidence ("51
    arrested in Moura" in a story of Mali is no Portuguese arrest)."""
    ann = annotations(doc)
    places = {ann.places[p.place].country for p in ann.place_mentions
              if clause.start <= p.start < clause.end and after_locative(doc, p.start)} - {None}
    if len(places) != 1:
        return None
    country = next(iter(places))
    return country if any(ann.actors[m.actor].country == country for m in ann.actor_mentions) else None


def _object_group(kb, doc, clause, end, country, sectors=DOMESTIC_SECTORS, allowed=frozenset()):
    """The group of `country` that the role noun right after the trigger names, when the clause
    names no other country (but those `allowed`), as actor or place."""
    ann = annotations(doc)
    role = _object_role(kb, doc, clause, end)
    if role is None or role.sector not in sectors or country not in kb.countries:
        return []
    named = {ann.actors[m.actor].country for m in ann.actor_mentions if clause.start <= m.start < clause.end}
    named |= {ann.places[p.place].country for p in ann.place_mentions if clause.start <= p.start < clause.end}
    if named - {None, country, *allowed}:
        return []
    label = SECTOR_NAMES.get(role.sector, role.name)
    return [Synthetic(dict(group_ref(kb, country, role.sector, label), inferred=True))]


def _object_role(kb, doc, clause, end):
    """The role noun right after a trigger, past determiners and modifiers only."""
    ann = annotations(doc)
    cols = columns_of(doc)
    last = min(end + args.MAX_OBJECT_DISTANCE, clause.end - 1)
    for m in _mentions_starting(ann, end, last + 1):
        if m.label != "ROLE" or not end <= m.start <= last \
                or any(a.start <= m.start < a.end for a in ann.actor_mentions):  # taken by an actor
            continue
        between = range(end, m.start)
        if len(between) > 4 or any(cols.is_punct[k] or cols.lower[k] in _NOT_OBJECT_MODIFIERS for k in between):
            return None  # only the object itself: "killing civilians", not "... and was not a party"
        return kb.roles.get(m.key)
    return None


_NOT_OBJECT_MODIFIERS = args.NOT_MODIFIERS | args.STOPS


def _mentions_starting(ann, first: int, end: int) -> list:
    """The recognised mentions that start from token `first` to before `end`, in order (the
    recogniser keeps them sorted)."""
    mentions = ann.mentions
    return mentions[bisect_left(mentions, first, key=_start):bisect_left(mentions, end, key=_start)]


_start = attrgetter("start")


def domestic_scene(kb, doc, actors):
    """"Sudan's government lifted a state of emergency in West Darfur", "Egyptian police opened
    fire": an act on no one named, in a document where the actor's country is the only one named
    (as actor or place; who reports it does not count), acts on that country (inferred)."""
    ann = annotations(doc)
    countries = {country_of(ann, a) for a in actors} - {None}
    if len(countries) != 1:
        return []
    country = next(iter(countries))
    if _scene(doc) - {None, country} or country not in kb.countries:
        return []
    return [Synthetic(country_ref(kb, country, inferred=True))]


@per_document
def _scene(doc) -> set[str | None]:
    """The countries of the document's actors and places (not of those who report), read once."""
    ann = annotations(doc)
    sources = {a.claimant.get("id") for a in ann.attributions.values() if a.claimant}
    found = {ann.actors[m.actor].country for m in ann.actor_mentions if m.actor not in sources}
    return found | {ann.places[p.place].country for p in ann.place_mentions}


def adjective_object(kb, doc, start, end):
    """"rejected an Australian ultimatum", "opposed to French mediation": the country whose
    thing is acted on."""
    ann = annotations(doc)
    for m in _mentions_starting(ann, start + 1, end + 4):
        if m.label == "ADJ" and start < m.start <= end + 3 and m.key in kb.countries \
                and not any(columns_of(doc).is_punct[k] or columns_of(doc).lower[k] in args.STOPS
                            for k in range(end, m.start)) \
                and not any(a.start <= m.start < a.end for a in ann.actor_mentions):
            return [Synthetic(country_ref(kb, m.key), start=m.start)]
    return []


def struck_place(kb, doc, at: int, actors):
    """"Israeli strikes on Rafah", "strikes on Kharkiv": the country of the place struck, named at
    `at` (or after "the"), when it is not the attacker's own (inferred)."""
    ann = annotations(doc)
    own = {country_of(ann, a) for a in actors}
    starts = args.name_starts(columns_of(doc).lower, at)
    for p in ann.place_mentions:
        country = ann.places[p.place].country
        if p.start in starts and country in kb.countries and country not in own:
            return [Synthetic(country_ref(kb, country, inferred=True))]
    return []


def territory(kb, doc, clause, start):
    """"imposed a curfew in Abidjan", "strengthened its forces in Lebanon": an act on a place acts
    on its country (inferred)."""
    ann = annotations(doc)
    places = [(p.start, ann.places[p.place].country) for p in ann.place_mentions]
    places += [(m.start, ann.actors[m.actor].country) for m in ann.actor_mentions if m.place_use]
    for i, country in sorted(places):
        if start < i < clause.end and country in kb.countries and after_locative(doc, i):
            return [Synthetic(country_ref(kb, country, inferred=True))]
    return []


def protest_targets(kb, events) -> None:
    """A protest names its target in what it demands ("marched ... to demand an end to Israel's
    bombardment"); with none named, it targets what the protests told before it did, else the
    government of the country it takes place in when that is not the protesters' own ("Syrian
    refugees rioted at a camp in Jordan"), else its own country's government (all inferred)."""
    for n, event in enumerate(events):
        if event["type"] != "PROTEST" or event["recipient"] or not event["actor"]:
            continue
        purpose = next((e for e in events[n + 1:] if e["_sentence"] == event["_sentence"]
                        and e["type"] in ("REQUEST", "ACCUSE") and e["recipient"]), None)
        earlier = next((e for e in reversed(events[:n]) if e["type"] == "PROTEST" and e["recipient"]), None)
        countries = {a["country"] for a in event["actor"]} - {None}
        host = (event.get("place") or {}).get("country")
        if purpose:
            event["recipient"] = [dict(r) for r in purpose["recipient"]]
        elif earlier:
            event["recipient"] = [dict(r, inferred=True) for r in earlier["recipient"]]
        elif countries and host in kb.countries and host not in countries:
            event["recipient"] = [dict(group_ref(kb, host, "GOV", "government"), inferred=True)]
        elif len(countries) == 1 and (code := countries.pop()) in kb.countries:
            event["recipient"] = [dict(group_ref(kb, code, "GOV", "government"), inferred=True)]
