"""Versioned migrations: a `schema_version` table and an ordered list of functions.

Each migration is a function `(connection) -> None` run in its own transaction together
with the row recording it, so a crash leaves the schema at a known version. To change the
schema, append a function; never edit one that has shipped. Plain functions rather than
alembic: the schema is small, the same code must serve SQLite and PostgreSQL, and users
should not need an alembic setup to open a database file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, inspect, select, text

from flashpoint.store import merge, schema
from flashpoint.store.engine import writer


def _create_tables(connection: Connection) -> None:
    schema.metadata.create_all(connection)


def _full_text(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61')"
        )
        connection.exec_driver_sql(
            "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
        )
        connection.exec_driver_sql(
            "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END"
        )
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "CREATE INDEX ix_documents_fulltext ON documents USING gin "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


def _merge_counts(connection: Connection) -> None:
    """Merged records kept by counting (see `merge`): two columns on `merged`, the counts
    table, and every merged record recomputed from the documents already stored."""
    present = {column["name"] for column in inspect(connection).get_columns("merged")}
    for name, kind in (("representative", "VARCHAR(200)"), ("group_key", "VARCHAR(500)")):
        if name not in present:
            connection.exec_driver_sql(f"ALTER TABLE merged ADD COLUMN {name} {kind}")
    schema.merge_counts.create(connection, checkfirst=True)
    group_index = next(i for i in schema.merged.indexes if i.name == "ix_merged_group")
    if group_index.name not in {i["name"] for i in inspect(connection).get_indexes("merged")}:
        group_index.create(connection)
    merge.rebuild(connection)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_create_tables, _full_text, _merge_counts)


def current_version(connection: Connection) -> int:
    if not inspect(connection).has_table("schema_version"):
        return 0
    versions = connection.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine) -> int:
    """Bring the database up to the latest version; returns that version."""
    for number, migration in enumerate(MIGRATIONS, 1):
        with writer(engine).begin() as connection:
            _lock(connection)
            if current_version(connection) >= number:
                continue
            migration(connection)
            schema.schema_version.create(connection, checkfirst=True)
            connection.execute(
                schema.schema_version.insert().values(
                    version=number, applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds")
                )
            )
    return len(MIGRATIONS)


def _lock(connection: Connection) -> None:
    """Serialise concurrent migrators on PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(74201)"))
