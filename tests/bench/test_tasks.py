"""The pieces of the tasks that turn flashpoint records and baseline output into scorable items."""

import pytest

from flashpoint.bench import mappings, tasks
from flashpoint.bench.gazetteer import PopulationGeocoder, normalise_name


def test_entity_labels_follow_kind_demonym_and_place():
    text = "Turkish officials said Turkey and NATO met Erdogan in Ankara."
    record = {
        "actors": [
            {"kind": "country", "name": "Turkey", "mentions": [[0, 7], [23, 29]]},
            {"kind": "igo", "name": "NATO", "mentions": [[34, 38]]},
            {"kind": "person", "name": "Erdogan", "mentions": [[43, 50]]},
            {"kind": "country", "name": "Turkey", "mentions": [[54, 60]]},  # the seat
        ],
        "places": [{"name": "Ankara", "mentions": [[54, 60]]}],
        "weapons": [],
    }
    labels = {
        text[s:e]: label
        for s, e, label in tasks.flashpoint_entities(record, text, lambda m: m == "Turkish")
    }
    assert labels == {
        "Turkish": "Nationality",
        "Turkey": "Organisation",
        "NATO": "Organisation",
        "Erdogan": "Person",
        "Ankara": "Location",
    }


def test_a_demonym_inside_a_longer_mention_is_part_of_it():
    text = "Iraqi forces and the Syrian people met Syrians; the Iraqi flag flew."
    record = {
        "actors": [
            {"kind": "group", "mentions": [[0, 12]]},  # Iraqi forces
            {"kind": "group", "mentions": [[21, 34]]},  # Syrian people
            {"kind": "state", "mentions": [[39, 46]]},  # Syrians
        ],
        "names": [
            {"start": 0, "end": 5, "text": "Iraqi", "label": "demonym"},
            {"start": 21, "end": 27, "text": "Syrian", "label": "demonym"},
            {"start": 39, "end": 46, "text": "Syrians", "label": "demonym"},
            {"start": 52, "end": 57, "text": "Iraqi", "label": "demonym"},
        ],
    }
    is_demonym = tasks.demonym_test()
    labels = {(text[s:e], label) for s, e, label in tasks.flashpoint_entities(record, text, is_demonym)}
    assert labels == {
        ("Iraqi forces", "Organisation"),
        ("Syrian people", "Organisation"),
        ("Syrians", "Organisation"),  # a country's people: a group, as re3d marks it
        ("Iraqi", "Nationality"),  # the flag's: an adjective alone
    }


def test_a_place_qualified_by_its_country_is_one_location():
    text = "Tanks were seen near Palmyra, Syria, and in Mosul, Iraq, Syria."
    syria = {"country": "SYR", "precision": "country", "mentions": [[30, 35], [57, 62]]}
    record = {
        "places": [
            {"country": "SYR", "precision": "exact", "mentions": [[21, 28]]},  # Palmyra
            syria,
            {"country": "IRQ", "precision": "exact", "mentions": [[44, 49]]},  # Mosul
            {"country": "IRQ", "precision": "country", "mentions": [[51, 55]]},  # Iraq
        ],
    }
    spans = [text[s:e] for s, e, _ in tasks.flashpoint_entities(record, text, lambda m: False)]
    assert spans == ["Palmyra, Syria", "Mosul, Iraq", "Syria"]


def test_demonym_test_knows_common_adjectives():
    is_demonym = tasks.demonym_test()
    assert is_demonym("Syrian") and is_demonym("Iraqis")
    assert not is_demonym("Syria")


def test_story_type_is_most_frequent_then_earliest():
    assert (
        tasks.story_type({"events": [{"type": "ACCUSE"}, {"type": "ASSAULT"}, {"type": "ASSAULT"}]})
        == "ASSAULT"
    )
    assert tasks.story_type({"events": [{"type": "ACCUSE"}, {"type": "ASSAULT"}]}) == "ACCUSE"
    assert tasks.story_type({"events": []}) is None and tasks.story_type(None) is None


def test_record_countries_most_mentioned_first():
    record = {
        "places": [{"country": "SYR", "mentions": [[0, 1], [2, 3]]}],
        "actors": [{"country": "TUR", "mentions": [[4, 5]]}, {"country": None, "mentions": []}],
    }
    assert tasks.record_countries(record) == ["SYR", "TUR"]


def test_predicted_items_from_claims_and_casualties():
    record = {
        "events": [
            {"type": "COERCE", "mode": "arrest", "evidence": [{"start": 0, "end": 10}]},
            {
                "type": "ASSAULT",
                "casualties": [{"kind": "killed"}],
                "evidence": [{"start": 11, "end": 20}],
            },
            {"type": "AGREE", "evidence": []},  # no evidence: cannot be placed
        ],
        "claims": [{"predicate": "killed", "evidence": [{"start": 21, "end": 30}]}],
    }
    items = tasks.predicted_items(record)
    assert [(i["coarse"], i["span"]) for i in items] == [
        ("arrest", (0, 10)), ("attack", (11, 20)), ("casualty", (11, 20)), ("casualty", (21, 30)),
    ]  # fmt: skip


def test_mappings():
    assert mappings.plover_legacy()["FIGHT"] == "ASSAULT"
    assert mappings.plover_legacy()["INVESTIGATE"] == "ACCUSE"
    assert mappings.phoenix_country("IGOUNOMIL") == "IGO"
    assert mappings.phoenix_country("---LEG") is None
    assert mappings.cameo_root("0352") == "03" and mappings.cameo_root(None) is None
    assert mappings.actor_country({"country": None, "code": "USAGOV"}) == "USA"
    # the gold sets code Amnesty International and the Red Cross as IGOs
    assert mappings.actor_country({"country": None, "code": "NGOHRIAMN"}) == "IGO"
    assert mappings.actor_country({"country": "SYR", "code": "SYRNGO"}) == "SYR"


def test_population_geocoder_picks_the_most_populous():
    geocoder = PopulationGeocoder(
        [
            {"names": {"Paris"}, "lat": 33.66, "lon": -95.55, "geonames_id": "2", "country": "US", "population": 25_000},
            {"names": {"Paris", "Lutetia"}, "lat": 48.85, "lon": 2.35, "geonames_id": "1", "country": "FR", "population": 2_000_000},
        ]
    )  # fmt: skip
    assert geocoder("paris")["country"] == "FR"
    assert geocoder("Lutetia")["geonames_id"] == "1"
    assert geocoder("Atlantis") is None
    assert normalise_name("  The  Hague ") == "hague"


def test_dateparser_baseline_finds_and_normalises():
    pytest.importorskip("dateparser")
    from flashpoint.bench.dates import dateparser_times

    text = "In October 1997 prices fell."
    found = dateparser_times(text, "1998-01-08")
    assert ("DATE", "1997-10") in [(t, v) for *_, t, v in found]
    start, end, *_ = found[0]
    assert text[start:end] == "October 1997" or "October 1997" in text[start:end]


def test_the_geocoder_is_told_the_records_towns_and_divisions():
    from flashpoint.bench.tasks import record_place_names

    record = {"places": [
        {"name": "Mosul", "precision": "exact"}, {"name": "Iraq", "precision": "country"},
        {"name": "Nineveh", "precision": "admin1"}, {"name": "Mosul", "precision": "exact"},
        {"name": "Middle East", "precision": "region"},
    ]}
    assert record_place_names(record) == ["Mosul", "Nineveh"]  # countries and regions come as countries
