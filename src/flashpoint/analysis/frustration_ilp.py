"""Exact frustration index of one signed block as a binary program (HiGHS via scipy).

The XOR model of Aref, Mason & Wilson (2018): a binary side x_i per node and an edge
variable f_e >= |x_i - x_j| for a positive edge, f_e >= |x_i + x_j - 1| for a negative
one; minimise sum w_e f_e. Because that relaxation is weak (x = 1/2 costs nothing), every
triangle adds its parity cuts: an unbalanced triangle has an odd number of frustrated
edges (sum >= 1, and no two without the third), a balanced one an even number
(no single one alone). The node of highest degree is fixed to side 0 to break the
symmetry of swapping the two sides.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from flashpoint.analysis.signed_pairs import SignedPairs


@dataclass(frozen=True)
class BlockSolution:
    spins: np.ndarray
    value: int
    lower_bound: int
    optimal: bool


class _Rows:
    """Sparse constraint rows lo <= a.x <= hi, collected one at a time."""

    def __init__(self) -> None:
        self.rows, self.cols, self.vals, self.lo, self.hi = [], [], [], [], []

    def add(self, terms: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(self.lo)
        for col, val in terms:
            self.rows.append(r)
            self.cols.append(col)
            self.vals.append(val)
        self.lo.append(lo)
        self.hi.append(hi)

    def constraint(self, n_vars: int) -> LinearConstraint:
        A = coo_array((self.vals, (self.rows, self.cols)), shape=(len(self.lo), n_vars))
        return LinearConstraint(A.tocsr(), np.array(self.lo), np.array(self.hi))


def solve_block_exact(block: SignedPairs, time_limit: float | None) -> BlockSolution | None:
    """Solve one block; ``None`` if no feasible solution was found within ``time_limit``."""
    n, m = block.n, block.m
    rows = _Rows()
    for e, (a, b, s) in enumerate(zip(block.u.tolist(), block.v.tolist(),
                                      block.sign.tolist(), strict=True)):
        f = n + e
        if s > 0:
            rows.add([(a, 1), (b, -1), (f, -1)], -np.inf, 0)
            rows.add([(b, 1), (a, -1), (f, -1)], -np.inf, 0)
        else:
            rows.add([(a, 1), (b, 1), (f, -1)], -np.inf, 1)
            rows.add([(a, 1), (b, 1), (f, 1)], 1, np.inf)
    _add_triangle_cuts(block, rows)
    degree = np.bincount(np.concatenate([block.u, block.v]), minlength=n)
    upper = np.ones(n + m)
    upper[int(np.argmax(degree))] = 0
    options = {"time_limit": time_limit} if time_limit else {}
    result = milp(np.concatenate([np.zeros(n), block.weight]),
                  integrality=np.concatenate([np.ones(n), np.ones(m)]),
                  bounds=Bounds(np.zeros(n + m), upper),
                  constraints=rows.constraint(n + m), options=options)
    if result.x is None:
        return None
    spins = np.where(np.round(result.x[:n]) > 0, -1, 1)
    value = block.frustration(spins)
    bound = getattr(result, "mip_dual_bound", None)
    lower = value if result.status == 0 else int(np.ceil((bound or 0) - 1e-6))
    return BlockSolution(spins, value, min(lower, value), lower >= value)


def _add_triangle_cuts(block: SignedPairs, rows: _Rows) -> None:
    n = block.n
    for tri in block.triangles():
        f = [n + e for e in tri]
        if np.prod(block.sign[list(tri)]) < 0:
            rows.add([(f[0], 1), (f[1], 1), (f[2], 1)], 1, np.inf)
            for k in range(3):
                rows.add([(f[k], -1), (f[(k + 1) % 3], 1), (f[(k + 2) % 3], 1)], -np.inf, 1)
        else:
            for k in range(3):
                rows.add([(f[k], 1), (f[(k + 1) % 3], -1), (f[(k + 2) % 3], -1)], -np.inf, 0)
