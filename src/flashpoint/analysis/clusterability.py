"""Weak balance (Davis 1967 clusterability): correlation clustering of a signed graph.

W(G) is the minimum, over partitions into any number of clusters, of negative edges
inside clusters plus positive edges between them. A graph is weakly balanced (W = 0)
when its nodes split into mutually hostile, internally friendly clusters; a ``---``
triangle is weakly balanced (three singletons) though not balanced (L = 1).

Pajek/signnet's blockmodel criterion with alpha = 0.5 counts each edge twice and halves
it, so it equals W; Doreian & Mrvar (2015) plot 2W. Clusters never join two positive
components (splitting such a cluster loses no positive edge), so each positive component
is clustered separately, exactly (``clusterability_ilp``) or heuristically
(``clusterability_search``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import networkx as nx
import numpy as np

from flashpoint.analysis.clusterability_ilp import ClusterSolution, solve_component_exact
from flashpoint.analysis.clusterability_search import solve_component_heuristic
from flashpoint.analysis.signed_graphs import SIGN, check_signed

#: ``method="auto"`` clusters a positive component exactly when its program has at most
#: this many transitivity rows (2 x positive edges x (nodes - 2)). The largest
#: Correlates-of-War component has about 330,000 and solves in under 5 s.
EXACT_ROW_LIMIT = 1_000_000
DEFAULT_TIME_LIMIT = 60.0
METHODS = ("auto", "exact", "heuristic")


@dataclass(frozen=True)
class WeakBalanceResult:
    """W and a clustering that attains it (an upper bound when ``optimal`` is False).

    ``clusters`` is a list of node sets, largest first (ties in graph order), covering
    every node; ``violating_edges`` are the negative edges inside and positive edges
    between clusters.
    """

    value: int
    optimal: bool
    lower_bound: int
    clusters: list
    violating_edges: list
    method: str


def weak_balance(G: nx.Graph, method: str = "auto",
                 time_limit: float | None = DEFAULT_TIME_LIMIT,
                 seed: int = 0) -> WeakBalanceResult:
    """Weak-balance (clusterability) index W of an undirected signed graph.

    ``"exact"`` solves a binary program with HiGHS (``scipy.optimize.milp``) per positive
    component; ``"heuristic"`` relocates nodes and merges clusters from seeded starts;
    ``"auto"`` is exact up to ``EXACT_ROW_LIMIT`` rows per component, heuristic above. When
    the exact solver stops at ``time_limit`` unproven, a component gets the better of its
    incumbent and the heuristic's clustering, and ``optimal`` is False.
    """
    check_signed(G, directed=False)
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    deadline = time.monotonic() + time_limit if time_limit else None
    cluster_of, value, lower, optimal, used = {}, 0, 0, True, set()
    for component in _positive_components(G):
        solution, how = _cluster(G, component, method, deadline, time_limit, seed)
        for node, label in zip(component, solution.labels, strict=True):
            cluster_of[node] = (component[0], int(label))
        value, lower = value + solution.value, lower + solution.lower_bound
        optimal &= solution.optimal
        used.add(how)
    groups: dict = {}
    for node in G:
        groups.setdefault(cluster_of[node], set()).add(node)
    violating = [(a, b) for a, b, s in G.edges(data=SIGN)
                 if (cluster_of[a] == cluster_of[b]) != (s > 0)]
    return WeakBalanceResult(value, optimal, lower,
                             sorted(groups.values(), key=len, reverse=True), violating,
                             used.pop() if len(used) == 1 else ("mixed" if used else "exact"))


def _positive_components(G: nx.Graph) -> list[list]:
    positive = nx.Graph()
    positive.add_nodes_from(G)
    positive.add_edges_from((a, b) for a, b, s in G.edges(data=SIGN) if s > 0)
    order = {node: i for i, node in enumerate(G)}
    return [sorted(c, key=order.__getitem__) for c in nx.connected_components(positive)]


def _cluster(G: nx.Graph, component: list, method: str, deadline: float | None,
             time_limit: float | None, seed: int) -> tuple[ClusterSolution, str]:
    p = len(component)
    if p == 1:
        return ClusterSolution(np.zeros(1, dtype=int), 0, 0, True), "exact"
    index = {node: i for i, node in enumerate(component)}
    edges = list(G.subgraph(component).edges(data=SIGN))
    u = np.array([index[a] for a, _, _ in edges])
    v = np.array([index[b] for _, b, _ in edges])
    sign = np.array([s for _, _, s in edges])
    rows = 2 * int(np.sum(sign > 0)) * (p - 2)
    if method == "heuristic" or (method == "auto" and rows > EXACT_ROW_LIMIT):
        return solve_component_heuristic(p, u, v, sign, seed=seed,
                                         time_limit=time_limit), "heuristic"
    remaining = max(deadline - time.monotonic(), 0.1) if deadline else None
    exact = solve_component_exact(p, u, v, sign, remaining)
    if exact is not None and exact.optimal:
        return exact, "exact"
    # Out of time: the better of the solver's incumbent and the heuristic.
    found = [s for s in (exact, solve_component_heuristic(p, u, v, sign, seed=seed,
                                                          time_limit=time_limit)) if s]
    best = min(found, key=lambda s: s.value)
    bound = max(s.lower_bound for s in found)
    how = "exact" if best is exact else "heuristic"
    return ClusterSolution(best.labels, best.value, bound, bound >= best.value), how
