"""Toponym resolution on small hand-made gazetteers: how a document's names decide each other."""

from __future__ import annotations

from types import SimpleNamespace

from flashpoint.places import Candidate
from flashpoint.places.memory import MemoryGazetteer


def town(name, country, admin1, lat, lon, population, gid):
    return Candidate(gid, name, country, admin1, lat, lon, population, "city")


def division(name, country, admin1, lat, lon, population, gid):
    return Candidate(gid, name, country, admin1, lat, lon, population, "admin1")


def county(name, country, admin1, lat, lon, population):
    return Candidate(None, name, country, admin1, lat, lon, population, "admin2")  # no GeoNames id in the built-in index


def country(name, code, lat, lon, population, gid):
    return Candidate(gid, name, code, None, lat, lon, population, "country")


LONDON_UK = town("London", "GBR", "ENG", 51.51, -0.13, 8_961_989, 1)
LONDON_ON = town("London", "CAN", "08", 42.98, -81.23, 346_765, 2)
ONTARIO = division("Ontario", "CAN", "08", 47.5, -84.6, 17_792_592, 3)
ONTARIO_CA = town("Ontario", "USA", "CA", 34.06, -117.65, 175_265, 4)
CANADA = country("Canada", "CAN", 60.0, -95.0, 37_058_856, 5)
UK = country("United Kingdom", "GBR", 54.0, -2.0, 66_488_991, 6)
EUROPE = Candidate(6255148, "Europe", None, None, 48.69, 9.14, 741_000_000, "continent")
GEORGIA = country("Georgia", "GEO", 42.0, 43.5, 3_731_000, 7)
GEORGIA_US = division("Georgia", "USA", "GA", 32.7, -83.4, 10_700_000, 8)
ATLANTA = town("Atlanta", "USA", "GA", 33.75, -84.39, 463_878, 9)
PARIS_FR = town("Paris", "FRA", "11", 48.85, 2.35, 2_138_551, 10)
PARIS_TX = town("Paris", "USA", "TX", 33.66, -95.56, 25_171, 11)
HUGO = town("Hugo", "USA", "OK", 34.01, -95.51, 5_310, 12)
NEW_YORK_STATE = division("New York", "USA", "NY", 42.76, -75.83, 31_417_776, 13)
NEW_YORK_CITY = town("New York City", "USA", "NY", 40.71, -74.01, 8_804_190, 14)
WASHINGTON_STATE = division("Washington", "USA", "WA", 47.3, -120.5, 6_544_495, 15)
WASHINGTON_DC = town("Washington", "USA", "DC", 38.9, -77.04, 689_545, 16)
MORRIS = town("Morris", "USA", "NJ", 40.8, -74.5, 5_000, 17)
MORRIS_MN = town("Morris", "USA", "MN", 45.59, -95.91, 5_300, 18)
NEWARK = town("Newark", "USA", "NJ", 40.74, -74.17, 281_944, 19)
SPRINGFIELD_IL = town("Springfield", "USA", "IL", 39.8, -89.64, 114_394, 20)
SPRINGFIELD_AU = town("Springfield", "AUS", "04", -27.65, 152.92, 150_000, 21)
MONTGOMERY_MD = county("Montgomery County", "USA", "MD", 39.14, -77.21, 1_050_000)
MONTGOMERY_IA = county("Montgomery County", "USA", "IA", 40.97, -95.16, 10_000)
RED_OAK = town("Red Oak", "USA", "IA", 41.01, -95.23, 5_500, 22)

GAZETTEER = MemoryGazetteer(
    [
        ("London", LONDON_UK, "capital"), ("London", LONDON_ON, "name"),
        ("Ontario", ONTARIO, "name"), ("Ontario", ONTARIO_CA, "name"),
        ("Canada", CANADA, "name"), (["United Kingdom", "UK", "Britain"], UK, "name"), ("British", UK, "adjective"),
        ("Georgia", GEORGIA, "name"), ("Georgia", GEORGIA_US, "name"), ("Atlanta", ATLANTA, "name"),
        ("Paris", PARIS_FR, "capital"), ("Paris", PARIS_TX, "name"), ("Hugo", HUGO, "name"),
        ("New York", NEW_YORK_STATE, "name"), ("New York", NEW_YORK_CITY, "alternate"),
        ("Washington", WASHINGTON_STATE, "name"), ("Washington", WASHINGTON_DC, "capital"),
        ("Morris", MORRIS, "name"), ("Morris", MORRIS_MN, "name"), ("Newark", NEWARK, "name"),
        ("Springfield", SPRINGFIELD_IL, "name"), ("Springfield", SPRINGFIELD_AU, "name"),
        ("Montgomery County", MONTGOMERY_MD, "name"), ("Montgomery County", MONTGOMERY_IA, "name"),
        ("Red Oak", RED_OAK, "name"),
        ("Europe", EUROPE, "name"), ("European", EUROPE, "adjective"),
    ],
    countries={"USA": SimpleNamespace(name="United States", lat=38.0, lon=-97.0, geonames_id=6252001)},
)


