"""Merged records: one row per merge key, kept up to date by counting.

Members are the per-document records sharing a merge key (see `keys`), from current
document versions only. A merged record counts its documents and its independent outlets
(documents with no outlet count as their own), lists the attribution statuses of its
members, and is `contested` when one member asserts what another denies. For claims the
denial may come from another claimant, so contest is judged over the claim's group: every
claim with the same predicate, subject, month and value.

The counts live in `merge_counts`, one row per merged record (or group) and facet:
`documents`, one row per `outlet`, one per `status`, and `denied`/`asserted` for the
group. Writing a document adds its members to the counts and a new version takes the
superseded version's members away, so the cost of a write does not grow with the number
of documents that already report the same fact. `rebuild` recomputes everything from the
record tables, for migrations and as the reference the incremental path is tested against.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, delete, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from flashpoint.store import keys, schema


@dataclass(frozen=True)
class Member:
    """One per-document record, as merging sees it."""

    kind: str
    merge_key: str
    record_id: str
    data: dict


def outlet_label(outlet: str | None, document_id: str) -> str:
    """The independent source a document counts as: its outlet, or itself when it has none."""
    return (outlet or "").strip().lower() or f"doc:{document_id}"


def status_of(kind: str, data: dict) -> str:
    status = data.get("status") if kind == "claim" else (data.get("attribution") or {}).get("status")
    return status or "asserted"


def group_key(kind: str, merge_key: str, data: dict) -> str:
    """What contest is judged over: the merge key, or for claims the claim's value group."""
    return keys.claim_group(data) if kind == "claim" else merge_key


def add_document(connection: Connection, document_id: str, outlet: str | None, members: list[Member]) -> None:
    """Count a newly written document's members into their merged records."""
    _apply(connection, document_id, outlet, members, +1)


def remove_document(connection: Connection, document_id: str) -> None:
    """Take a superseded document's members out of their merged records."""
    documents = schema.documents
    outlet = connection.execute(select(documents.c.outlet).where(documents.c.id == document_id)).scalar_one()
    _apply(connection, document_id, outlet, stored_members(connection, document_id), -1)


def stored_members(connection: Connection, document_id: str) -> list[Member]:
    members = []
    for kind, table in schema.RECORD_TABLES.items():
        rows = connection.execute(
            select(table.c.merge_key, table.c.id, table.c.data).where(table.c.document_id == document_id)
        )
        members += [Member(kind, row.merge_key, row.id, row.data) for row in rows]
    return members


def _apply(connection: Connection, document_id: str, outlet: str | None, members: list[Member], sign: int) -> None:
    if not members:
        return
    deltas: Counter[tuple[str, str, str, str]] = Counter()
    groups: set[tuple[str, str]] = set()
    for kind, merge_key in {(m.kind, m.merge_key) for m in members}:
        deltas[(kind, merge_key, "documents", "")] += sign
        deltas[(kind, merge_key, "outlet", outlet_label(outlet, document_id))] += sign
    for m in members:
        deltas[(m.kind, m.merge_key, "status", status_of(m.kind, m.data))] += sign
        group = group_key(m.kind, m.merge_key, m.data)
        denied = "denied" if keys.is_denied(m.kind, m.data) else "asserted"
        deltas[(m.kind, group, "group", denied)] += sign
        groups.add((m.kind, group))
    rows = [{"kind": k, "merge_key": key, "facet": f, "value": v, "n": n} for (k, key, f, v), n in deltas.items()]
    connection.execute(_count_upsert(connection.dialect.name), rows)
    first = {}
    for m in sorted(members, key=lambda m: m.record_id):
        first.setdefault((m.kind, m.merge_key), m)
    _refresh(connection, first, groups, document_id if sign < 0 else None)


def _refresh(connection: Connection, first: dict[tuple[str, str], Member], groups: set[tuple[str, str]],
             removed: str | None) -> None:
    """Rewrite the touched merged rows from their counts; `removed` is a superseded document."""
    counts = _read_counts(connection, set(first) | groups)
    rows, gone = [], []
    for (kind, merge_key), member in first.items():
        facets = counts.get((kind, merge_key), {})
        n_documents = facets.get(("documents", ""), 0)
        if n_documents <= 0:
            gone.append((kind, merge_key))
            continue
        rows.append({
            "kind": kind, "merge_key": merge_key, "n_documents": n_documents,
            "n_outlets": sum(1 for (facet, _), n in facets.items() if facet == "outlet" and n > 0),
            "statuses": sorted(value for (facet, value), n in facets.items() if facet == "status" and n > 0),
            "group_key": group_key(kind, merge_key, member.data), "contested": False,
            **_representative(member),
        })
    if rows:
        connection.execute(_merged_upsert(connection.dialect.name), rows)
    if gone:
        _delete(connection, gone)
    _prune(connection, set(first) | groups)
    for kind, group in groups:
        facets = counts.get((kind, group), {})
        contested = facets.get(("group", "denied"), 0) > 0 and facets.get(("group", "asserted"), 0) > 0
        merged = schema.merged
        connection.execute(update(merged).where(merged.c.kind == kind, merged.c.group_key == group)
                           .values(contested=contested))
    if removed is not None:
        _repick(connection, [(row["kind"], row["merge_key"]) for row in rows], removed)


