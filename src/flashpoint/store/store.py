"""A connected, migrated database and the few operations ingest needs."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from flashpoint.documents import Document, document_id
from flashpoint.store import schema
from flashpoint.store.engine import make_engine
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
        back alone and counted as failed; the others of the batch still commit.
        """
        written = existing = failed = 0
        with self.engine.begin() as connection:
            for document, record, error in results:
                if error is not None:
                    record_failure(connection, document.source or document.id, "extract", error)
                    failed += 1
                    continue
                try:
                    with connection.begin_nested():
                        stored = write_document(connection, document, record)
                except Exception as problem:  # a bad record must not sink the batch
                    log.warning("cannot store %s: %s", document.source or document.id, problem)
                    record_failure(connection, document.source or document.id, "write", repr(problem))
                    failed += 1
                    continue
                written, existing = written + stored, existing + (not stored)
        return written, existing, failed

    def write(self, document: Document, record: dict) -> bool:
        return self.write_batch([(document, record, None)])[0] == 1

    def record_failures(self, failures: Iterable[tuple[str, str, str]]) -> None:
        with self.engine.begin() as connection:
            for source, stage, error in failures:
                record_failure(connection, source, stage, error)

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """Connect to `url` (or `$FLASHPOINT_DB`, or `./flashpoint.db`) and migrate it."""
    engine = make_engine(url)
    migrate(engine)
    return Store(engine)
