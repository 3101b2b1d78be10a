"""Crashes while storing (issue 8): SIGKILL while merged records are refreshed, a full disk,
and a PostgreSQL connection dropped mid-ingest. After each, the store holds only complete
documents, and a rerun ends with exactly what an uninterrupted run stores."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from reliability_checks import store_helpers
from sqlalchemy import func, select

from flashpoint.ingest import ingest
from flashpoint.store import open_store, schema

FAKE = "flashpoint.ingest.fake:FakePipeline"
# Runs `flashpoint ingest` with a hook in the merge step: at the Nth document it touches
# MARKER and sleeps inside the open transaction, so that the test can strike right there.
HOOKED_INGEST = """
import os, sys, time
import flashpoint.store.merge as merge
original, calls = merge.add_document, [0]
def hooked(*args):
    original(*args)
    calls[0] += 1
    if calls[0] == int(os.environ["STRIKE_AT"]):
        open(os.environ["MARKER"], "w").close()
        time.sleep(float(os.environ["STRIKE_SLEEP"]))
merge.add_document = hooked
if os.environ.get("MAX_PAGES"):
    import flashpoint.store.engine as engine
    pragmas = engine._sqlite_pragmas
    def capped(connection, record):
        pragmas(connection, record)
        connection.execute("PRAGMA max_page_count = " + os.environ["MAX_PAGES"])
    engine._sqlite_pragmas = capped