def _representative(member: Member) -> dict:
    return {"record": member.data, "representative": member.record_id,
            "date_start": ((member.data.get("date") or {}).get("start")),
            "figure_key": keys.figure_key(member.data) if member.kind == "claim" else None}


def _read_counts(connection: Connection, wanted: set[tuple[str, str]]) -> dict:
    counts = schema.merge_counts
    found: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    wanted_list = sorted(wanted)
    for start in range(0, len(wanted_list), 200):
        chunk = wanted_list[start:start + 200]
        rows = connection.execute(
            select(counts.c.kind, counts.c.merge_key, counts.c.facet, counts.c.value, counts.c.n)
            .where(tuple_(counts.c.kind, counts.c.merge_key).in_(chunk))
        )
        for row in rows:
            found.setdefault((row.kind, row.merge_key), {})[(row.facet, row.value)] = row.n
    return found


def _delete(connection: Connection, gone: list[tuple[str, str]]) -> None:
    merged = schema.merged
    connection.execute(delete(merged).where(tuple_(merged.c.kind, merged.c.merge_key).in_(gone)))


def _prune(connection: Connection, touched: set[tuple[str, str]]) -> None:
    """Drop counts that fell to zero, so an outlet that left a record is not counted."""
    counts = schema.merge_counts
    connection.execute(delete(counts).where(tuple_(counts.c.kind, counts.c.merge_key).in_(sorted(touched)),
                                            counts.c.n <= 0))


def _repick(connection: Connection, touched: list[tuple[str, str]], removed: str) -> None:
    """A merged record whose representative came from the superseded version takes the
    first current member instead (the first one ingested)."""
    merged, documents = schema.merged, schema.documents
    for kind, merge_key in touched:
        table = schema.RECORD_TABLES[kind]
        representative = connection.execute(
            select(merged.c.representative).where(merged.c.kind == kind, merged.c.merge_key == merge_key)
        ).scalar_one()
        if not representative.startswith(f"{removed}/"):
            continue
        first = connection.execute(
            select(table.c.id, table.c.data).join(documents, documents.c.id == table.c.document_id)
            .where(table.c.merge_key == merge_key, documents.c.superseded_by.is_(None))
            .order_by(documents.c.ingested_at, table.c.id).limit(1)
        ).one()
        values = _representative(Member(kind, merge_key, first.id, first.data))
        connection.execute(update(merged).where(merged.c.kind == kind, merged.c.merge_key == merge_key)
                           .values(**values))


def rebuild(connection: Connection) -> None:
    """Recompute every merged record from the current documents, in ingestion order."""
    connection.execute(delete(schema.merged))
    connection.execute(delete(schema.merge_counts))
    documents = schema.documents
    current = connection.execute(
        select(documents.c.id, documents.c.outlet).where(documents.c.superseded_by.is_(None))
        .order_by(documents.c.ingested_at, documents.c.id)
    ).all()
    for document in current:
        add_document(connection, document.id, document.outlet, stored_members(connection, document.id))


_MERGED_COUNTERS = ("n_documents", "n_outlets", "statuses")


@lru_cache(maxsize=2)
def _merged_upsert(dialect_name: str):
    """Insert a merged record with its first member as representative, or update the counters
    of one that exists. Built once per dialect, so SQLAlchemy reuses its compiled form."""
    statement = _dialect(dialect_name).insert(schema.merged)
    updates = {k: statement.excluded[k] for k in _MERGED_COUNTERS}
    return statement.on_conflict_do_update(index_elements=["kind", "merge_key"], set_=updates)


@lru_cache(maxsize=2)
def _count_upsert(dialect_name: str):
    counts = schema.merge_counts
    statement = _dialect(dialect_name).insert(counts)
    return statement.on_conflict_do_update(
        index_elements=["kind", "merge_key", "facet", "value"], set_={"n": counts.c.n + statement.excluded.n}
    )


def _dialect(name: str):
    return postgresql if name == "postgresql" else sqlite

