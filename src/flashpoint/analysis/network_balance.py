"""Structural balance of an actor network, on one window or year by year.

The measures are those of `flashpoint.analysis.balance`, taken on the network's signed
graph (edges with a sign, isolated actors left out): the triangle census and balanced
share T, the frustration index L (exact or heuristic) with F = 1 - 2L/m, weak balance W
(any number of camps) and walk balance K.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from flashpoint.analysis.balance import (
    frustration_index,
    triangle_balance_ratio,
    triangle_census,
    walk_balance,
    weak_balance,
)
from flashpoint.analysis.network import Network, NetworkSettings, build_network
from flashpoint.analysis.ties import Observation

MEASURES = ("triangles", "frustration", "weak_balance", "walk_balance")


def measure_balance(network: Network, method: str = "auto", time_limit: float | None = 60.0,
                    measures: Iterable[str] = MEASURES) -> dict:
    """Balance measures of one network, as a flat, JSON-ready dict."""
    G = network.signed_graph()
    signs = [s for _, _, s in G.edges(data="sign")]
    row = {"at": network.at, "since": network.since, "nodes": G.number_of_nodes(),
           "edges": len(signs), "positive": signs.count(1), "negative": signs.count(-1)}
    measures = set(measures)
    if "triangles" in measures:
        row["triangles"] = triangle_census(G)
        row["triangle_balance"] = _number(triangle_balance_ratio(G))
    if "frustration" in measures:
        found = frustration_index(G, method=method, time_limit=time_limit)
        row["frustration"] = {"value": found.value, "optimal": found.optimal,
                              "lower_bound": found.lower_bound, "method": found.method,
                              "normalised": _number(found.normalised),
                              "frustrated_edges": [list(e) for e in found.frustrated_edges]}
    if "weak_balance" in measures:
        weak = weak_balance(G, method=method, time_limit=time_limit)
        row["weak_balance"] = {"value": weak.value, "optimal": weak.optimal, "method": weak.method,
                               "clusters": [sorted(c) for c in weak.clusters]}
    if "walk_balance" in measures:
        row["walk_balance"] = _number(walk_balance(G)) if len(G) else None
    return row


def balance_by_year(observations: Iterable[Observation], settings: NetworkSettings | None = None,
                    kb=None, **options) -> list[dict]:
    """`measure_balance` for each calendar year the records cover (window = that year)."""
    settings = settings or NetworkSettings()
    observations = list(observations)
    years = sorted({int(o.day[:4]) for o in observations if o.day})
    rows = []
    for year in years:
        yearly = replace(settings, at=f"{year}-12-31", window="12m")
        network = build_network(observations, yearly, kb)
        rows.append({"period": str(year), **measure_balance(network, **options)})
    return rows


def _number(value: float) -> float | None:
    return None if value != value else round(float(value), 4)  # nan -> None for JSON
