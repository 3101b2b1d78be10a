"""Merged records: one row per merge key, recomputed from its members when they change.

Members are the per-document records sharing a merge key (see `keys`), from current
document versions only. A merged record counts its documents and its independent outlets
(documents with no outlet count as their own), lists the attribution statuses of its
members, and is `contested` when one member asserts what another denies. For claims the
denial may come from another claimant, so contest is judged over every claim with the
same predicate, subject, month and value.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Connection, and_, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from flashpoint.store import keys, schema


def refresh_merged(connection: Connection, touched: set[tuple[str, str]]) -> None:
    touched = touched | _claim_neighbours(connection, touched)
    for kind, merge_key in sorted(touched):
        _refresh(connection, kind, merge_key)


def _claim_neighbours(connection: Connection, touched: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Claims in the same figure group as a touched claim: a denial changes their contest."""
    claim_keys = [k for kind, k in touched if kind == "claim"]
    if not claim_keys:
        return set()
    claims = schema.claims
    groups = select(claims.c.figure_key).where(claims.c.merge_key.in_(claim_keys))
    query = select(claims.c.merge_key).where(claims.c.figure_key.in_(groups)).distinct()
    return {("claim", k) for k in connection.execute(query).scalars()}


def _members(connection: Connection, kind: str, condition):
    table, documents = schema.RECORD_TABLES[kind], schema.documents
    return connection.execute(
        select(table.c.document_id, table.c.data, table.c.date_start, documents.c.outlet)
        .join(documents, documents.c.id == table.c.document_id)
        .where(condition, documents.c.superseded_by.is_(None))
        .order_by(documents.c.ingested_at, table.c.id)
    ).all()


def _refresh(connection: Connection, kind: str, merge_key: str) -> None:
    table = schema.RECORD_TABLES[kind]
    members = _members(connection, kind, table.c.merge_key == merge_key)
    if not members:
        connection.execute(
            delete(schema.merged).where(and_(schema.merged.c.kind == kind, schema.merged.c.merge_key == merge_key))
        )
        return
    first = members[0].data
    row = {
        "kind": kind, "merge_key": merge_key, "record": first, "date_start": members[0].date_start,
        "figure_key": keys.figure_key(first) if kind == "claim" else None,
        "n_documents": len({m.document_id for m in members}),
        "n_outlets": len({(m.outlet or "").strip().lower() or f"doc:{m.document_id}" for m in members}),
        "statuses": sorted({_status(kind, m.data) for m in members}),
        "contested": _contested(connection, kind, members),
    }
    connection.execute(_upsert(connection.dialect.name), row)


_MERGED_FIELDS = ("record", "date_start", "figure_key", "n_documents", "n_outlets", "statuses", "contested")


@lru_cache(maxsize=2)
def _upsert(dialect_name: str):
    """One upsert statement per dialect, built once: SQLAlchemy then reuses its compiled form,
    which makes refreshing the merged records of a document several times faster."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(schema.merged)
    updates = {k: statement.excluded[k] for k in _MERGED_FIELDS}
    return statement.on_conflict_do_update(index_elements=["kind", "merge_key"], set_=updates)


def _status(kind: str, record: dict) -> str:
    if kind == "claim":
        return record.get("status") or "asserted"
    return (record.get("attribution") or {}).get("status") or "asserted"


def _contested(connection: Connection, kind: str, members) -> bool:
    if kind == "claim":
        claims, first = schema.claims, members[0].data
        value = None if first.get("value") is None else str(first.get("value"))
        fact = and_(claims.c.figure_key == keys.figure_key(first), claims.c.value == value)
        members = _members(connection, kind, fact)
    denials = [keys.is_denied(kind, m.data) for m in members]
    return any(denials) and not all(denials)


def count_rows(connection: Connection, table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()
