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

from sqlalchemy import Connection, and_, case, delete, distinct, func, literal, or_, select
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


def _refresh(connection: Connection, kind: str, merge_key: str) -> None:
    """Recompute one merged record with SQL aggregates, so that its cost does not grow with the
    number of documents that report the same fact."""
    table, documents = schema.RECORD_TABLES[kind], schema.documents
    joined = table.join(documents, documents.c.id == table.c.document_id)
    current = and_(table.c.merge_key == merge_key, documents.c.superseded_by.is_(None))
    first = connection.execute(
        select(table.c.data, table.c.date_start).select_from(joined).where(current)
        .order_by(documents.c.ingested_at, table.c.id).limit(1)
    ).first()
    if first is None:
        connection.execute(
            delete(schema.merged).where(and_(schema.merged.c.kind == kind, schema.merged.c.merge_key == merge_key))
        )
        return
    outlet = func.coalesce(func.nullif(func.lower(func.trim(documents.c.outlet)), ""),
                           literal("doc:") + table.c.document_id)
    n_documents, n_outlets = connection.execute(
        select(func.count(distinct(table.c.document_id)), func.count(distinct(outlet))).select_from(joined).where(current)
    ).one()
    statuses = connection.execute(select(_status_sql(kind, table)).select_from(joined).where(current).distinct())
    row = {
        "kind": kind, "merge_key": merge_key, "record": first.data, "date_start": first.date_start,
        "figure_key": keys.figure_key(first.data) if kind == "claim" else None,
        "n_documents": n_documents, "n_outlets": n_outlets,
        "statuses": sorted(statuses.scalars()),
        "contested": _contested(connection, kind, first.data, current),
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


def _status_sql(kind: str, table):
    """The member's attribution status, as `_status` reads it from the JSON, in SQL."""
    path = table.c.data["status"] if kind == "claim" else table.c.data["attribution"]["status"]
    return func.coalesce(func.nullif(path.as_string(), ""), "asserted")


def _denied_sql(kind: str, table):
    """`keys.is_denied` in SQL."""
    attribution = table.c.data["attribution"]["status"].as_string() == "denied"
    own = table.c.data["status"].as_string() == "denied"
    return {"claim": own, "transfer": or_(own, attribution)}.get(kind, attribution)


def _contested(connection: Connection, kind: str, first: dict, current) -> bool:
    """Denied by some members and asserted by others; for claims, over every claim of the same
    figure group and value, whoever its claimant."""
    table, documents = schema.RECORD_TABLES[kind], schema.documents
    if kind == "claim":
        value = None if first.get("value") is None else str(first.get("value"))
        current = and_(table.c.figure_key == keys.figure_key(first), table.c.value == value,
                       documents.c.superseded_by.is_(None))
    denied = func.coalesce(_denied_sql(kind, table), False)
    n_denied, n_all = connection.execute(
        select(func.sum(case((denied, 1), else_=0)), func.count())
        .select_from(table.join(documents, documents.c.id == table.c.document_id)).where(current)
    ).one()
    return bool(n_denied) and n_denied < n_all


def count_rows(connection: Connection, table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()
