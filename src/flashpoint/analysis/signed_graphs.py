"""Signed graphs: building them from (u, v, sign) rows and reading their signs.

A signed graph is a networkx ``Graph`` (undirected) or ``DiGraph`` (directed) whose every
edge carries ``sign`` equal to +1 or -1. Weighted data is reduced to sign(weight) before
it gets here; self-loops carry no balance information and are dropped.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np

SIGN = "sign"


def signed_graph_from_edges(
    rows: Iterable[tuple[Hashable, Hashable, int]], directed: bool = False
) -> nx.Graph:
    """Build a signed ``nx.Graph`` (or ``nx.DiGraph`` if ``directed``) from (u, v, sign) rows.

    Self-loops are dropped. A repeated edge with the same sign is kept once; a repeated
    edge with the opposite sign raises ``ValueError``, because a simple signed graph
    cannot hold both (for an undirected graph, (u, v) and (v, u) are the same edge).
    """
    G = nx.DiGraph() if directed else nx.Graph()
    for row in rows:
        u, v, raw_sign = row
        sign = _as_sign(raw_sign, u, v)
        if u == v:
            continue
        if G.has_edge(u, v) and G[u][v][SIGN] != sign:
            raise ValueError(
                f"edge {u!r}-{v!r} appears with both signs (+1 and -1); "
                "resolve the conflict in the data before building the graph"
            )
        G.add_edge(u, v, **{SIGN: sign})
    return G


def _as_sign(value, u, v) -> int:
    if value in (1, -1) and not isinstance(value, bool):
        return int(value)
    raise ValueError(f"edge {u!r}-{v!r} has sign {value!r}; signs must be +1 or -1")


def check_signed(G: nx.Graph, directed: bool | None = None) -> None:
    """Raise ``ValueError``/``TypeError`` unless G is a simple signed graph of the wanted kind."""
    if G.is_multigraph():
        raise TypeError("multigraphs are not supported; build a simple graph with "
                        "signed_graph_from_edges")
    if directed is not None and G.is_directed() != directed:
        kind = "a directed nx.DiGraph" if directed else "an undirected nx.Graph"
        raise TypeError(f"this measure needs {kind}; got {type(G).__name__}")
    for u, v, sign in G.edges(data=SIGN):
        if u == v:
            raise ValueError(f"self-loop on {u!r}; drop self-loops before measuring balance")
        if sign not in (1, -1):
            raise ValueError(f"edge {u!r}-{v!r} has sign {sign!r}; signs must be +1 or -1")


def signed_adjacency(G: nx.Graph) -> tuple[list, np.ndarray]:
    """Return (nodes in G's order, dense signed adjacency matrix A with A_ij = sign)."""
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    A = np.zeros((len(nodes), len(nodes)))
    for u, v, sign in G.edges(data=SIGN):
        A[index[u], index[v]] = sign
        if not G.is_directed():
            A[index[v], index[u]] = sign
    return nodes, A
