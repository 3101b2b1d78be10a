"""attribution: who says what each clause says, and how sure the text is of it.

"According to X, ..." governs the rest of its sentence; "..., X reported" the clause before;
"X said (that) ..." what follows; "he said" the last person named. Words such as "purported",
"unverified" and "denied" set the status. Whether a statement is a party's own claim or a
third party's report is decided per record, by whether the claimant is a party to it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import partial
from itertools import compress

from flashpoint.pipeline.annotations import (
    Attribution,
    annotations,
    columns_of,
    per_document,
    span_text,
)
from flashpoint.pipeline.clauses import Clause, all_clauses, clause_at
from flashpoint.pipeline.core import Component

SPEECH = {"said": "say", "say": "say", "says": "say", "told": "say", "tells": "say", "stated": "say",
          "states": "say", "added": "say", "noted": "say", "announced": "say", "insisted": "say",
          "stressed": "say", "warned": "say", "argued": "say", "wrote": "say", "puts": "say", "put": "say",
          "reported": "report", "reports": "report", "report": "report", "reporting": "report",
          "claimed": "claim", "claims": "claim", "claim": "claim", "alleged": "claim", "alleges": "claim",
          "boasted": "claim", "denied": "deny", "denies": "deny", "deny": "deny",
          "confirmed": "say", "confirms": "say", "acknowledged": "say", "acknowledges": "say", "admitted": "say",
          "admits": "say"}
UNCERTAIN = {"purported", "purportedly", "unverified", "unconfirmed", "alleged", "allegedly", "rumoured",
             "rumored", "unsubstantiated"}
PRONOUNS = {"he", "she"}
UNNAMED = {"others", "observers", "officials", "sources", "witnesses", "residents", "critics", "analysts",
           "experts", "media", "reports", "diplomats", "researchers", "activists", "authorities", "organisers",
           "organizers", "medics", "doctors", "monitors", "investigators", "spokesman", "spokeswoman",
           "spokesperson", "agency", "group", "commission", "office", "ministry", "leadership", "administration"}
NAMING_NOUNS = {"said", "statement"}
CLAIM_NOUNS = {"claims", "allegations"}  # "claims that ...": unnamed sources
_NAME_LABELS = {"ENTRY", "COUNTRY", "PERSON", "ORG", "SEAT", "WEAPON"}
_CUE_WORDS = set(SPEECH) | CLAIM_NOUNS | UNCERTAIN | {"according"}


def _describes(doc, i: int) -> bool:
    """"alleged" between lower-case words describes a noun: "investigating alleged war crimes",
    "his alleged part" (but "officials alleged widespread fraud" is speech)."""
    cols = columns_of(doc)
    lowers = cols.lower
    return lowers[i] == "alleged" and i > 0 and i + 1 < len(lowers) \
        and cols.is_lower[i - 1] and lowers[i - 1] not in UNNAMED and cols.is_alpha[i + 1] and cols.is_lower[i + 1] \
        and lowers[i + 1] not in ("that", "the", "a", "an", "its", "their", "his", "her", "to", "on", "in", "at")


def _noun_phrase(doc, floor: int, verb: int) -> str:
    """The few words before a speech verb that name an unnamed source ("the ethnic Armenian authorities")."""
    cols = columns_of(doc)
    start = verb - 1
    while start > floor and verb - start < 6 and (not cols.is_punct[start - 1] or cols.text[start - 1] == "-") \
            and cols.lower[start - 1] not in ("that", "while", "but", "and"):
        start -= 1
    return span_text(doc, start, verb)


def _described_source(doc, floor: int, verb: int) -> int | None:
    """Where ", a Saudi-owned weekly reports" begins its source: a noun phrase opened by an
    article after the last comma before the speech verb."""
    cols = columns_of(doc)
    for j in range(verb - 1, floor - 1, -1):
        if cols.text[j] == ",":
            return j + 1 if j + 1 < verb and cols.lower[j + 1] in ("a", "an", "the") else None
        if cols.is_punct[j] and cols.text[j] != "-":
            return None
    return None


def _nothing(doc, start, end) -> None:
    return None


@dataclass
class _Cues:
    """Where the document's cue words are, found once rather than per clause."""

    verbs: list[int]  # speech verbs
    names: set[int] | frozenset  # tokens inside names (looked at only if there are speech verbs)
    nouns: list[int]  # "claims", "allegations"
    uncertain: list[int]
    any: list[int]  # all of these
    according: bool  # whether "according" is one of the words

    @staticmethod
    def of(doc) -> _Cues:
        lowers = columns_of(doc).lower
        found = list(compress(range(len(lowers)), map(_CUE_WORDS.__contains__, lowers)))  # one pass over the words
        verbs = [i for i in found if lowers[i] in SPEECH]
        names = {i for m in annotations(doc).mentions if m.label in _NAME_LABELS
                 for i in range(m.start, m.end)} if verbs else frozenset()
        return _Cues(verbs, names, [i for i in found if lowers[i] in CLAIM_NOUNS],
                     [i for i in found if lowers[i] in UNCERTAIN], found,
                     any(lowers[i] == "according" for i in found))

    @staticmethod
    def within(positions: list[int], start: int, end: int) -> list[int]:
        return positions[bisect_left(positions, start):bisect_left(positions, end)]