def places(names, context=(), guess=False):
    return [m.place if m else None for m in GAZETTEER.resolve(names, context, guess)]


def test_alone_a_name_is_its_most_prominent_place():
    assert places(["London"]) == [LONDON_UK]
    assert places(["Ontario"]) == [ONTARIO]


def test_the_other_names_pick_the_country():
    assert places(["London", "Ontario", "Canada"])[0] == LONDON_ON
    assert places(["London", "Britain"])[0] == LONDON_UK


def test_a_country_comes_before_a_division_of_that_name_unless_the_story_is_elsewhere():
    assert places(["Georgia"]) == [GEORGIA]
    assert places(["Georgia", "Atlanta"])[0] == GEORGIA_US


def test_a_town_near_the_others_wins_over_a_bigger_one():
    assert places(["Paris", "Hugo"])[0] == PARIS_TX


def test_a_county_near_the_storys_town_wins_over_a_bigger_namesake():
    assert places(["Montgomery County"]) == [MONTGOMERY_MD]
    # Red Oak lies in Iowa's Montgomery County, a hundredth of Maryland's in people
    assert places(["Montgomery County", "Red Oak"])[0] == MONTGOMERY_IA


def test_a_division_named_after_its_main_town_gives_way_to_the_town():
    assert places(["New York"]) == [NEW_YORK_CITY]


def test_a_seat_of_government_comes_before_a_division_of_that_name():
    assert places(["Washington"]) == [WASHINGTON_DC]


def test_the_context_countries_tip_a_close_call():
    assert places(["Springfield"]) == [SPRINGFIELD_AU]
    assert places(["Springfield"], context=["USA"]) == [SPRINGFIELD_IL]


def test_a_name_is_one_place_throughout_a_document():
    found = places(["London", "Ontario", "London", "LONDON"])
    assert found[0] == found[2] == found[3] == LONDON_ON


def test_unknown_names_are_none_unless_guessing():
    assert places(["Royal Street", "Newark"]) == [None, NEWARK]
    # a known place inside the name, read with the others ("Morris County" near Newark) ...
    assert places(["Morris County", "Newark"], guess=True)[0] == MORRIS
    # ... else where the document is
    assert places(["Royal Street", "Newark"], guess=True)[0] == NEWARK
    assert places(["Royal Street"], context=["USA"], guess=True)[0].name == "United States"


def test_a_place_inside_an_unknown_name_must_fit_where_the_story_is():
    # a small town far from the story's town is a coincidence of words: Hugo, Oklahoma is not
    # where "Hugo Hospital" of a Newark story is, nor either Morris where an Illinois county is
    assert places(["Hugo Hospital", "Newark"], guess=True)[0] == NEWARK
    assert places(["Morris County", "Springfield"], context=["USA"], guess=True)[0] == SPRINGFIELD_IL
    # a city says where on its own, near the story or not
    assert places(["Atlanta Stadium", "Newark"], guess=True)[0] == ATLANTA


def test_failing_a_place_of_the_story_a_country_or_continents_adjective_inside_a_name_says_where():
    # an organisation named for a country or continent stands there, not at the story's town
    assert places(["British Council", "Newark"], guess=True)[0] == UK
    assert places(["European Commission", "Newark"], guess=True)[0] == EUROPE
    # but a town of the story inside the name comes first ...
    assert places(["British Consulate Newark", "Newark"], guess=True)[0] == NEWARK
    # ... and a continent's own name inside a longer one is a part of it or a brand, not the continent
    assert places(["SM Mall of Europe", "Newark"], guess=True)[0] == NEWARK


def test_a_guess_says_so():
    found = GAZETTEER.resolve(["Royal Street", "Newark"], guess=True)
    assert [m.how for m in found] == ["guess", "name"]


def test_an_address_finds_the_towns_of_the_name_inside_each_division_of_the_name():
    (division, towns), = GAZETTEER.in_divisions("London", "Ontario")  # not Ontario, California, a town
    assert division.place == ONTARIO and [t.place for t in towns] == [LONDON_ON]
    assert GAZETTEER.in_divisions("Paris", "Ontario") == [(division, [])]
    assert GAZETTEER.in_divisions("London", "Newark") == []  # a town is no division
