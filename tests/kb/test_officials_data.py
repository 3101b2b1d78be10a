"""Checks on the curated officials file (src/flashpoint/kb/data/officials.yaml)."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "kb" / "data" / "officials.yaml"

ROLE_IDS = {
    "head_of_state",
    "head_of_government",
    "vice_president",
    "deputy_prime_minister",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "chief_of_general_staff",
    "army_chief",
    "intelligence_chief",
    "security_council_secretary",
    "spokesperson",
}
EXTRA_COUNTRY_CODES = {"PSE", "XKX"}  # Palestine; Kosovo, whose user-assigned code countries.yaml uses
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def officials() -> list[dict]:
    with DATA.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list)
    return data


def _text(value: object) -> str:
    """Dates may be quoted strings or YAML dates; normalise to ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _lower(value: object) -> dt.date:
    """Earliest day a (possibly partial) ISO date can denote."""
    parts = [int(p) for p in _text(value).split("-")]
    year, month, day = (parts + [1, 1])[:3]
    return dt.date(year, month, day)


def _upper(value: object) -> dt.date:
    """Latest day a (possibly partial) ISO date can denote."""
    parts = [int(p) for p in _text(value).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


def _holds(person: dict, role: str, on: str) -> bool:
    day = dt.date.fromisoformat(on)
    for r in person["roles"]:
        if r["role"] != role:
            continue
        until = r.get("until")
        if _lower(r["since"]) <= day and (until is None or day <= _upper(until)):
            return True
    return False


def _person(officials: list[dict], name: str, country: str) -> dict:
    matches = [p for p in officials if p["name"] == name and p["country"] == country]
    assert len(matches) == 1, f"expected exactly one {name} ({country})"
    return matches[0]


def _holders(officials: list[dict], country: str, role: str, on: str) -> set[str]:
    return {p["name"] for p in officials if p["country"] == country and _holds(p, role, on)}


def test_size(officials):
    assert len(officials) >= 200
    assert len({p["country"] for p in officials}) >= 40


def test_required_fields(officials):
    for p in officials:
        assert SLUG_RE.match(p["id"]), p["id"]
        assert isinstance(p["name"], str) and p["name"].strip(), p["id"]
        assert isinstance(p.get("source"), str) and p["source"].strip(), p["id"]
        assert isinstance(p.get("aliases", []), list), p["id"]
        assert p["roles"], p["id"]


def test_unique_ids(officials):
    ids = [p["id"] for p in officials]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, dupes


def test_country_codes(officials):
    for p in officials:
        code = p["country"]
        assert code in EXTRA_COUNTRY_CODES or pycountry.countries.get(alpha_3=code), (
            p["id"],
            code,
        )


def test_roles_and_dates(officials):
    for p in officials:
        for r in p["roles"]:
            assert r["role"] in ROLE_IDS, (p["id"], r["role"])
            assert DATE_RE.match(_text(r["since"])), (p["id"], r)
            until = r.get("until")
            if until is not None:
                assert DATE_RE.match(_text(until)), (p["id"], r)
                assert _lower(r["since"]) <= _upper(until), (p["id"], r)


def test_no_shared_alias_in_same_office_at_same_time(officials):
    """Two people of one country must not share a name or alias while holding the same role."""
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in officials:
        for alias in {p["name"], *p.get("aliases", [])}:
            by_key[(p["country"], alias.casefold())].append(p)
    for (country, alias), people in by_key.items():
        for a, b in itertools.combinations(people, 2):
            if a["id"] == b["id"]:
                continue
            for ra in a["roles"]:
                for rb in b["roles"]:
                    if ra["role"] != rb["role"]:
                        continue
                    a_end = _lower(ra["until"]) if ra.get("until") else dt.date.max
                    b_end = _lower(rb["until"]) if rb.get("until") else dt.date.max
                    overlap = _lower(ra["since"]) < b_end and _lower(rb["since"]) < a_end
                    assert not overlap, (country, alias, a["id"], b["id"], ra["role"])


def test_turkey_defence_minister(officials):
    akar = _person(officials, "Hulusi Akar", "TUR")
    guler = _person(officials, "Yaşar Güler", "TUR")
    assert _holds(akar, "defence_minister", "2022-09-26")
    assert not _holds(akar, "defence_minister", "2024-06-01")
    assert _holds(guler, "defence_minister", "2024-06-01")
    assert _holders(officials, "TUR", "defence_minister", "2024-06-01") == {"Yaşar Güler"}


def test_turkey_head_of_state(officials):
    erdogan = _person(officials, "Recep Tayyip Erdoğan", "TUR")
    assert "Recep Tayyip Erdogan" in erdogan["aliases"]
    assert _holds(erdogan, "head_of_state", "2022-09-26")


def test_tajikistan_defence_minister(officials):
    mirzo = _person(officials, "Sherali Mirzo", "TJK")
    assert _holds(mirzo, "defence_minister", "2022-04-15")
    assert _holders(officials, "TJK", "defence_minister", "2022-04-15") == {"Sherali Mirzo"}


def test_kyrgyzstan(officials):
    japarov = _person(officials, "Sadyr Japarov", "KGZ")
    assert _holds(japarov, "head_of_state", "2022-09-26")
    kulubaev = _person(officials, "Jeenbek Kulubaev", "KGZ")
    # Kulubaev was made (acting) foreign minister on 2022-04-22, replacing Ruslan Kazakbaev;
    # on 2022-04-15 Kazakbaev still held the post.
    assert _holds(kulubaev, "foreign_minister", "2022-09-26")
    assert not _holds(kulubaev, "foreign_minister", "2022-04-15")
    assert _holders(officials, "KGZ", "foreign_minister", "2022-04-15") == {"Ruslan Kazakbaev"}
