"""The ingest loop: read, skip what is stored, extract in bounded batches, write."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from flashpoint.documents import Document
from flashpoint.ingest.executors import executor
from flashpoint.ingest.worker import extract_batch
from flashpoint.sources import Failure, read_paths
from flashpoint.store import Store, open_store

log = logging.getLogger(__name__)
DEFAULT_EXTRACTOR = "flashpoint.pipeline:load_pipeline"
MAX_KEPT = 1000  # failures kept in the report; all of them go to the `failures` table


@dataclass
class IngestReport:
    read: int = 0  # documents read from the sources
    written: int = 0  # documents newly stored
    skipped: int = 0  # documents already stored (identical text)
    failed: int = 0  # items that could not be read, extracted or stored
    started: float = field(default_factory=time.monotonic)
    failures: list[Failure] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {"read": self.read, "written": self.written, "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 3), "documents_per_second": round(self.per_second, 2)}


def ingest(paths: Iterable[str], *, db: str | None = None, store: Store | None = None, workers: int = 1,
           dask: str | None = None, batch_size: int = 16, extractor: str = DEFAULT_EXTRACTOR,
           max_bytes: int | None = None, on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest every document under `paths` into the store at `db` (or the `store` given)."""
    report = IngestReport()
    own_store = store is None
    store = store or open_store(db)
    try:
        batches = _batches(read_paths(paths, max_bytes=max_bytes), batch_size, store, report)
        with executor(workers, dask) as (pool, slots):
            in_flight: deque = deque()
            for batch in batches:
                in_flight.append((batch, pool.submit(extract_batch, extractor, batch)))
                if len(in_flight) >= 2 * slots:  # bounded: never more than this in memory
                    _write(store, *in_flight.popleft(), report, on_progress)
            while in_flight:
                _write(store, *in_flight.popleft(), report, on_progress)
    finally:
        if own_store:
            store.close()
    return report


def _batches(items: Iterator, size: int, store: Store, report: IngestReport) -> Iterator[list[Document]]:
    """Batches of documents not yet stored; read failures are recorded on the way."""
    while chunk := list(islice(items, size)):
        failures = [item for item in chunk if isinstance(item, Failure)]
        documents = [item for item in chunk if isinstance(item, Document)]
        if failures:
            store.record_failures((f.source, f.stage, f.error) for f in failures)
            report.failed += len(failures)
            report.failures += failures[: MAX_KEPT - len(report.failures)]
        report.read += len(documents)
        known = store.known(documents) if documents else set()
        fresh = [d for d in documents if _content_id(d) not in known]
        report.skipped += len(documents) - len(fresh)
        if fresh:
            yield fresh


def _content_id(document: Document) -> str:
    from flashpoint.documents import document_id

    return document_id(document.text)


def _write(store: Store, batch: list[Document], future, report: IngestReport, on_progress) -> None:
    try:
        results = [(doc, record, error) for doc, (record, error) in zip(batch, future.result(), strict=True)]
    except Exception as error:  # a lost worker: the whole batch fails, the run goes on
        log.warning("batch of %d documents failed: %s", len(batch), error)
        results = [(doc, None, f"{type(error).__name__}: {error}") for doc in batch]
    for doc, _record, error in results:
        if error is not None and len(report.failures) < MAX_KEPT:
            report.failures.append(Failure(doc.source or doc.id, error, "extract"))
    written, existing, failed = store.write_batch(results)
    report.written, report.skipped, report.failed = (
        report.written + written, report.skipped + existing, report.failed + failed)
    if on_progress:
        on_progress(report)
