"""The tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

Extracted records (events, transfers, claims) keep one row per document they came from,
with their evidence; `merged` holds one row per merge key — the same fact across
documents — with its count of documents and independent outlets and whether it is
contested. Record ids are `<document id>/<record id in that document>`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _date_columns() -> list[Column]:
    return [
        Column("date_start", String(32)),
        Column("date_end", String(32)),
        Column("date_precision", String(16)),
        Column("date_text", Text),
    ]


def _record(name: str, *columns, indexes=()) -> Table:
    """A per-document record table: id, document, local id, merge key and the full JSON."""
    return Table(
        name,
        metadata,
        Column("id", String(200), primary_key=True),
        Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
        Column("local_id", String(100), nullable=False),
        *columns,
        Column("merge_key", String(500), nullable=False, index=True),
        Column("data", JSON, nullable=False),
        *indexes,
    )


schema_version = Table(
    "schema_version", metadata, Column("version", Integer, primary_key=True), Column("applied_at", String(32))
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # hash of the normalised text
    Column("external_id", String(200)),  # an id the source gave, if it differs
    Column("lineage", String(1000)),  # url or external id: what versions share
    Column("version", Integer, nullable=False, default=1),
    Column("previous_id", String(64), ForeignKey("documents.id")),
    Column("superseded_by", String(64)),
    Column("title", Text),
    Column("outlet", String(300)),
    Column("author", String(300)),
    Column("url", String(2000)),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("source", Text),
    Column("extra", JSON),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("lineage", "version", name="uq_documents_lineage_version"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_lineage", "lineage"),
)

actors = Table(
    "actors",
    metadata,
    Column("key", String(400), primary_key=True),  # "<code>:<normalised name>"
    Column("name", String(300), nullable=False),
    Column("code", String(40), index=True),
    Column("country", String(3), index=True),
    Column("sector", String(40)),
    Column("kind", String(40)),
)

weapons = Table(
    "weapons",
    metadata,
    Column("key", String(300), primary_key=True),  # normalised canonical name
    Column("name", String(300), nullable=False),
    Column("type", String(100)),
    Column("manufacturer", String(300)),
    Column("origin", String(3)),
)

places = Table(
    "places",
    metadata,
    Column("key", String(400), primary_key=True),  # "<normalised name>|<country>"
    Column("name", String(300), nullable=False),
    Column("country", String(3)),
    Column("admin1", String(200)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("precision", String(40)),
)


def _mentions(name: str, entity: str) -> Table:
    return Table(
        name,
        metadata,
        Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
        Column(f"{entity}_key", String(400), ForeignKey(f"{entity}s.key"), primary_key=True, index=True),
        Column("start", Integer, primary_key=True),
        Column("end", Integer, nullable=False),
    )


actor_mentions = _mentions("actor_mentions", "actor")
weapon_mentions = _mentions("weapon_mentions", "weapon")
place_mentions = _mentions("place_mentions", "place")

times = Table(
    "times",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text),
    Column("type", String(16)),
    Column("value", String(64)),
)

events = _record(
    "events",
    Column("type", String(20), nullable=False),
    Column("mode", String(40)),
    Column("cameo", String(8)),
    *_date_columns(),
    Column("place_name", String(300)),
    Column("place_country", String(3)),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("claimant", String(300)),
    Column("status", String(16)),
    indexes=(Index("ix_events_type_date", "type", "date_start"), Index("ix_events_date", "date_start")),
)

transfers = _record(
    "transfers",
    Column("supplier_code", String(40), index=True),
    Column("recipient_code", String(40), index=True),
    Column("system_key", String(300), index=True),
    Column("system_name", String(300)),
    Column("quantity", String(40)),
    Column("status", String(16), nullable=False),
    *_date_columns(),
    Column("claimant", String(300)),
    Column("attribution_status", String(16)),
    indexes=(Index("ix_transfers_date", "date_start"),),
)

claims = _record(
    "claims",
    Column("claimant", String(300)),
    Column("predicate", String(100), nullable=False, index=True),
    Column("subject", String(300)),
    Column("value", String(300)),
    *_date_columns(),
    Column("status", String(16)),
    Column("figure_key", String(500), index=True),
    indexes=(Index("ix_claims_date", "date_start"),),
)

record_actors = Table(
    "record_actors",
    metadata,
    Column("record_id", String(200), primary_key=True),
    Column("role", String(20), primary_key=True),  # actor, recipient, supplier, claimant, subject
    Column("actor_key", String(400), primary_key=True),
    Column("kind", String(10), nullable=False),  # event, transfer, claim
    Column("code", String(40)),
    Column("country", String(3)),
    Index("ix_record_actors_code", "code", "kind"),
    Index("ix_record_actors_country", "country", "kind"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("record_id", String(200), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
)

merged = Table(
    "merged",
    metadata,
    Column("kind", String(10), primary_key=True),
    Column("merge_key", String(500), primary_key=True),
    Column("figure_key", String(500), index=True),
    Column("date_start", String(32)),
    Column("n_documents", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("contested", Boolean, nullable=False),
    Column("statuses", JSON, nullable=False),
    Column("record", JSON, nullable=False),  # the first member, as a representative
    Column("representative", String(200)),  # that member's record id
    Column("group_key", String(500)),  # what contest is judged over (see merge)
    Index("ix_merged_group", "kind", "group_key"),
)

merge_counts = Table(
    "merge_counts",
    metadata,
    Column("kind", String(10), primary_key=True),
    Column("merge_key", String(500), primary_key=True),  # a merge key, or a claim group
    Column("facet", String(16), primary_key=True),  # documents, outlet, status, group
    Column("value", String(300), primary_key=True),
    Column("n", Integer, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("stage", String(16), nullable=False),  # read, extract, write
    Column("error", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

RECORD_TABLES = {"event": events, "transfer": transfers, "claim": claims}
