"""Frustration index (line index of balance) of a signed graph, exact or heuristic.

L(G) (Harary 1959) is the fewest edges whose sign flip, or deletion, makes G balanced:
the minimum over 2-partitions of negative edges inside a side plus positive edges across.
Normalised as F = 1 - 2L/m (Aref & Wilson 2018; signnet's 1 - L/(m/2)).

The graph is cut into its 2-connected blocks (L is additive over them, bridges are never
frustrated). Each block goes to the binary program in ``frustration_ilp`` or to the local
search in ``frustration_search``; ``method="auto"`` picks by the block's edge count.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import networkx as nx
import numpy as np

from flashpoint.analysis.frustration_ilp import BlockSolution, solve_block_exact
from flashpoint.analysis.frustration_search import solve_block_heuristic
from flashpoint.analysis.signed_graphs import SIGN, check_signed
from flashpoint.analysis.signed_pairs import SignedPairs

#: ``method="auto"`` solves a 2-connected block exactly up to this many edges. The largest
#: Correlates-of-War block (1,255 edges) is proven optimal in under half a second; see
#: docs/balance.md for the measurements behind the choice.
EXACT_EDGE_LIMIT = 5000
#: Seconds the exact solver may spend on one graph before ``auto`` falls back.
DEFAULT_TIME_LIMIT = 60.0
METHODS = ("auto", "exact", "heuristic")


@dataclass(frozen=True)
class FrustrationResult:
    """The frustration index L and the partition that attains it.

    ``value`` is L (an upper bound when ``optimal`` is False); ``lower_bound`` is a proven
    lower bound (equal to ``value`` when optimal). ``partition`` maps each node to side 0
    or 1, the first node of each connected component (in graph order) on side 0.
    ``frustrated_edges`` are the edges the partition violates. ``method`` is "exact",
    "heuristic" or "mixed" (blocks solved by both). ``normalised`` is F = 1 - 2L/m, 1 for
    a graph without edges.
    """

    value: int
    optimal: bool
    lower_bound: int
    partition: dict
    frustrated_edges: list
    method: str
    normalised: float


@dataclass(frozen=True)
class Minimum:
    """The solvers' answer on an integer-indexed graph."""

    spins: np.ndarray
    value: int
    lower_bound: int
    optimal: bool
    method: str


def frustration_index(G: nx.Graph, method: str = "auto",
                      time_limit: float | None = DEFAULT_TIME_LIMIT,
                      seed: int = 0) -> FrustrationResult:
    """Frustration index L of an undirected signed graph (edge attribute ``sign`` = ±1).

    ``method="exact"`` proves optimality with a binary program (HiGHS through
    ``scipy.optimize.milp``); ``"heuristic"`` returns a seeded local-search upper bound
    (``optimal`` only if it meets the triangle-packing lower bound); ``"auto"`` is exact
    for blocks of at most ``EXACT_EDGE_LIMIT`` edges and heuristic above. When the exact
    solver stops at ``time_limit`` (seconds, shared by all blocks) without a proof, the
    block gets the better of its incumbent and the heuristic, ``optimal=False`` and the
    solver's bound as ``lower_bound``.
    """
    check_signed(G, directed=False)
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(G.edges(data=SIGN))
    pairs = SignedPairs(len(nodes),
                        np.array([index[a] for a, _, _ in edges], dtype=int),
                        np.array([index[b] for _, b, _ in edges], dtype=int),
                        np.array([s for _, _, s in edges], dtype=int),
                        np.ones(len(edges), dtype=int))
    best = minimise_frustration(pairs, method, time_limit, seed)
    frustrated = pairs.frustrated(best.spins)
    return FrustrationResult(
        value=best.value, optimal=best.optimal, lower_bound=best.lower_bound,
        partition={node: int(best.spins[i] < 0) for i, node in enumerate(nodes)},
        frustrated_edges=[(a, b) for (a, b, _), bad in zip(edges, frustrated, strict=True)
                          if bad],
        method=best.method,
        normalised=1 - 2 * best.value / len(edges) if edges else 1.0)


def minimise_frustration(pairs: SignedPairs, method: str = "auto",
                         time_limit: float | None = DEFAULT_TIME_LIMIT,
                         seed: int = 0) -> Minimum:
    """Minimum weighted frustration of ``pairs``, block by block."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    deadline = time.monotonic() + time_limit if time_limit else None
    frustrated = np.zeros(pairs.m, dtype=bool)
    value = lower = 0
    optimal, used = True, set()
    for edges in pairs.blocks():
        block, _ = pairs.subproblem(edges)
        solution, how = _solve_block(block, method, deadline, time_limit, seed)
        frustrated[edges] = block.frustrated(solution.spins)
        value += solution.value
        lower += solution.lower_bound
        optimal &= solution.optimal
        used.add(how)
    spins = pairs.spins_from_frustrated(frustrated)
    label = used.pop() if len(used) == 1 else ("mixed" if used else "exact")
    return Minimum(spins, value, lower, optimal, label)


def _solve_block(block: SignedPairs, method: str, deadline: float | None,
                 time_limit: float | None, seed: int) -> tuple[BlockSolution, str]:
    if method == "heuristic" or (method == "auto" and block.m > EXACT_EDGE_LIMIT):
        return solve_block_heuristic(block, seed=seed, time_limit=time_limit), "heuristic"
    exact = solve_block_exact(block, _remaining(deadline))
    if exact is not None and exact.optimal:
        return exact, "exact"
    # Out of time: keep the better of the solver's incumbent and the heuristic, which
    # gets a budget of its own since the exact solver has used up the shared one.
    found = [s for s in (exact, solve_block_heuristic(block, seed=seed,
                                                      time_limit=time_limit)) if s]
    best = min(found, key=lambda s: s.value)
    bound = max(s.lower_bound for s in found)
    how = "exact" if best is exact else "heuristic"
    return BlockSolution(best.spins, best.value, bound, bound >= best.value), how


def _remaining(deadline: float | None) -> float | None:
    if deadline is None:
        return None
    return max(deadline - time.monotonic(), 0.1)
