"""The store benchmark's own run, small: every scheduler stores every document."""

from __future__ import annotations

from flashpoint.bench.store_bench import run_store_bench


def test_the_store_benchmark_ingests_with_every_scheduler_and_times_the_queries(tmp_path):
    result = run_store_bench(documents=24, rows=200, workdir=str(tmp_path))
    runs = result["ingest"]
    assert list(runs) == ["in-process", "pool-2", "dask-local-1", "dask-local-2"]
    assert {run["documents"] for run in runs.values()} == {24}
    assert len({run["db_bytes"] for run in runs.values()}) == 1  # the same database each time
    assert set(runs["pool-2"]) >= {"speed_up", "speed_up_over_1_worker"}
    assert result["sqlite_bytes_per_1000_documents"] > 0
    latency = result["query_latency"]["sqlite"]
    assert latency["rows"] == 200
    assert latency["events --type ASSAULT --limit 100"]["results"] > 0
    assert all(latency[name]["median_ms"] >= 0 for name in latency if name.startswith("events"))


def test_zero_documents_or_rows_skips_that_part(tmp_path):
    result = run_store_bench(documents=0, rows=0, workdir=str(tmp_path))
    assert "ingest" not in result and "query_latency" not in result
