"""Balance of directed signed graphs (Aref, Dinh, Rezapour & Diesner 2020, Sci Rep 10:15228).

* Directed frustration: every arc is a constraint, so a reciprocated pair counts twice.
  Arc (i -> j, s) is frustrated iff s = + and i, j are on different sides, or s = - and
  they are on the same side. A pair with one + and one - arc always costs exactly one,
  so each pair reduces to one weighted undirected edge plus a constant, and the
  undirected solvers do the rest.
* Transitive-triad balance: over the triads of MAN class 030T, 120D, 120U and 300, take
  every choice of one arc per node pair, skip the choices that form a directed 3-cycle,
  and call the triad balanced iff every remaining semicycle has a positive sign product.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import networkx as nx
import numpy as np

from flashpoint.analysis.frustration import DEFAULT_TIME_LIMIT, minimise_frustration
from flashpoint.analysis.signed_graphs import SIGN, check_signed
from flashpoint.analysis.signed_pairs import SignedPairs

TRANSITIVE_CLASSES = ("030T", "120D", "120U", "300")


@dataclass(frozen=True)
class DirectedFrustrationResult:
    """Directed frustration L and the partition that attains it.

    ``partition`` maps nodes to side 0/1 (the first node of each weakly connected
    component on 0). ``cohesiveness`` is the share of arcs within a side that are
    positive, ``divisiveness`` the share of arcs across sides that are negative (``nan``
    when there are none). ``normalised`` is 1 - 2L/(number of arcs).
    """

    value: int
    optimal: bool
    lower_bound: int
    partition: dict
    frustrated_arcs: list
    cohesiveness: float
    divisiveness: float
    method: str
    normalised: float


@dataclass(frozen=True)
class TransitiveTriadBalance:
    """Balanced share of the transitive triads, with counts per MAN class."""

    balanced: int
    total: int
    ratio: float
    balanced_by_class: dict
    unbalanced_by_class: dict


def directed_frustration(D: nx.DiGraph, method: str = "auto",
                         time_limit: float | None = DEFAULT_TIME_LIMIT,
                         seed: int = 0) -> DirectedFrustrationResult:
    """Directed frustration index of a signed ``nx.DiGraph`` (see the module docstring).

    ``method`` and ``time_limit`` work as in ``frustration_index``.
    """
    check_signed(D, directed=True)
    nodes = list(D)
    index = {node: i for i, node in enumerate(nodes)}
    pairs, always_frustrated = _pair_constraints(D, index)
    best = minimise_frustration(pairs, method, time_limit, seed)
    side = {node: int(best.spins[i] < 0) for i, node in enumerate(nodes)}
    arcs = list(D.edges(data=SIGN))
    within = [s for a, b, s in arcs if side[a] == side[b]]
    across = [s for a, b, s in arcs if side[a] != side[b]]
    value = always_frustrated + best.value
    return DirectedFrustrationResult(
        value=value, optimal=best.optimal,
        lower_bound=always_frustrated + best.lower_bound, partition=side,
        frustrated_arcs=[(a, b) for a, b, s in arcs if (side[a] == side[b]) != (s > 0)],
        cohesiveness=_share(within, 1), divisiveness=_share(across, -1), method=best.method,
        normalised=1 - 2 * value / len(arcs) if arcs else 1.0)


def _pair_constraints(D: nx.DiGraph, index: dict) -> tuple[SignedPairs, int]:
    """Net weighted edge per node pair, and the arcs frustrated whatever the partition."""
    votes: Counter = Counter()
    for a, b, s in D.edges(data=SIGN):
        key = (min(index[a], index[b]), max(index[a], index[b]))
        votes[key, s] += 1
    u, v, sign, weight, constant = [], [], [], [], 0
    for i, j in sorted({key for key, _ in votes}):
        positive, negative = votes[(i, j), 1], votes[(i, j), -1]
        constant += min(positive, negative)
        if positive != negative:
            u.append(i)
            v.append(j)
            sign.append(1 if positive > negative else -1)
            weight.append(abs(positive - negative))
    pairs = SignedPairs(len(index), np.array(u, dtype=int), np.array(v, dtype=int),
                        np.array(sign, dtype=int), np.array(weight, dtype=int))
    return pairs, constant


def _share(signs: list, wanted: int) -> float:
    return signs.count(wanted) / len(signs) if signs else math.nan


def triad_census(D: nx.DiGraph) -> dict[str, int]:
    """MAN triad census (Holland & Leinhardt) of a directed graph, signs ignored."""
    check_signed(D, directed=True)
    return nx.triadic_census(D)


def transitive_triad_balance(D: nx.DiGraph) -> TransitiveTriadBalance:
    """Share of balanced triads among those of class 030T, 120D, 120U and 300."""
    check_signed(D, directed=True)
    balanced = dict.fromkeys(TRANSITIVE_CLASSES, 0)
    unbalanced = dict.fromkeys(TRANSITIVE_CLASSES, 0)
    undirected = nx.Graph(D.to_undirected(as_view=True).edges())
    order = {node: i for i, node in enumerate(D)}
    for a, b in undirected.edges():
        for c in set(undirected[a]) & set(undirected[b]):
            if order[c] > max(order[a], order[b]):
                triad = (a, b, c)
                kind = nx.triad_type(D.subgraph(triad))
                if kind in TRANSITIVE_CLASSES:
                    tally = balanced if _semicycles_positive(D, triad) else unbalanced
                    tally[kind] += 1
    good, total = sum(balanced.values()), sum(balanced.values()) + sum(unbalanced.values())
    return TransitiveTriadBalance(good, total, good / total if total else math.nan,
                                  balanced, unbalanced)


def _semicycles_positive(D: nx.DiGraph, triad: tuple) -> bool:
    a, b, c = triad
    choices = [_arcs(D, a, b), _arcs(D, b, c), _arcs(D, c, a)]
    for first in choices[0]:
        for second in choices[1]:
            for third in choices[2]:
                arcs = (first, second, third)
                heads = {head for _, head in arcs}
                if len(heads) == 3:  # every node entered once: a directed 3-cycle
                    continue
                if math.prod(D.edges[arc][SIGN] for arc in arcs) < 0:
                    return False
    return True


def _arcs(D: nx.DiGraph, x, y) -> list[tuple]:
    return [arc for arc in ((x, y), (y, x)) if D.has_edge(*arc)]
