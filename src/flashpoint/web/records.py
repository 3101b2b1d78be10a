"""What the web pages and the JSON API read: merged records page by page with the shared
filters, and the few aggregates the overview needs. Every value is a bound parameter.

Built over `flashpoint.store.queries` (its filters and its merged-record shape) and adds
what a browsable API needs: more filters, sorting, offsets and totals.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, func, or_, select

from flashpoint.store import queries, schema
from flashpoint.web.filters import Filters

#: The column each kind's `status` filter reads (the attribution status of the report).
STATUS_FIELD = {"event": "status", "transfer": "attribution_status", "claim": "status"}
FTS_LIMIT = 10_000


def matching_documents(engine: Engine, q: str) -> list[str]:
    return [row["id"] for row in queries.search(engine, q, limit=FTS_LIMIT)]


def _conditions(engine: Engine, kind: str, f: Filters) -> list:
    table, documents = schema.RECORD_TABLES[kind], schema.documents
    found = queries._filters(kind, f.actor, f.type, f.since, f.until)
    if f.status:
        found.append(table.c[STATUS_FIELD[kind]] == f.status)
    if f.outlet:
        found.append(func.lower(documents.c.outlet) == f.outlet.lower())
    if f.place and kind == "event":
        found.append(or_(func.lower(table.c.place_name) == f.place.lower(), table.c.place_country == f.place.upper()))
    if f.q:
        found.append(table.c.document_id.in_(matching_documents(engine, f.q)))
    return found


def _order(kind: str, sort: str):
    table = schema.RECORD_TABLES[kind]
    column = {"date": func.min(table.c.date_start), "documents": func.count(func.distinct(table.c.document_id)),
              "type": func.min(table.c[queries.TYPE_FIELD[kind]])}[sort.lstrip("-")]
    return (column.desc() if sort.startswith("-") else column.asc()).nulls_last()


def page(engine: Engine, kind: str, f: Filters, *, placed: bool = False, extra=()) -> tuple[list[dict], int]:
    """One page of merged records of `kind` and how many match in all."""
    table, documents = schema.RECORD_TABLES[kind], schema.documents
    conditions = _conditions(engine, kind, f) + list(extra)
    if placed:
        conditions.append(table.c.place_lat.is_not(None))
    base = select(table.c.merge_key).join(documents, documents.c.id == table.c.document_id).where(*conditions)
    keyed = base.group_by(table.c.merge_key).order_by(_order(kind, f.sort), table.c.merge_key)
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(base.distinct().subquery())).scalar_one()
        merge_keys = list(connection.execute(keyed.limit(f.limit).offset(f.offset)).scalars())
        rows = queries._merged(connection, kind, merge_keys)
        if kind == "claim":
            queries._add_figures(connection, rows)
    return rows, total


def role(kind: str, role_name: str | None, actor: str):
    """Records of `kind` where `actor` (code, code prefix or country) plays `role_name` (any if None)."""
    links, table = schema.record_actors, schema.RECORD_TABLES[kind]
    matches = [or_(links.c.code == actor, links.c.code.startswith(actor, autoescape=True), links.c.country == actor)]
    if role_name:
        matches.append(links.c.role == role_name)
    return table.c.id.in_(select(links.c.record_id).where(links.c.kind == kind, *matches))


def latest_documents(engine: Engine, limit: int = 10) -> list[dict]:
    """What came in last: documents by time of ingest, newest first."""
    table = schema.documents
    query = (select(table.c.id, table.c.title, table.c.outlet, table.c.published, table.c.ingested_at)
             .where(table.c.superseded_by.is_(None)).order_by(table.c.ingested_at.desc(), table.c.id).limit(limit))
    with engine.connect() as connection:
        return [dict(r) for r in connection.execute(query).mappings()]


def counts(engine: Engine) -> dict:
    """How many documents, merged records and actors the store holds."""
    documents = schema.documents
    with engine.connect() as connection:
        found = {"documents": connection.execute(select(func.count()).where(documents.c.superseded_by.is_(None))).scalar_one()}
        for kind, n in connection.execute(select(schema.merged.c.kind, func.count()).group_by(schema.merged.c.kind)):
            found[f"{kind}s"] = n
        found["actors"] = connection.execute(select(func.count()).select_from(schema.actors)).scalar_one()
        found["failures"] = connection.execute(select(func.count()).select_from(schema.failures)).scalar_one()
    return {"documents": 0, "events": 0, "transfers": 0, "claims": 0, **found}


def dyads(engine: Engine, limit: int = 10) -> list[dict]:
    """The pairs of countries (or codes) with most event and transfer records between them."""
    links = schema.record_actors
    a, b = links.alias("a"), links.alias("b")
    side = func.coalesce
    query = (select(side(a.c.country, a.c.code), side(b.c.country, b.c.code), a.c.kind, a.c.record_id)
             .join(b, a.c.record_id == b.c.record_id)
             .where(a.c.role.in_(("actor", "supplier")), b.c.role == "recipient", a.c.kind != "claim"))
    found: Counter = Counter()
    with engine.connect() as connection:
        for x, y, kind, _ in connection.execute(query.distinct()):
            if x and y and x != y:
                found[(min(x, y), max(x, y), kind)] += 1
    totals: Counter = Counter()
    for (x, y, _kind), n in found.items():
        totals[(x, y)] += n
    return [{"a": x, "b": y, "records": n, "events": found[(x, y, "event")], "transfers": found[(x, y, "transfer")]}
            for (x, y), n in totals.most_common(limit)]


def documents(engine: Engine, f: Filters) -> tuple[list[dict], int]:
    """Current documents, newest publication first unless sorted otherwise."""
    table = schema.documents
    columns = [table.c[c] for c in ("id", "title", "outlet", "author", "url", "published", "version", "ingested_at")]
    conditions = [table.c.superseded_by.is_(None)]
    if f.since:
        conditions.append(table.c.published >= f.since)
    if f.until:
        conditions.append(table.c.published < queries.until_bound(f.until))
    if f.outlet:
        conditions.append(func.lower(table.c.outlet) == f.outlet.lower())
    if f.q:
        conditions.append(table.c.id.in_(matching_documents(engine, f.q)))
    order = table.c.published.desc() if f.sort.startswith("-") else table.c.published.asc()
    query = select(*columns).where(*conditions).order_by(order, table.c.id).limit(f.limit).offset(f.offset)
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).where(*conditions)).scalar_one()
        return [dict(r) for r in connection.execute(query).mappings()], total


def document(engine: Engine, document_id: str) -> dict | None:
    """One document (any version) with its text and every record extracted from it."""
    table = schema.documents
    with engine.connect() as connection:
        row = connection.execute(select(table).where(table.c.id == document_id)).mappings().first()
        if row is None:
            return None
        found = {k: v for k, v in dict(row).items() if k != "extra"}
        found["records"] = []
        for kind, records in schema.RECORD_TABLES.items():
            query = select(records.c.local_id, records.c.data, records.c.merge_key).where(records.c.document_id == document_id)
            for local_id, data, merge_key in connection.execute(query.order_by(records.c.id)):
                found["records"].append({"kind": kind, "local_id": local_id, "merge_key": merge_key, **data, "id": local_id})
    return found


def actors(engine: Engine, f: Filters) -> tuple[list[dict], int]:
    rows = queries.actors(engine, actor=f.actor, type=f.type, limit=f.offset + f.limit)
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(schema.actors)).scalar_one()
    if f.actor or f.type:
        total = len(queries.actors(engine, actor=f.actor, type=f.type, limit=10**9))
    return rows[f.offset:], total


def weapons(engine: Engine, f: Filters) -> tuple[list[dict], int]:
    """Weapon systems with how many documents mention them and how many transfers move them."""
    table, mentions, transfers = schema.weapons, schema.weapon_mentions, schema.transfers
    n_documents = (select(func.count(func.distinct(mentions.c.document_id)))
                   .where(mentions.c.weapon_key == table.c.key).scalar_subquery())
    n_transfers = (select(func.count(func.distinct(transfers.c.merge_key)))
                   .where(transfers.c.system_key == table.c.key).scalar_subquery())
    conditions = []
    if f.type:
        conditions.append(table.c.type == f.type)
    if f.actor:
        conditions.append(table.c.origin == f.actor)
    if f.q:
        conditions.append(func.lower(table.c.name).contains(f.q.lower(), autoescape=True))
    query = (select(table, n_documents.label("n_documents"), n_transfers.label("n_transfers")).where(*conditions)
             .order_by(n_transfers.desc(), n_documents.desc(), table.c.key).limit(f.limit).offset(f.offset))
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(table).where(*conditions)).scalar_one()
        return [dict(r) for r in connection.execute(query).mappings()], total


def records_by_id(engine: Engine, ids: list[str]) -> dict[str, dict]:
    """Records by network id (`<document id>:<local id>`) with their kind and quoted evidence."""
    wanted = {i.replace(":", "/", 1): i for i in ids if ":" in i and not i.startswith("kb:")}
    evidence, documents = schema.evidence, schema.documents
    quote = func.substr(documents.c.text, evidence.c.start + 1, evidence.c.end - evidence.c.start)
    found: dict[str, dict] = {}
    with engine.connect() as connection:
        query = (select(evidence.c.record_id, evidence.c.kind, evidence.c.document_id, evidence.c.start,
                        evidence.c.end, quote.label("text"), documents.c.outlet, documents.c.published)
                 .join(documents, documents.c.id == evidence.c.document_id)
                 .where(evidence.c.record_id.in_(list(wanted))).order_by(evidence.c.start))
        for row in connection.execute(query).mappings():
            record = found.setdefault(wanted[row["record_id"]], {
                "id": wanted[row["record_id"]], "kind": row["kind"], "document_id": row["document_id"],
                "local_id": row["record_id"].split("/", 1)[1], "outlet": row["outlet"],
                "published": row["published"], "evidence": []})
            record["evidence"].append({"start": row["start"], "end": row["end"], "text": row["text"]})
    return found
