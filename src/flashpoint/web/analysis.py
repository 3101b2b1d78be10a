"""The network views: the actor network, its dilemmas and unbalanced triads, and balance,
each with the evidence behind it. Networks are cached per cut until the store changes."""

from __future__ import annotations

import threading
from collections import OrderedDict
from itertools import combinations

from fastapi import HTTPException

from flashpoint.analysis.dilemmas import find_dilemmas
from flashpoint.analysis.network import Network, NetworkSettings
from flashpoint.analysis.network_export import network_as_dict
from flashpoint.analysis.network_store import network_from_store
from flashpoint.errors import FlashpointError
from flashpoint.web import records

CACHE_SIZE = 8
BALANCE_TIME_LIMIT = 10.0  # seconds for the exact frustration and weak-balance searches


class NetworkCache:
    """Networks by (at, window, half-life); the knowledge base is loaded once, on first use."""

    def __init__(self, engine, kb=None):
        self.engine, self._kb, self._networks = engine, kb, OrderedDict()
        self._lock = threading.Lock()

    def kb(self):
        if self._kb is None:
            from flashpoint.kb import load_kb

            self._kb = load_kb()
        return self._kb

    def get(self, at: str | None, window: str, half_life: float) -> Network:
        from flashpoint.web.filters import period

        key = (period(at, "at", day_only=True), window, half_life)
        with self._lock:
            if key not in self._networks:
                settings = NetworkSettings(at=key[0], window=window, half_life_days=half_life or None)
                try:
                    self._networks[key] = network_from_store(self.engine, settings, self.kb())
                except (ValueError, FlashpointError) as problem:  # e.g. a window reaching before year 1
                    raise HTTPException(422, f"cannot cut the network there: {problem}") from None
                while len(self._networks) > CACHE_SIZE:
                    self._networks.popitem(last=False)
            self._networks.move_to_end(key)
            return self._networks[key]

    def clear(self) -> None:
        with self._lock:
            self._networks.clear()


def unbalanced_triads(network: Network) -> list[dict]:
    """Triangles whose sign product is negative (``++-`` and ``---``), with a sentence each."""
    G = network.signed_graph()
    found = []
    for a in sorted(G):
        for b, c in combinations(sorted(n for n in G[a] if n > a), 2):
            if not G.has_edge(b, c):
                continue
            signs = {(a, b): G[a][b]["sign"], (a, c): G[a][c]["sign"], (b, c): G[b][c]["sign"]}
            if signs[(a, b)] * signs[(a, c)] * signs[(b, c)] < 0:
                found.append(_triad(network, (a, b, c), signs))
    return found


def _triad(network: Network, nodes: tuple, signs: dict) -> dict:
    negatives = [pair for pair, sign in signs.items() if sign < 0]
    name = network.name
    if len(negatives) == 3:
        text = f"{name(nodes[0])}, {name(nodes[1])} and {name(nodes[2])} are all hostile to one another."
    else:
        x, y = negatives[0]
        centre = next(n for n in nodes if n not in (x, y))
        text = f"{name(centre)} is on good terms with both {name(x)} and {name(y)}, which are hostile to each other."
    edges = [{"source": u, "target": v, "sign": s} for (u, v), s in signs.items()]
    return {"nodes": list(nodes), "type": "---" if len(negatives) == 3 else "++-", "edges": edges,
            "explanation": text}


def network_view(cache: NetworkCache, at: str | None, window: str, half_life: float) -> dict:
    """The network with its dilemmas and unbalanced triads, for the page and its JSON twin."""
    network = cache.get(at, window, half_life)
    found = network_as_dict(network)
    found["dilemmas"] = [d.as_dict() for d in find_dilemmas(network)]
    found["unbalanced_triads"] = unbalanced_triads(network)
    return found


def dilemmas_view(cache: NetworkCache, at: str | None, window: str, half_life: float,
                  actor: str | None = None, limit: int | None = None) -> list[dict]:
    """Dilemmas, best first, each with its evidence records and their quoted text."""
    network = cache.get(at, window, half_life)
    found = [d.as_dict() for d in find_dilemmas(network, actor=actor, limit=limit)]
    detail = records.records_by_id(cache.engine, [r for d in found for r in d["evidence"]])
    for dilemma in found:
        dilemma["names"] = {n: network.name(n) for n in [dilemma["actor"], *dilemma["partners"]]}
        dilemma["evidence_records"] = [detail.get(r) or {"id": r, "kind": "knowledge base"} for r in dilemma["evidence"]]
    return found


def balance_view(cache: NetworkCache, at: str | None, window: str, half_life: float) -> dict:
    from flashpoint.analysis.network_balance import measure_balance

    return measure_balance(cache.get(at, window, half_life), time_limit=BALANCE_TIME_LIMIT)
