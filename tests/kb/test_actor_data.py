"""Checks on the curated actor data files: organisations, groups, agencies, outlets, roles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "kb" / "data"
FILES = {
    "organisations": 60,
    "groups": 50,
    "agencies": 60,
    "outlets": 60,
    "roles": 100,
}
EXTRA_CODES = {"SUN", "YUG", "CSK", "DDR", "XKX", "PSE", "YMD"}
VALID_COUNTRIES = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
STATUSES = {"member", "observer", "suspended", "associate"}
SECTORS = {
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "MED", "BUS", "CVL",
    "EDU", "HLH", "REF", "NGO", "IGO", "ELI", "LAB", "REL", "CRM", "UAF",
}


def load(name: str) -> list[dict]:
    with open(DATA / f"{name}.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def orgs() -> dict[str, dict]:
    return {e["id"]: e for e in load("organisations")}


def as_date(value: object, end: bool = False) -> dt.date:
    """Parse an ISO date string of year, month or day precision."""
    assert isinstance(value, str) and DATE_RE.match(value), value
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(*parts)


def status_on(org: dict, country: str, day: str) -> str | None:
    when = as_date(day)
    for m in org.get("members", []):
        if m["country"] != country:
            continue
        since = as_date(m["since"]) if m.get("since") else dt.date.min
        until = as_date(m["until"]) if m.get("until") else dt.date.max
        if since <= when < until:
            return m["status"]
    return None


@pytest.mark.parametrize("name,minimum", FILES.items())
def test_counts_ids_sources(name: str, minimum: int) -> None:
    entries = load(name)
    assert len(entries) >= minimum
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for e in entries:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", e["id"]), e["id"]
        assert isinstance(e.get("name"), str) and e["name"].strip(), e["id"]
        assert isinstance(e.get("source"), str) and e["source"].strip(), e["id"]
        for alias in e.get("aliases") or []:
            assert isinstance(alias, str) and alias.strip(), e["id"]


@pytest.mark.parametrize("name", ["groups", "agencies", "outlets"])
def test_country_codes(name: str) -> None:
    for e in load(name):
        country = e.get("country")
        if name == "agencies":
            assert country is not None, e["id"]
        if country is not None:
            assert country in VALID_COUNTRIES, (e["id"], country)


def test_sectors_and_codes() -> None:
    for e in load("agencies"):
        assert e["sector"] in SECTORS, e["id"]
        assert e["code"] == e["country"] + e["sector"], e["id"]
    for e in load("groups"):
        assert e["sector"] in SECTORS, e["id"]
        assert e["kind"] in {"armed_group", "pmc", "movement"}, e["id"]
        assert re.fullmatch(r"[A-Z]{3,12}", e["code"]), e["id"]
        active = e["active"]
        if active.get("since") and active.get("until"):
            assert as_date(active["since"]) <= as_date(active["until"], end=True), e["id"]
    for e in load("roles"):
        assert e["sector"] in SECTORS, e["id"]
        assert e["kind"] in {"person", "group", "body"}, e["id"]
        assert e["name"] == e["name"].lower() or e["name"].startswith("UN "), e["id"]
    for e in load("outlets"):
        assert isinstance(e["state_run"], bool), e["id"]


def test_state_run_flags() -> None:
    outlets = {e["id"]: e for e in load("outlets")}
    for oid in ["tass", "ria-novosti", "xinhua", "anadolu", "irna", "kcna", "sana", "khovar", "kabar", "trt", "cgtn", "rt"]:
        assert outlets[oid]["state_run"] is True, oid
    for oid in ["reuters", "ap", "al-monitor", "nyt", "24kg"]:
        assert outlets[oid]["state_run"] is False, oid
    roles = {e["id"]: e for e in load("roles")}
    assert roles["state-run-news-agency"]["state_run"] is True
    assert roles["state-run-news-agency"]["sector"] == "MED"
    assert roles["defence-minister"]["sector"] == "MIL"
    assert "defence minister" in roles["defence-minister"]["aliases"]


def test_organisation_members(orgs: dict[str, dict]) -> None:
    for org in orgs.values():
        assert org["kind"] == "igo"
        assert re.fullmatch(r"IGO[A-Z]*", org["code"]), org["id"]
        as_date(org["founded"])
        if org.get("dissolved"):
            assert as_date(org["founded"]) <= as_date(org["dissolved"], end=True)
        for former in org.get("former_names") or []:
            assert former["name"] and as_date(former["until"])
        for c in org.get("non_members") or []:
            assert c in VALID_COUNTRIES, (org["id"], c)
        for m in org.get("members") or []:
            assert m["country"] in VALID_COUNTRIES, (org["id"], m)
            assert m["status"] in STATUSES, (org["id"], m)
            if m.get("since") and m.get("until"):
                assert as_date(m["since"]) <= as_date(m["until"], end=True), (org["id"], m)
            elif m.get("until"):
                as_date(m["until"])


REQUIRED = {
    "csto": "CSTO", "sco": "SCO", "ots": "OTS", "cis": "CIS", "eaeu": "EAEU", "nato": "NATO",
    "eu": "EU", "au": "AU", "asean": "ASEAN", "arab-league": None, "gcc": "GCC", "osce": "OSCE",
    "ecowas": "ECOWAS", "un": "UN",
}


@pytest.mark.parametrize("oid,acronym", REQUIRED.items())
def test_required_organisations(orgs: dict[str, dict], oid: str, acronym: str | None) -> None:
    assert oid in orgs
    if acronym:
        assert acronym in orgs[oid]["acronyms"]
    else:
        assert "Arab League" in orgs[oid]["aliases"]


def test_seed_article_facts(orgs: dict[str, dict]) -> None:
    day = "2022-09-26"
    for oid in ("csto", "sco"):
        for country in ("KGZ", "TJK"):
            assert status_on(orgs[oid], country, day) == "member", (oid, country)
    assert status_on(orgs["ots"], "TUR", day) == "member"
    assert status_on(orgs["ots"], "TJK", day) is None
    assert status_on(orgs["ots"], "TKM", day) == "observer"
    assert status_on(orgs["ots"], "HUN", day) == "observer"
    former = {f["name"]: f["until"] for f in orgs["ots"]["former_names"]}
    assert former["Turkic Council"].startswith("2021-11")


def test_dated_memberships(orgs: dict[str, dict]) -> None:
    csto, sco, nato, cis, ecowas = (orgs[k] for k in ("csto", "sco", "nato", "cis", "ecowas"))
    assert status_on(csto, "UZB", "1996-01-01") == "member"
    assert status_on(csto, "UZB", "2003-01-01") is None
    assert status_on(csto, "UZB", "2010-01-01") == "member"
    assert status_on(csto, "UZB", "2014-01-01") is None
    assert status_on(nato, "FIN", "2023-04-03") is None
    assert status_on(nato, "FIN", "2023-04-04") == "member"
    assert status_on(nato, "SWE", "2024-03-07") == "member"
    assert status_on(sco, "IRN", "2023-07-04") == "member"
    assert status_on(sco, "BLR", "2024-07-04") == "member"
    assert status_on(sco, "IND", "2017-06-09") == "member"
    assert status_on(cis, "GEO", "2010-01-01") is None
    for country in ("MLI", "BFA", "NER"):
        assert status_on(ecowas, country, "2024-06-01") == "suspended"
        assert status_on(ecowas, country, "2025-02-01") is None
