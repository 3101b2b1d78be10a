"""Connecting: a database URL to an SQLAlchemy engine, with SQLite set up for concurrent use."""

from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_URL = "sqlite:///flashpoint.db"
ENV = "FLASHPOINT_DB"


def database_url(url: str | None = None) -> str:
    """The URL given, else `$FLASHPOINT_DB`, else `./flashpoint.db`; a bare path means SQLite."""
    url = url or os.environ.get(ENV) or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]  # psycopg 3, not psycopg2
    return url


def make_engine(url: str | None = None) -> Engine:
    parsed = make_url(database_url(url))
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        _sqlite_transactions(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    is_memory = cursor.execute("PRAGMA database_list").fetchone()[2] == ""
    if not is_memory:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITE = {"flashpoint_write": True}  # execution option: this transaction writes


def writer(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they take the write lock at BEGIN."""
    return engine.execution_options(**WRITE)


def _sqlite_transactions(engine: Engine) -> None:
    """Writing transactions start with BEGIN IMMEDIATE so that writers queue, not fail; reading
    ones with a plain (deferred) BEGIN, so that in WAL mode readers never wait for a writer.

    pysqlite's own implicit BEGIN is turned off (SQLAlchemy's documented recipe).
    """

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):
        write = connection.get_execution_options().get("flashpoint_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
