"""Consistency checks for the curated event vocabularies: plover.yaml and triggers.yaml."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "kb" / "data"

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
QUADS = {
    "verbal cooperation": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "material cooperation": {"COOPERATE", "AID", "RETREAT"},
    "verbal conflict": {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    "material conflict": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}
# Mode ids flashpoint's weapon data assigns to ASSAULT events.
REQUIRED_ASSAULT_MODES = {
    "drone",
    "aerial",
    "heavy-weapons",
    "firearms",
    "explosives",
    "CBRN",
    "primitive-weapons",
    "naval",
}
CAMEO_RE = re.compile(r"^\d{2,4}$")
ARG_RE = re.compile(r"^(subject|object|poss|prep:[a-z]+)$")
POS_VALUES = {"VERB", "NOUN", "both"}


@pytest.fixture(scope="module")
def plover() -> dict:
    with open(DATA / "plover.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def types(plover) -> dict[str, dict]:
    return {t["id"]: t for t in plover["types"]}


@pytest.fixture(scope="module")
def triggers() -> list[dict]:
    with open(DATA / "triggers.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)["triggers"]


def cameo_owner(code: str, types: dict[str, dict]) -> str | None:
    """The type whose listed CAMEO code is the longest prefix of `code`."""
    best, best_len = None, 0
    for tid, t in types.items():
        for root in t["cameo"]:
            if code.startswith(root) and len(root) > best_len:
                best, best_len = tid, len(root)
    return best


# --------------------------------------------------------------------------- plover.yaml


def test_top_level_shape(plover):
    assert set(plover) >= {"types", "legacy", "source", "sources"}
    assert plover["source"].strip()


def test_exactly_the_sixteen_types(plover, types):
    ids = [t["id"] for t in plover["types"]]
    assert len(ids) == len(set(ids)) == 16
    assert set(ids) == PLOVER_TYPES


def test_type_fields(types):
    for tid, t in types.items():
        for key in ("name", "description", "quad", "cameo", "default_cameo", "modes", "source"):
            assert key in t, f"{tid} lacks {key}"
        assert t["description"].strip() and "\n" not in t["description"].strip(), tid
        assert t["source"].strip(), tid
        assert tid in QUADS[t["quad"]], f"{tid} has quad {t['quad']}"
        assert isinstance(t["requires_recipient"], bool), tid
        assert -10 <= t["score"] <= 10, tid


def test_cameo_codes_are_digit_strings(types):
    for tid, t in types.items():
        assert t["cameo"], tid
        codes = [*t["cameo"], t["default_cameo"], *(m["cameo"] for m in t["modes"])]
        for code in codes:
            assert isinstance(code, str) and CAMEO_RE.match(code), f"{tid}: {code!r}"


def test_default_cameo_starts_with_a_root(types):
    for tid, t in types.items():
        assert any(t["default_cameo"].startswith(r) for r in t["cameo"]), tid


def test_cameo_crosswalk_resolves_to_one_type(types):
    seen: dict[str, str] = {}
    for tid, t in types.items():
        for code in t["cameo"]:
            assert code not in seen, f"CAMEO {code} listed by {seen.get(code)} and {tid}"
            seen[code] = tid
    for tid, t in types.items():
        assert cameo_owner(t["default_cameo"], types) == tid, tid
        for m in t["modes"]:
            assert cameo_owner(m["cameo"], types) == tid, f"{tid}/{m['id']}: {m['cameo']}"


def test_cameo_cue_categories_covered(types):
    # Every CAMEO cue category except the dropped 01 maps somewhere.
    for root in [f"{i:02d}" for i in range(2, 21)]:
        assert cameo_owner(root + "0", types) is not None, root


def test_modes(plover, types):
    origins = set(plover["sources"])
    for tid, t in types.items():
        ids = [m["id"] for m in t["modes"]]
        assert len(ids) == len(set(ids)), f"duplicate mode in {tid}"
        for m in t["modes"]:
            assert m["description"].strip(), (tid, m["id"])
            assert m["origin"] in origins, (tid, m["id"])
            if m.get("extension"):
                assert m["origin"] == "extension", (tid, m["id"])
                assert "extension" in m["description"].lower() or m.get("equivalent"), m["id"]
            else:
                assert m["origin"] != "extension", (tid, m["id"])
            if m.get("equivalent"):
                assert m["equivalent"] in ids and m["equivalent"] != m["id"], m["id"]


def test_required_assault_modes(types):
    modes = {m["id"]: m for m in types["ASSAULT"]["modes"]}
    assert REQUIRED_ASSAULT_MODES <= set(modes)
    assert modes["naval"]["extension"] is True
    assert modes["aerial"]["cameo"] == "195"
    assert modes["heavy-weapons"]["cameo"] == "194"
    assert modes["firearms"]["cameo"] == "193"


def test_legacy_folding(plover, types):
    legacy = plover["legacy"]
    assert legacy["source"].strip()
    folds = legacy["types"]
    assert folds["FIGHT"]["type"] == "ASSAULT"
    assert folds["DEMAND"]["type"] == "REQUEST"
    assert folds["DISAPPROVE"]["type"] == "ACCUSE"
    assert folds["INVESTIGATE"]["type"] == "ACCUSE"
    for old, new in folds.items():
        assert old not in PLOVER_TYPES, old
        if new["type"] is None:
            continue
        assert new["type"] in PLOVER_TYPES, old
        if new["mode"] is not None:
            assert new["mode"] in {m["id"] for m in types[new["type"]]["modes"]}, old
    for old_type, renames in legacy["modes"].items():
        target = folds.get(old_type, {"type": old_type})["type"]
        assert target in PLOVER_TYPES, old_type
        valid = {m["id"] for m in types[target]["modes"]}
        for old_mode, new_mode in renames.items():
            assert new_mode is None or new_mode in valid, (old_type, old_mode)


# --------------------------------------------------------------------------- triggers.yaml


def test_trigger_count(triggers):
    assert len(triggers) >= 250


def test_trigger_ids_unique(triggers):
    ids = [t["id"] for t in triggers]
    assert len(ids) == len(set(ids))
    for i in ids:
        assert re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", i), i


def test_trigger_fields(triggers, types):
    for t in triggers:
        tid = t["id"]
        assert t["type"] in types, tid
        modes = {m["id"] for m in types[t["type"]]["modes"]}
        assert t["mode"] is None or t["mode"] in modes, f"{tid}: {t['mode']}"
        assert isinstance(t["cameo"], str) and CAMEO_RE.match(t["cameo"]), tid
        assert cameo_owner(t["cameo"], types) == t["type"], f"{tid}: {t['cameo']}"
        assert t["pos"] in POS_VALUES, tid
        assert t["lemmas"] or t["phrases"], tid
        for lemma in t["lemmas"]:
            assert lemma == lemma.lower() and " " not in lemma and lemma.strip(), (tid, lemma)
        for phrase in t["phrases"]:
            assert phrase == phrase.lower() and len(phrase.split()) >= 2, (tid, phrase)
        for key in ("symmetric", "requires_weapon", "ambiguous", "not_before_name"):
            assert isinstance(t.get(key, False), bool), (tid, key)
        for key in ("actor", "recipient"):
            for pattern in t.get(key, []):
                assert ARG_RE.match(pattern), (tid, key, pattern)
        for word in t.get("not_before", []):
            assert word == word.lower() and " " not in word and word.strip(), (tid, "not_before", word)
        assert t.get("source", "").strip(), tid


def test_every_type_has_triggers(triggers):
    counts: dict[str, int] = defaultdict(int)
    for t in triggers:
        counts[t["type"]] += 1
    for tid in PLOVER_TYPES:
        assert counts[tid] >= 5, f"{tid} has {counts[tid]} triggers"


def _keys(trigger: dict):
    pos = ("VERB", "NOUN") if trigger["pos"] == "both" else (trigger["pos"],)
    for lemma in trigger["lemmas"]:
        for p in pos:
            yield ("lemma", lemma, p)
    for phrase in trigger["phrases"]:
        yield ("phrase", phrase, None)


def test_shared_lemmas_are_marked_ambiguous(triggers):
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for t in triggers:
        for key in set(_keys(t)):
            by_key[key].append(t)
    for key, ts in by_key.items():
        if len({t["type"] for t in ts}) > 1:
            unmarked = [t["id"] for t in ts if not t.get("ambiguous")]
            assert not unmarked, f"{key} shared across types; not ambiguous: {unmarked}"


def test_no_duplicate_entries_within_a_type(triggers):
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for t in triggers:
        for key in set(_keys(t)):
            by_key[(t["type"], *key)].append(t["id"])
    dupes = {k: v for k, v in by_key.items() if len(v) > 1}
    assert not dupes, dupes


def test_reciprocal_and_weapon_triggers(triggers):
    by_id = {t["id"]: t for t in triggers}
    for tid in ("clash", "fight", "meet", "talk", "sign-agreement"):
        assert by_id[tid].get("symmetric") is True, tid
    for tid in ("hit", "pound", "strike-verb"):
        assert by_id[tid].get("requires_weapon") is True, tid
    # A government's "protest" is ACCUSE; street protests are PROTEST.
    assert by_id["protest-diplomatic"]["type"] == "ACCUSE"
    assert by_id["protest"]["type"] == "PROTEST"
    assert by_id["visit"]["cameo"] == "042" and by_id["host"]["cameo"] == "043"


def test_required_assault_modes_have_triggers(triggers):
    used = {t["mode"] for t in triggers if t["type"] == "ASSAULT"}
    missing = REQUIRED_ASSAULT_MODES - used
    assert not missing, missing
