"""The store as flat tables (one row per merged record, strings and numbers only), which
the CSV, Parquet and Datasette exporters write."""

from __future__ import annotations

from sqlalchemy import select

from flashpoint.store import queries, schema

ALL = 10**9
TABLES = ("events", "transfers", "claims", "actors", "weapons", "documents")


def _codes(actors) -> str:
    return ";".join(a.get("code") or a.get("name") or "" for a in actors or [] if a)


def _common(row: dict) -> dict:
    date = row.get("date") or {}
    sources = row.get("sources") or []
    return {"date_start": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
            "n_documents": row["n_documents"], "n_outlets": row["n_outlets"], "contested": row["contested"],
            "statuses": ";".join(row.get("statuses") or []),
            "documents": ";".join(s["document_id"] for s in sources),
            "outlets": ";".join(dict.fromkeys(s["outlet"] or "" for s in sources)),
            "evidence": " … ".join(e["text"] for s in sources[:1] for e in s["evidence"])}


def event_row(row: dict) -> dict:
    place = row.get("place") or {}
    return {"key": row["key"], "type": row["type"], "mode": row.get("mode"), "cameo": row.get("cameo"),
            "actors": _codes(row.get("actor")), "recipients": _codes(row.get("recipient")),
            "place": place.get("name"), "place_country": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"), **_common(row)}


def transfer_row(row: dict) -> dict:
    system = row.get("system") or {}
    return {"key": row["key"], "supplier": _codes([row.get("supplier")]), "recipient": _codes([row.get("recipient")]),
            "system": system.get("name"), "system_type": system.get("type"), "quantity": row.get("quantity"),
            "status": row.get("status"), **_common(row)}


def claim_row(row: dict) -> dict:
    value = row.get("value")
    return {"key": row["key"], "claimant": _codes([row.get("claimant")]), "predicate": row.get("predicate"),
            "subject": _codes([row.get("subject")]), "value": None if value is None else str(value),
            "qualifier": row.get("qualifier"), "status": row.get("status"),
            "differing_figures": ";".join(f"{d['value']} ({d['claimant']})" for d in row.get("differing_figures") or []),
            **_common(row)}


def rows(engine, table: str) -> list[dict]:
    """The rows of one flat table."""
    if table == "events":
        return [event_row(r) for r in queries.events(engine, limit=ALL)]
    if table == "transfers":
        return [transfer_row(r) for r in queries.transfers(engine, limit=ALL)]
    if table == "claims":
        return [claim_row(r) for r in queries.claims(engine, limit=ALL)]
    if table == "actors":
        return queries.actors(engine, limit=ALL)
    if table in ("weapons", "documents"):
        t = getattr(schema, table)
        query = select(t) if table == "weapons" else select(*[c for c in t.c if c.name != "extra"]).where(t.c.superseded_by.is_(None))
        with engine.connect() as connection:
            return [dict(r) for r in connection.execute(query).mappings()]
    raise KeyError(f"no table {table!r}; choose one of {', '.join(TABLES)}")
