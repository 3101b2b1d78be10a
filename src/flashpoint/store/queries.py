"""Reading the store: merged events, transfers and claims with their sources, actors,
documents and full-text search. Every filter value is a bound parameter.

Dates filter on a record's start date; `since` and `until` take a year, month or day
(`2022`, `2022-09`, `2022-09-13`) and `until` includes the whole period it names.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine, func, or_, select, text

from flashpoint.store import keys, schema

TYPE_FIELD = {"event": "type", "transfer": "status", "claim": "predicate"}


def until_bound(until: str) -> str:
    """The first date after the period `until` names, as an ISO string prefix."""
    parts = [int(p) for p in until.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}"
    if len(parts) == 2:
        year, month = parts
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date(*parts) + timedelta(days=1)).isoformat()


def _filters(kind: str, actor, type_, since, until) -> list:
    table = schema.RECORD_TABLES[kind]
    conditions = [schema.documents.c.superseded_by.is_(None)]
    if type_:
        conditions.append(table.c[TYPE_FIELD[kind]] == type_)
    if since:
        conditions.append(table.c.date_start >= since)
    if until:
        conditions.append(table.c.date_start < until_bound(until))
    if actor:
        links = schema.record_actors
        matches = or_(links.c.code == actor, links.c.code.startswith(actor, autoescape=True), links.c.country == actor)
        conditions.append(table.c.id.in_(select(links.c.record_id).where(links.c.kind == kind, matches)))
    return conditions


def find(engine: Engine, kind: str, *, actor: str | None = None, type: str | None = None,
         since: str | None = None, until: str | None = None, limit: int = 100) -> list[dict]:
    """Merged records of one kind (`event`, `transfer`, `claim`) matching the filters."""
    table, documents = schema.RECORD_TABLES[kind], schema.documents
    first = func.min(table.c.date_start)
    query = (
        select(table.c.merge_key).join(documents, documents.c.id == table.c.document_id)
        .where(*_filters(kind, actor, type, since, until))
        .group_by(table.c.merge_key).order_by(first, table.c.merge_key).limit(limit)
    )
    with engine.connect() as connection:
        merge_keys = list(connection.execute(query).scalars())
        return _merged(connection, kind, merge_keys)


def events(engine: Engine, **filters) -> list[dict]:
    return find(engine, "event", **filters)


def transfers(engine: Engine, **filters) -> list[dict]:
    return find(engine, "transfer", **filters)


def claims(engine: Engine, **filters) -> list[dict]:
    found = find(engine, "claim", **filters)
    with engine.connect() as connection:
        _add_figures(connection, found)
    return found


def _merged(connection, kind: str, merge_keys: list[str]) -> list[dict]:
    if not merge_keys:
        return []
    merged = schema.merged
    rows = connection.execute(
        select(merged).where(merged.c.kind == kind, merged.c.merge_key.in_(merge_keys))
    ).mappings()
    by_key = {row["merge_key"]: dict(row) for row in rows}
    sources = _sources(connection, kind, merge_keys)
    return [{**_shape(by_key[k]), "sources": sources.get(k, [])} for k in merge_keys if k in by_key]


def _shape(row: dict) -> dict:
    record = {k: v for k, v in row["record"].items() if k != "id"}
    return {"kind": row["kind"], "key": row["merge_key"], **record,
            "n_documents": row["n_documents"], "n_outlets": row["n_outlets"],
            "contested": bool(row["contested"]), "statuses": row["statuses"]}


def _sources(connection, kind: str, merge_keys: list[str]) -> dict[str, list[dict]]:
    table, documents, evidence = schema.RECORD_TABLES[kind], schema.documents, schema.evidence
    rows = connection.execute(
        select(table.c.id, table.c.merge_key, table.c.local_id, documents.c.id.label("document_id"),
               documents.c.title, documents.c.outlet, documents.c.url, documents.c.published)
        .join(documents, documents.c.id == table.c.document_id)
        .where(table.c.merge_key.in_(merge_keys), documents.c.superseded_by.is_(None))
        .order_by(documents.c.ingested_at, table.c.id)
    ).mappings().all()
    spans: dict[str, list[dict]] = {}
    quote = func.substr(documents.c.text, evidence.c.start + 1, evidence.c.end - evidence.c.start)
    for span in connection.execute(
        select(evidence.c.record_id, evidence.c.start, evidence.c.end, quote.label("text"))
        .join(documents, documents.c.id == evidence.c.document_id)
        .where(evidence.c.record_id.in_([r["id"] for r in rows])).order_by(evidence.c.start)
    ).mappings():
        spans.setdefault(span["record_id"], []).append({k: span[k] for k in ("start", "end", "text")})
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        source = {k: row[k] for k in ("document_id", "local_id", "title", "outlet", "url", "published")}
        grouped.setdefault(row["merge_key"], []).append({**source, "evidence": spans.get(row["id"], [])})
    return grouped


def _add_figures(connection, found: list[dict]) -> None:
    """Each claim's rival figures: same predicate, subject and month, another value."""
    claims = schema.claims
    for row in found:
        row["figure_key"] = keys.figure_key(row)
    rivals: dict[str, set] = {}
    query = (select(claims.c.figure_key, claims.c.value, claims.c.claimant)
             .where(claims.c.figure_key.in_({row["figure_key"] for row in found})).distinct())
    for figure, value, claimant in connection.execute(query):
        rivals.setdefault(figure, set()).add((value, claimant))
    for row in found:
        own = None if row.get("value") is None else str(row["value"])
        row["differing_figures"] = [{"value": v, "claimant": c} for v, c in
                                    sorted(rivals.get(row["figure_key"], ()), key=str) if v != own]


