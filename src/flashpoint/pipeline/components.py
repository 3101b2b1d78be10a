"""The default components, in order: the one place that says what the pipeline runs."""

from __future__ import annotations

from functools import partial

from flashpoint.pipeline.attribution import Attribute
from flashpoint.pipeline.claims import Claims
from flashpoint.pipeline.events import Events
from flashpoint.pipeline.place import Places
from flashpoint.pipeline.recognise import Recognise
from flashpoint.pipeline.resolve import Resolve
from flashpoint.pipeline.segment import Segment
from flashpoint.pipeline.timex import Times
from flashpoint.pipeline.trigger_match import Triggers
from flashpoint.pipeline.weapons import WeaponResolver


class ResolveWeapons(Resolve):
    """resolve, then link weapon mentions to systems ("the drones" -> Bayraktar TB2)."""

    def __init__(self, kb):
        super().__init__(kb)
        self.weapons = WeaponResolver(kb)

    def set_annotations(self, doc, _):
        super().set_annotations(doc, _)
        self.weapons.resolve(doc)


def default_components(nlp, kb, model=None, gazetteer_factory=None):
    from flashpoint.pipeline.transfers import Transfers
    from flashpoint.places import gazetteer_for

    return [
        Segment(),
        Recognise(nlp, kb, model),
        ResolveWeapons(kb),
        Times(),
        Places(kb, gazetteer_factory or partial(gazetteer_for, kb)),  # the countries of `kb`, not the default's
        Attribute(),
        Triggers(kb),
        Transfers(kb),  # before events: an assault's operator can come from a delivery
        Events(kb),
        Claims(),
    ]