from flashpoint.cli.store import main
sys.argv = ["flashpoint", "ingest", *sys.argv[1:]]
main()
"""


def write_corpus(path, count: int, start: int = 0):
    lines = store_helpers.corpus_lines(start + count)[start:]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def hooked_ingest(path, db_url, tmp_path, strike_at: int, sleep: float, **env) -> tuple[subprocess.Popen, object]:
    marker = tmp_path / f"marker-{time.monotonic_ns()}"
    environment = {**os.environ, "STRIKE_AT": str(strike_at), "MARKER": str(marker), "STRIKE_SLEEP": str(sleep),
                   **{k: str(v) for k, v in env.items()}}
    process = subprocess.Popen([sys.executable, "-c", HOOKED_INGEST, str(path), "--db", db_url, "--batch-size", "4",
                                "--extractor", FAKE], env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 60
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), f"the hook never ran: {process.communicate()}"
    return process, marker


def per_document(engine) -> dict[str, dict[str, int]]:
    """Rows per stored document in every table that hangs off a document."""
    tables = [t for t in schema.metadata.sorted_tables if "document_id" in t.c]
    rows: dict[str, dict[str, int]] = {}
    with engine.connect() as connection:
        for document in connection.execute(select(schema.documents.c.id)).scalars():
            rows[document] = {}
        for table in tables:
            query = select(table.c.document_id, func.count()).group_by(table.c.document_id)
            for document, count in connection.execute(query):
                rows.setdefault(document, {})[table.name] = count
    return rows


def assert_only_complete_documents(url: str, reference: dict) -> int:
    """Every stored document has exactly the rows an uninterrupted run gives it; returns how many."""
    store = open_store(url)
    try:
        stored = per_document(store.engine)
    finally:
        store.close()
    assert set(stored) <= set(reference), "rows for a document that is not stored"
    for document, rows in stored.items():
        assert rows == reference[document], f"document {document} is half-written: {rows} != {reference[document]}"
    return len(stored)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """What an uninterrupted ingest of 60 documents stores: per document, and as a snapshot."""
    folder = tmp_path_factory.mktemp("reference")
    path = write_corpus(folder / "corpus.jsonl", 60)
    url = f"sqlite:///{folder / 'reference.db'}"
    ingest([str(path)], db=url, extractor=FAKE)
    store = open_store(url)
    yield path, per_document(store.engine), store_helpers._snapshot(store.engine)
    store.close()


def test_sigkill_while_merging_then_rerun_ends_complete_without_duplicates(tmp_path, reference):
    path, rows, snapshot = reference
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    process, _ = hooked_ingest(path, url, tmp_path, strike_at=30, sleep=600)
    process.send_signal(signal.SIGKILL)  # inside merging document 30, batch 8 uncommitted
    process.communicate()
    assert assert_only_complete_documents(url, rows) == 28
    rerun = subprocess.run([sys.executable, "-m", "flashpoint.cli.store", "ingest", str(path), "--db", url,
                            "--extractor", FAKE], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "32 stored, 28 already stored, 0 failed" in " ".join(rerun.stderr.split())
    store = open_store(url)
    assert store_helpers._snapshot(store.engine) == snapshot
    store.close()


def _page_count(url: str) -> int:
    store = open_store(url)
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    store.close()
    return pages


@pytest.fixture
def nearly_full(tmp_path, reference):
    """A store holding the first 10 documents, and the page cap that leaves room for a few more."""
    url = f"sqlite:///{tmp_path / 'full.db'}"
    first = write_corpus(tmp_path / "first.jsonl", 10)
    ingest([str(first)], db=url, extractor=FAKE)
    return url, _page_count(url) + 3


def _ingest_until_the_disk_is_full(url: str, pages: int, corpus) -> subprocess.CompletedProcess:
    """The reference corpus ingested into a store capped at `pages` pages (SQLITE_FULL past it)."""
    return subprocess.run([sys.executable, "-c", HOOKED_INGEST, str(corpus), "--db", url, "--batch-size", "4",
                           "--extractor", FAKE], env={**os.environ, "STRIKE_AT": "0", "MARKER": "-",
                                                       "STRIKE_SLEEP": "0", "MAX_PAGES": str(pages)},
                          capture_output=True, text=True, timeout=120)


def test_a_full_disk_leaves_only_complete_documents(tmp_path, reference, nearly_full):
    url, pages = nearly_full
    run = _ingest_until_the_disk_is_full(url, pages, reference[0])
    assert run.returncode != 0, run.stderr
    stored = assert_only_complete_documents(url, reference[1])
    assert 10 <= stored < 60


def test_a_full_disk_is_one_clear_error(tmp_path, reference, nearly_full):
    url, pages = nearly_full
    run = _ingest_until_the_disk_is_full(url, pages, reference[0])
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert "error:" in run.stderr and "full" in run.stderr.replace("\n", " ").split("error:")[1].split(";")[0]
    store = open_store(url)
    with store.engine.connect() as connection:
        errors = connection.execute(select(schema.failures.c.error)).scalars().all()
    store.close()
    assert not any("savepoint" in e for e in errors), errors


def test_a_dropped_postgresql_connection_leaves_only_complete_documents(postgres_server, tmp_path, reference):
    import psycopg

    path, rows, snapshot = reference
    url = store_helpers._new_database(postgres_server)
    process, _ = hooked_ingest(path, url, tmp_path, strike_at=30, sleep=2)
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as connection:
        killed = connection.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                    "WHERE datname = %s AND pid <> pg_backend_pid()", [name]).fetchone()[0]
    assert killed >= 1
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0 and "terminat" in stderr, stderr
    assert assert_only_complete_documents(url, rows) == 28
    rerun = subprocess.run([sys.executable, "-m", "flashpoint.cli.store", "ingest", str(path), "--db", url,
                            "--extractor", FAKE], capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    store = open_store(url)
    assert store_helpers._snapshot(store.engine) == snapshot
    store.close()


def test_a_dropped_postgresql_connection_is_one_clear_error(postgres_server, tmp_path, reference):
    import psycopg

    url = store_helpers._new_database(postgres_server)
    process, _ = hooked_ingest(reference[0], url, tmp_path, strike_at=30, sleep=2)
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as connection:
        connection.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                           "AND pid <> pg_backend_pid()", [url.rsplit("/", 1)[1]])
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1 and "Traceback" not in stderr and "PendingRollbackError" not in stderr, stderr
    assert "error:" in stderr and "terminat" in stderr
