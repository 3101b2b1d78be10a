"""Ingest: read sources, extract records (in-process, on a process pool or on Dask) and
write them to the store in batches.

`ingest(paths, db=...)` is the whole command; it skips documents already stored, so an
interrupted run is finished by running it again.
"""

from flashpoint.ingest.run import DEFAULT_EXTRACTOR, IngestReport, ingest

__all__ = ["DEFAULT_EXTRACTOR", "IngestReport", "ingest"]
