"""Dilemmas: an actor tied positively to two partners that are hostile to each other.

A dilemma is a ``++-`` triangle read from its centre: Turkey arms Kyrgyzstan and courts
Tajikistan while the two fight. Its score is the geometric mean of the three dyads'
normalised weights, ``(w_ab * w_ac * w_bc) ** (1/3)`` with ``w = |weight| / max |weight|``
over the network: in [0, 1], 1 only when all three ties are as strong as the strongest in
the network, and low whenever any one of them is weak (it ranks as the product does).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from flashpoint.analysis.explain import pair_clause, strongest_tie, verb_phrase
from flashpoint.analysis.network import Network


@dataclass(frozen=True)
class Dilemma:
    """``actor`` is tied positively to both ``partners``, which are tied negatively."""

    actor: str
    partners: tuple[str, str]
    conflict: dict
    score: float
    ties: tuple[dict, dict]
    evidence: tuple[str, ...]
    explanation: str

    @property
    def key(self) -> tuple[str, tuple[str, str]]:
        return self.actor, self.partners

    def as_dict(self) -> dict:
        return {"actor": self.actor, "partners": list(self.partners), "conflict": self.conflict,
                "score": round(self.score, 4), "ties": list(self.ties),
                "evidence": list(self.evidence), "explanation": self.explanation}


def find_dilemmas(network: Network, actor: str | None = None,
                  conflict: tuple[str, str] | None = None, limit: int | None = None) -> list[Dilemma]:
    """Dilemmas, best first: of ``actor`` if given, over the ``conflict`` dyad if given
    (the outside actors tied positively to both sides), else of every actor."""
    found = [_dilemma(network, c, a, b) for c, a, b in _triads(network, actor, conflict)]
    found.sort(key=lambda d: (-d.score, d.actor, d.partners))
    return found[:limit] if limit else found


def _triads(network: Network, actor: str | None, conflict: tuple[str, str] | None):
    G = network.graph
    if conflict:
        a, b = sorted(conflict)
        if network.sign(a, b) < 0:
            yield from ((c, a, b) for c in sorted(set(G[a]) & set(G[b]))
                        if network.sign(c, a) > 0 and network.sign(c, b) > 0
                        and actor in (None, c))
        return
    centres = [actor] if actor is not None else sorted(G)
    for c in centres:
        if c not in G:
            continue
        friends = sorted(n for n in G[c] if network.sign(c, n) > 0)
        yield from ((c, a, b) for a, b in combinations(friends, 2) if network.sign(a, b) < 0)


def _dilemma(network: Network, c: str, a: str, b: str) -> Dilemma:
    top = max((abs(w) for _, _, w in network.graph.edges(data="weight")), default=1.0) or 1.0
    weights = [abs(network.graph[u][v]["weight"]) / top for u, v in ((c, a), (c, b), (a, b))]
    score = (weights[0] * weights[1] * weights[2]) ** (1 / 3)
    ties = tuple(_side(network, c, p) for p in (a, b))
    hostile = [t for t in network.ties(a, b).values() if t.sign < 0]
    conflict = {"a": a, "b": b, "kinds": [t.kind for t in hostile],
                "weight": round(network.graph[a][b]["weight"], 4),
                "records": [r for t in hostile for r in t.records]}
    evidence = tuple(dict.fromkeys([*ties[0]["records"], *ties[1]["records"], *conflict["records"]]))
    return Dilemma(c, (a, b), conflict, score, ties, evidence, explain(network, c, a, b))


def _side(network: Network, c: str, partner: str) -> dict:
    friendly = [t for t in network.ties(c, partner).values() if t.sign > 0]
    return {"partner": partner, "kinds": [t.kind for t in friendly],
            "weight": round(network.graph[c][partner]["weight"], 4),
            "records": [r for t in friendly for r in t.records]}


def explain(network: Network, c: str, a: str, b: str) -> str:
    """E.g. 'Turkey supplies Kyrgyzstan (...) and backs Tajikistan (...), while Kyrgyzstan
    and Tajikistan clashed in September 2022.'"""
    first = verb_phrase(network, c, a, strongest_tie(network, c, a, +1))
    second = verb_phrase(network, c, b, strongest_tie(network, c, b, +1))
    hostile = pair_clause(network, a, b, strongest_tie(network, a, b, -1))
    return f"{network.name(c)} {first} and {second}, while {hostile}."
