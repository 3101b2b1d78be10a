"""Cross-checks of the curated weapons knowledge base, read straight from the YAML files.

These tests use PyYAML only, so they keep working whatever the loader does; they guard the
facts analysts edit by hand: ids, cross-references, codes, sources and risky aliases.
"""

import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "kb" / "data"
FILES = ("companies", "weapons", "weapon_types", "weapon_words")

MODES = {
    "drone",
    "aerial",
    "heavy-weapons",
    "firearms",
    "explosives",
    "CBRN",
    "primitive-weapons",
    "naval",
}
CLASSES = {
    "drone",
    "air-defence",
    "missile",
    "armour",
    "artillery",
    "aircraft",
    "helicopter",
    "ship",
    "small-arms",
    "explosive",
    "bomb",
    "chemical",
    "nuclear",
    "incendiary",
    "riot-control",
    "melee",
    "munitions",
}
HISTORICAL_COUNTRIES = {"SUN"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Everyday words (and common given names) that must never match a weapon without context.
STOPLIST = set(
    """
    patriot javelin tiger grad puma boxer archer caesar tornado spike lancet cobra hermes orion
    leopard stinger harpoon apache reaper predator warrior stryker bradley abrams hellfire
    tomahawk excalibur iskander neptune mistral typhoon hornet raptor lightning chinook viper
    hawk eagle falcon phoenix storm thunder tow avenger switchblade taurus meteor brimstone
    maverick sidewinder paladin osprey hercules warthog tomcat huey kiowa gazelle cougar
    caracal alligator heron harpy orbiter milan metis tor osa bastion zircon onyx spice jericho
    delilah popeye rampage lora noor emad shahed mohajer ababil samad karrar zulfiqar anka
    akinci altay bora tayfun kaan som hisar korkut pars tejas arjun akash agni prithvi shaheen
    babur nag dhruv rudra minuteman marder dingo fuchs piranha leclerc boran panter tunguska
    bavar flanker fulcrum backfire blackjack bear hind hip havoc helix candid mainstay fencer
    fullback felon kuznetsov anadolu ak pk m4 k2 k9 fateh fatah arrow barak hammer club uran
    ruslan tamir eitan sentry spirit lancer raider
""".split()
)

COMPANY_STOPLIST = set(
    """
    rafael bell colt leonardo patria kronstadt oshkosh kongsberg antonov diehl kai tai zala
    luch edge mil cz csg
""".split()
)


def load(name):
    with open(DATA / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def kb():
    return {name: load(name) for name in FILES}


def names_of(entry):
    return [entry["name"], *(entry.get("aliases") or [])]


def is_country(code):
    return code in HISTORICAL_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("companies", 80), ("weapons", 300), ("weapon_words", 50), ("weapon_types", 20)],
)
def test_counts(kb, name, minimum):
    assert isinstance(kb[name], list)
    assert len(kb[name]) >= minimum, f"{name}.yaml has only {len(kb[name])} entries"


@pytest.mark.parametrize("name", FILES)
def test_ids_unique_slugs(kb, name):
    ids = [e["id"] for e in kb[name]]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{name}.yaml: duplicate ids {dupes}"
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, f"{name}.yaml: ids that are not lowercase slugs {bad}"


@pytest.mark.parametrize("name", FILES)
def test_every_entry_has_name_and_source(kb, name):
    missing = [
        e["id"]
        for e in kb[name]
        if not str(e.get("source") or "").strip() or not str(e.get("name") or "").strip()
    ]
    assert not missing, f"{name}.yaml: entries without name or source {missing}"


def test_manufacturers_exist(kb):
    companies = {c["id"] for c in kb["companies"]}
    unknown = {
        w["id"]: w["manufacturer"]
        for w in kb["weapons"]
        if w["manufacturer"] is not None and w["manufacturer"] not in companies
    }
    assert not unknown, f"weapons.yaml: manufacturer not in companies.yaml {unknown}"


def test_company_parents_exist_without_cycles(kb):
    parent = {c["id"]: c["parent"] for c in kb["companies"]}
    unknown = {k: v for k, v in parent.items() if v is not None and v not in parent}
    assert not unknown, f"companies.yaml: parent not in companies.yaml {unknown}"
    for start in parent:
        seen, node = set(), start
        while node is not None:
            assert node not in seen, f"companies.yaml: parent cycle through {start}"
            seen.add(node)
            node = parent[node]


