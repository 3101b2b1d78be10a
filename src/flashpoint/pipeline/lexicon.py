"""Surface forms from the knowledge base, turned into spaCy phrase patterns once per pipeline."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas
from spacy.lang.en.stop_words import STOP_WORDS

# When two candidate spans cover the same tokens, the more specific label wins.
PRIORITY = {"WEAPON": 9, "ENTRY": 8, "PERSON": 7, "ORG": 7, "REGION": 7, "COUNTRY": 6, "ADJ": 5, "SEAT": 4,
            "ROLE": 3, "WEAPON_WORD": 2, "TYPE_NOUN": 1}
# words after which a name is where something happens ("in Ankara", "near Mosul")
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "into", "around", "throughout", "within"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"} | WEEKDAYS
# Words that make a capitalised run a thing or a place, not a person ("University College Hospital")
NOT_PERSON_WORDS = {"conference", "hospital", "room", "airport", "university", "college", "school", "festival",
                    "summit", "forum", "museum", "mosque", "church", "stadium", "camp", "district", "province",
                    "county", "region", "street", "square", "airfield", "airbase", "dam", "river", "valley",
                    "mountains", "island", "report", "treaty", "agreement", "operation", "project", "programme",
                    "program", "initiative", "research", "news", "times", "post", "magazine", "television"}
# Titles and ranks written before a name, abbreviated or not ("Staff Sgt. Albert Connelly", "Gen. Joseph
# Votel", "Secretary Kerry"); full role nouns ("General", "Minister") come from roles.yaml.
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "maj", "sgt", "spc", "cpl", "pvt",
              "adm", "cmdr", "cdr", "brig", "sen", "rep", "gov", "amb", "rev", "insp", "supt", "const", "det", "commodore",
              "secretary", "sergeant", "corporal", "private", "lieutenant", "major", "captain", "admiral",
              "marshal", "brigadier", "sheikh", "mullah", "imam", "ayatollah", "hon", "sir", "lord", "lady"}


@lru_cache(maxsize=8192)
def lemmas(word: str) -> dict:
    """lemminflect's lemmas of a word by part of speech, looked up once per word (only read)."""
    return getAllLemmas(word)


@lru_cache(maxsize=200_000)
def is_common_word(word: str) -> bool:
    """An English dictionary word, stop word, month or weekday: not safely a name on its own."""
    lower = word.lower()
    return lower in STOP_WORDS or lower in MONTHS or bool(getAllLemmas(lower))


def plurals(phrase: str) -> set[str]:
    """The phrase with its last word as singular and plural noun ("border guard(s)", "academic(s)")."""
    *head, last = phrase.split(" ")
    regular = [s for s in getAllLemmas(last, upos="NOUN").get("NOUN", ()) if last in (s + "s", s + "es")]
    singulars = {last, *regular}
    forms = set()
    for single in singulars:
        forms.add(single)
        forms.update(getAllInflections(single, upos="NOUN").get("NNS", ()))
    return {" ".join([*head, form]) for form in forms}


def proper_surfaces(kb):
    """(text, label, key) for names matched case-sensitively."""
    for code, country in kb.countries.items():
        for name in country.names:
            yield name, "COUNTRY", code
        for adjective in country.adjectives:
            yield adjective, "ADJ", code
            if adjective.endswith(("an", "i")) and " " not in adjective:
                yield adjective + "s", "ADJ", code  # "Nigerians", "Israelis"
        if not country.span.until:  # a historical state's capital is its successor's now
            for seat in country.seats:
                yield seat, "SEAT", code
    for key, entry in kb.entries.items():
        for name in (entry.name, *entry.aliases):
            yield name, "ENTRY", key
            if "'" in name:
                yield name.replace("'", "’"), "ENTRY", key  # "Da’esh" as typeset
    for wid, weapon in kb.weapons.items():
        if not weapon.generic:
            for name in (weapon.name, *weapon.aliases):
                yield name, "WEAPON", wid
    for rid, region in kb.regions.items():  # "the South China Sea": a place, not China
        for name in (region["name"], *(region.get("aliases") or ())):
            yield str(name), "REGION", rid


def lower_surfaces(kb):
    """(text, label, key) for common nouns matched case-insensitively."""
    for rid, role in kb.roles.items():
        for name in (role.name, *role.aliases):
            for form in plurals(name.lower()):
                yield form, "ROLE", rid
    for wid, weapon in kb.weapons.items():
        if weapon.generic:
            for name in (weapon.name, *weapon.aliases):
                yield name.lower(), "WEAPON_WORD", wid
    for tid, wtype in kb.weapon_types.items():
        for noun in wtype.get("nouns") or ():
            for form in plurals(noun.lower()) if noun.islower() else {noun.lower()}:
                yield form, "TYPE_NOUN", tid
