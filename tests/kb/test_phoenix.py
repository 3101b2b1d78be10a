"""`flashpoint kb import-phoenix` (issue 3): Phoenix/TABARI dictionaries to flashpoint YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flashpoint.kb import KnowledgeBase
from flashpoint.kb import phoenix as px
from flashpoint.kb.loader import builtin_dir

PHOENIX = Path(__file__).resolve().parents[3] / "shared" / "data" / "kb" / "phoenix"

COUNTRIES = """\
# TABARI-formatted .actor file
KYRGYZSTAN_
+KYRGYZ_ \n+KIRGIZSTAN_   # a comment after a synonym
+BISHKEK_
\t[USRKGZ <910831]
\t[KGZ >911221]

ASKAR_AKAYEV_  # CountryInfo.txt
\t[KGZELI 620101-901027]
\t[KGZGOV 901027-050411]
\t[KGZELI]
DAVID_CAMERON_  # CountryInfo.txt
\t[GBRGOV >201005011] \n\t[GBRGOV > 100511]
MUHAJIRIN_WA-ANSAR_ALLIANCE
SARAYAT_AL-QUDS

\t[SYRREBMUS]
LIAMINE_Z\x1aROUAL_  # CountryInfo.txt
  \t[DZAGOV 19940131-1919990427]
MARTINIQUE_  [FRAMTQ]
+FORT_DE_FRANCE_
KINAKUTA_  [KNT]
+KINAKUTAN_
"""

INTERNATIONAL = """\
THE_UNITED_NATIONS_ [IGOUNO]
U.N._
UN_ [IGOUNO]
UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
SECRETARY-GENERAL_BAN_KI-MOON
+BAN_KI-MOON
\t[IGOUNO >20070101]
\t[KORGOVBUS 2004017-20061201]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt
\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt
EXXON_\t[MNCUSA]# NGO_Actors
"""

MILNONSTATE = """\
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+ARMY_OF_MOHAMMED+_ISLAMIC_ADEN_ARMY_

