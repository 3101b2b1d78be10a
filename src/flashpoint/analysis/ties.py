"""Ties between actors read off flashpoint/1 records: one `Observation` per record and dyad.

A record becomes a tie of one *kind* between two network nodes. Nodes are countries: each
actor ref counts for its ``country`` (Turkey's army, ministry and drone maker are all
``TUR``); an actor without a country (an IGO such as the OTS, or an armed group the
knowledge base does not place) is its own node, keyed by its ``code`` (else its ``id``).
Ties inside one node (TURMIL with TURBUS) are dropped.

An observation's *strength* is ``kind weight x status weight x attribution weight``, before
recency decay; denied and cancelled transfers and denied statements make no tie. The
tables below are the documented defaults; `TieWeights` replaces any of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: Tie kinds: their sign and default weight (the strength of one asserted, current record).
KINDS: Mapping[str, tuple[int, float]] = MappingProxyType({
    "supply": (+1, 1.0),        # arms transfer, weighted again by its status
    "agreement": (+1, 0.8),     # PLOVER AGREE
    "aid": (+1, 0.7),           # AID
    "cooperation": (+1, 0.6),   # COOPERATE
    "support": (+1, 0.5),       # SUPPORT
    "alliance": (+1, 0.5),      # shared membership of a security/political organisation
    "consultation": (+1, 0.3),  # CONSULT: talks, visits
    "assault": (-1, 1.0),       # ASSAULT
    "coerce": (-1, 0.8),        # COERCE
    "sanction": (-1, 0.7),      # SANCTION
    "threaten": (-1, 0.6),      # THREATEN
    "protest": (-1, 0.3),       # PROTEST
    "accuse": (-1, 0.3),        # ACCUSE
    "reject": (-1, 0.3),        # REJECT
})

#: PLOVER event types that make ties; CONCEDE, RETREAT, REQUEST and MOBILIZE make none.
EVENT_KINDS: Mapping[str, str] = MappingProxyType({
    "AGREE": "agreement", "CONSULT": "consultation", "SUPPORT": "support",
    "COOPERATE": "cooperation", "AID": "aid", "ASSAULT": "assault", "COERCE": "coerce",
    "THREATEN": "threaten", "SANCTION": "sanction", "PROTEST": "protest",
    "ACCUSE": "accuse", "REJECT": "reject",
})

#: Transfer status weights: a delivered or fielded system ties more than a deal in talks.
TRANSFER_STATUS: Mapping[str, float] = MappingProxyType({
    "delivered": 1.0, "in_use": 1.0, "ordered": 0.8, "agreed": 0.7, "negotiating": 0.4,
    "denied": 0.0, "cancelled": 0.0,
})

#: Attribution weights: how far the article stands behind the record.
ATTRIBUTION: Mapping[str, float] = MappingProxyType({
    "asserted": 1.0, "reported": 0.8, "claimed": 0.6, "unconfirmed": 0.3, "denied": 0.0,
})


@dataclass(frozen=True)
class TieWeights:
    """The weight tables; pass a changed copy to `NetworkSettings` to re-weight ties."""

    kinds: Mapping[str, tuple[int, float]] = field(default_factory=lambda: KINDS)
    event_kinds: Mapping[str, str] = field(default_factory=lambda: EVENT_KINDS)
    transfer_status: Mapping[str, float] = field(default_factory=lambda: TRANSFER_STATUS)
    attribution: Mapping[str, float] = field(default_factory=lambda: ATTRIBUTION)

    def sign(self, kind: str) -> int:
        return self.kinds[kind][0]


@dataclass(frozen=True)
class Observation:
    """One record's evidence for a tie of one kind between nodes ``source`` and ``target``.

    ``source`` acts on ``target`` (supplier on recipient, actor on recipient);
    ``mutual`` when the record names both nodes on both sides ("the two clashed").
    ``day`` is the record's start date, else its document's publication date.
    """

    source: str
    target: str
    kind: str
    sign: int
    strength: float
    day: str | None
    documents: frozenset[str]
    record_ids: tuple[str, ...]
    mutual: bool = False
    detail: Mapping = field(default_factory=dict)  # system, status, date, names, for sentences

    @property
    def dyad(self) -> tuple[str, str]:
        return (self.source, self.target) if self.source <= self.target else (self.target, self.source)


def node_of(ref: Mapping | None) -> str | None:
    """The network node an actor ref stands for: its country, else its code, else its id."""
    if not ref:
        return None
    return ref.get("country") or ref.get("code") or ref.get("id")


def observations_from_document(doc: Mapping, weights: TieWeights = TieWeights()) -> Iterator[Observation]:
    """Observations from one flashpoint/1 document (the output of `flashpoint extract`)."""
    meta = doc.get("document") or {}
    doc_id = str(meta.get("id") or "")
    published = meta.get("published")
    for event in doc.get("events") or ():
        yield from observations_from_event(event, {doc_id}, (f"{doc_id}:{event.get('id')}",),
                                           published, weights)
    for transfer in doc.get("transfers") or ():
        yield from observations_from_transfer(transfer, {doc_id}, (f"{doc_id}:{transfer.get('id')}",),
                                              published, weights)


def observations_from_event(event: Mapping, documents, record_ids, published, weights: TieWeights
                            ) -> Iterator[Observation]:
    kind = weights.event_kinds.get(event.get("type"))
    strength = _strength(weights, kind, 1.0, event.get("attribution"))
    if not strength:
        return
    actors = {node_of(r): r for r in event.get("actor") or () if node_of(r)}
    recipients = {node_of(r): r for r in event.get("recipient") or () if node_of(r)}
    seen = set()
    for a in actors:
        for b in recipients:
            if a == b or frozenset((a, b)) in seen:
                continue
            seen.add(frozenset((a, b)))
            mutual = a in recipients and b in actors
            detail = {"date": event.get("date"), "type": event.get("type"), "mode": event.get("mode"),
                      "names": {a: actors[a].get("name"), b: recipients[b].get("name")}}
            yield Observation(a, b, kind, weights.sign(kind), strength, _day(event.get("date"), published),
                              frozenset(documents), tuple(record_ids), mutual, detail)


def observations_from_transfer(transfer: Mapping, documents, record_ids, published, weights: TieWeights
                               ) -> Iterator[Observation]:
    status = transfer.get("status")
    strength = _strength(weights, "supply", weights.transfer_status.get(status, 0.0),
                         transfer.get("attribution"))
    a, b = node_of(transfer.get("supplier")), node_of(transfer.get("recipient"))
    if not strength or not a or not b or a == b:
        return
    system = transfer.get("system") or {}
    detail = {"date": transfer.get("date"), "status": status, "system": system.get("name"),
              "names": {a: transfer["supplier"].get("name"), b: transfer["recipient"].get("name")}}
    yield Observation(a, b, "supply", +1, strength, _day(transfer.get("date"), published),
                      frozenset(documents), tuple(record_ids), False, detail)


def observations_from_merged(row: Mapping, weights: TieWeights = TieWeights()) -> Iterator[Observation]:
    """Observations from one merged store record (`flashpoint.store.queries.find` rows).

    Its sources are the documents behind it; its record ids ``<document id>:<local id>``.
    """
    sources = row.get("sources") or ()
    documents = {s["document_id"] for s in sources}
    record_ids = tuple(f"{s['document_id']}:{s['local_id']}" for s in sources)
    published = min((s["published"] for s in sources if s.get("published")), default=None)
    if row.get("kind") == "transfer":
        return observations_from_transfer(row, documents, record_ids, published, weights)
    return observations_from_event(row, documents, record_ids, published, weights)


def _strength(weights: TieWeights, kind: str | None, status_weight: float, attribution) -> float:
    if kind is None:
        return 0.0
    status = (attribution or {}).get("status") or "asserted"
    return weights.kinds[kind][1] * status_weight * weights.attribution.get(status, 1.0)


def _day(date: Mapping | None, published: str | None) -> str | None:
    start = (date or {}).get("start") or published
    if not start:
        return None
    parts = str(start)[:10].split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))
