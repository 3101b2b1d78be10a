"""What-if: add or remove hypothetical ties and see what happens to balance and dilemmas.

A change is written ``<CODE> <verb> <CODE>``, e.g. ``TUR supplies TJK``, ``KGZ attacks
TJK``, ``KGZ allies TJK``; see `VERBS`. An added tie is taken as stated: its weight is
the kind's weight plus whatever the dyad's ties of the other sign weigh, so the dyad ends
with the stated sign. Append ``@<weight>`` (``TUR supplies TJK @0.4``) to add it as one
more piece of evidence instead, letting the sums decide. A removal is a change too
(``remove TUR-KGZ supply``, ``TUR supplies KGZ``, or ``TUR-KGZ`` for every tie).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from flashpoint.analysis.balance import frustration_index
from flashpoint.analysis.dilemmas import find_dilemmas
from flashpoint.analysis.network import Network, Tie
from flashpoint.analysis.ties import KINDS, Observation
from flashpoint.errors import FlashpointError

#: Verbs of the change grammar and the tie kind each makes (its sign comes from the kind).
VERBS = {
    "supplies": "supply", "arms": "supply", "sells": "supply", "equips": "supply",
    "allies": "alliance", "joins": "alliance",
    "agrees": "agreement", "signs": "agreement",
    "aids": "aid", "helps": "aid",
    "cooperates": "cooperation",
    "supports": "support", "backs": "support",
    "meets": "consultation", "visits": "consultation", "consults": "consultation",
    "attacks": "assault", "strikes": "assault", "fights": "assault", "clashes": "assault",
    "coerces": "coerce", "blockades": "coerce",
    "sanctions": "sanction",
    "threatens": "threaten",
    "protests": "protest",
    "accuses": "accuse",
    "rejects": "reject",
}
HYPOTHETICAL = "whatif"
_CHANGE = re.compile(r"^\s*(?:(?P<remove>remove)\s+)?(?P<a>[A-Za-z0-9_]+)\s*(?:-\s*(?P<b1>[A-Za-z0-9_]+)"
                     r"(?:\s+(?P<kind>[a-z]+))?|\s+(?P<verb>[a-z]+)(?:\s+(?:with|to|against))?\s+"
                     r"(?P<b2>[A-Za-z0-9_]+))\s*(?:@\s*(?P<weight>[0-9.]+))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Change:
    """One hypothetical tie to add (``remove`` False) or the ties to remove (``kind`` None: all)."""

    a: str
    b: str
    kind: str | None
    remove: bool = False
    weight: float | None = None

    def __str__(self) -> str:
        what = f"{self.a}-{self.b}" + (f" {self.kind}" if self.kind else "")
        return f"remove {what}" if self.remove else f"add {what}"


def parse_change(text: str, remove: bool = False) -> Change:
    """Parse ``TUR supplies TJK``, ``KGZ attacks TJK @0.5``, ``remove TUR-KGZ supply``."""
    match = _CHANGE.match(text)
    if not match:
        raise FlashpointError(f"cannot read the change {text!r}; write '<CODE> <verb> <CODE>' "
                              f"(verbs: {', '.join(sorted(VERBS))}) or 'remove <CODE>-<CODE> [kind]'")
    remove = remove or bool(match["remove"])
    kind = match["kind"] or (_kind(match["verb"]) if match["verb"] else None)
    if kind is not None and kind not in KINDS:
        raise FlashpointError(f"unknown tie kind {kind!r}; kinds: {', '.join(KINDS)}")
    if kind is None and not remove:
        raise FlashpointError(f"{text!r} adds a tie but names no kind; e.g. 'TUR supplies TJK'")
    b = match["b1"] or match["b2"]
    weight = float(match["weight"]) if match["weight"] else None
    return Change(match["a"].upper(), b.upper(), kind, remove, weight)


def _kind(verb: str) -> str:
    verb = verb.lower()
    if verb in VERBS:
        return VERBS[verb]
    raise FlashpointError(f"unknown verb {verb!r}; use one of {', '.join(sorted(VERBS))}")


def apply_changes(network: Network, changes: Iterable[Change]) -> Network:
    """A copy of the network with the changes made, in order."""
    changed = network.copy()
    for change in changes:
        (_remove if change.remove else _add)(changed, change)
    return changed


def _add(network: Network, change: Change) -> None:
    sign, base = network.settings.weights.kinds[change.kind]
    ties = dict(network.ties(change.a, change.b))
    against = sum(t.weight for t in ties.values() if t.sign != sign)
    weight = change.weight if change.weight is not None else base + against
    old = ties.get(change.kind)
    record = f"{HYPOTHETICAL}:{change.a} {change.kind} {change.b}"
    observation = Observation(change.a, change.b, change.kind, sign, weight, network.at,
                              frozenset({HYPOTHETICAL}), (record,), change.kind == "alliance",
                              {"hypothetical": True})
    ties[change.kind] = Tie(change.kind, sign, (old.weight if old else 0.0) + weight,
                            ((old.documents if old else ()) + (HYPOTHETICAL,)),
                            ((old.records if old else ()) + (record,)), old.first if old else network.at,
                            network.at, ((old.observations if old else ()) + (observation,)))
    _set_ties(network, change.a, change.b, ties)


def _remove(network: Network, change: Change) -> None:
    ties = {k: t for k, t in network.ties(change.a, change.b).items()
            if change.kind is not None and k != change.kind}
    _set_ties(network, change.a, change.b, ties)


def _set_ties(network: Network, a: str, b: str, ties: dict[str, Tie]) -> None:
    G = network.graph
    if not ties:
        if G.has_edge(a, b):
            G.remove_edge(a, b)
        return
    weight = sum(t.sign * t.weight for t in ties.values())
    sign = 1 if weight > 0 else -1 if weight < 0 else max(ties.values(), key=lambda t: (t.last or "", -t.sign)).sign
    G.add_edge(a, b, sign=sign, weight=weight, ties=ties)
    for node in (a, b):
        network.names.setdefault(node, node)


@dataclass
class WhatIf:
    """What the changes do: triads whose balance changes, L before and after, dilemmas."""

    changes: list[Change]
    triads: list[dict] = field(default_factory=list)
    frustration_before: int = 0
    frustration_after: int = 0
    dilemmas_appeared: list = field(default_factory=list)
    dilemmas_disappeared: list = field(default_factory=list)
    dilemmas_kept: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"changes": [str(c) for c in self.changes], "triads": self.triads,
                "frustration": {"before": self.frustration_before, "after": self.frustration_after},
                "dilemmas_appeared": [d.as_dict() for d in self.dilemmas_appeared],
                "dilemmas_disappeared": [d.as_dict() for d in self.dilemmas_disappeared],
                "dilemmas_kept": [d.as_dict() for d in self.dilemmas_kept]}


def what_if(network: Network, changes: Iterable[Change], time_limit: float | None = 60.0) -> WhatIf:
    """Compare the network with and without the changes."""
    changes = list(changes)
    after = apply_changes(network, changes)
    before_dilemmas = {d.key: d for d in find_dilemmas(network)}
    after_dilemmas = {d.key: d for d in find_dilemmas(after)}
    return WhatIf(
        changes, changed_triads(network, after, changes),
        frustration_index(network.signed_graph(), time_limit=time_limit).value,
        frustration_index(after.signed_graph(), time_limit=time_limit).value,
        [d for k, d in after_dilemmas.items() if k not in before_dilemmas],
        [d for k, d in before_dilemmas.items() if k not in after_dilemmas],
        [d for k, d in after_dilemmas.items() if k in before_dilemmas])


def changed_triads(before: Network, after: Network, changes: list[Change]) -> list[dict]:
    """Triangles through a changed dyad whose signs, and so maybe balance, changed."""
    found = {}
    for change in changes:
        a, b = change.a, change.b
        third = {n for net in (before, after) if a in net.graph and b in net.graph
                 for n in set(net.graph[a]) & set(net.graph[b])}
        for c in sorted(third):
            old, new = _triad(before, a, b, c), _triad(after, a, b, c)
            if old != new:
                found[tuple(sorted((a, b, c)))] = {"nodes": sorted((a, b, c)), "before": old, "after": new}
    return list(found.values())


def _triad(network: Network, a: str, b: str, c: str) -> str:
    signs = [network.sign(u, v) for u, v in ((a, b), (a, c), (b, c))]
    if 0 in signs:
        return "open"
    label = "".join(sorted("+" if s > 0 else "-" for s in signs))
    return f"{label} {'balanced' if label in ('+++', '+--') else 'unbalanced'}"