BOKO_HARAM [NGAREB]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
CONGRESS!PERSON! [~LEG]
BORDER_GUARD [~MIL]
POLICE {} [~COP]
LAWMAN {LAWMEN} [~COP]
DEPARMENT_OF_ENVIRONMENT [~ENV}
PEACEKEEPING_TROOPS {} [IGO~]
ISLAMIC_EXTREMIST
# CHRISTIAN_SAINT [~CHR]
"""


@pytest.fixture(scope="module")
def snippets(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("phoenix")
    for name, text in (("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE), ("Phoenix.agents.txt", AGENTS)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def imported(snippets, tmp_path_factory) -> dict[str, dict[str, dict]]:
    out = tmp_path_factory.mktemp("out")
    px.import_directory(snippets, out)
    return {p.name: {e["id"]: e for e in yaml.safe_load(p.read_text(encoding="utf-8"))} for p in out.glob("*.yaml")}


def test_dates_take_six_or_eight_digits_and_infer_the_century():
    assert px.parse_date("620101") == "1962-01-01"
    assert px.parse_date("320101") == "1932-01-01"  # after the dictionaries were written, so 19xx
    assert px.parse_date("091031") == "2009-10-31"
    assert px.parse_date("20070101") == "2007-01-01"
    assert px.parse_date("1920030320") == "2003-03-20"  # a stray '19' before an eight-digit date
    assert px.parse_date("2004017") is None and px.parse_date("201005011") is None and px.parse_date("621301") is None


def test_codes_with_restrictions():
    assert px.parse_code("KGZGOV 090201-091031") == px.Code("KGZGOV", "2009-02-01", "2009-10-31", "KGZGOV 090201-091031")
    assert px.parse_code("KGZGOV >090702").since == "2009-07-02"
    assert px.parse_code("EGYGOV > 140608").since == "2014-06-08"
    assert px.parse_code("USRKGZ <910831").until == "1991-08-31"
    assert px.parse_code("---") is None
    assert [c.code for c in px.bracket_codes("X [IGOUNO 820101-911231] [ELI] [---]")] == ["IGOUNO", "ELI"]
    assert [c.code for c in px.bracket_codes("DEPARMENT_OF_ENVIRONMENT [~ENV}")] == ["~ENV"]


def test_records_without_codes_share_the_next_codes():
    records = px.parse_actors(COUNTRIES)
    shared = [r for r in records if r.shared]
    assert [r.phrases[0] for r in shared] == ["MUHAJIRIN_WA-ANSAR_ALLIANCE"]
    assert shared[0].codes[0].code == "SYRREBMUS"


def test_person_with_dated_codes_on_following_lines(imported):
    akayev = imported["officials.yaml"]["phx-askar-akayev"]
    assert akayev["country"] == "KGZ" and akayev["name"] == "Askar Akayev"
    assert "roles" not in akayev  # Phoenix codes name no office: kept under phoenix_roles
    assert akayev["phoenix_roles"][1] == {"role": "official", "code": "KGZGOV", "since": "1990-10-27",
                                          "until": "2005-04-11", "phoenix_code": "KGZGOV 901027-050411"}
    assert akayev["source"] == "Phoenix dictionary Phoenix.Countries.actors.txt, openeventdata/petrarch2 @ 676801c (MIT)"


def test_bad_dates_are_dropped_but_the_raw_code_kept(imported):
    cameron = imported["officials.yaml"]["phx-david-cameron"]
    assert cameron["phoenix_roles"][0] == {"role": "official", "code": "GBRGOV", "phoenix_code": "GBRGOV >201005011"}
    assert cameron["phoenix_roles"][1]["since"] == "2010-05-11"


def test_control_characters_and_indented_codes(imported):
    zeroual = imported["officials.yaml"]["phx-liamine-zroual"]
    assert zeroual["phoenix_roles"][0]["until"] == "1999-04-27"


def test_country_synonyms_become_aliases(imported):
    kgz = imported["countries.yaml"]["phx-kgz"]
    assert "Kirgizstan" in kgz["aliases"] and "Bishkek" not in kgz["aliases"]  # Bishkek is already its seat
    assert "Fort de France" in imported["countries.yaml"]["phx-mtq"]["aliases"]  # FRAMTQ: the territory's own code
    assert not any("Kinakuta" in a for e in imported["countries.yaml"].values() for a in e["aliases"])


def test_international_organisations_and_officials(imported):
    orgs = imported["organisations.yaml"]
    assert orgs["phx-the-united-nations"]["name"] == "United Nations" and orgs["phx-un"]["acronyms"] == ["UN"]
    assert orgs["phx-u-n"]["code"] == "IGOUNO"
    assert not any("Exxon" in e["name"] for e in orgs.values())
    assert not any("Secretary" in e["name"] for e in orgs.values())  # an office without its holder
    ban = imported["officials.yaml"]["phx-ban-ki-moon"]
    assert ban["country"] == "KOR" and ban["phoenix_roles"][1]["phoenix_code"] == "KORGOVBUS 2004017-20061201"
    assert "phx-john-mccloy" in imported["officials.yaml"]  # an indented primary phrase


def test_armed_groups(imported):
    aden = imported["groups.yaml"]["phx-aden-abyan-islamic-army"]
    assert aden["acronyms"] == ["AAIA"] and aden["country"] == "YEM" and aden["sector"] == "REB"
    assert {"Army of Mohammed", "Islamic Aden Army"} <= set(aden["aliases"])


def test_agents(imported):
    roles = imported["roles.yaml"]
    assert roles["phx-congressman"]["aliases"] == ["congressmen", "congresswoman", "congresswomen", "congressperson"]
    assert roles["phx-border-guard"] | {"source": ""} == {"id": "phx-border-guard", "name": "border guard", "sector": "MIL",
                                                         "kind": "person", "phoenix_code": "~MIL", "source": ""}
    assert roles["phx-police"]["kind"] == "group" and roles["phx-peacekeeping-troops"]["kind"] == "group"
    assert roles["phx-lawman"]["aliases"] == ["lawmen"] and roles["phx-deparment-of-environment"]["sector"] == "ENV"
    assert roles["phx-peacekeeping-troops"]["sector"] == "IGO"
    assert "phx-islamic-extremist" not in roles and "phx-christian-saint" not in roles


def test_latin1_files_are_read(tmp_path):
    path = tmp_path / "x.actors.txt"
    path.write_bytes("JOS\xc9_MAR\xcdA_\n\t[COLGOV]\n".encode("latin-1") * 30)
    assert px.read_text(path).startswith("JOSÉ_MARÍA_")


def test_snippet_output_loads_without_problems(snippets, tmp_path):
    px.import_directory(snippets, tmp_path)
    kb = KnowledgeBase.from_dirs((builtin_dir(), tmp_path))
    assert [p for p in kb.problems if str(tmp_path) in p] == []


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> tuple[dict[str, int], Path]:
    if not PHOENIX.is_dir():
        pytest.skip(f"Phoenix dictionaries not found at {PHOENIX}: ../shared/data/kb/phoenix is missing beside the checkout")
    out = tmp_path_factory.mktemp("phoenix-real")
    return px.import_directory(PHOENIX, out), out


def test_real_dictionaries_import_and_load(real):
    written, out = real
    counts = {Path(p).name: n for p, n in written.items()}
    assert counts["officials.yaml"] > 15000 and counts["groups.yaml"] > 900 and counts["roles.yaml"] > 2000
    assert counts["organisations.yaml"] > 150 and counts["countries.yaml"] > 150
    kb = KnowledgeBase.from_dirs((builtin_dir(), out))
    assert [p for p in kb.problems if str(out) in p] == []
    akayev = [r for r in kb.lookup("Askar Akayev") if str(out) in r.file]
    assert akayev and akayev[0].country == "KGZ"
    assert any(r.country == "KGZ" for r in kb.lookup("Kyrgyzstan"))
