"""FollowTheMoney entities (JSON Lines): actors as Organization/PublicBody, documents as
Article, events and transfers as Event with `involved` actors and `proof` documents.

Built with the `followthemoney` library, so every entity is checked against its schema."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.export.tables import ALL
from flashpoint.store import queries

PREFIX = "flashpoint"


def _id(*parts: str) -> str:
    from followthemoney.util import make_entity_id

    return make_entity_id(PREFIX, *parts)


def entities(engine):
    from followthemoney import model

    def make(schema: str, *key: str, **props):
        entity = model.make_entity(schema)
        entity.id = _id(schema, *key)
        for name, values in props.items():
            for value in values if isinstance(values, list) else [values]:
                if value not in (None, ""):
                    entity.add(name, str(value))
        return entity

    actor_ids = {}
    for a in queries.actors(engine, limit=ALL):
        schema = "PublicBody" if a.get("kind") == "state" or a.get("sector") in ("gov", "mil") else "Organization"
        entity = make(schema, a["key"], name=a["name"], country=a.get("country"), abbreviation=a.get("code"))
        actor_ids[a.get("code") or a["name"]] = entity.id
        yield entity
    for d in queries.documents(engine, limit=ALL):
        yield make("Article", d["id"], title=d.get("title") or d["id"], publisher=d.get("outlet"),
                   author=d.get("author"), publishedAt=d.get("published"), sourceUrl=d.get("url"))

    def involved(people):
        return [actor_ids.get(p.get("code") or p.get("name")) for p in people if p]

    for kind in ("event", "transfer"):
        for r in queries.find(engine, kind, limit=ALL):
            date = r.get("date") or {}
            if kind == "event":
                name, people = f"{r['type']}: " + ", ".join(a["name"] for a in r.get("actor") or []), r.get("actor", []) + r.get("recipient", [])
            else:
                name = f"transfer ({r.get('status')}): {(r.get('system') or {}).get('name')}"
                people = [r.get("supplier"), r.get("recipient")]
            yield make("Event", kind, r["key"], name=name, startDate=date.get("start"), endDate=date.get("end"),
                       involved=involved(people), location=(r.get("place") or {}).get("name"),
                       proof=[_id("Article", s["document_id"]) for s in r["sources"]],
                       summary=" … ".join(e["text"] for s in r["sources"][:1] for e in s["evidence"]))


def write_ftm(engine, path: Path, table: str = "all") -> None:
    with open(path, "w", encoding="utf-8") as out:
        for entity in entities(engine):
            out.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")
