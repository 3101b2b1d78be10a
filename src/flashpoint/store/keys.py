"""Merge keys: when two documents report the same fact.

Keys are built from normalised fields of the `flashpoint/1` records, so they are the same
in every process and every database:

- event:    type | sorted actor codes | sorted recipient codes | date window
- transfer: supplier code | recipient code | system | status family | date month
- claim:    claimant | predicate | subject | value | date month
- claim figure group: predicate | subject | date month (claims whose values differ)
- claim group:        figure group | value (what a denial by any claimant contests)

The date window is the day for day-precise dates and the month otherwise; an undated
record falls in window `undated`. Polarity is not in the key: a record whose attribution is
`denied` lands on the key of what it denies, and makes that merged record `contested`.
"""

from __future__ import annotations

import re
import unicodedata

STATUS_FAMILY = {
    "negotiating": "deal",
    "agreed": "deal",
    "ordered": "deal",
    "delivered": "delivery",
    "in_use": "delivery",
    "denied": "delivery",  # a denied transfer denies that the weapons were delivered
    "cancelled": "cancelled",
}
_SPACES = re.compile(r"\s+")


def normalise(name: str | None) -> str:
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SPACES.sub(" ", folded).strip().lower()


def actor_key(ref: dict | None) -> str:
    """`<code>:<name>` — the code alone is not enough (a president and his government share it)."""
    if not ref:
        return ""
    return f"{ref.get('code') or ''}:{normalise(ref.get('name'))}"


def actor_label(ref: dict | None) -> str:
    if not ref:
        return ""
    return ref.get("code") or normalise(ref.get("name"))


def weapon_key(ref: dict | None) -> str:
    return normalise((ref or {}).get("name")) or (ref or {}).get("id") or ""


def place_key(place: dict | None) -> str:
    place = place or {}
    return f"{normalise(place.get('name'))}|{place.get('country') or ''}"


def month(date: dict | None) -> str:
    start = (date or {}).get("start")
    return start[:7] if start else "undated"


def date_window(date: dict | None) -> str:
    date = date or {}
    if date.get("precision") == "day" and date.get("start"):
        return date["start"][:10]
    return month(date)


def _codes(refs: list[dict] | None) -> str:
    return ",".join(sorted({actor_label(ref) for ref in refs or []}))


def event_key(event: dict) -> str:
    return "|".join(
        [event["type"], _codes(event.get("actor")), _codes(event.get("recipient")), date_window(event.get("date"))]
    )


def transfer_key(transfer: dict) -> str:
    return "|".join(
        [
            actor_label(transfer.get("supplier")),
            actor_label(transfer.get("recipient")),
            weapon_key(transfer.get("system")),
            STATUS_FAMILY.get(transfer.get("status"), transfer.get("status") or ""),
            month(transfer.get("date")),
        ]
    )


def claimant_label(claimant) -> str:
    if isinstance(claimant, dict):
        return actor_label(claimant)
    return normalise(claimant)


def subject_label(subject) -> str:
    if isinstance(subject, dict):
        return actor_label(subject) if "code" in subject else normalise(subject.get("name"))
    return normalise(str(subject)) if subject is not None else ""


def figure_key(claim: dict) -> str:
    return "|".join([normalise(claim["predicate"]), subject_label(claim.get("subject")), month(claim.get("date"))])


def claim_group(claim: dict) -> str:
    """Claims of any claimant on the same figure with the same value: what a denial contests."""
    return "|".join([figure_key(claim), normalise(str(claim.get("value")))])


def claim_key(claim: dict) -> str:
    return "|".join([claimant_label(claim.get("claimant")), claim_group(claim)])


def is_denied(kind: str, record: dict) -> bool:
    if kind == "claim":
        return record.get("status") == "denied"
    if kind == "transfer" and record.get("status") == "denied":
        return True
    return (record.get("attribution") or {}).get("status") == "denied"


KEYS = {"event": event_key, "transfer": transfer_key, "claim": claim_key}
