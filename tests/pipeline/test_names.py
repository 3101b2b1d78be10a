"""Names the knowledge base does not know: people and organisations found by the shape of the text."""

from __future__ import annotations

import pytest

from flashpoint.documents import Document


def _record(pipeline, text):
    return pipeline.extract(Document.from_text(text, published="2016-12-01"))


def _actors(record, text):
    """{mention text: (actor kind, country, code)} for every actor mention."""
    return {text[s:e]: (a["kind"], a["country"], a["code"]) for a in record["actors"] for s, e in a["mentions"]}


@pytest.mark.parametrize(("text", "person"), [
    ("The exercise went well, said Staff Sgt. Albert Connelly, a crew chief.", "Albert Connelly"),
    ("Gen. Joseph L. Votel visited the troops.", "Joseph L. Votel"),
    ('The strikes worked, said Col. John "J.D." Dorrian on Friday.', 'John "J.D." Dorrian'),
    ("On Monday, Abu Jandal al-Kuwaiti was killed in a strike.", "Abu Jandal al-Kuwaiti"),
    ("Strikes killed 20 militants, Pentagon Press Secretary Peter Cook said.", "Pentagon Press Secretary Peter Cook"),
])
def test_people_after_titles_ranks_and_kunyas(pipeline, text, person):
    actors = _actors(_record(pipeline, text), text)
    assert actors.get(person, ("missing",))[0] == "person", actors


def test_a_place_named_abu_is_no_person(pipeline):
    text = "Shells struck the Abu Shouk camp north of the city, and fighting reached Abu Kamal."
    assert not [a for a in _record(pipeline, text)["actors"] if a["kind"] == "person"]


def test_a_name_after_a_company_noun_is_the_company(pipeline):
    text = "The dam was completed in 1956 by the German company Zublin."
    assert _actors(_record(pipeline, text), text)["Zublin"][0] == "organisation"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Servers belonged to supporters of the Syrian Electronic Army.", "Syrian Electronic Army", "SYR"),
    ("Airmen from the 507th Air Refueling Wing deployed to Turkey.", "507th Air Refueling Wing", None),
    ("It was announced as one of the groups of the Army of the Victorious Sect.", "Army of the Victorious Sect", None),
    ("The agreement between Baghdad and the Kurdistan Regional Government holds.", "Kurdistan Regional Government",
     None),
])
def test_organisation_names_may_hold_role_nouns_and_ordinals(pipeline, text, name, country):
    actors = _actors(_record(pipeline, text), text)
    assert actors.get(name, (None, None))[:2] == ("organisation", country), actors


def test_and_joins_two_names_not_one(pipeline):
    text = "We look forward to working with the U.S. and Royal Navy on patrols."
    actors = _actors(_record(pipeline, text), text)
    assert "Royal Navy" in actors and "U.S. and Royal Navy" not in actors


def test_a_capitalised_organisation_word_inside_a_sentence_is_a_name(pipeline):
    text = "Coalition aircraft struck ISIL targets. The Coalition complies with the Law of Armed Conflict."
    names = {n["text"] for n in _record(pipeline, text)["names"] if n["label"] == "organisation"}
    assert names == {"Coalition"}


@pytest.mark.parametrize("text", [
    "Chris Paul hit a layup with 0.8 seconds left to lift the Houston Rockets to a 96-94 win.",
    "The arms deal with Royal Dutch Shell was cancelled, and Merrill Lynch advised the buyers.",
    "The Abu Dhabi Rifles paraded, and the International Campaign to Ban Landmines met in Oslo.",
])
def test_a_weapon_word_or_trigger_inside_a_name_is_neither(pipeline, text):
    # a capitalised word after another, mid-sentence, is a word of a name: "the Houston Rockets"
    # fire no rockets, "Royal Dutch Shell" shells nobody, "Merrill Lynch" lynches nobody
    record = _record(pipeline, text)
    assert not record["weapons"]
    assert not [e for e in record["events"] if e["type"] == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "The troops left on Monday, with the UN chief, Ban Ki-moon, praising their restraint.",
    "Senators shifted their focus to Lynch on Tuesday.",
    "Spokeswoman for U.S. Trade Representative Michael Froman said the talks went well.",
])
def test_a_capitalised_trigger_word_inside_a_sentence_is_a_name(pipeline, text):
    # "Ban" bans nothing, "Lynch" lynches no one, a "Trade Representative" trades nothing
    assert not [e for e in _record(pipeline, text)["events"] if e["type"] in ("COERCE", "ASSAULT", "COOPERATE")]


def test_a_weapon_word_opening_a_sentence_stays_a_weapon(pipeline):
    text = "Rockets hit the town of Sderot on Monday, the army said."
    assert [w["name"] for w in _record(pipeline, text)["weapons"]] == ["rockets"]


def test_a_wire_service_credit_is_no_party_to_the_story(pipeline):
    # Reuters killed nobody: the gunmen, whom no actor code fits, did
    text = "KABUL (Reuters) - Gunmen killed 12 villagers in Helmand province on Monday, officials said."
    record = _record(pipeline, text)
    assert [a["name"] for a in record["actors"]] == ["Reuters"]
    assert not [e for e in record["events"] if any(x["code"] == "GBRMED" for x in e["actor"] + e["recipient"] if x)]


@pytest.mark.parametrize(("text", "word"), [
    ("The head of Facebook Serbia quit on Monday.", "Serbia"),
    ("Athletes of Team USA compete for stipends.", "USA"),
    ("A grand jury in Staten Island declined to indict the officer.", "Island"),
    ("Shares of HSBC Malta fell.", "Malta"),
])
def test_a_country_name_inside_another_name_is_no_country(pipeline, text, word):
    # a capitalised word before it, inside a sentence, makes a name of its own: a branch, a team
    assert word not in _actors(_record(pipeline, text), text)


@pytest.mark.parametrize(("text", "word", "code"), [
    ("Fighting resumed in Northern Iraq on Monday.", "Northern Iraq", None),
    ("The troops, from the Royal New Zealand Air Force, landed.", "New Zealand Air Force", "NZLMIL"),
    ("Officials said Wednesday Australia has sent troops.", "Australia", "AUS"),
])
def test_a_qualified_country_stays_the_country(pipeline, text, word, code):
    record = _record(pipeline, text)
    places = {text[s:e] for p in record["places"] for s, e in p["mentions"]}
    assert word in places if code is None else _actors(record, text)[word][2] == code
