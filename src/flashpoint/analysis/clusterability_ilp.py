"""Exact correlation clustering of one positive component (HiGHS via scipy).

Variables x_ij = 1 when i and j share a cluster, for every pair of the component;
minimise (negative edges inside) + (positive edges between). The standard formulation
asks x to be transitive on every triple; we keep only the triples that pivot on a
positive edge {a, b} (x_ia = 1 forces x_ib = 1 and back), which is exact: the clusters are
then read off as the connected pieces of the kept positive edges, and every negative edge
inside such a piece is forced to 1 along a path of kept positive edges, so reading them
off never costs more than the program's value (cf. Miyauchi & Sukegawa 2015, who drop the
triples whose two "plus" pairs are both negative). Clusters never need to join two positive
components, so each component is solved on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array


@dataclass(frozen=True)
class ClusterSolution:
    labels: np.ndarray
    value: int
    lower_bound: int
    optimal: bool


def solve_component_exact(p: int, u: np.ndarray, v: np.ndarray, sign: np.ndarray,
                          time_limit: float | None) -> ClusterSolution | None:
    """Cluster nodes 0..p-1 joined by edges (u, v, sign); ``None`` if nothing was found."""
    pair = _pair_index(p)
    n_vars = p * (p - 1) // 2
    cost = np.zeros(n_vars)
    np.add.at(cost, pair(u, v), np.where(sign > 0, -1.0, 1.0))
    positives = sign > 0
    options = {"time_limit": time_limit} if time_limit else {}
    result = milp(cost, integrality=np.ones(n_vars), bounds=Bounds(0, 1),
                  constraints=_transitivity(p, u[positives], v[positives], pair),
                  options=options)
    if result.x is None:
        return None
    chosen = np.round(result.x[pair(u[positives], v[positives])]) > 0
    labels = _components(p, u[positives][chosen], v[positives][chosen])
    value = disagreements(labels, u, v, sign)
    bound = getattr(result, "mip_dual_bound", None)
    lower = value if result.status == 0 else int(np.ceil((bound or 0) + positives.sum() - 1e-6))
    return ClusterSolution(labels, value, min(lower, value), lower >= value)


def disagreements(labels: np.ndarray, u: np.ndarray, v: np.ndarray, sign: np.ndarray) -> int:
    """Negative edges inside clusters plus positive edges between them."""
    same = labels[u] == labels[v]
    return int(np.sum(same & (sign < 0)) + np.sum(~same & (sign > 0)))


def _pair_index(p: int):
    def index(i, j):
        a, b = np.minimum(i, j), np.maximum(i, j)
        return a * p - a * (a + 1) // 2 + (b - a - 1)
    return index


def _transitivity(p: int, a: np.ndarray, b: np.ndarray, pair) -> LinearConstraint:
    """x_ia + x_ab - x_ib <= 1 and x_ib + x_ab - x_ia <= 1 for every positive {a, b}, i."""
    i = np.tile(np.arange(p), len(a))
    a, b = np.repeat(a, p), np.repeat(b, p)
    keep = (i != a) & (i != b)
    i, a, b = i[keep], a[keep], b[keep]
    ia, ib, ab = pair(i, a), pair(i, b), pair(a, b)
    k = len(i)
    rows = np.repeat(np.arange(2 * k), 3)
    cols = np.stack([np.concatenate([ia, ib]), np.concatenate([ab, ab]),
                     np.concatenate([ib, ia])], axis=1).ravel()
    vals = np.tile([1.0, 1.0, -1.0], 2 * k)
    A = csr_array((vals, (rows, cols)), shape=(2 * k, p * (p - 1) // 2))
    return LinearConstraint(A, -np.inf, 1)


def _components(p: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    H = nx.Graph()
    H.add_nodes_from(range(p))
    H.add_edges_from(zip(u.tolist(), v.tolist(), strict=True))
    labels = np.zeros(p, dtype=int)
    for k, part in enumerate(sorted(nx.connected_components(H), key=min)):
        labels[list(part)] = k
    return labels
