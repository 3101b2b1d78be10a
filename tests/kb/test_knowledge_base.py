"""The loaded knowledge base: lookups on a date, user overrides, and the cross-checks."""

from __future__ import annotations

import textwrap

import pytest

from flashpoint.errors import KnowledgeBaseError
from flashpoint.kb import KnowledgeBase, load_kb
from flashpoint.kb.loader import builtin_dir


def test_the_built_in_files_have_no_problems():
    kb = load_kb()
    assert kb.problems == []
    assert len(kb.countries) >= 249 and len([e for e in kb.entries.values() if e.kind == "igo"]) >= 60


def test_a_counterpart_resolves_by_tenure():
    kb = load_kb()
    (in_2022,) = [r for r in kb.lookup("Hulusi Akar", on="2022-09-26") if r.kind == "person"]
    assert in_2022.code == "TURMIL" or in_2022.code == "TURGOV"
    assert "defence_minister" in in_2022.why
    (in_2024,) = [r for r in kb.lookup("Hulusi Akar", on="2024-06-01") if r.kind == "person"]
    assert in_2024.code is None and "no listed office" in in_2024.why


def test_demonyms_capitals_and_other_languages():
    kb = load_kb()
    assert {r.id for r in kb.lookup("Kirghiz")} == {"KGZ"}
    assert {r.id for r in kb.lookup("Tadjik")} == {"TJK"}
    assert {r.code for r in kb.lookup("Ankara") if r.kind == "seat"} == {"TURGOV"}
    assert "TUR" in {r.id for r in kb.lookup("Türkiye")}
    assert {r.id for r in kb.lookup("T&T")} == {"TTO"}, "the Trinidad and Tobago press's own name"
    assert "KGZ" in {r.id for r in kb.lookup("Киргизия")}, "Russian CLDR name"
    assert {r.id for r in kb.lookup("Indian") if r.kind == "country"} == {"IND"}, "not the British Indian Ocean Territory"


@pytest.mark.parametrize(("name", "day", "code"), [
    ("Mugabe", "2005-06-01", "ZWEGOV"), ("Jammeh", "2016-12-01", "GMBGOV"),
    ("Yanukovych", "2013-11-21", "UKRGOV"), ("Ouattara", "2020-01-01", "CIVGOV"),
])
def test_heads_of_state_often_named_in_the_news_are_known_by_tenure(name, day, code):
    (person,) = [r for r in load_kb().lookup(name, on=day) if r.kind == "person"]
    assert person.code == code


@pytest.mark.parametrize(("name", "kind", "code"), [
    ("HRW", "ngo", "NGOHRI"), ("Amnesty International", "ngo", "NGOHRIAMN"), ("ICRC", "ngo", "NGOHLHIRC"),
    ("Doctors Without Borders", "ngo", "NGOHLHMSF"), ("Syrian Observatory for Human Rights", "ngo", "SYRNGO"),
    ("General Assembly", "igo", "IGOUNO"), ("OCHA", "igo", "IGOUNO"), ("European Commission", "igo", "IGOEUREEC"),
    ("European Court of Human Rights", "igo", "IGOEURCOE"),
])
def test_rights_groups_aid_agencies_and_the_bodies_of_the_un_and_eu_are_known(name, kind, code):
    assert [(r.kind, r.code) for r in load_kb().lookup(name)] == [(kind, code)]


def test_dated_membership():
    kb = load_kb()
    assert {"KGZ", "TJK", "RUS"} <= kb.members("csto", "2022-09-26")
    assert "TJK" not in kb.members("ots", "2022-09-26")
    assert "UZB" not in kb.members("csto", "2015-01-01")
    assert "Turkic Council" in kb.entries["igo:ots"].aliases


def test_a_user_file_overrides_a_built_in_entry(tmp_path):
    (tmp_path / "officials.yaml").write_text(textwrap.dedent("""\
        - id: hulusi-akar
          name: Hulusi Akar
          country: TUR
          roles:
            - {role: foreign_minister, since: 2022-01-01}
          source: "a test override"
        - id: jane-analyst
          name: Jane Analyst
          country: KGZ
          roles: []
          source: "a test entry"
        """), encoding="utf-8")
    kb = KnowledgeBase.from_dirs((builtin_dir(), tmp_path))
    assert kb.problems == []
    (akar,) = [r for r in kb.lookup("Hulusi Akar", on="2022-09-26") if r.kind == "person"]
    assert "foreign_minister" in akar.why and akar.file.endswith(str(tmp_path / "officials.yaml"))
    assert kb.lookup("Jane Analyst")


def test_check_names_the_file_and_entry_of_a_problem(tmp_path):
    (tmp_path / "weapons.yaml").write_text(textwrap.dedent("""\
        - id: made-up-drone
          name: Made-Up Drone
          type: ucav
          manufacturer: no-such-company
          origin: XXX
          source: "a test entry"
        """), encoding="utf-8")
    kb = KnowledgeBase.from_dirs((builtin_dir(), tmp_path))
    joined = "\n".join(kb.problems)
    assert "made-up-drone" in joined and "no-such-company" in joined and "XXX" in joined


