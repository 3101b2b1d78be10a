"""One-sentence explanations of ties, built from the records behind them.

A tie is described by its representative record: the strongest (before decay), then the
dated, the more precise and the more recent. Verb phrases are per kind and per direction:
``active`` when the subject acts, ``passive`` when it is acted on, ``mutual`` when the
record names both sides together.
"""

from __future__ import annotations

from collections.abc import Mapping

from flashpoint.analysis.network import Network, Tie
from flashpoint.analysis.ties import Observation

#: kind -> (active, passive, mutual) verb phrases; {other} is the other node's name.
PHRASES: Mapping[str, tuple[str, str, str]] = {
    "supply": ("supplies {other}", "is supplied by {other}", "trades arms with {other}"),
    "agreement": ("reached an agreement with {other}", "reached an agreement with {other}",
                  "signed an agreement with {other}"),
    "aid": ("aids {other}", "receives aid from {other}", "exchanges aid with {other}"),
    "cooperation": ("cooperates with {other}", "cooperates with {other}", "cooperates with {other}"),
    "support": ("backs {other}", "is backed by {other}", "backs and is backed by {other}"),
    "alliance": ("is allied with {other}",) * 3,
    "consultation": ("visited {other}", "hosted {other}", "held talks with {other}"),
    "assault": ("attacked {other}", "was attacked by {other}", "clashed with {other}"),
    "coerce": ("coerced {other}", "was coerced by {other}", "coerced and was coerced by {other}"),
    "sanction": ("sanctioned {other}", "was sanctioned by {other}", "traded sanctions with {other}"),
    "threaten": ("threatened {other}", "was threatened by {other}", "traded threats with {other}"),
    "protest": ("protested against {other}", "drew protests from {other}", "traded protests with {other}"),
    "accuse": ("accused {other}", "was accused by {other}", "traded accusations with {other}"),
    "reject": ("rejected {other}", "was rejected by {other}", "rejected and was rejected by {other}"),
}
#: Mutual forms for hostile ties between two named sides ("Kyrgyzstan and Tajikistan clashed").
PAIR_PHRASES: Mapping[str, str] = {
    "assault": "clashed", "coerce": "coerced each other", "sanction": "traded sanctions",
    "threaten": "traded threats", "protest": "traded protests", "accuse": "traded accusations",
    "reject": "rejected each other",
}
_PRECISION = {"day": 3, "month": 2, "year": 1}


def strongest_tie(network: Network, u: str, v: str, sign: int | None = None) -> Tie | None:
    ties = [t for t in network.ties(u, v).values() if sign is None or t.sign == sign]
    return max(ties, key=lambda t: (t.weight, t.kind), default=None)


def representative(tie: Tie) -> Observation:
    return max(tie.observations, key=lambda o: (o.strength, bool((o.detail.get("date") or {}).get("start")),
                                                _PRECISION.get(_date(o).get("precision"), 0), o.day or ""))


def verb_phrase(network: Network, subject: str, other: str, tie: Tie) -> str:
    """What ``subject`` does to ``other``, e.g. 'supplies Kyrgyzstan (Bayraktar TB2, delivered December 2021)'."""
    record = representative(tie)
    active, passive, mutual = PHRASES[tie.kind]
    form = mutual if record.mutual else active if record.source == subject else passive
    if tie.kind == "alliance":
        return form.format(other=network.name(other)) + " through " + _organisations(tie)
    return form.format(other=network.name(other)) + _circumstances(record)


def pair_clause(network: Network, a: str, b: str, tie: Tie) -> str:
    """A clause about a hostile tie, e.g. 'Kyrgyzstan and Tajikistan clashed in September 2022'."""
    record = representative(tie)
    when = format_date(_date(record))
    suffix = f" in {when}" if when and not when[0].isdigit() else f" on {when}" if when else ""
    if record.mutual and tie.kind in PAIR_PHRASES:
        return f"{network.name(a)} and {network.name(b)} {PAIR_PHRASES[tie.kind]}{suffix}"
    subject, other = (record.source, record.target)
    active = PHRASES[tie.kind][0].format(other=network.name(other))
    return f"{network.name(subject)} {active}{suffix}"


def format_date(date: Mapping | None) -> str:
    """'14 September 2022', 'September 2022' or '2022', by the date's precision."""
    if not date or not date.get("start"):
        return ""
    start = str(date["start"])
    precision = date.get("precision") or "day"
    parts = start[:10].split("-")
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    if precision == "day" and len(parts) == 3:
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    if precision in ("day", "month") and len(parts) >= 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def _organisations(tie: Tie) -> str:
    names = list(dict.fromkeys(o.detail.get("organisation", "?") for o in tie.observations))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _circumstances(record: Observation) -> str:
    bits = [record.detail.get("system"),
            " ".join(b for b in (_status(record), format_date(_date(record))) if b)]
    bits = [b for b in bits if b]
    return f" ({', '.join(bits)})" if bits else ""


def _status(record: Observation) -> str:
    status = record.detail.get("status")
    return status.replace("_", " ") if status else ""


def _date(record: Observation) -> Mapping:
    return record.detail.get("date") or {}