def _clauses_at(doc, positions: list[int]) -> list[Clause]:
    """The clauses that hold the tokens at `positions` (in order), each once."""
    return list(dict.fromkeys(map(partial(clause_at, doc), positions)))


@per_document
def _mention_starts(doc) -> list[int]:
    """Where each actor mention starts (resolve leaves them in order of start)."""
    return [m.start for m in annotations(doc).actor_mentions]


def _mentions_between(doc, start: int, end: int) -> list:
    """The actor mentions that start in [start, end), in order."""
    starts = _mention_starts(doc)
    return annotations(doc).actor_mentions[bisect_left(starts, start):bisect_left(starts, end)]


class Attribute(Component):
    name = "attribution"
    requires = ("flashpoint.actor_mentions",)
    assigns = ("flashpoint.attributions",)

    def match(self, doc):
        found = {}
        cues = _Cues.of(doc)
        according = self._according_to if cues.according else _nothing  # most texts have none
        sentence_level: dict[int, Attribution | None] = {}
        # without "according to", only a clause with a cue word can be attributed or doubted
        for clause in all_clauses(doc) if according is not _nothing else _clauses_at(doc, cues.any):
            if clause.sent_start not in sentence_level:
                sentence_level[clause.sent_start] = according(doc, clause.sent_start, clause.sent_end)
            cue = according(doc, clause.start, clause.end) or self._speech(doc, clause, cues) \
                or sentence_level[clause.sent_start]
            status = cue.status if cue else "asserted"
            if cues.within(cues.uncertain, clause.start, clause.end):
                status = "unconfirmed"
            if cue or status != "asserted":
                found[(clause.start, clause.end)] = Attribution(cue.claimant if cue else None, status,
                                                                cue.cue if cue else None,
                                                                cue.scope if cue else None)
        return found

    def set_annotations(self, doc, found) -> None:
        annotations(doc).attributions = found

    def _speaker(self, doc, start: int, end: int, before: bool):
        """The actor mention nearest the cue: before it for "X said", after it for "according to X"."""
        inside = [m for m in _mentions_between(doc, start, end) if m.end <= end and not m.place_use]
        if not inside:
            return None
        m = inside[-1] if before else inside[0]
        actor = annotations(doc).actors[m.actor]
        return {"id": actor.id, "name": actor.name, "code": actor.code, "country": actor.country}

    def _according_to(self, doc, start, end):
        cols = columns_of(doc)
        lowers = cols.lower
        if "according" not in lowers[start:end - 1]:
            return None
        for i in range(start, end - 1):
            if lowers[i] == "according" and lowers[i + 1] == "to":
                stop = min(end, i + 10)
                for j in range(i + 2, stop):
                    if cols.text[j] == ",":
                        stop = j
                        break
                claimant = self._speaker(doc, i + 2, stop, before=False)
                if claimant is None:
                    claimant = {"id": None, "name": span_text(doc, i + 2, stop)}
                # at the start it governs what follows; later in the sentence ("X happened, according
                # to Y, and ...") what precedes it
                scope = (stop, end) if i <= start + 1 else (start, i)
                return Attribution(claimant, "reported", (cols.idx[i], cols.end_char(stop - 1)), scope)
        return None

    def _speech(self, doc, clause, cues: _Cues):
        """The cue of the first speech verb of the clause that has a speaker."""
        cols = columns_of(doc)
        lowers = cols.lower
        for i in cues.within(cues.verbs, clause.start, clause.end):
            kind = SPEECH[lowers[i]]
            if i in cues.names or _describes(doc, i):
                continue  # "the United States" says nothing, nor do "alleged war crimes"
            if kind == "claim" and i + 1 < clause.end and lowers[i + 1] in ("about", "of"):
                continue  # "claims about X": the noun, handled as unnamed claims below
            if kind == "claim" and "lives" in lowers[i + 1:i + 5]:
                continue  # "clashes that claimed 100 lives": a toll, not a speaker
            prev = i - 1 if i > clause.start else None
            claimant = self._pronoun(doc, prev) if prev is not None and lowers[prev] in PRONOUNS else None
            if claimant is None and prev is not None and lowers[prev] in UNNAMED and not self._named(doc, prev):
                phrase_start = i - len(_noun_phrase(doc, clause.start, i).split())
                claimant = self._speaker(doc, max(clause.start, phrase_start - 1), i, before=True) or \
                    {"id": None, "name": _noun_phrase(doc, clause.start, i)}  # "officials said"
            if claimant is None and (source := _described_source(doc, max(clause.start, i - 8), i)) is not None:
                # "..., a Saudi-owned weekly reports": the weekly, not the name before the comma
                claimant = self._speaker(doc, source, i, before=True) or {"id": None, "name": span_text(doc, source, i)}
            claimant = claimant or self._speaker(doc, max(clause.start, i - 8), i, before=True) \
                or self._officials_in(doc, clause, i)
            if claimant is None and prev is not None and lowers[prev] in UNNAMED | NAMING_NOUNS:
                claimant = {"id": None, "name": _noun_phrase(doc, clause.start, i)}
            if claimant is None:
                continue
            status = {"report": "reported", "claim": "claimed", "deny": "denied", "say": "reported"}[kind]
            after = i + 1 if i + 1 < clause.end else None
            closing = after is None or cols.is_punct[after] and cols.text[after] not in ("“", '"', ":")
            speaker_start = self._speaker_start(doc, clause, i)
            # "..., X said" governs its whole clause; "X said (that) ..." what follows the verb
            scope = None if closing and speaker_start > clause.start else (i + 1, clause.end)
            return Attribution(claimant, status, (cols.idx[i], cols.end_char(i)), scope)
        for i in cues.within(cues.nouns, clause.start, clause.end - 1):
            if lowers[i + 1] in ("about", "of", "that"):
                return Attribution({"id": None, "name": "unnamed sources"}, "claimed", (cols.idx[i], cols.end_char(i)))
        return None

    def _officials_in(self, doc, clause, verb: int):
        """"Officials in Kyiv said", "sources in Damascus say": unnamed speakers of the place's
        country."""
        ann, lowers = annotations(doc), columns_of(doc).lower
        for m in _mentions_between(doc, clause.start, verb):
            if m.end == verb and m.place_use and m.start >= clause.start + 2 and lowers[m.start - 1] in ("in", "from") \
                    and lowers[m.start - 2] in UNNAMED:
                return {"id": None, "name": span_text(doc, m.start - 2, m.end), "country": ann.actors[m.actor].country}
        return None

    def _named(self, doc, i: int) -> bool:
        """Whether the word at `i` ends an actor mention ("Kyrgyz officials" is an actor)."""
        return any(i < m.end for m in _mentions_between(doc, 0, i + 1))

    def _speaker_start(self, doc, clause, verb: int) -> int:
        before = [m for m in _mentions_between(doc, clause.start, verb) if m.end <= verb and verb - m.end <= 8]
        if before:
            return before[-1].start
        return verb - 1 if verb - 1 >= clause.start and columns_of(doc).lower[verb - 1] in PRONOUNS | UNNAMED else verb

    def _pronoun(self, doc, i):
        ann = annotations(doc)
        earlier = [m for m in _mentions_between(doc, 0, i) if m.end <= i and ann.actors[m.actor].kind == "person"]
        if not earlier:
            return None
        actor = ann.actors[earlier[-1].actor]
        return {"id": actor.id, "name": actor.name, "code": actor.code, "country": actor.country}