def test_two_entries_of_one_file_with_the_same_id_are_refused(tmp_path):
    (tmp_path / "triggers.yaml").write_text(textwrap.dedent("""\
        triggers:
          - {id: shelling, lemmas: [shell], type: ASSAULT}
          - {id: blockade, lemmas: [blockade], type: COERCE}
          - {id: shelling, lemmas: [bombard], type: ASSAULT}
        """), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        KnowledgeBase.from_dirs((builtin_dir(), tmp_path))
    assert "entries 1 and 3 both have id 'shelling'" in str(error.value)
    assert str(tmp_path / "triggers.yaml") in str(error.value)


def test_a_country_stands_at_geonames_point_for_it():
    kb = load_kb()
    # GeoNames' points (country_points.tsv), not countryinfo's (38,-97; 60,-95), which lie 235 and
    # 1,031 km away and make every geocoding of "the United States" or "Canada" a miss
    assert (kb.countries["USA"].lat, kb.countries["USA"].lon) == (39.76, -98.5)
    assert (kb.countries["CAN"].lat, kb.countries["CAN"].lon) == (60.10867, -113.64258)
    # a curated country no package knows gets the table's point too (it had none before)
    assert (kb.countries["XKX"].lat, kb.countries["XKX"].lon) == (42.58333, 20.91667)
    # a territory the table leaves out keeps countryinfo's point
    assert kb.countries["GRL"].lat is not None


def test_a_user_point_replaces_the_built_in_one(tmp_path):
    (tmp_path / "country_points.tsv").write_text("# my own\nKGZ\t40.5\t72.8\tKyrgyzstan (Osh)\n", encoding="utf-8")
    (tmp_path / "countries.yaml").write_text(textwrap.dedent("""\
        - {id: tjk, code: TJK, point: [38.56, 68.77], source: "Dushanbe, for a test"}
        """), encoding="utf-8")
    kb = KnowledgeBase.from_dirs((builtin_dir(), tmp_path))
    assert (kb.countries["KGZ"].lat, kb.countries["KGZ"].lon) == (40.5, 72.8)
    assert (kb.countries["TJK"].lat, kb.countries["TJK"].lon) == (38.56, 68.77)
    assert (kb.countries["TUR"].lat, kb.countries["TUR"].lon) == (39.0, 35.0)  # the other rows stay


@pytest.mark.parametrize(("file", "text", "message"), [
    ("country_points.tsv", "KGZ\t41.5\n", "country_points.tsv, line 1: expected 'CODE<tab>LAT<tab>LON'"),
    ("country_points.tsv", "# a note\nKGZ\t141.5\t75\n", "line 2: expected 'CODE<tab>LAT<tab>LON', with -90 <= LAT <= 90"),
    ("countries.yaml", "- {id: tjk, code: TJK, point: 38.5}\n", "country 'tjk' has point 38.5; write it as [lat, lon]"),
])
def test_a_point_that_is_not_one_is_refused_with_its_place(tmp_path, file, text, message):
    (tmp_path / file).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=message.replace("[", r"\[").replace("(", r"\(")):
        KnowledgeBase.from_dirs((builtin_dir(), tmp_path))


def test_the_knowledge_base_is_not_read_at_import(monkeypatch):
    import importlib
    import sys

    for name in [m for m in sys.modules if m.startswith("flashpoint")]:
        monkeypatch.delitem(sys.modules, name)
    module = importlib.import_module("flashpoint")
    assert "flashpoint.kb.knowledge" not in sys.modules and module.SCHEMA == "flashpoint/1"


def test_the_parsed_knowledge_base_is_kept_per_content_and_rebuilt_after_an_edit(tmp_path, monkeypatch):
    from flashpoint import kb as kb_module

    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path / "cache"))
    user = tmp_path / "kb"
    user.mkdir()
    entry = "- id: jane-analyst\n  name: {name}\n  country: KGZ\n  roles: []\n  source: a test entry\n"
    (user / "officials.yaml").write_text(entry.format(name="Jane Analyst"), encoding="utf-8")

    def fresh():
        kb_module._load.cache_clear()  # a new process, as far as the knowledge base can tell
        return kb_module._load((builtin_dir(), user))

    first = fresh()
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 1
    again = fresh()
    assert again is not first and again.lookup("Jane Analyst") and again.entries.keys() == first.entries.keys()
    (user / "officials.yaml").write_text(entry.format(name="Joan Analyst"), encoding="utf-8")
    edited = fresh()
    assert edited.lookup("Joan Analyst") and not edited.lookup("Jane Analyst")
    assert len(list((tmp_path / "cache").glob("kb-*.pickle"))) == 2
    kb_module._load.cache_clear()


def test_a_region_needs_a_kind_a_known_country_and_a_source(tmp_path):
    (tmp_path / "regions.yaml").write_text(textwrap.dedent("""\
        - id: made-up-sea
          name: Made-Up Sea
          kind: puddle
          country: XXX
        """), encoding="utf-8")
    kb = KnowledgeBase.from_dirs((builtin_dir(), tmp_path))
    problems = [p for p in kb.problems if "made-up-sea" in p]
    assert len(problems) == 3 and all(str(tmp_path / "regions.yaml") in p for p in problems)
    assert any("puddle" in p for p in problems) and any("XXX" in p for p in problems) \
        and any("source" in p for p in problems)
    assert kb.regions["south-china-sea"]["kind"] == "sea"  # the built-in ones are still there


def test_the_minsk_group_is_the_osces():
    kb = load_kb()
    assert [r.code for r in kb.lookup("Minsk Group")] == ["IGOEURSCE"]
