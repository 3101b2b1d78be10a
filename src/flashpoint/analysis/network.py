"""The dated, signed, multi-relational network of actors that the records imply.

Nodes are countries (and country-less actors such as IGOs, by code: see `ties`). Each
dyad keeps one `Tie` per kind (supply, agreement, assault...) with its weight, dates,
sources and record ids; the dyad's ``weight`` is the sum of its ties' signed weights and
its ``sign`` the sign of that sum. A sum of exactly zero takes the sign of the most recent
tie, and negative if that ties too (hostility is what the news is about).

A network is cut at a day ``at`` (default: the latest record) over a ``window`` ending
there (default ``12m``; ``all`` for no window). A record counts
``strength x 0.5 ** (age / half_life)`` (default half-life 365 days, ``None`` for no decay).
A tie's weight sums, over the documents reporting it, the strongest such record of each
document: a fact an article repeats is one source, a fact three outlets report is three.

Shared membership of a security or political organisation (`ALLIANCE_ORGANISATIONS`,
memberships from the knowledge base, as of ``at``) adds one ``alliance`` tie between two
nodes already in the window's records, whatever the number of organisations they share.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import chain, combinations

import networkx as nx

from flashpoint.analysis.ties import Observation, TieWeights, observations_from_document
from flashpoint.errors import FlashpointError

DEFAULT_WINDOW = "12m"
DEFAULT_HALF_LIFE_DAYS = 365.0
KB_SOURCE = "kb"

#: Organisations whose shared membership is an alliance tie (knowledge-base ids). Security
#: pacts and political unions; near-universal bodies (UN, WHO...) and economic or technical
#: ones (IMF, OPEC...) would tie nearly everyone and say nothing about sides.
ALLIANCE_ORGANISATIONS = (
    "csto", "nato", "sco", "ots", "cis", "eaeu", "union-state", "guam", "aukus", "quad",
    "five-eyes", "warsaw-pact", "seato", "cento", "eu", "au", "ecowas", "aes", "g5-sahel",
    "sadc", "igad", "arab-league", "gcc", "asean", "oas",
)


@dataclass(frozen=True)
class NetworkSettings:
    """How to cut and weigh the network; every default is documented in docs/analysis.md."""

    at: str | None = None
    window: str | None = DEFAULT_WINDOW
    half_life_days: float | None = DEFAULT_HALF_LIFE_DAYS
    alliances: tuple[str, ...] = ALLIANCE_ORGANISATIONS
    weights: TieWeights = field(default_factory=TieWeights)


@dataclass(frozen=True)
class Tie:
    """All the evidence for one kind of tie between two nodes."""

    kind: str
    sign: int
    weight: float
    documents: tuple[str, ...]
    records: tuple[str, ...]
    first: str | None
    last: str | None
    observations: tuple[Observation, ...] = field(repr=False, default=())

    def as_dict(self) -> dict:
        return {"kind": self.kind, "sign": self.sign, "weight": round(self.weight, 4),
                "n_documents": len(self.documents), "first": self.first, "last": self.last,
                "records": list(self.records)}


@dataclass
class Network:
    """An undirected ``nx.Graph`` whose edges carry ``sign``, ``weight`` and ``ties``."""

    graph: nx.Graph
    at: str | None
    since: str | None
    settings: NetworkSettings
    names: dict = field(default_factory=dict)

    def ties(self, u: str, v: str) -> dict[str, Tie]:
        return self.graph[u][v]["ties"] if self.graph.has_edge(u, v) else {}

    def sign(self, u: str, v: str) -> int:
        return self.graph[u][v]["sign"] if self.graph.has_edge(u, v) else 0

    def name(self, node: str) -> str:
        return self.names.get(node) or node

    def signed_graph(self) -> nx.Graph:
        """The plain signed graph (``sign`` only, no isolates) that the balance measures take."""
        G = nx.Graph()
        G.add_edges_from((u, v, {"sign": s}) for u, v, s in self.graph.edges(data="sign"))
        return G

    def copy(self) -> Network:
        return replace(self, graph=self.graph.copy(), names=dict(self.names))


def network_from_records(records: Iterable[Mapping], settings: NetworkSettings | None = None,
                         kb=None) -> Network:
    """The network of flashpoint/1 documents (e.g. `flashpoint extract` JSON Lines)."""
    settings = settings or NetworkSettings()
    found = chain.from_iterable(observations_from_document(r, settings.weights) for r in records)
    return build_network(found, settings, kb)


def build_network(observations: Iterable[Observation], settings: NetworkSettings | None = None,
                  kb=None) -> Network:
    """Window, decay and sum observations into a `Network`; add the alliance ties."""
    settings = settings or NetworkSettings()
    observations = list(observations)
    at = settings.at or max((o.day for o in observations if o.day), default=None)
    since = window_start(at, settings.window)
    kept = [o for o in observations if in_window(o.day, since, at)]
    kb = kb if kb is not None else _load_kb()
    kept += alliance_observations({n for o in kept for n in (o.source, o.target)}, at, settings, kb)
    graph = nx.Graph()
    for (u, v), ties in _ties(kept, at, settings.half_life_days).items():
        weight = sum(t.sign * t.weight for t in ties.values())
        graph.add_edge(u, v, sign=_sign(weight, ties.values()), weight=weight, ties=ties)
    return Network(graph, at, since, settings, node_names(graph, kept, kb))


def window_start(at: str | None, window: str | None) -> str | None:
    """The first day before the window: records count when ``start < day <= at``."""
    if not at or not window or window == "all":
        return None
    match = re.fullmatch(r"(\d+)\s*([dwmy])", window.strip().lower())
    if not match:
        raise FlashpointError(f"window {window!r} is not understood; write e.g. 90d, 8w, 12m, 2y or all")
    n, unit = int(match[1]), match[2]
    day = date.fromisoformat(at)
    if unit in "dw":
        return (day - timedelta(days=n * (7 if unit == "w" else 1))).isoformat()
    months = day.year * 12 + day.month - 1 - n * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1])).isoformat()


def in_window(day: str | None, since: str | None, at: str | None) -> bool:
    """Undated records (no date, no publication date) count as current."""
    if day is None:
        return True
    return (since is None or day > since) and (at is None or day <= at)


def decay(day: str | None, at: str | None, half_life_days: float | None) -> float:
    if not half_life_days or not day or not at:
        return 1.0
    age = max((date.fromisoformat(at) - date.fromisoformat(day)).days, 0)
    return 0.5 ** (age / half_life_days)


def alliance_observations(nodes: set[str], at: str | None, settings: NetworkSettings, kb
                          ) -> list[Observation]:
    """One observation per organisation and pair of member nodes, as of ``at``."""
    found = []
    strength = settings.weights.kinds["alliance"][1]
    for org in settings.alliances:
        entry = kb.entries.get(f"igo:{org}") if kb is not None else None
        members = sorted(kb.members(org, at) & nodes) if kb is not None else []
        for a, b in combinations(members, 2):
            detail = {"organisation": (entry.data.get("acronyms") or [entry.name])[0] if entry else org}
            found.append(Observation(a, b, "alliance", +1, strength, at, frozenset({KB_SOURCE}),
                                     (f"{KB_SOURCE}:{org}",), True, detail))
    return found


def _ties(observations: list[Observation], at: str | None, half_life: float | None
          ) -> dict[tuple[str, str], dict[str, Tie]]:
    grouped: dict = defaultdict(lambda: defaultdict(list))
    for o in observations:
        grouped[o.dyad][o.kind].append(o)
    return {dyad: {kind: _tie(kind, found, at, half_life) for kind, found in kinds.items()}
            for dyad, kinds in grouped.items()}


def _tie(kind: str, found: list[Observation], at: str | None, half_life: float | None) -> Tie:
    best: dict[str, float] = {}
    for o in found:
        value = o.strength * decay(o.day, at, half_life)
        for document in o.documents:
            best[document] = max(best.get(document, 0.0), value)
    days = sorted(o.day for o in found if o.day)
    records = tuple(dict.fromkeys(r for o in found for r in o.record_ids))
    return Tie(kind, found[0].sign, sum(best.values()), tuple(sorted(best)), records,
               days[0] if days else None, days[-1] if days else None, tuple(found))


def _sign(weight: float, ties: Iterable[Tie]) -> int:
    if weight:
        return 1 if weight > 0 else -1
    latest = max(ties, key=lambda t: (t.last or "", -t.sign))
    return latest.sign


def node_names(graph: nx.Graph, observations: list[Observation], kb) -> dict[str, str]:
    """Country names from the knowledge base, IGO names by code, else the records' own names."""
    names = {}
    for o in observations:
        for node, name in (o.detail.get("names") or {}).items():
            names.setdefault(node, name)
    if kb is not None:
        igos = {e.code: e.name for e in kb.entries.values() if e.kind == "igo" and e.code}
        for node in graph:
            country = kb.countries.get(node)
            names[node] = country.name if country else igos.get(node, names.get(node, node))
    return {node: names.get(node, node) for node in graph}


def _load_kb():
    from flashpoint.kb import load_kb

    return load_kb()
