"""A signed graph as integer arrays, the form the frustration solvers work on.

Nodes are 0..n-1; edge e joins ``u[e]`` and ``v[e]`` with ``sign[e]`` (+1/-1) and a positive
integer ``weight[e]`` (how many constraints the pair stands for: 2 for a reciprocated arc).
Splitting into 2-connected blocks is exact for the frustration index: a bridge is never
frustrated and the blocks meeting at a cut vertex can be switched independently, so
L(G) is the sum of L over blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np


@dataclass(frozen=True)
class SignedPairs:
    n: int
    u: np.ndarray
    v: np.ndarray
    sign: np.ndarray
    weight: np.ndarray

    @property
    def m(self) -> int:
        return len(self.u)

    def frustration(self, spins: np.ndarray) -> int:
        """Weighted number of edges violated by a ±1 assignment of the nodes."""
        return int(self.weight[self.frustrated(spins)].sum())

    def frustrated(self, spins: np.ndarray) -> np.ndarray:
        return spins[self.u] * spins[self.v] * self.sign < 0

    def subproblem(self, edges: np.ndarray) -> tuple[SignedPairs, np.ndarray]:
        """The graph on ``edges`` only, renumbered, and its nodes' original ids."""
        nodes, inverse = np.unique(np.concatenate([self.u[edges], self.v[edges]]),
                                   return_inverse=True)
        k = len(edges)
        sub = SignedPairs(len(nodes), inverse[:k], inverse[k:], self.sign[edges],
                          self.weight[edges])
        return sub, nodes

    def blocks(self) -> list[np.ndarray]:
        """Edge ids of each 2-connected block that contains a cycle (bridges left out)."""
        H = nx.Graph()
        H.add_edges_from((int(a), int(b), {"id": e}) for e, (a, b) in
                         enumerate(zip(self.u, self.v, strict=True)))
        blocks = []
        for component in nx.biconnected_component_edges(H):
            if len(component) > 1:
                blocks.append(np.array(sorted(H.edges[a, b]["id"] for a, b in component)))
        return blocks

    def triangles(self) -> list[tuple[int, int, int]]:
        """Every triangle as a triple of edge ids."""
        edge_id = {}
        neighbours: list[set] = [set() for _ in range(self.n)]
        for e, (a, b) in enumerate(zip(self.u.tolist(), self.v.tolist(), strict=True)):
            edge_id[a, b] = edge_id[b, a] = e
            neighbours[a].add(b)
            neighbours[b].add(a)
        found = []
        for (a, b), e in edge_id.items():
            if a < b:
                for c in neighbours[a] & neighbours[b]:
                    if c > b:
                        found.append((e, edge_id[b, c], edge_id[a, c]))
        return found

    def spins_from_frustrated(self, frustrated: np.ndarray) -> np.ndarray:
        """A ±1 assignment violating exactly the ``frustrated`` edges.

        The labels must come from a valid assignment on each block; a spanning forest then
        fixes the spins, and the first node of each component gets +1.
        """
        H = nx.Graph()
        H.add_nodes_from(range(self.n))
        H.add_edges_from((int(a), int(b), {"keep": int(s) * (-1 if f else 1)})
                         for a, b, s, f in zip(self.u, self.v, self.sign, frustrated,
                                               strict=True))
        spins = np.ones(self.n, dtype=int)
        for component in nx.connected_components(H):
            for a, b in nx.bfs_edges(H, min(component)):
                spins[b] = spins[a] * H.edges[a, b]["keep"]
        return spins
