"""Load smoke: concurrent readers of the API on 127.0.0.1 while `flashpoint ingest` writes
into the same SQLite store (WAL). The full run is `python -m flashpoint.bench.load_bench`
(docs/reliability.md); this is its bounded CI version. Timings are printed, never asserted."""

from __future__ import annotations

import time
from pathlib import Path

CASES = Path(__file__).resolve().parents[2] / "tests" / "cases"
CLIENTS, REQUESTS, ARTICLES, TIME_LIMIT = 8, 200, 200, 75.0


def test_readers_and_an_ingest_share_the_store(tmp_path):
    from flashpoint.bench.load_bench import run, table

    started = time.monotonic()
    report = run(tmp_path, clients=CLIENTS, requests=REQUESTS, articles=ARTICLES, time_limit=TIME_LIMIT, cases=CASES)
    print(f"\n{table(report)}\n(whole test {time.monotonic() - started:.1f} s)")
    summary = report.as_dict()

    assert summary["done"] == REQUESTS, f"only {summary['done']} of {REQUESTS} requests before the time limit"
    assert not report.server_errors, summary["first_errors"]
    assert not report.exceptions, summary["first_errors"]
    assert not report.errors, summary["first_errors"]  # no 4xx either: every path asked for exists
    assert summary["during_ingest"] > 0, "the readers never overlapped the ingest"
    assert {row["endpoint"] for row in summary["endpoints"]} >= {
        "/events.json", "/transfers.json", "/actors.json", "/claims.json", "/search.json", "/network.json",
        "/documents/{id}"}

    ingest = summary["ingest"]
    assert ingest["exit_status"] == 0, ingest
    assert ingest["stored"] == ARTICLES and ingest["failed"] == 0, ingest
    assert ingest["documents_added"] == ARTICLES, ingest