def actors(engine: Engine, *, actor: str | None = None, type: str | None = None, limit: int = 100, **_) -> list[dict]:
    """Actors with how many documents mention them and how many records involve them."""
    table, mentions, links = schema.actors, schema.actor_mentions, schema.record_actors
    n_documents = (select(func.count(func.distinct(mentions.c.document_id)))
                   .where(mentions.c.actor_key == table.c.key).scalar_subquery())
    n_records = (select(func.count(func.distinct(links.c.record_id)))
                 .where(links.c.actor_key == table.c.key).scalar_subquery())
    query = select(table, n_documents.label("n_documents"), n_records.label("n_records"))
    if actor:
        query = query.where(or_(table.c.code == actor, table.c.code.startswith(actor, autoescape=True), table.c.country == actor))
    if type:
        query = query.where(or_(table.c.kind == type, table.c.sector == type))
    query = query.order_by(n_records.desc(), table.c.key).limit(limit)
    with engine.connect() as connection:
        return [dict(r) for r in connection.execute(query).mappings()]


def documents(engine: Engine, *, since: str | None = None, until: str | None = None,
              limit: int = 100, **_) -> list[dict]:
    """Stored documents, current versions, newest publication first."""
    table = schema.documents
    columns = [table.c[c] for c in ("id", "title", "outlet", "author", "url", "published", "version",
                                    "previous_id", "source", "ingested_at")]
    query = select(*columns).where(table.c.superseded_by.is_(None))
    if since:
        query = query.where(table.c.published >= since)
    if until:
        query = query.where(table.c.published < until_bound(until))
    query = query.order_by(table.c.published.desc(), table.c.id).limit(limit)
    with engine.connect() as connection:
        return [dict(r) for r in connection.execute(query).mappings()]


def search(engine: Engine, query: str, *, limit: int = 20) -> list[dict]:
    """Documents matching a full-text query (FTS5 on SQLite, tsvector on PostgreSQL)."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            return _search_sqlite(connection, query, limit)
        return _search_postgres(connection, query, limit)


def _search_sqlite(connection, query: str, limit: int) -> list[dict]:
    statement = text(
        "SELECT d.id, d.title, d.outlet, d.url, d.published, "
        "snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH :query AND d.superseded_by IS NULL ORDER BY rank LIMIT :limit"
    )
    return [dict(r) for r in connection.execute(statement, {"query": fts5_query(query), "limit": limit}).mappings()]


def fts5_query(query: str) -> str:
    """User words as FTS5 phrases, so that punctuation or operators cannot break the query; NUL
    and lone surrogates, which end an FTS5 string early, are dropped."""
    query = query.encode("utf-8", "ignore").decode("utf-8").replace("\x00", " ")
    words = [w.replace('"', '""') for w in query.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


_PG_VECTOR = "to_tsvector('english', coalesce(d.title, '') || ' ' || d.text)"  # as indexed (migration 2)


def _search_postgres(connection, query: str, limit: int) -> list[dict]:
    statement = text(
        "SELECT d.id, d.title, d.outlet, d.url, d.published, "
        "ts_headline('english', d.text, q, 'StartSel=[, StopSel=], MaxWords=25, MinWords=8') AS snippet "
        f"FROM documents d, websearch_to_tsquery('english', :query) q WHERE {_PG_VECTOR} @@ q "
        f"AND d.superseded_by IS NULL ORDER BY ts_rank({_PG_VECTOR}, q) DESC LIMIT :limit"
    )
    return [dict(r) for r in connection.execute(statement, {"query": query, "limit": limit}).mappings()]
