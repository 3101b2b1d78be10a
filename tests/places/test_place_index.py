"""The gazetteer built from the installed packages: what a name can stand for."""

from __future__ import annotations

import sqlite3

import pytest

from flashpoint.places import default_gazetteer, geocode, geocode_document
from flashpoint.places.gazetteer import KeyFilter, alternates, extent_centre, haversine_km
from flashpoint.places.names import dotted_abbreviation_of, lookup_key, short_code


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def kinds(gazetteer, name):
    return {(m.place.country, m.place.feature, m.how) for m in gazetteer.matches(name)}


def test_countries_by_name_alias_and_adjective(gazetteer):
    assert ("USA", "country", "name") in kinds(gazetteer, "U.S.")
    assert ("GBR", "country", "name") in kinds(gazetteer, "Britain")
    assert ("GBR", "country", "adjective") in kinds(gazetteer, "British")
    assert ("SYR", "country", "adjective") in kinds(gazetteer, "Syrians")


def test_a_country_name_that_is_one_of_its_divisions_is_the_division(gazetteer):
    # the knowledge base names the United Kingdom "Scotland" too (an actor there is British), but
    # the place is the division; a division that shares the country's own name leaves it alone
    assert ("GBR", "admin1", "name") in kinds(gazetteer, "Scotland")
    assert ("GBR", "country", "name") not in kinds(gazetteer, "Scotland")
    assert ("GBR", "admin1", "name") in kinds(gazetteer, "Northern Ireland")
    assert ("IRL", "country", "name") not in kinds(gazetteer, "Northern Ireland")
    assert geocode("Mexico")["feature"] == "country"


def test_a_seat_of_government_that_is_no_town_is_its_capital(gazetteer):
    # a building standing for a government is its capital's town, before the namesake town of
    # 11,000 in Tennessee (and Casablanca, "white house" in Spanish, an alternate name)
    assert geocode("White House")["name"] == "Washington" and geocode("White House")["admin1"] == "DC"
    assert geocode("the Kremlin")["name"] == "Moscow"
    assert (geocode("Downing Street")["name"], geocode("Downing Street")["country"]) == ("London", "GBR")
    # a seat that is a town of its own stays that town, not the constitutional capital
    assert geocode("The Hague")["name"] == "The Hague"
    assert geocode("La Paz")["country"] == "BOL" and geocode("La Paz")["name"] == "La Paz"


def test_a_towns_name_without_accents_is_its_name(gazetteer):
    # English news writes "Tikrit", "Bogota": GeoNames' "Tikrīt", "Bogotá" under their own name
    assert ("IRQ", "city", "name") in kinds(gazetteer, "Tikrit")
    assert geocode("Bogota")["country"] == "COL"  # not Bogota, New Jersey (8,400 people)
    assert ("COL", "city", "capital") in kinds(gazetteer, "Bogota")
    # ... but not a small town's, which is more often a surname or a word ("Keita said")
    assert ("NER", "city", "name") not in kinds(gazetteer, "Keita")


def test_alternate_names():
    assert alternates("Tikrīt", ["Tikrit", "Takrit"], 42_477) == {("tikrit", "name"), ("Takrit", "alternate")}
    # a small town's is an alternate name: a place only after a locative, in the story's countries
    assert alternates("‘Ayn ‘Īsá", [], 0) == {("ayn isa", "alternate")}
    assert alternates("Keïta", ["Keita"], 14_022) == {("keita", "alternate")}
    assert alternates("Chargé", ["Charge"], 50_000) == {("Charge", "alternate")}  # a common word


def test_a_documents_other_places_are_read_but_not_answered():
    assert geocode_document(["Springfield"])[0]["admin1"] == "MO"  # the largest Springfield
    # the record also found Chicago: Illinois's Springfield, and one answer for one name
    [found] = geocode_document(["Springfield"], context_names=["Chicago", "Springfield"])
    assert (found["name"], found["admin1"]) == ("Springfield", "IL")


