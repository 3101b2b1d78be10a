"""triggers: where the event and transfer lexicons match, before either is coded.

Both lexicons are matched in one place so that each record can see every trigger of its
sentence: a date belongs to the trigger nearest it, and a word inside a name ("Shanghai
Cooperation Organization") is no trigger at all.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress

from flashpoint.pipeline.annotations import (
    annotations,
    columns_of,
    per_document,
    token_span,
)
from flashpoint.pipeline.arguments import NOMINAL_BEFORE, is_nominal
from flashpoint.pipeline.clauses import sentence_starts, sentences
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.names import inside_name
from flashpoint.pipeline.triggers import Lexicons, TriggerIndex, passive_fits

_NAME_LABELS = {"ENTRY", "COUNTRY", "PERSON", "WEAPON", "SEAT", "ORG", "REGION"}
_WEAPON_LABELS = {"WEAPON", "WEAPON_WORD", "TYPE_NOUN"}
_NOUN_LABELS = _WEAPON_LABELS | {"ROLE"}  # the noun phrases the recogniser found
_OBJECT_PRONOUNS = {"them", "him", "us", "me"}  # "send them back": a particle, not the verb "back"
# "strikes against ISIL targets", "an attack on Houthi positions": a group's name after these, then
# a verb-only trigger word, is that word as a noun; not after a place ("Police in Cuba jailed") or a
# role noun ("strikes against rebels backed by")
_TARGETED = {"against", "on"}
_NOT_GROUP_NAMES = {"COUNTRY", "SEAT", "REGION", "ROLE"}


class Triggers(Component):
    name = "triggers"
    requires = ("flashpoint.mentions",)
    assigns = ("flashpoint.event_triggers", "flashpoint.transfer_triggers")

    def __init__(self, kb):
        # one look-up per token finds both kinds: (event triggers, transfer triggers)
        self.lexicons = Lexicons(TriggerIndex(kb.triggers, passive=True), TriggerIndex(kb.transfer_triggers))

    def match(self, doc):
        names, weapon_starts, noun_tokens = _time_tokens(doc), set(), set()  # "last March" is no march
        after_named = set()  # "against Houthi targets": a verb-only word there is a noun
        cols = columns_of(doc)
        lowers = cols.lower
        for m in annotations(doc).mentions:  # one pass over the mentions fills all four
            if m.label in _NAME_LABELS:
                names.update(range(m.start, m.end))
            if m.label in _WEAPON_LABELS:
                weapon_starts.add(m.start)
            if m.label in _NOUN_LABELS:
                noun_tokens.update(range(m.start, m.end))
            if m.start > 0 and lowers[m.start - 1] in _TARGETED and m.label not in _NOT_GROUP_NAMES:
                after_named.add(m.end)

        def fits(s, e, t) -> bool:
            # a participle that describes a noun opens no trigger (`_modifier`); a verb-only
            # trigger after "the", "of", "its", or after "against"/"on" and a group's name ("against
            # Houthi targets"), is a noun here ("arms"); before a weapon word, or
            # inside a noun phrase the recogniser found, a participle ("armed forces"), and a
            # noun trigger on the same word may take its place ("began shelling")
            if t.get("passive"):
                return passive_fits(lowers, s, e, t["passive"])
            return not (_modifier(cols, s) or t.get("pos") == "VERB" and e - s == 1
                        and (is_nominal(doc, s) or e in weapon_starts or s in noun_tokens or s in after_named
                             or s > 0 and lowers[s - 1] in _OBJECT_PRONOUNS))

        opens, sentences = self.lexicons.by_word.__contains__, sentence_starts(doc)
        starts = [i for i in compress(range(len(lowers)), map(opens, lowers))
                  if i not in names and not inside_name(doc, i, sentences, alone=True)]  # "Royal Dutch Shell"
        return self.lexicons.find(doc, starts, names, fits)

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        ann.event_triggers, ann.transfer_triggers = found


def _modifier(cols, i: int) -> bool:
    """A participle that describes a noun opens no trigger: the head of a compound ("Syrian-backed",
    "UN-brokered", "long-threatened") and "-ed" after a determiner before another word ("his
    alleged part", "the occupied territories")."""
    lowers = cols.lower
    if i < 1:
        return False
    if lowers[i - 1] == "-" and i > 1:
        space = cols.space
        if not space[i - 2] and not space[i - 1]:
            return True
    return lowers[i].endswith("ed") and i + 1 < len(lowers) and lowers[i - 1] in NOMINAL_BEFORE \
        and lowers[i + 1].isalpha()


def _time_tokens(doc) -> set[int]:
    """The tokens a temporal expression covers, at least in part."""
    out = set()
    for x in annotations(doc).times:
        span = token_span(doc, x.start, x.end)
        if span is not None:
            out.update(range(*span))
    return out


@per_document
def trigger_positions(doc) -> list[int]:
    """Where the document's triggers begin, in order: every event trigger, and a transfer trigger
    only in a sentence that names a weapon, as a transfer needs one (elsewhere "attacked ships on
    Nov. 5" would have "ships" take the date from "attacked")."""
    ann = annotations(doc)
    spans = sentences(doc)
    starts = [start for start, _ in spans]
    weapons = sorted(w.start for w in ann.weapon_mentions)

    def armed(i: int) -> bool:
        start, end = spans[bisect_right(starts, i) - 1]
        k = bisect_left(weapons, start)
        return k < len(weapons) and weapons[k] < end

    kept = [start for start, _, _ in ann.transfer_triggers if armed(start)]
    return sorted([start for start, _, _ in ann.event_triggers] + kept)
