"""Clauses: the unit that attribution, negation and modality govern.

A sentence splits at semicolons and at ", while", ", but", ", whereas", ", though",
", although" and ", and" before a new subject is not attempted: news sentences rarely need it.
"""

from __future__ import annotations

from dataclasses import dataclass

_SPLIT_AFTER_COMMA = {"while", "but", "whereas", "though", "although", "thus", "however", "yet"}
MODALS = {"could", "would", "might", "may", "if", "unless", "whether", "risks", "risk", "hypothetically",
          "should", "ought"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}


@dataclass(frozen=True)
class Clause:
    start: int  # token indices
    end: int
    sent_start: int
    sent_end: int

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


def clauses_of(sent) -> list[Clause]:
    doc = sent.doc
    cuts = [sent.start]
    for token in sent:
        i = token.i
        if token.text == ";" and i + 1 < sent.end:
            cuts.append(i + 1)
        elif token.text == "," and i + 1 < sent.end and doc[i + 1].lower_ in _SPLIT_AFTER_COMMA:
            cuts.append(i + 1)
    cuts.append(sent.end)
    return [Clause(a, b, sent.start, sent.end) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def clause_at(doc, i: int) -> Clause:
    sent = doc[i].sent
    for clause in clauses_of(sent):
        if clause.contains(i):
            return clause
    return Clause(sent.start, sent.end, sent.start, sent.end)


def hypothetical(doc, clause: Clause, before: int) -> bool:
    """A modal or condition in the clause before the trigger: "could", "if Turkey sells"."""
    for token in doc[clause.start:before]:
        if token.lower_ in MODALS and not (token.lower_ == "may" and token.text == "May"):
            return True
    return False


def negated(doc, clause: Clause, before: int, window: int = 6) -> bool:
    start = max(clause.start, before - window)
    return any(t.lower_ in NEGATIONS for t in doc[start:before])
