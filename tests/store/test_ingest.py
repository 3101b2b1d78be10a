"""Ingest end to end with the fake pipeline: in-process, process pool, Dask, crash and rerun."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, func, select

from flashpoint.ingest import ingest
from flashpoint.store import database_url, open_store, schema

FAKE = "flashpoint.ingest.fake:FakePipeline"


def test_ingest_counts_documents_and_a_rerun_skips_them(db_url, corpus, snapshot):
    path = corpus(40)
    report = ingest([str(path)], db=db_url, extractor=FAKE, batch_size=7)
    assert (report.read, report.written, report.skipped, report.failed) == (40, 40, 0, 0)
    store = open_store(db_url)
    before = snapshot(store.engine)
    again = ingest([str(path)], db=db_url, extractor=FAKE)
    assert (again.written, again.skipped) == (0, 40)
    assert snapshot(store.engine) == before
    store.close()


def test_a_process_pool_stores_what_in_process_stores(tmp_path, corpus, snapshot):
    path = corpus(60)
    alone, pooled = f"sqlite:///{tmp_path}/alone.db", f"sqlite:///{tmp_path}/pool.db"
    ingest([str(path)], db=alone, extractor=FAKE, batch_size=5)
    report = ingest([str(path)], db=pooled, extractor=FAKE, batch_size=5, workers=2)
    assert report.written == 60
    assert snapshot(open_store(pooled).engine) == snapshot(open_store(alone).engine)


def test_a_dask_local_cluster_of_two_worker_processes_stores_what_in_process_stores(tmp_path, corpus, snapshot):
    pytest.importorskip("dask.distributed")
    path = corpus(60)
    alone, spread = f"sqlite:///{tmp_path}/alone.db", f"sqlite:///{tmp_path}/dask.db"
    ingest([str(path)], db=alone, extractor=FAKE, batch_size=5)
    report = ingest([str(path)], db=spread, extractor=FAKE, batch_size=5, dask="local:2")
    assert report.written == 60
    assert snapshot(open_store(spread).engine) == snapshot(open_store(alone).engine)


def test_a_dask_local_cluster_starts_when_the_usual_dashboard_port_is_taken(tmp_path, corpus):
    """Another cluster (a notebook's, a second run's) on port 8787 must not stop or warn ours:
    the tests turn warnings into errors, so a warning about the port fails here too."""
    pytest.importorskip("dask.distributed")
    holder = socket.socket()
    try:
        holder.bind(("0.0.0.0", 8787))
        holder.listen()
    except OSError:
        pass  # something already holds it: the condition under test
    try:
        report = ingest([str(corpus(10))], db=f"sqlite:///{tmp_path}/dask.db", extractor=FAKE, batch_size=5,
                        dask="local:1")
    finally:
        holder.close()
    assert report.written == 10


def _count(url: str, table) -> int:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar()
    except Exception:  # tables not created yet
        return 0
    finally:
        engine.dispose()


def _ingest_command(path, db_url) -> list[str]:
    return [sys.executable, "-m", "flashpoint.cli.store", "ingest", str(path), "--db", db_url,
            "--batch-size", "4", "--extractor", "flashpoint.ingest.fake:SlowFakePipeline"]


def test_sigkill_mid_ingest_then_rerun_ends_complete_without_duplicates(db_url, corpus, subprocess_env, tmp_path,
                                                                        snapshot):
    path = corpus(200)
    process = subprocess.Popen(_ingest_command(path, db_url), env=subprocess_env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _count(db_url, schema.documents) < 20 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _count(db_url, schema.documents)
    assert 0 < stored < 200, f"the kill should land mid-run ({stored} stored); stderr: {process.stderr.read()!r}"
    finished = subprocess.run(_ingest_command(path, db_url), env=subprocess_env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert f"{200 - stored} stored, {stored} already stored, 0 failed" in " ".join(finished.stderr.split())
    reference = f"sqlite:///{tmp_path}/reference.db"
    ingest([str(path)], db=reference, extractor=FAKE)
    assert snapshot(open_store(db_url).engine) == snapshot(open_store(reference).engine)
