"""The query parameters every list endpoint shares: filters, sorting and pagination."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Literal

from fastapi import HTTPException, Query

PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
Sort = Literal["date", "-date", "documents", "-documents", "type", "-type"]
MAX_LIMIT = 500


@dataclass
class Filters:
    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    outlet: str | None = None
    status: str | None = None
    q: str | None = None
    sort: str = "date"
    limit: int = 50
    offset: int = 0

    def as_query(self) -> dict:
        """The filters that are set, as query parameters (for links to the next page)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def period(value: str | None, name: str, day_only: bool = False) -> str | None:
    """`value` if it names a real year, month or day (a day only if `day_only`), else 422."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if not PERIOD.match(value) or (day_only and len(parts) != 3):
            raise ValueError(value)
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
        if not 1 <= int(parts[0]) <= 9998:
            raise ValueError(value)
    except ValueError:
        shape = "a day: 2022-09-14" if day_only else "a year, month or day: 2022, 2022-09 or 2022-09-14"
        raise HTTPException(422, f"{name} must be {shape}") from None
    return value


def plain(value: str | None, name: str) -> str | None:
    """`value` (None if empty); 422 if it holds a NUL, which neither FTS5 nor PostgreSQL take."""
    if value and "\x00" in value:
        raise HTTPException(422, f"{name} must not contain a NUL character")
    return value or None


def filters(
    actor: str | None = Query(None, max_length=100, description="Actor code, code prefix or country, e.g. KGZ"),
    type: str | None = Query(None, max_length=100, description="Event type, transfer status, claim predicate or actor kind"),
    since: str | None = Query(None, max_length=10, description="From this year, month or day (2022-09)"),
    until: str | None = Query(None, max_length=10, description="Up to and including this year, month or day"),
    place: str | None = Query(None, max_length=200, description="Place name or country code (events)"),
    outlet: str | None = Query(None, max_length=300, description="Outlet of a source document"),
    status: str | None = Query(None, max_length=40, description="Attribution status: asserted, claimed, denied..."),
    q: str | None = Query(None, max_length=500, description="Full-text search over the source documents"),
    sort: Sort = Query("date", description="Order: date, documents (number of sources) or type; '-' for descending"),
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=10**7),
) -> Filters:
    """FastAPI dependency: the shared filters, validated."""
    return Filters(plain(actor, "actor"), plain(type, "type"), period(since, "since"), period(until, "until"),
                   plain(place, "place"), plain(outlet, "outlet"), plain(status, "status"),
                   plain((q or "").strip(), "q"), sort, limit, offset)
