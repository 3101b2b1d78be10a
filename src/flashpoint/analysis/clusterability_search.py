"""Heuristic correlation clustering: greedy relocation with seeded perturbations.

Each node moves to the neighbouring cluster (or a new cluster of its own) where it
violates fewest edges, sweep after sweep, until no move helps (Doreian & Mrvar's
relocation idea). Then perturbed copies of the best clustering are relocated again. The
lower bound packs edge-disjoint ``++-`` triangles: each forces one violated edge.
"""

from __future__ import annotations

import time

import numpy as np
from scipy.sparse import csr_array

from flashpoint.analysis.clusterability_ilp import ClusterSolution, disagreements
from flashpoint.analysis.frustration_search import solve_block_heuristic
from flashpoint.analysis.signed_pairs import SignedPairs

MAX_SWEEPS = 100


def solve_component_heuristic(p: int, u: np.ndarray, v: np.ndarray, sign: np.ndarray, *,
                              iterations: int = 200, seed: int = 0,
                              time_limit: float | None = None) -> ClusterSolution:
    J = csr_array((np.concatenate([sign, sign]).astype(float),
                   (np.concatenate([u, v]), np.concatenate([v, u]))), shape=(p, p))
    rng = np.random.default_rng(seed)
    deadline = time.monotonic() + time_limit if time_limit else np.inf
    starts = [np.zeros(p, dtype=int), np.arange(p), _two_sides(p, u, v, sign, seed)]
    best = min((_improve(J, s) for s in starts), key=lambda s: disagreements(s, u, v, sign))
    best_value = disagreements(best, u, v, sign)
    for _ in range(iterations):
        if best_value == 0 or time.monotonic() > deadline:
            break
        candidate = _improve(J, _perturb(J, best, rng))
        value = disagreements(candidate, u, v, sign)
        if value <= best_value:
            best, best_value = candidate, value
    lower = bad_triangle_bound(p, u, v, sign)
    return ClusterSolution(_relabel(best), best_value, lower, lower >= best_value)


def _two_sides(p: int, u: np.ndarray, v: np.ndarray, sign: np.ndarray,
               seed: int) -> np.ndarray:
    """The heuristic frustration partition: strong balance as a start for weak balance."""
    pairs = SignedPairs(p, u, v, sign, np.ones(len(u), dtype=int))
    return (solve_block_heuristic(pairs, iterations=30, seed=seed).spins > 0).astype(int)


def _improve(J: csr_array, labels: np.ndarray) -> np.ndarray:
    """Alternate node relocation and cluster merging until neither helps."""
    while True:
        labels = _relocate(J, labels)
        merged = _merge(J, labels)
        if merged is None:
            return labels
        labels = merged


def _merge(J: csr_array, labels: np.ndarray) -> np.ndarray | None:
    """Join the two clusters with the largest surplus of positive edges between them."""
    labels = _relabel(labels)
    members = csr_array((np.ones(len(labels)), (np.arange(len(labels)), labels)))
    between = (members.T @ J @ members).toarray()
    np.fill_diagonal(between, 0)
    a, b = np.unravel_index(int(np.argmax(between)), between.shape)
    if between[a, b] <= 0:
        return None
    return np.where(labels == b, a, labels)


def _relocate(J: csr_array, labels: np.ndarray) -> np.ndarray:
    """Move nodes to their best cluster until a full sweep moves nobody."""
    labels = labels.copy()
    fresh = labels.max() + 1
    for _ in range(MAX_SWEEPS):
        moved = False
        for i in range(J.shape[0]):
            start, end = J.indptr[i], J.indptr[i + 1]
            near, weight = labels[J.indices[start:end]], J.data[start:end]
            clusters = np.unique(near)
            score = np.array([weight[near == c].sum() for c in clusters])
            here = score[clusters == labels[i]].sum()
            if score.max(initial=0) > here + 1e-9:
                labels[i] = clusters[int(np.argmax(score))] if score.max() > 0 else fresh
                fresh += 1
                moved = True
        if not moved:
            break
    return labels


def _perturb(J: csr_array, labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Put a few random nodes into a random neighbour's cluster or on their own."""
    labels = labels.copy()
    fresh = labels.max() + 1
    count = int(rng.integers(1, max(2, len(labels) // 10)))
    for i in rng.choice(len(labels), size=count, replace=False):
        neighbours = J.indices[J.indptr[i]:J.indptr[i + 1]]
        if len(neighbours) and rng.random() < 0.5:
            labels[i] = labels[rng.choice(neighbours)]
        else:
            labels[i], fresh = fresh, fresh + 1
    return labels


def _relabel(labels: np.ndarray) -> np.ndarray:
    return np.unique(labels, return_inverse=True)[1]


def bad_triangle_bound(p: int, u: np.ndarray, v: np.ndarray, sign: np.ndarray) -> int:
    """Size of a greedy packing of edge-disjoint triangles with exactly one negative edge."""
    edge_id, neighbours = {}, [set() for _ in range(p)]
    for e, (a, b) in enumerate(zip(u.tolist(), v.tolist(), strict=True)):
        edge_id[a, b] = edge_id[b, a] = e
        neighbours[a].add(b)
        neighbours[b].add(a)
    used = np.zeros(len(u), dtype=bool)
    bound = 0
    for (a, b), e in edge_id.items():
        for c in neighbours[a] & neighbours[b] if a < b else ():
            tri = [e, edge_id[b, c], edge_id[a, c]]
            if c > b and np.sum(sign[tri] < 0) == 1 and not used[tri].any():
                used[tri] = True
                bound += 1
    return bound
