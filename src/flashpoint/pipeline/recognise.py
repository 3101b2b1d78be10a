"""recognise: names, adjectives, role nouns and weapons the knowledge base knows, plus patterns
for what it does not (new weapon designations here; unknown people and organisations in `names`).

`match` finds candidate spans with one spaCy PhraseMatcher by lower case (proper names then
keep only the case of one of their forms); `set_annotations` keeps the longest non-overlapping ones.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher

from flashpoint.pipeline.annotations import Mention, annotations, columns_of, span_text, text_of
from flashpoint.pipeline.clauses import clause_at, sentence_starts
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.lexicon import (
    MONTHS,
    PRIORITY,
    is_common_word,
    lower_surfaces,
    proper_surfaces,
)
from flashpoint.pipeline.names import (
    ORG_HEADS,
    headline_words,
    inside_name,
    joined_particle,
    organisations,
    people,
)

# capitalised words that go on naming the region itself ("East Azerbaijan Province", "the Lake Chad Basin")
_REGION_PARTS = {"province", "region", "basin", "coast", "waters", "area"}
_DESIGNATOR = re.compile(r"^(?:[A-Z][A-Za-z]{0,9}-?\d{1,4}[A-Za-z]{0,3}|[A-Z]{2,5}-\d{1,4}[A-Z]?)$")


class Recognise(Component):
    name = "recognise"
    assigns = ("flashpoint.mentions",)

    def __init__(self, nlp, kb, model=None):
        self.kb = kb
        self.model = model
        self.keys: dict[int, tuple[str, str]] = {}
        # One matcher by lower case reads the document once; a proper name must then also have the
        # case of one of its forms, which is what matching it by ORTH would have found.
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[int, set[tuple[str, ...]]] = {}  # a proper name's forms, as token texts
        self._add(nlp, proper_surfaces(kb), proper=True)
        self._add(nlp, lower_surfaces(kb), proper=False)
        # the same pass finds the organisation words that `organisations` builds names back from
        self._add(nlp, ((word, "HEAD", "") for word in ORG_HEADS), proper=False)
        self.surname_keys = self._surnames()
        # "person" roles introduce people ("Minister X"), company roles companies ("the German firm X")
        self.role_kinds = {rid: "person" if r.kind == "person" else "company" if r.sector == "BUS" and r.kind == "body"
                           else None for rid, r in kb.roles.items()}

    def _add(self, nlp, surfaces, proper: bool) -> None:
        grouped: dict[str, set[str]] = {}
        for text, label, key in surfaces:
            if text and text.strip():
                grouped.setdefault(f"{label}|{key}", set()).add(text.strip())
        for name, texts in grouped.items():
            label, key = name.split("|", 1)
            match_id = nlp.vocab.strings.add(name)
            self.keys[match_id] = (label, key)
            patterns = list(nlp.tokenizer.pipe(sorted(texts)))
            self.matcher.add(name, patterns)
            if proper:
                self.forms[match_id] = {tuple(token.text for token in pattern) for pattern in patterns}

    def _surnames(self) -> dict[str, str]:
        """Single-word aliases of people: matched only when the context makes them safe."""
        return {a: key for key, e in self.kb.entries.items() if e.kind == "person"
                for a in e.aliases if " " not in a}

    # ---- match ------------------------------------------------------------------------
    def match(self, doc):
        texts, forms = columns_of(doc).text, self.forms
        found = [(start, end, *self.keys[match_id]) for match_id, start, end in self.matcher(doc)
                 if match_id not in forms or tuple(texts[start:end]) in forms[match_id]]
        if self.model is not None:
            found.extend(self._model_names(doc))
        return found

    def _model_names(self, doc):
        """Names a statistical model finds that the knowledge base does not know."""
        parsed = self.model(text_of(doc))
        for ent in parsed.ents:
            if ent.label_ == "PERSON":
                span = doc.char_span(ent.start_char, ent.end_char)
                if span is not None:
                    yield (span.start, span.end, "PERSON", None)

    # ---- set_annotations ---------------------------------------------------------------
    def set_annotations(self, doc, found) -> None:
        heads = sorted(s for s, _, label, _ in found if label == "HEAD")
        kept = _longest_first(self._filter(doc, [m for m in found if m[2] != "HEAD"]))
        kept = _extend_weapons(doc, kept)
        kept = _designators(doc, kept)
        kept = people(doc, kept, self.role_kinds)
        kept = organisations(doc, kept, heads)
        cols, text = columns_of(doc), text_of(doc)
        annotations(doc).mentions = [
            Mention(s, e, label, key, start, end, text[start:end])
            for s, e, label, key in sorted(kept) for start, end in [(cols.idx[s], cols.end_char(e - 1))]
        ]

    def _filter(self, doc, found):
        found = self._in_existence(doc, found)
        full_people = {key for s, e, label, key in found if label == "ENTRY" and e - s > 1}
        def sentence_of(i: int) -> int:
            return clause_at(doc, i).sent_start

        starts = sentence_starts(doc)
        titled = {e for s, e, label, _ in found if label == "ROLE"}  # "President Kagame"
        named = {s: key for s, _, label, key in found if label in ("COUNTRY", "SEAT", "ADJ", "REGION")}
        covered = {i for s, e, _, _ in found for i in range(s, e)}
        cols = columns_of(doc)
        texts = cols.text
        ambiguous = any(label == "WEAPON" and self.kb.weapons[key].ambiguous for _, _, label, key in found)
        weapon_context = {sentence_of(s) for s, e, label, _ in found if label in ("TYPE_NOUN", "WEAPON_WORD")} \
            if ambiguous else set()
        for start, end, label, key in found:
            text = texts[start]  # read only for one-word matches
            if label == "ENTRY" and key.startswith("person:") and end - start == 1 and key not in full_people:
                # a surname alone, without the full name in the document: not a common word, not at a
                # sentence start, and not part of a longer capitalised name ("Bahir Dar"); a title
                # before it is no part of the name ("President Kagame")
                if is_common_word(text) or start in starts or _capitalised(doc, end) \
                        or _capitalised(doc, start - 1) and start not in titled:
                    continue
            if label == "ENTRY" and end - start == 1 and key.startswith("company:") \
                    and self.kb.entries[key].data.get("ambiguous") and (_capitalised(doc, end) or _capitalised(doc, start - 1)):
                continue  # "Rafael Nadal", "Jamie Bell": a word of a person's name, not the arms maker
            if label == "WEAPON" and self.kb.weapons[key].ambiguous and sentence_of(start) not in weapon_context:
                continue
            if label == "REGION" and end < len(doc) and _capitalised(doc, end) \
                    and texts[end].lower() not in MONTHS and texts[end].lower() not in _REGION_PARTS:
                continue  # "the Mediterranean Defence Report", "the Middle East Institute": a longer name
            if label in ("WEAPON_WORD", "TYPE_NOUN") and inside_name(doc, start, starts):
                continue  # "the Houston Rockets", "the Abu Dhabi Rifles": a word of a name, no weapon
            if label in ("SEAT", "ENTRY") and end - start == 1 and start in starts \
                    and is_common_word(text) and text.lower() != text:
                continue
            if label in ("ADJ", "COUNTRY", "SEAT") and start > 1 and joined_particle(cols, start - 1):
                continue  # "Abu Jandal al-Kuwaiti": a name's nisba, not a nationality
            if label == "COUNTRY" and start - 1 not in covered and _branch_of(doc, start, starts):
                continue  # "Air France", "Environment Canada", "Facebook Serbia": a name holding a country's
            if label == "SEAT" and self._elsewhere(doc, start, end, key, named):
                continue  # "Paris, Missouri", "Moscow, Idaho": a town of that name, not the government
            if label == "SEAT" and self._division_of_town(doc, start, end, key, named):
                continue  # "Spokane, Washington": the state, not the government
            if label == "SEAT" and end < len(texts) and texts[end] == "state":
                continue  # "Washington state": the state, not the government
            yield start, end, label, key


    def _elsewhere(self, doc, start: int, end: int, country: str, named: dict[int, str]) -> bool:
        """A capital's name followed by a comma and a first-level division of another country
        that has a town of that name ("Paris, Missouri", "London, Ontario", "Moscow, Idaho"): an
        address in that division. A country or capital after the comma makes a list instead
        ("Moscow, Kyiv and Minsk"), and so does a division without such a town ("Paris, Zurich")."""
        cols = columns_of(doc)
        if end + 1 >= len(cols.text) or cols.text[end] != "," or end + 1 in named:
            return False
        stop = end + 1
        while stop < len(cols.text) and stop - end <= 3 and cols.text[stop][:1].isupper():
            stop += 1
        if stop == end + 1:
            return False
        from flashpoint.places import gazetteer_for

        addresses = gazetteer_for(self.kb).in_divisions(span_text(doc, start, end), span_text(doc, end + 1, stop))
        if not addresses or country in {d.place.country for d, _ in addresses}:  # "Washington, D.C." is its own
            return False
        return any(towns for _, towns in addresses)

    def _division_of_town(self, doc, start: int, end: int, country: str, named: dict[int, str]) -> bool:
        """A seat's name after a town and a comma, naming a first-level division of the seat's
        own country that holds a town of that name ("Spokane, Washington", "Seattle, Washington,
        United States"): the division of an address, as the place component reads it. Not in a
        list of countries and capitals ("Canada's Vancouver, Washington and Taiwan"), nor inside
        a longer name ("Asakusa, Tokyo Police said")."""
        texts = columns_of(doc).text
        if start < 2 or texts[start - 1] != ",":
            return False
        if end < len(texts) and (texts[end][:1].isupper() or texts[end] in (",", "and", "or")
                                 and named.get(end + 1, country) != country):
            return False
        first = start - 1
        while first > 0 and start - 1 - first < 3 and texts[first - 1][:1].isupper():
            first -= 1
        if first == start - 1:
            return False
        from flashpoint.places import gazetteer_for

        addresses = gazetteer_for(self.kb).in_divisions(span_text(doc, first, start - 1), span_text(doc, start, end))
        return any(towns for division, towns in addresses if division.place.country == country)

    def _in_existence(self, doc, found):
        """Of two bodies with one name ("WTO": the World Trade Organization, founded 1995, and the
        Warsaw Treaty Organization, dissolved 1991), those that did not exist on the publication
        date (today for an undated text) give way to those that did; of two people with one name
        ("George Bush"), those holding no listed office on that date give way to one who does."""
        entries = [(s, e) for s, e, label, _ in found if label == "ENTRY"]
        if len(set(entries)) == len(entries):
            return found
        spans = Counter(entries)
        day = annotations(doc).published or date.today().isoformat()
        alive = {(s, e) for s, e, label, key in found if label == "ENTRY" and spans[(s, e)] > 1
                 and self._current(key, day)}
        return [m for m in found if m[2] != "ENTRY" or spans[m[:2]] == 1 or m[:2] not in alive
                or self._current(m[3], day)]

    def _current(self, key: str, day: str) -> bool:
        entry = self.kb.entries[key]
        if entry.kind == "person":
            return bool(self.kb.offices_on(entry.id, day))
        return _existed(entry.data, day)


def _existed(data: dict, day: str) -> bool:
    founded, dissolved = str(data.get("founded") or ""), str(data.get("dissolved") or "")
    return (not founded or founded[:len(day)] <= day) and (not dissolved or day[:len(dissolved)] <= dissolved)


# words that qualify a country's name rather than name something else with it ("Northern Iraq",
# "West Germany", "Nazi Germany", "Greater Syria", "Upper Egypt")
_QUALIFIERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
               "lower", "greater", "nazi", "soviet", "imperial", "communist", "democratic", "federal", "islamic",
               "socialist", "occupied", "free", "new", "old", "mainland", "continental", "coastal", "rural", "modern",
               "ancient", "colonial", "postwar", "independent", "united", "red", "white", "tsarist", "ottoman",
               "neighbouring", "neighboring", "rest", "inside", "outside", "royal", "peninsular", "outer"}


def _branch_of(doc, start: int, starts) -> bool:
    """A country's name right after another capitalised word inside a sentence names something of
    that name ("Air France", "Environment Canada", "Facebook Serbia", "Team USA"), unless the word
    qualifies the country ("Northern Iraq", "West Germany"); title-case headlines are left alone."""
    cols = columns_of(doc)
    i = start - 1
    if i < 0 or i in starts or not _capitalised(doc, i) or cols.lower[i] in _QUALIFIERS or cols.lower[i] in MONTHS:
        return False
    return start not in headline_words(doc)


def _capitalised(doc, i: int) -> bool:
    """A capitalised word that may be part of a name ("Bahir Dar"), not "The" opening a sentence."""
    cols = columns_of(doc)
    return 0 <= i < len(doc) and cols.is_alpha[i] and cols.text[i][:1].isupper() and cols.lower[i] not in STOP_WORDS


def _longest_first(found):
    # the key last: of two entries with one name and no date to choose by, always the same one
    ordered = sorted(set(found), key=lambda m: (-(m[1] - m[0]), -PRIORITY.get(m[2], 0), m[0], m[3] or ""))
    taken: set[int] = set()
    kept = []
    for m in ordered:
        tokens = range(m[0], m[1])
        if taken.isdisjoint(tokens):
            kept.append(m)
            taken.update(tokens)
    return sorted(kept)


def _extend_weapons(doc, kept):
    """"Bayraktar TB2 drones", "S-300 air defense systems": the system name takes its type noun."""
    out = []
    for i, (start, end, label, key) in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if label == "WEAPON" and following and following[0] == end and following[2] in ("TYPE_NOUN", "WEAPON_WORD"):
            out.append((start, following[1], label, key))
            kept[i + 1] = (following[0], following[0], "USED", None)
        elif label != "USED":
            out.append((start, end, label, key))
    return [m for m in out if m[2] != "USED" and m[1] > m[0]]


def _designators(doc, kept):
    """An unknown designation in front of a weapon-type noun is a weapon system: "Orlan-10 drones".
    Only the word before each such noun is read (a designation opens with a capital)."""
    nouns = [m for m in kept if m[2] in ("TYPE_NOUN", "WEAPON_WORD") and m[0] > 0]
    if not nouns:
        return sorted(kept)
    covered = {i for s, e, _, _ in kept for i in range(s, e)}
    out = list(kept)
    texts = columns_of(doc).text
    for noun in nouns:
        i = noun[0] - 1
        if i not in covered and _DESIGNATOR.match(texts[i]):
            out.remove(noun)
            out.append((i, noun[1], "WEAPON", f"new:{texts[i]}|{noun[3]}"))
    return sorted(out)