def test_company_fields(kb):
    bad = [
        c["id"]
        for c in kb["companies"]
        if not isinstance(c["state_owned"], bool) or not isinstance(c["aliases"], list)
    ]
    assert not bad, f"companies.yaml: state_owned must be bool and aliases a list {bad}"


def test_types_exist(kb):
    types = {t["id"] for t in kb["weapon_types"]}
    bad = {w["id"]: w["type"] for w in kb["weapons"] if w["type"] not in types}
    bad |= {
        w["id"]: w["type"]
        for w in kb["weapon_words"]
        if w["type"] is not None and w["type"] not in types
    }
    assert not bad, f"type not in weapon_types.yaml {bad}"


def test_modes_and_classes(kb):
    bad = {t["id"]: t["mode"] for t in kb["weapon_types"] if t["mode"] not in MODES}
    bad |= {
        w["id"]: w["mode"]
        for w in kb["weapon_words"]
        if w["mode"] is not None and w["mode"] not in MODES
    }
    assert not bad, f"mode not one of {sorted(MODES)}: {bad}"
    entries = kb["weapon_types"] + kb["weapon_words"]
    bad_class = {e["id"]: e["class"] for e in entries if e["class"] not in CLASSES}
    assert not bad_class, f"class not one of {sorted(CLASSES)}: {bad_class}"


def test_type_nouns_present_and_unique(kb):
    owner = defaultdict(set)
    for t in kb["weapon_types"]:
        assert t["nouns"], f"weapon_types.yaml: {t['id']} has no nouns"
        for noun in t["nouns"]:
            owner[noun.casefold()].add(t["id"])
    shared = {n: sorted(ids) for n, ids in owner.items() if len(ids) > 1}
    assert not shared, f"weapon_types.yaml: nouns shared by several types {shared}"


def test_country_codes(kb):
    bad = {c["id"]: c["country"] for c in kb["companies"] if not is_country(c["country"])}
    bad |= {w["id"]: w["origin"] for w in kb["weapons"] if not is_country(w["origin"])}
    assert not bad, f"not an ISO 3166-1 alpha-3 code (or SUN): {bad}"


@pytest.mark.parametrize("name", ["weapons", "weapon_words", "companies"])
def test_no_alias_shared_between_entries(kb, name):
    owner = defaultdict(set)
    for entry in kb[name]:
        for alias in names_of(entry):
            owner[alias.casefold()].add(entry["id"])
    shared = {a: sorted(ids) for a, ids in owner.items() if len(ids) > 1}
    assert not shared, f"{name}.yaml: names shared by different entries {shared}"


def test_weapon_names_are_not_generic_words(kb):
    words = {a.casefold(): w["id"] for w in kb["weapon_words"] for a in names_of(w)}
    clash = {
        a: (w["id"], words[a.casefold()])
        for w in kb["weapons"]
        for a in names_of(w)
        if a.casefold() in words
    }
    assert not clash, f"weapon names that are also generic weapon words {clash}"


def test_everyday_words_are_marked_ambiguous(kb):
    unmarked = {
        w["id"]: a
        for w in kb["weapons"]
        for a in names_of(w)
        if a.casefold() in STOPLIST and w.get("ambiguous") is not True
    }
    assert not unmarked, f"weapons.yaml: everyday-word aliases need ambiguous: true {unmarked}"


def test_company_everyday_words_are_marked_ambiguous(kb):
    unmarked = {
        c["id"]: a
        for c in kb["companies"]
        for a in names_of(c)
        if a.casefold() in COMPANY_STOPLIST and c.get("ambiguous") is not True
    }
    assert not unmarked, f"companies.yaml: everyday-word aliases need ambiguous: true {unmarked}"


@pytest.mark.parametrize("name", ["weapons", "companies"])
def test_ambiguous_is_bool(kb, name):
    bad = [e["id"] for e in kb[name] if not isinstance(e.get("ambiguous"), bool)]
    assert not bad, f"{name}.yaml: ambiguous must be true or false {bad}"
