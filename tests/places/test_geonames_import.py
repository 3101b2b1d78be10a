"""A place index built from GeoNames' own files (`flashpoint kb import-geonames`)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint.cli import build_app
from flashpoint.errors import InputError
from flashpoint.places import geonames
from flashpoint.places.gazetteer import GAZETTEER_ENV, Gazetteer, builtin_path, imported_path

SAMPLE = Path(__file__).parent / "data" / "geonames-sample.txt"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, str]:
    """The sample, zipped as GeoNames ships it, imported through the command a user runs."""
    folder = tmp_path_factory.mktemp("geonames")
    archive = folder / "XX.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(SAMPLE, "XX.txt")
        out.writestr("readme.txt", "not a row")
    result = CliRunner().invoke(build_app(), ["kb", "import-geonames", str(archive), "--out", str(folder / "index.sqlite")])
    assert result.exit_code == 0, result.output
    return folder / "index.sqlite", result.output


@pytest.fixture(scope="module")
def gazetteer(imported) -> Gazetteer:
    return Gazetteer(imported[0])


def kinds(gazetteer, name):
    return {(m.place.country, m.place.feature) for m in gazetteer.matches(name)}


def test_reading_keeps_the_kinds_flashpoint_uses_and_reports_bad_lines():
    report = geonames.Report()
    rows = {r.name: r for r in geonames.read([SAMPLE], report)}
    assert {n: r.feature for n, r in rows.items()} == {
        "United States": "country", "Canada": "country", "Alberta": "admin1", "Kent": "admin2",
        "Black Sea": "water", "Hmeimim Air Base": "site", "Kyzyl-Bel": "city"}
    # a hamlet with no recorded population is left out, a district seat is kept; rivers are not read
    assert "Mission" not in rows and "Euphrates" not in rows
    assert report.lines == 11 and report.bad == 2
    assert report.examples == [
        "geonames-sample.txt:7: 1 tab-separated columns, a GeoNames row has 19",
        "geonames-sample.txt:11: latitude/longitude 95.0,-98.5 out of range"]
    assert rows["Black Sea"].names == ("Black Sea", "Euxine Sea", "Pontus Euxinus", "Chernoye More")


def test_a_missing_file_says_what_to_give():
    with pytest.raises(InputError, match="no such file; give GeoNames dump files"):
        list(geonames.read([Path("/nonexistent/allCountries.zip")], geonames.Report()))


def test_a_file_that_is_not_geonames_is_refused_and_leaves_no_index(tmp_path):
    table = tmp_path / "places.csv"
    table.write_text("name,lat,lon\nKent,51.2,0.7\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["kb", "import-geonames", str(table), "--out", str(tmp_path / "x.sqlite")])
    assert result.exit_code != 0
    assert "no line is a GeoNames row (places.csv:1: 1 tab-separated columns" in str(result.exception)
    assert list(tmp_path.iterdir()) == [table]  # neither the index nor a temporary file


def test_the_command_reports_what_it_added_and_how_to_use_it(imported):
    path, output = imported
    assert "read 11 lines of 1 file(s); kept 1 admin1, 1 admin2, 1 city, 2 country, 1 site, 1 water" in output
    assert "skipped 2 line(s) that are not GeoNames rows" in output
    assert f"export {GAZETTEER_ENV}={path.resolve()}" in output


def test_the_import_adds_counties_seas_and_bases_to_the_built_in_places(gazetteer):
    assert ("GBR", "admin2") in kinds(gazetteer, "Kent")
    assert (None, "water") in kinds(gazetteer, "Black Sea")
    assert (None, "water") in kinds(gazetteer, "Euxine Sea")  # an alternate name
    assert ("SYR", "site") in kinds(gazetteer, "Khmeimim")
    assert ("KGZ", "city") in kinds(gazetteer, "Bishkek")  # the built-in towns are all still there
    assert gazetteer.geocode("Kent", ["GBR"]).feature == "admin2"  # the county, not Kent, Washington


def test_the_dump_county_takes_the_place_of_the_built_in_one(gazetteer):
    """The built-in index has Kent at the middle of its towns, with no GeoNames id; the dump's Kent
    replaces it rather than standing beside it."""
    builtin = [m.place for m in Gazetteer(builtin_path()).matches("Kent") if m.place.feature == "admin2"]
    imported = [m.place for m in gazetteer.matches("Kent") if m.place.feature == "admin2"]
    assert [(c.country, c.admin1, c.geonames_id) for c in builtin] == [("GBR", "ENG", None)]
    assert [(c.country, c.geonames_id, c.lat, c.lon) for c in imported] == [("GBR", 3333158, 51.16667, 0.66667)]


def test_countries_and_divisions_stand_at_the_dump_points(gazetteer):
    builtin = Gazetteer(builtin_path())
    us = gazetteer.geocode("United States")
    assert (us.lat, us.lon) == (39.76, -98.5)
    assert gazetteer.country_points == {"USA": (39.76, -98.5), "CAN": (60.10867, -113.64258)}  # the dump's own
    assert gazetteer.country_point("CAN") == (60.10867, -113.64258)
    alberta, builtin_alberta = gazetteer.geocode("Alberta", ["CAN"]), builtin.geocode("Alberta", ["CAN"])
    assert (alberta.lat, alberta.lon) == (52.28333, -113.80133) != (builtin_alberta.lat, builtin_alberta.lon)
    assert alberta.population == builtin.geocode("Alberta", ["CAN"]).population  # still peopled by its towns
    assert ("CAN", "admin1") in kinds(gazetteer, "Province of Alberta")  # and GeoNames' other names for it
    # a country the dump does not cover keeps the knowledge base's point
    assert gazetteer.country_point("KGZ") == builtin.country_point("KGZ")
    assert "GeoNames import of XX.zip" in gazetteer.describe() and "built-in" in builtin.describe()


def test_the_setting_chooses_the_index_and_a_wrong_one_is_a_clear_error(imported, monkeypatch, tmp_path):
    monkeypatch.delenv(GAZETTEER_ENV, raising=False)
    assert imported_path() is None and Gazetteer().path == builtin_path()
    monkeypatch.setenv(GAZETTEER_ENV, str(imported[0]))
    assert Gazetteer().path == imported[0]
    monkeypatch.setenv(GAZETTEER_ENV, str(tmp_path / "missing.sqlite"))
    with pytest.raises(InputError, match="no such place index; build one with 'flashpoint kb import-geonames"):
        Gazetteer()
    old = tmp_path / "old.sqlite"
    sqlite3.connect(old).execute("PRAGMA user_version = 1").connection.close()
    monkeypatch.setenv(GAZETTEER_ENV, str(old))
    with pytest.raises(InputError, match="a place index of another flashpoint version"):
        Gazetteer()


def test_extraction_reads_the_imported_places(imported, tmp_path):
    """`flashpoint extract` in a fresh process, as a user runs it, with and without the setting."""
    text = tmp_path / "kent.txt"
    text.write_text("Drones struck a depot in Kent on Monday, British police said.\n", encoding="utf-8")

    def kent(setting: str) -> list[dict]:
        env = {k: v for k, v in os.environ.items() if k != GAZETTEER_ENV} | ({GAZETTEER_ENV: setting} if setting else {})
        done = subprocess.run([sys.executable, "-m", "flashpoint", "extract", str(text), "--format", "json",
                               "--published", "2024-05-06"], env=env, capture_output=True, text=True, check=True)
        return [p for p in json.loads(done.stdout)["places"] if p["name"] == "Kent"]

    county = kent(str(imported[0]))
    assert [(p["country"], p["precision"], p["lat"], p["lon"]) for p in county] == [("GBR", "admin2", 51.16667, 0.66667)]
    built_in = kent("")  # the built-in index has the county too, at the middle of its towns
    assert [(p["country"], p["precision"], p["id"]) for p in built_in] == [("GBR", "admin2", "admin2:gbr:eng:kent")]
    assert built_in[0]["lat"] != county[0]["lat"]
