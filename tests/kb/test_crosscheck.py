"""`flashpoint kb crosscheck` (issue 3): our knowledge base against mledoze and COW data, and gold coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from flashpoint.kb import KnowledgeBase, load_kb
from flashpoint.kb import crosscheck as cc
from flashpoint.kb.loader import builtin_dir

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"

ORGANISATIONS = [
    {"id": "tinyorg", "name": "Tiny Treaty Organization", "acronyms": ["TTO"], "kind": "igo", "source": "test",
     "members": [{"country": "FRA", "since": "1990"}, {"country": "DEU", "since": "1990", "until": "2005"},
                 {"country": "ITA", "since": "2010-06-01"}, {"country": "ESP", "since": "1990"}]},
]
COW_ORGS = "ioname,orgname,longorgname,sdate,deaddate,political,economic,social\nTTO,Tiny Treaty Org,Tiny Treaty Organization (TTO),1990.0,,1.0,0.0,0.0\n"
COW_SPELLS = ("ioname,state,status,first_year,last_year\nTTO,france,full,1990.0,2014.0\nTTO,germany,full,1990.0,2014.0\n"
              "TTO,italy,full,2010.0,2014.0\nTTO,uk,full,1995.0,2014.0\nTTO,spain,observer,1990.0,2014.0\n")
MLEDOZE = [
    {"cca3": "FRA", "name": {"common": "France", "official": "French Republic"}, "capital": ["Paris"],
     "demonyms": {"eng": {"m": "French"}}},
    {"cca3": "DEU", "name": {"common": "Deutschland-Land", "official": "Teutonic Federation"}, "capital": ["Bonn"],
     "demonyms": {"eng": {"m": "Teutonish"}}},
    {"cca3": "ZZZ", "name": {"common": "Nowhereland", "official": "Republic of Nowhere"}, "capital": ["Nowhere"]},
]
COW_CAPITALS = "ccode,statenme,capital,stdate,enddate,lat,lng\n255.0,Germany,Bonn,1990-10-03,2024-12-31,0,0\n"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[KnowledgeBase, Path]:
    kb_dir = tmp_path_factory.mktemp("kb")
    (kb_dir / "organisations.yaml").write_text(yaml.safe_dump(ORGANISATIONS), encoding="utf-8")
    data = tmp_path_factory.mktemp("data")
    (data / "igo").mkdir()
    (data / "countries").mkdir()
    (data / "igo" / "cow_igo_v3_orgs.csv").write_text(COW_ORGS, encoding="utf-8")
    (data / "igo" / "cow_igo_v3_membership_spells.csv").write_text(COW_SPELLS, encoding="utf-8")
    (data / "countries" / "mledoze_countries.json").write_text(json.dumps(MLEDOZE), encoding="utf-8")
    (data / "countries" / "cow_capitals.csv").write_text(COW_CAPITALS, encoding="utf-8")
    return KnowledgeBase.from_dirs((builtin_dir(), kb_dir)), data


def test_cow_state_names_map_to_codes(tiny):
    kb, _ = tiny
    index = cc.country_index(kb)
    assert cc.cow_country("uk", index) == "GBR" and cc.cow_country("france", index) == "FRA"
    assert cc.cow_country("yugoslaviaserb", index, 2010) == "SRB" and cc.cow_country("yugoslaviaserb", index, 1990) == "YUG"
    assert cc.cow_country("austriahungary", index) is None


def test_memberships_disagree_with_reasons(tiny):
    kb, data = tiny
    report = cc.crosscheck(kb, data, dates=("2010-01-01",))
    assert report["organisations"]["matches"]["tinyorg"] == "TTO"
    rows = {(d["subject"], d["ours"], d["theirs"][:3]): d for d in report["disagreements"] if d["topic"] == "membership"}
    assert rows[("tinyorg on 2010-01-01", "not a member", "DEU")]["right"] == "theirs"  # we end it in 2005, COW runs on
    assert rows[("tinyorg on 2010-01-01", "not a member", "GBR")]["right"] == "theirs"
    assert rows[("tinyorg on 2010-01-01", "not a member", "ITA")]["right"] == "unclear"  # joins in the year compared
    assert rows[("tinyorg on 2010-01-01", "ESP member", "not")]["right"] == "unclear"  # COW: observer
    assert ("tinyorg on 2010-01-01", "FRA member", "not") not in rows


def test_countries_disagree_with_reasons(tiny):
    kb, data = tiny
    rows = {(d["topic"], d["subject"]): d for d in cc.crosscheck(kb, data)["disagreements"]}
    assert rows[("capital", "DEU")]["right"] == "theirs"  # mledoze and COW agree (in this made-up world)
    assert rows[("demonym", "DEU")]["theirs"] == "Teutonish"
    assert rows[("name", "DEU")]["right"] == "both"
    assert rows[("code", "ZZZ")]["right"] == "theirs"
    assert not any(subject == "FRA" for _, subject in rows)


def test_grouped_rows_fold_countries(tiny):
    kb, data = tiny
    groups = cc.grouped(cc.crosscheck(kb, data, dates=("2010-01-01",))["disagreements"])
    folded = [g for g in groups if g["topic"] == "membership" and g["right"] == "theirs"]
    assert folded[0]["ours"] == "COW full member, not ours: DEU, GBR" and len(folded[0]["cases"]) == 2


def test_coverage_on_tiny_gold(tiny, tmp_path):
    kb, _ = tiny
    plover = {"actor": [{"actorText": "Turkish", "code": "TUR"}, {"actorText": "the Kremlin", "code": "RUSGOV"},
                        {"actorText": "Zorblax", "code": "USA"}], "recipient": [{"actorText": "U.N.", "code": "IGOUNO"}, "diplomatic"]}
    petrarch = {"parse": "1\tTurkey\tTurkey\tPROPN\n2\tmet\tmeet\tVERB\n3\tFrance\tFrance\tPROPN",
                "expected_events": [{"source": "TUR", "target": "FRAGOV", "code": "040"}, {"source": "CHE", "target": "---"}]}
    re3d = {"entities": [{"text": "NATO", "type": "Organisation"}, {"text": "he", "type": "Person"}, {"text": "Paris", "type": "Location"}]}
    for name, record in (("plover_gsr.dev.jsonl", plover), ("petrarch2_gsr.jsonl", petrarch), ("re3d.dev.jsonl", re3d)):
        (tmp_path / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    found = cc.coverage(kb, tmp_path)
    assert (found["plover_gsr.dev.jsonl"]["mentions"], found["plover_gsr.dev.jsonl"]["right_country"]) == (4, 3)
    assert (found["petrarch2_gsr.jsonl"]["mentions"], found["petrarch2_gsr.jsonl"]["right_country"]) == (3, 2)
    assert found["re3d.dev.jsonl"]["Organisation"]["resolved"] == 1 and found["re3d.dev.jsonl"]["Person"]["resolved"] == 0


def test_markdown_summary(tiny):
    kb, data = tiny
    text = cc.markdown(cc.crosscheck(kb, data), {}, "flashpoint kb crosscheck --data X", top=2)
    assert "flashpoint kb crosscheck --data X" in text and "more groups" in text


def test_real_files_smoke():
    if not (SHARED / "kb" / "igo" / "cow_igo_v3_orgs.csv").exists():
        pytest.skip(f"reference data not found under {SHARED / 'kb'}: ../shared/data is missing beside the checkout")
    kb = load_kb()
    report = cc.crosscheck(kb, SHARED / "kb")
    assert report["organisations"]["matched"] >= 30 and report["disagreements"]
    assert {d["right"] for d in report["disagreements"]} <= {"ours", "theirs", "both", "unclear"}
    if (SHARED / "gold" / "plover_gsr.dev.jsonl").exists():
        assert cc.coverage(kb, SHARED / "gold")["plover_gsr.dev.jsonl"]["mentions"] > 100