def test_a_small_town_without_its_accents_is_a_place_only_after_a_locative():
    from flashpoint.documents import Document
    from flashpoint.pipeline import load_pipeline

    pipeline = load_pipeline()
    near = pipeline.extract(Document(text="Near Ayn Isa, Syria, a strike destroyed a repeater station."))
    assert {p["name"] for p in near["places"]} == {"‘Ayn ‘Īsá", "Syria"}
    said = pipeline.extract(Document(text="Keita said the army of Niger would stay."))
    assert all(p["country"] != "NER" or p["name"] == "Niger" for p in said["places"])


def test_a_short_code_is_never_a_town(gazetteer):
    assert all(m.place.feature != "city" for m in gazetteer.matches("US"))


def test_continents_and_their_adjectives(gazetteer):
    assert geocode("Europe")["feature"] == "continent"
    assert geocode("African")["name"] == "Africa"


def test_first_level_divisions_by_name_and_iso_letters(gazetteer):
    assert ("CAN", "admin1", "name") in kinds(gazetteer, "Ontario")
    assert ("AUS", "admin1", "abbreviation") in kinds(gazetteer, "NSW")
    # a division stands in the middle of its places, not at their population-weighted mean
    assert geocode("Ontario", ["CAN"])["lat"] > 46


def test_iso_letters_abbreviate_only_where_news_uses_them(gazetteer):
    # "D.C." is Washington (ISO's "District of Columbia"), not Sudan's Central Darfur (SD-DC)
    assert ("USA", "admin1", "abbreviation") in kinds(gazetteer, "D.C.")
    assert ("SDN", "admin1", "abbreviation") not in kinds(gazetteer, "D.C.")


def test_dotted_abbreviations_of_divisions_take_the_story_country():
    assert geocode("Alta.", ["CAN"])["name"] == "Alberta"
    assert geocode_document(["Ky.", "Louisville"])[0]["name"] == "Kentucky"


def test_names_are_compared_by_one_key():
    assert lookup_key("Syria’s") == "syria"
    assert lookup_key("  New   York ") == "new york"
    assert short_code("U.S.") == "US" and short_code("NSW") == "NSW"
    assert short_code("UCLA") is None and short_code("London") is None
    assert dotted_abbreviation_of("Ky.", "kentucky") and not dotted_abbreviation_of("Ky.", "kansas")


def test_the_key_filter_holds_every_name_and_few_others():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE name (key TEXT, id INTEGER, how TEXT)")
    db.executemany("INSERT INTO name VALUES (?, 1, 'name')", [(f"town {i}",) for i in range(1000)])
    names = KeyFilter.of_index(db)
    assert all(f"town {i}" in names for i in range(1000))
    assert sum(f"street {i}" in names for i in range(1000)) < 30


def test_extent_centre_crosses_the_antimeridian():
    lat, lon = extent_centre([(51.0, 179.0), (52.0, -179.0)])
    assert lat == 51.5 and abs(abs(lon) - 180.0) < 1e-9


def test_second_level_divisions_stand_among_their_towns(gazetteer):
    assert ("GBR", "admin2", "name") in kinds(gazetteer, "Kent")
    assert ("USA", "admin2", "name") in kinds(gazetteer, "Cuyahoga County")
    assert ("IRL", "admin2", "name") in kinds(gazetteer, "County Cork")
    # GeoNames puts the county of Kent at 51.16667, 0.66667; the built-in one is among its towns
    kent = geocode("Kent", ["GBR"])
    assert (kent["feature"], kent["geonames_id"]) == ("admin2", None)
    assert haversine_km(kent["lat"], kent["lon"], 51.16667, 0.66667) < 30


def test_a_county_named_like_its_own_town_is_left_to_the_town(gazetteer):
    # Cardiff (the unitary authority) and Montréal (the agglomeration) are their towns;
    # "North District" keeps its name but gives no bare "North"
    assert {f for _, f, _ in kinds(gazetteer, "Cardiff")} == {"city"}
    assert "admin2" not in {f for _, f, _ in kinds(gazetteer, "Montreal")}
    assert "admin2" not in {f for _, f, _ in kinds(gazetteer, "North")}
