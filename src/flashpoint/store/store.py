"""A connected, migrated database and the few operations ingest needs."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import InterfaceError, OperationalError, PendingRollbackError

from flashpoint.documents import Document, document_id
from flashpoint.errors import FlashpointError
from flashpoint.store import schema
from flashpoint.store.engine import make_engine, writer
from flashpoint.store.migrations import migrate
from flashpoint.store.write import record_failure, write_document

log = logging.getLogger(__name__)


@dataclass
class Store:
    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def known(self, documents: Iterable[Document]) -> set[str]:
        """Content ids, among these documents', that are already stored (hence complete)."""
        ids = list({document_id(d.text) for d in documents})
        table = schema.documents
        with self.engine.connect() as connection:
            found = connection.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars()
            return set(found)

    def write_batch(self, results: Iterable[tuple[Document, dict | None, str | None]]) -> tuple[int, int, int]:
        """Write (document, record, error) triples in one transaction, a savepoint each.

        Returns (written, already stored, failed). A document whose write fails is rolled
        back alone and counted as failed; the others of the batch still commit. When the
        database itself fails (disk full, connection lost) the whole batch is rolled back and
        a `StoreError` says so: a rerun finishes the work, and nothing is half-written.
        """
        written = existing = failed = 0
        try:
            with writer(self.engine).begin() as connection:
                for document, record, error in results:
                    outcome = self._write_one(connection, document, record, error)
                    written, existing, failed = (written + (outcome == "written"), existing + (outcome == "existing"),
                                                 failed + (outcome == "failed"))
        except (_Down, *_DATABASE_DOWN) as problem:
            reason = str(problem) if isinstance(problem, _Down) else _reason(problem)
            raise StoreError(
                f"the database stopped taking writes ({reason}); this batch of documents was rolled "
                "back whole and nothing of it was kept; free disk space or restore the connection, then run the "
                "same command again to finish"
            ) from problem
        return written, existing, failed

    def _write_one(self, connection, document, record, error) -> str:
        if error is not None:
            record_failure(connection, document.source or document.id, "extract", error)
            return "failed"
        savepoint = connection.begin_nested()
        try:
            stored = write_document(connection, document, record)
        except _DATABASE_DOWN as problem:
            raise _Down(_reason(problem)) from problem  # no savepoint can save the batch: stop here
        except Exception as problem:  # a bad record must not sink the batch
            savepoint.rollback()
            log.warning("cannot store %s: %s", document.source or document.id, problem)
            record_failure(connection, document.source or document.id, "write", repr(problem))
            return "failed"
        savepoint.commit()
        return "written" if stored else "existing"

    def write(self, document: Document, record: dict) -> bool:
        return self.write_batch([(document, record, None)])[0] == 1

    def record_failures(self, failures: Iterable[tuple[str, str, str]]) -> None:
        with writer(self.engine).begin() as connection:
            for source, stage, error in failures:
                record_failure(connection, source, stage, error)

    def close(self) -> None:
        self.engine.dispose()


class StoreError(FlashpointError):
    """The database cannot take writes; the message says what happened and what to do."""


class _Down(Exception):
    """The database failed under a write; carries the first error's text out of the transaction."""


_DATABASE_DOWN = (OperationalError, InterfaceError, PendingRollbackError)


def _reason(problem: BaseException) -> str:
    """The first database error behind `problem`: after SQLITE_FULL the savepoint release fails
    too ("no such savepoint"), and the disk being full is what the user needs to hear."""
    first = problem
    seen = set()
    while first.__context__ is not None and id(first) not in seen:
        seen.add(id(first))
        if isinstance(first.__context__, (OperationalError, InterfaceError)):
            first = first.__context__
        else:
            break
    text = str(getattr(first, "orig", None) or first).strip().splitlines()[0]
    return text[:200]


def open_store(url: str | None = None) -> Store:
    """Connect to `url` (or `$FLASHPOINT_DB`, or `./flashpoint.db`) and migrate it."""
    engine = make_engine(url)
    migrate(engine)
    return Store(engine)
