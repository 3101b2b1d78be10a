"""Structural balance of signed actor networks: how far alliances and hostilities agree.

A signed graph is balanced (Heider; Cartwright & Harary 1956) when its actors split into
two camps, friendly within and hostile across; every cycle then has an even number of
negative edges. The measures here say how far a network is from that, each with the
conventions of docs/balance.md:

* ``triangle_census`` / ``triangle_balance_ratio``: signed triangles, T = balanced share.
* ``walk_balance`` / ``local_balance``: Estrada-Benzi walk balance K and its per-node form.
* ``frustration_index``: the fewest edges to flip for balance, L (exact or heuristic).
* ``weak_balance``: Davis clusterability W, the same with any number of camps.
* ``directed_frustration``, ``transitive_triad_balance``, ``triad_census``: directed
  signed graphs (Aref, Dinh, Rezapour & Diesner 2020).

Graphs are networkx ``Graph``/``DiGraph`` whose edges carry ``sign`` = +1 or -1;
``signed_graph_from_edges`` builds one from (u, v, sign) rows.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from flashpoint.analysis.clusterability import WeakBalanceResult, weak_balance
from flashpoint.analysis.directed_balance import (
    DirectedFrustrationResult,
    TransitiveTriadBalance,
    directed_frustration,
    transitive_triad_balance,
    triad_census,
)
from flashpoint.analysis.frustration import FrustrationResult, frustration_index
from flashpoint.analysis.signed_graphs import (
    SIGN,
    check_signed,
    signed_adjacency,
    signed_graph_from_edges,
)

__all__ = [
    "DirectedFrustrationResult",
    "FrustrationResult",
    "TransitiveTriadBalance",
    "WeakBalanceResult",
    "directed_frustration",
    "frustration_index",
    "local_balance",
    "signed_graph_from_edges",
    "transitive_triad_balance",
    "triad_census",
    "triangle_balance_ratio",
    "triangle_census",
    "walk_balance",
    "weak_balance",
]

TRIANGLE_CLASSES = ("+++", "++-", "+--", "---")


def triangle_census(G: nx.Graph) -> dict[str, int]:
    """Count the triangles of an undirected signed graph by their number of negative edges.

    Keys ``+++``, ``++-``, ``+--``, ``---``; ``+++`` and ``+--`` (sign product +1) are
    balanced, ``++-`` and ``---`` are not.
    """
    check_signed(G, directed=False)
    order = {node: i for i, node in enumerate(G)}
    counts = dict.fromkeys(TRIANGLE_CLASSES, 0)
    for a, b, sign_ab in G.edges(data=SIGN):
        if order[a] > order[b]:
            a, b = b, a
        for c in set(G[a]) & set(G[b]):
            if order[c] > order[b]:
                negatives = [sign_ab, G[b][c][SIGN], G[a][c][SIGN]].count(-1)
                counts[TRIANGLE_CLASSES[negatives]] += 1
    return counts


def triangle_balance_ratio(G: nx.Graph) -> float:
    """T = (n+++ + n+--) / n_triangles; ``nan`` for a graph without triangles."""
    counts = triangle_census(G)
    total = sum(counts.values())
    return (counts["+++"] + counts["+--"]) / total if total else math.nan


def walk_balance(G: nx.Graph, beta: float = 1.0) -> float:
    """Estrada-Benzi walk balance K(beta) = tr exp(beta A) / tr exp(beta |A|).

    Closed walks weighted by beta^k / k!, negative ones counting against. Computed on
    every node of G: an isolated node adds 1 to both traces, so drop isolates first to
    measure only the connected actors (the Correlates-of-War reference values use the
    non-isolated states). 1 exactly for a balanced graph; ``nan`` for an empty graph.
    Dense eigendecomposition, so O(n^3).
    """
    check_signed(G, directed=False)
    if len(G) == 0:
        return math.nan
    _, A = signed_adjacency(G)
    signed_values = np.linalg.eigvalsh(A)
    absolute_values = np.linalg.eigvalsh(np.abs(A))
    top = absolute_values.max()  # the Perron root bounds every |eigenvalue| of A
    return float(np.exp(beta * (signed_values - top)).sum()
                 / np.exp(beta * (absolute_values - top)).sum())


def local_balance(G: nx.Graph, beta: float = 1.0) -> dict:
    """Local walk balance K_i = [exp(beta A)]_ii / [exp(beta |A|)]_ii of every node.

    Diaz-Diaz, Bartesaghi & Estrada (2024): the balanced share of node i's closed walks.
    An isolated node gets 1.
    """
    check_signed(G, directed=False)
    nodes, A = signed_adjacency(G)
    if not nodes:
        return {}
    rho = np.linalg.eigvalsh(np.abs(A)).max()  # spectral radius of |A|: avoids overflow
    signed = _exp_diagonal(A, beta, rho)
    absolute = _exp_diagonal(np.abs(A), beta, rho)
    return {node: float(s / a) for node, s, a in zip(nodes, signed, absolute, strict=True)}


def _exp_diagonal(A: np.ndarray, beta: float, rho: float) -> np.ndarray:
    """diag(exp(beta (A - rho I))) of a symmetric matrix."""
    values, vectors = np.linalg.eigh(A)
    return (vectors**2) @ np.exp(beta * (values - rho))
