"""Heuristic frustration index: spectral start, greedy flips, seeded perturbations.

An upper bound for graphs too large for the exact program. Start from the signs of the
leading eigenvector of the signed adjacency matrix (it points at the best 2-partition
when the graph is nearly balanced), descend by flipping the node that removes the most
frustration until no flip helps, then repeat from perturbed copies of the best spins
(iterated local search). The seed makes every run reproducible. The lower bound is a
greedy packing of edge-disjoint unbalanced triangles: each needs its own frustrated edge.
"""

from __future__ import annotations

import time

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.linalg import eigsh

from flashpoint.analysis.frustration_ilp import BlockSolution
from flashpoint.analysis.signed_pairs import SignedPairs

DENSE_EIGEN_LIMIT = 2000
PASS_LENGTH = 500
EMBEDDING_DIMENSION = 8


def solve_block_heuristic(block: SignedPairs, *, iterations: int = 100, seed: int = 0,
                          time_limit: float | None = None) -> BlockSolution:
    J = _coupling(block)
    rng = np.random.default_rng(seed)
    deadline = time.monotonic() + time_limit if time_limit else np.inf
    embedding = _spectral_embedding(J)
    best = _descend(J, np.where(embedding[:, 0] >= 0, 1, -1))
    best_value = block.frustration(best)
    for k in range(iterations):
        if best_value == 0 or time.monotonic() > deadline:
            break
        start = _round(embedding, rng) if k % 2 == 0 else _perturb(best, rng)
        candidate = _descend(J, start)
        value = block.frustration(candidate)
        if value <= best_value:
            best, best_value = candidate, value
    lower = triangle_packing_bound(block)
    return BlockSolution(best, best_value, lower, lower >= best_value)


def _coupling(block: SignedPairs) -> csr_array:
    data = (block.sign * block.weight).astype(float)
    rows = np.concatenate([block.u, block.v])
    cols = np.concatenate([block.v, block.u])
    return csr_array((np.concatenate([data, data]), (rows, cols)), shape=(block.n, block.n))


def _spectral_embedding(J: csr_array) -> np.ndarray:
    """The top eigenvectors of J, leading one first: nodes that belong together sit close."""
    n = J.shape[0]
    k = min(n - 1, EMBEDDING_DIMENSION) if n > 1 else 1
    if n <= DENSE_EIGEN_LIMIT:
        vectors = np.linalg.eigh(J.toarray())[1][:, ::-1][:, :k]
    else:
        start = np.ones(n) / np.sqrt(n)
        values, vectors = eigsh(J, k=k, which="LA", v0=start)
        vectors = vectors[:, np.argsort(values)[::-1]]
    return vectors


def _round(embedding: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Random-hyperplane rounding of the embedding: a start that keeps blocs together."""
    return np.where(embedding @ rng.normal(size=embedding.shape[1]) >= 0, 1, -1)


def _descend(J: csr_array, spins: np.ndarray) -> np.ndarray:
    """Kernighan-Lin passes until a pass finds no improvement.

    A pass flips the best not-yet-flipped node even when that makes things worse, for up
    to ``PASS_LENGTH`` flips, and keeps the best prefix; this climbs out of the local
    minima where single improving flips get stuck (a whole bloc on the wrong side).
    """
    s = spins.copy()
    field = J @ s
    while True:
        s, field, gain = _kernighan_lin_pass(J, s, field)
        if gain <= 0:
            return s


def _kernighan_lin_pass(J: csr_array, s: np.ndarray, field: np.ndarray):
    start_s, start_field = s.copy(), field.copy()
    locked = np.zeros(len(s), dtype=bool)
    flipped, total, best_total, best_length = [], 0.0, 0.0, 0
    for _ in range(min(len(s), PASS_LENGTH)):
        delta = np.where(locked, np.inf, s * field)
        i = int(np.argmin(delta))
        total -= delta[i]
        _flip(J, s, field, i)
        locked[i] = True
        flipped.append(i)
        if total > best_total + 1e-9:
            best_total, best_length = total, len(flipped)
    s, field = start_s, start_field
    for i in flipped[:best_length]:
        _flip(J, s, field, i)
    return s, field, best_total


def _flip(J: csr_array, s: np.ndarray, field: np.ndarray, i: int) -> None:
    s[i] = -s[i]
    start, end = J.indptr[i], J.indptr[i + 1]
    field[J.indices[start:end]] += 2 * s[i] * J.data[start:end]


def _perturb(spins: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    s = spins.copy()
    count = int(rng.integers(1, max(2, len(s) // 4)))
    s[rng.choice(len(s), size=count, replace=False)] *= -1
    return s


def triangle_packing_bound(block: SignedPairs) -> int:
    """Weight of a greedy packing of edge-disjoint unbalanced triangles (a lower bound on L)."""
    capacity = block.weight.astype(int).copy()
    bound = 0
    for tri in block.triangles():
        edges = list(tri)
        if np.prod(block.sign[edges]) < 0:
            take = int(capacity[edges].min())
            capacity[edges] -= take
            bound += take
    return bound
