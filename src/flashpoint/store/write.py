"""Writing one document and its records, all in the caller's transaction.

A document row is inserted together with every record extracted from it, so a document
present in the store is a document complete in the store: that is what makes an
interrupted ingest safe to rerun. Identical text is never stored twice; changed text
under the same URL (or source id) becomes a new version linked to the previous one.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from flashpoint.documents import Document, document_id
from flashpoint.store import keys, merge, schema


def insert_ignore(connection: Connection, table, rows: list[dict]) -> None:
    """Insert rows, skipping those whose primary key is already there."""
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def has_document(connection: Connection, content_id: str) -> bool:
    query = select(schema.documents.c.id).where(schema.documents.c.id == content_id)
    return connection.execute(query).first() is not None


def write_document(connection: Connection, document: Document, record: dict) -> bool:
    """Store a document and its `flashpoint/1` record; False if the same text is already stored."""
    content_id = document_id(document.text)
    if has_document(connection, content_id):
        return False
    superseded = _insert_document(connection, document, content_id)
    _write_entities(connection, content_id, record)
    members = _write_records(connection, content_id, record)
    if superseded:
        merge.remove_document(connection, superseded)
    merge.add_document(connection, content_id, document.outlet, members)
    return True


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _insert_document(connection: Connection, document: Document, content_id: str) -> str | None:
    """Insert the document row; returns the id of the version it supersedes, if any."""
    table = schema.documents
    external_id = document.id if document.id != content_id else None
    lineage = document.url or external_id
    previous = None
    if lineage:
        previous = connection.execute(
            select(table.c.id, table.c.version)
            .where(table.c.lineage == lineage, table.c.superseded_by.is_(None))
            .order_by(table.c.version.desc())
        ).first()
    connection.execute(
        table.insert().values(
            id=content_id, external_id=external_id, lineage=lineage,
            version=previous.version + 1 if previous else 1, previous_id=previous.id if previous else None,
            title=document.title, outlet=document.outlet, author=document.author, url=document.url,
            published=document.published, language=document.language, source=document.source,
            extra=document.extra or None, text=document.text, ingested_at=_now(),
        )
    )
    if previous:
        connection.execute(update(table).where(table.c.id == previous.id).values(superseded_by=content_id))
    return previous.id if previous else None


def _spans(mentions) -> list[tuple[int, int]]:
    return sorted({(int(m[0]), int(m[1])) for m in mentions or []})


def _write_entities(connection: Connection, doc: str, record: dict) -> None:
    found = {"actor": [], "weapon": [], "place": []}
    mentions = {"actor": [], "weapon": [], "place": []}
    for actor in record.get("actors", []):
        key = keys.actor_key(actor)
        found["actor"].append({"key": key, **{f: actor.get(f) for f in ("name", "code", "country", "sector", "kind")}})
        mentions["actor"] += [{"actor_key": key, "start": s, "end": e} for s, e in _spans(actor.get("mentions"))]
    for weapon in record.get("weapons", []):
        key = keys.weapon_key(weapon)
        found["weapon"].append({"key": key, **{f: weapon.get(f) for f in ("name", "type", "manufacturer", "origin")}})
        mentions["weapon"] += [{"weapon_key": key, "start": s, "end": e} for s, e in _spans(weapon.get("mentions"))]
    for place in record.get("places", []):
        key = keys.place_key(place)
        fields = ("name", "country", "admin1", "lat", "lon", "geonames_id", "precision")
        found["place"].append({"key": key, **{f: place.get(f) for f in fields}})
        mentions["place"] += [{"place_key": key, "start": s, "end": e} for s, e in _spans(place.get("mentions"))]
    for kind in found:
        insert_ignore(connection, getattr(schema, f"{kind}s"), _unique(found[kind], "key"))
        rows = [{"document_id": doc, **row} for row in mentions[kind]]
        insert_ignore(connection, getattr(schema, f"{kind}_mentions"), rows)
    times = [{"document_id": doc, **{f: t.get(f) for f in ("start", "end", "text", "type", "value")}}
             for t in record.get("times", [])]
    insert_ignore(connection, schema.times, _unique(times, "start"))


def _unique(rows: list[dict], field: str) -> list[dict]:
    return list({row[field]: row for row in rows}.values())


def _date(date: dict | None) -> dict:
    date = date or {}
    return {"date_start": date.get("start"), "date_end": date.get("end"),
            "date_precision": date.get("precision"), "date_text": date.get("text")}


def _name(value) -> str | None:
    if isinstance(value, dict):
        return value.get("code") or value.get("name")
    return None if value is None else str(value)


def _event_row(event: dict) -> dict:
    place = event.get("place") or {}
    attribution = event.get("attribution") or {}
    return {"type": event["type"], "mode": event.get("mode"), "cameo": event.get("cameo"), **_date(event.get("date")),
            "place_name": place.get("name"), "place_country": place.get("country"), "place_lat": place.get("lat"),
            "place_lon": place.get("lon"), "claimant": _name(attribution.get("claimant")),
            "status": attribution.get("status")}


def _transfer_row(transfer: dict) -> dict:
    attribution = transfer.get("attribution") or {}
    system = transfer.get("system") or {}
    quantity = transfer.get("quantity")
    return {"supplier_code": keys.actor_label(transfer.get("supplier")),
            "recipient_code": keys.actor_label(transfer.get("recipient")),
            "system_key": keys.weapon_key(system), "system_name": system.get("name"),
            "quantity": None if quantity is None else str(quantity), "status": transfer["status"],
            **_date(transfer.get("date")), "claimant": _name(attribution.get("claimant")),
            "attribution_status": attribution.get("status")}


def _claim_row(claim: dict) -> dict:
    value = claim.get("value")
    return {"claimant": _name(claim.get("claimant")), "predicate": claim["predicate"],
            "subject": _name(claim.get("subject")), "value": None if value is None else str(value),
            **_date(claim.get("date")), "status": claim.get("status"), "figure_key": keys.figure_key(claim)}


ROWS = {"event": _event_row, "transfer": _transfer_row, "claim": _claim_row}
ROLES = {"event": ("actor", "recipient"), "transfer": ("supplier", "recipient"), "claim": ("claimant", "subject")}


def _write_records(connection: Connection, doc: str, record: dict) -> list[merge.Member]:
    members: list[merge.Member] = []
    for kind, table in schema.RECORD_TABLES.items():
        rows, actors, spans = [], [], []
        for number, item in enumerate(record.get(f"{kind}s", []), 1):
            local_id = str(item.get("id") or f"{kind[0]}{number}")
            record_id, merge_key = f"{doc}/{local_id}", keys.KEYS[kind](item)
            rows.append({"id": record_id, "document_id": doc, "local_id": local_id, "merge_key": merge_key,
                         "data": item, **ROWS[kind](item)})
            actors += _record_actors(kind, record_id, item)
            spans += [{"record_id": record_id, "kind": kind, "document_id": doc, "start": int(e["start"]),
                       "end": int(e["end"])} for e in item.get("evidence") or []]
        rows = _unique(rows, "id")
        members += [merge.Member(kind, row["merge_key"], row["id"], row["data"]) for row in rows]
        insert_ignore(connection, table, rows)
        insert_ignore(connection, schema.record_actors, actors)
        insert_ignore(connection, schema.evidence, spans)
    return members


def _record_actors(kind: str, record_id: str, item: dict) -> list[dict]:
    rows = []
    for role in ROLES[kind]:
        refs = item.get(role)
        for ref in refs if isinstance(refs, list) else [refs]:
            if isinstance(ref, dict) and (ref.get("name") or ref.get("code")):
                rows.append({"record_id": record_id, "role": role, "actor_key": keys.actor_key(ref), "kind": kind,
                             "code": ref.get("code"), "country": ref.get("country")})
    return list({(r["role"], r["actor_key"]): r for r in rows}.values())


def record_failure(connection: Connection, source: str, stage: str, error: str) -> None:
    connection.execute(schema.failures.insert().values(source=source, stage=stage, error=error[:2000], at=_now()))
