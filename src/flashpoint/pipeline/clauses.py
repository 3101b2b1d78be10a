"""Clauses: the unit that attribution, negation and modality govern.

A sentence splits at semicolons and at ", while", ", but", ", whereas", ", though",
", although" and ", and" before a new subject is not attempted: news sentences rarely need it.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from typing import NamedTuple

from flashpoint.pipeline.annotations import columns_of, per_document, token_range

_SPLIT_AFTER_COMMA = {"while", "but", "whereas", "though", "although", "thus", "however", "yet"}
MODALS = {"could", "would", "might", "may", "if", "unless", "whether", "risks", "risk", "hypothetically",
          "should", "ought"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}
FAILURE = {"fail", "failed", "fails", "failing"}  # "failed to reach agreement": no agreement


class Clause(NamedTuple):  # a plain value, made for every clause of every document
    start: int  # token indices
    end: int
    sent_start: int
    sent_end: int

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


def sentences(doc) -> list[tuple[int, int]]:
    """Sentence token spans, computed once per document from the segment component's marks."""
    cached = doc.user_data.get("flashpoint_sentences")
    if cached is None:
        starts = list(doc.user_data.get("flashpoint_sent_starts") or [t.i for t in doc if t.is_sent_start]) or [0]
        if starts[0] != 0:
            starts.insert(0, 0)
        cached = list(zip(starts, starts[1:] + [len(doc)], strict=True))
        doc.user_data["flashpoint_sentences"] = cached
    return cached


def _split(start: int, end: int, cut_after: list[int]) -> list[Clause]:
    """The sentence's clauses, cut after the tokens in `cut_after` (in order) that lie inside it."""
    inside = cut_after[bisect_left(cut_after, start):bisect_left(cut_after, end - 1)]
    if not inside:  # most sentences are one clause
        return [Clause(start, end, start, end)] if end > start else []
    cuts = [start, *(i + 1 for i in inside), end]
    return [Clause(a, b, start, end) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _cut_after(doc) -> list[int]:
    """Semicolons, and commas before "while", "but" ...: the tokens a clause ends with."""
    cols = columns_of(doc)
    texts, lowers = cols.text, cols.lower
    punct = compress(range(len(texts) - 1), cols.is_punct)  # quicker to walk than every word
    return [i for i in punct if texts[i] in _MARKS and (texts[i] == ";" or lowers[i + 1] in _SPLIT_AFTER_COMMA)]


_MARKS = {";", ","}


def all_clauses(doc) -> list[Clause]:
    cached = doc.user_data.get("flashpoint_clauses")
    if cached is None:
        cut_after = _cut_after(doc)
        cached = [c for start, end in sentences(doc) for c in _split(start, end, cut_after)]
        doc.user_data["flashpoint_clauses"] = cached
        clause_of = []
        for c in cached:
            clause_of.extend([c] * (c.end - c.start))
        doc.user_data["flashpoint_clause_of"] = clause_of
    return cached


def clauses_of(sent) -> list[Clause]:
    return [c for c in all_clauses(sent.doc) if c.sent_start == sent.start]


def clause_at(doc, i: int) -> Clause:
    clause_of = doc.user_data.get("flashpoint_clause_of")
    if clause_of is None:
        all_clauses(doc)
        clause_of = doc.user_data["flashpoint_clause_of"]
    return clause_of[i]


def hypothetical(doc, clause: Clause, trigger: int, end: int | None = None, ignore=frozenset()) -> bool:
    """A modal or condition before the trigger ("could supply", "if Turkey sells"), or a modal
    right after a trigger that is its subject ("the drone trade could hardly please"). Words in
    `ignore` mark an announcement or a demand, not a hypothesis ("said they would boycott")."""
    cols = columns_of(doc)
    lowers = cols.lower
    if not MODALS.isdisjoint(lowers[clause.start:trigger]):  # most triggers have none before them
        for i in token_range(doc, clause.start, trigger):
            if lowers[i] in MODALS and i not in ignore and not (lowers[i] == "may" and cols.text[i] == "May"):
                return True
    return end is not None and not MODAL_VERBS.isdisjoint(lowers[end:min(clause.end, end + 2)])


MODAL_VERBS = {"could", "would", "might", "may", "should"}


def negated(doc, clause: Clause, before: int, window: int = 6, words=NEGATIONS) -> bool:
    start = max(clause.start, before - window)
    return any(map(words.__contains__, columns_of(doc).lower[start:before]))


@per_document
def sentence_starts(doc) -> set[int]:
    return {start for start, _ in sentences(doc)}
