"""What runs where the extraction happens: in this process, a pool process or a Dask worker.

The extractor is named by an import path (`module:factory`) rather than passed as an
object, so that each worker process builds it once, on first use, and keeps it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from flashpoint.documents import Document


@lru_cache(maxsize=4)
def load_extractor(spec: str):
    """The object `spec` names (`module:factory`), built once per process."""
    module, _, name = spec.partition(":")
    if not name:
        raise ValueError(f"extractor {spec!r} must be written module:factory, e.g. flashpoint.pipeline:load_pipeline")
    return getattr(import_module(module), name)()


def extract_batch(spec: str, documents: list[Document]) -> list[tuple[dict | None, str | None]]:
    """(record, None) or (None, error) for each document, in order; one failure spares the rest."""
    extractor = load_extractor(spec)
    results = []
    for document in documents:
        try:
            results.append((extractor.extract(document), None))
        except Exception as error:  # a document the pipeline chokes on is a counted failure
            results.append((None, f"{type(error).__name__}: {error}"))
    return results
