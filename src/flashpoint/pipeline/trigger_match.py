"""triggers: where the event and transfer lexicons match, before either is coded.

Both lexicons are matched in one place so that each record can see every trigger of its
sentence: a date belongs to the trigger nearest it, and a word inside a name ("Shanghai
Cooperation Organization") is no trigger at all.
"""

from __future__ import annotations

from flashpoint.pipeline.annotations import annotations
from flashpoint.pipeline.arguments import is_nominal
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.triggers import TriggerIndex

_NAME_LABELS = {"ENTRY", "COUNTRY", "PERSON", "WEAPON", "SEAT"}


class Triggers(Component):
    name = "triggers"
    requires = ("flashpoint.mentions",)
    assigns = ("flashpoint.event_triggers", "flashpoint.transfer_triggers")

    def __init__(self, kb):
        self.events = TriggerIndex(kb.triggers)
        self.transfers = TriggerIndex(kb.transfer_triggers)

    def match(self, doc):
        mentions = annotations(doc).mentions
        names = {i for m in mentions if m.label in _NAME_LABELS for i in range(m.start, m.end)}
        weapon_words = [m for m in mentions if m.label in ("WEAPON", "WEAPON_WORD", "TYPE_NOUN")]
        weapon_starts = {m.start for m in weapon_words}
        noun_tokens = {i for m in mentions if m.label in ("WEAPON", "WEAPON_WORD", "TYPE_NOUN", "ROLE")
                       for i in range(m.start, m.end)}

        def outside(found):
            # a verb-only trigger after "the", "of", "its" is a noun here ("arms"); before a weapon
            # word, or inside a noun phrase the recogniser found, a participle ("armed forces")
            return [(s, e, t) for s, e, t in found if names.isdisjoint(range(s, e))
                    and not (t.get("pos") == "VERB" and e - s == 1
                             and (is_nominal(doc, s) or e in weapon_starts or s in noun_tokens))]

        return outside(self.events.find(doc)), outside(self.transfers.find(doc))

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        ann.event_triggers, ann.transfer_triggers = found


def trigger_positions(doc) -> list[int]:
    cached = doc.user_data.get("flashpoint_trigger_positions")
    if cached is None:
        ann = annotations(doc)
        cached = sorted(s for s, _, _ in ann.event_triggers + ann.transfer_triggers)
        doc.user_data["flashpoint_trigger_positions"] = cached
    return cached
