"""Store and scale-out benchmark: ingest throughput, database size, query latency.

    python -m flashpoint.bench.store_bench --documents 2000 --rows 1000000 \
        --postgres postgresql://user@host:port/db

Ingest runs the fake pipeline by default (`--extractor` names another), so it measures the
reading, scheduling and writing around extraction rather than extraction itself.
Query latency is measured on `rows` generated event rows (10 per document), bulk-loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

FAKE = "flashpoint.ingest.fake:FakePipeline"
CODES = (
    "TUR",
    "KGZ",
    "TJK",
    "RUS",
    "UKR",
    "IRN",
    "CHN",
    "ARM",
    "AZE",
    "USA",
    "ISR",
    "SYR",
    "IRQ",
    "AFG",
    "PAK",
    "IND",
    "ETH",
    "SDN",
    "MLI",
    "NGA",
)
TYPES = ("ASSAULT", "AGREE", "CONSULT", "COERCE", "THREATEN", "PROTEST", "AID", "ACCUSE")


class BusyFakePipeline:
    """The fake pipeline plus ~20 ms of CPU a document, standing in for a real model."""

    def extract(self, document) -> dict:
        from flashpoint.ingest.fake import FakePipeline

        deadline = time.process_time() + 0.02
        while time.process_time() < deadline:
            pass
        return FakePipeline().extract(document)


def _write_corpus(path: Path, count: int) -> None:
    sentences = (
        "Turkey delivered 2 Bayraktar TB2 to Kyrgyzstan.",
        "Kyrgyzstan attacked Tajikistan.",
        "Tajikistan said 63 people were killed.",
        "Russia and Tajikistan signed an agreement.",
    )
    filler = "The statement came after talks in the capital, officials said. " * 20
    with open(path, "w") as out:
        for i in range(count):
            text = f"Report {i}. {filler}{' '.join(sentences[: 1 + i % 4])}"
            out.write(
                json.dumps(
                    {
                        "text": text,
                        "outlet": f"Outlet {i % 7}",
                        "published": f"2022-{1 + i % 12:02d}-15",
                    }
                )
                + "\n"
            )


def time_ingest(corpus: Path, workdir: Path, extractor: str, **options) -> dict:
    from flashpoint.ingest import ingest

    db = workdir / f"ingest-{time.monotonic_ns()}.db"
    started = time.perf_counter()
    report = ingest(
        [str(corpus)], db=f"sqlite:///{db}", extractor=extractor, batch_size=32, **options
    )
    seconds = time.perf_counter() - started
    return {
        "documents": report.written,
        "seconds": round(seconds, 2),
        "documents_per_second": round(report.written / seconds, 1),
        "db_bytes": _db_bytes(db),
    }


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def ingest_throughput(documents: int, extractor: str, workdir: Path) -> dict:
    corpus = workdir / "corpus.jsonl"
    _write_corpus(corpus, documents)
    runs = {  # `--workers 1` is the in-process run: no pool to start
        "in-process": time_ingest(corpus, workdir, extractor),
        "pool-2": time_ingest(corpus, workdir, extractor, workers=2),
        "dask-local-1": time_ingest(corpus, workdir, extractor, dask="local:1"),
        "dask-local-2": time_ingest(corpus, workdir, extractor, dask="local:2"),
    }
    one_worker = {"pool-2": "in-process", "dask-local-2": "dask-local-1"}
    base = runs["in-process"]["documents_per_second"]
    for name, run in runs.items():
        run["speed_up"] = round(run["documents_per_second"] / base, 2)
        if name in one_worker:
            run["speed_up_over_1_worker"] = round(
                run["documents_per_second"] / runs[one_worker[name]]["documents_per_second"], 2)
    return runs


def _event_rows(rows: int, seed: int = 5):
    rng = random.Random(seed)
    for doc in range(rows // 10):
        for local in range(10):
            actor, recipient = rng.sample(CODES, 2)
            day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            kind = rng.choice(TYPES)
            yield doc, f"d{doc:08d}/e{local}", kind, actor, recipient, day


def load_events(engine, rows: int, chunk: int = 20000) -> float:
    """Bulk-load `rows` generated events (and their actors, evidence, documents, merged rows)."""
    from flashpoint.store import schema

    started = time.perf_counter()
    batch: dict[str, list] = {"documents": [], "events": [], "record_actors": [], "evidence": []}
    with engine.begin() as connection:
        for doc, record_id, kind, actor, recipient, day in _event_rows(rows):
            if record_id.endswith("/e0"):
                batch["documents"].append(
                    {
                        "id": f"d{doc:08d}",
                        "version": 1,
                        "text": f"{actor} and {recipient}. " * 5,
                        "outlet": f"Outlet {doc % 50}",
                        "published": day,
                        "ingested_at": day,
                    }
                )
            key = f"{kind}|{actor}|{recipient}|{day}"
            batch["events"].append(
                {
                    "id": record_id,
                    "document_id": f"d{doc:08d}",
                    "local_id": record_id[-2:],
                    "type": kind,
                    "date_start": day,
                    "date_end": day,
                    "date_precision": "day",
                    "merge_key": key,
                    "data": {"type": kind},
                    "status": "asserted",
                }
            )
            batch["record_actors"] += [
                {
                    "record_id": record_id,
                    "role": "actor",
                    "actor_key": f"{actor}:",
                    "kind": "event",
                    "code": actor,
                    "country": actor,
                },
                {
                    "record_id": record_id,
                    "role": "recipient",
                    "actor_key": f"{recipient}:",
                    "kind": "event",
                    "code": recipient,
                    "country": recipient,
                },
            ]
            batch["evidence"].append(
                {
                    "record_id": record_id,
                    "start": 0,
                    "end": 8,
                    "kind": "event",
                    "document_id": f"d{doc:08d}",
                }
            )
            if len(batch["events"]) >= chunk:
                _flush(connection, schema, batch)
        _flush(connection, schema, batch)
        connection.exec_driver_sql(
            "INSERT INTO merged (kind, merge_key, date_start, n_documents, n_outlets, contested, statuses, record) "
            "SELECT 'event', merge_key, min(date_start), count(*), count(*), false, '[\"asserted\"]', "
            "min(CAST(data AS TEXT)) FROM events GROUP BY merge_key"
            if engine.dialect.name == "sqlite"
            else "INSERT INTO merged (kind, merge_key, date_start, n_documents, n_outlets, contested, statuses, record) "
            "SELECT 'event', merge_key, min(date_start), count(*), count(*), false, '[\"asserted\"]', "
            "CAST(min(CAST(data AS TEXT)) AS json) FROM events GROUP BY merge_key"
        )
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE"
            )
    else:
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def _flush(connection, schema, batch: dict) -> None:
    for name in ("documents", "events", "record_actors", "evidence"):
        if batch[name]:
            connection.execute(getattr(schema, name).insert(), batch[name])
            batch[name].clear()


QUERIES = {
    "events --type ASSAULT --limit 100": dict(type="ASSAULT", limit=100),
    "events --actor KGZ --since 2022-09 --until 2022-09": dict(
        actor="KGZ", since="2022-09", until="2022-09"
    ),
    "events --actor TUR --type AGREE --since 2020": dict(actor="TUR", type="AGREE", since="2020"),
    "events --since 2023-01-05 --until 2023-01-05": dict(since="2023-01-05", until="2023-01-05"),
}


def query_latency(url: str, rows: int, repeat: int = 5) -> dict:
    from flashpoint.store import open_store, queries

    store = open_store(url)
    loaded = load_events(store.engine, rows)
    out = {"rows": rows, "load_seconds": round(loaded, 1)}
    for name, filters in QUERIES.items():
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            found = queries.events(store.engine, **filters)
            timings.append(time.perf_counter() - started)
        out[name] = {
            "median_ms": round(1000 * statistics.median(timings), 1),
            "results": len(found),
        }
    store.close()
    return out


def run_store_bench(
    documents: int = 2000,
    rows: int = 1_000_000,
    postgres: str | None = None,
    extractor: str = FAKE,
    workdir: str | None = None,
) -> dict:
    """Measure ingest throughput (1 vs 2 workers, pool and Dask), size and query latency."""
    work = Path(workdir or tempfile.mkdtemp(prefix="flashpoint-bench-"))
    result = {"cpus": os.cpu_count(), "documents": documents, "extractor": extractor}
    if documents:
        result["ingest"] = ingest_throughput(documents, extractor, work)
        result["sqlite_bytes_per_1000_documents"] = int(
            result["ingest"]["in-process"]["db_bytes"] * 1000 / documents
        )
    if not rows:
        return result
    result["query_latency"] = {"sqlite": query_latency(f"sqlite:///{work / 'events.db'}", rows)}
    if postgres:
        result["query_latency"]["postgresql"] = query_latency(postgres, rows)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=2000, help="generated documents to ingest; 0 skips it")
    parser.add_argument("--rows", type=int, default=1_000_000, help="event rows for query latency; 0 skips it")
    parser.add_argument(
        "--postgres", help="URL of an empty PostgreSQL database for the latency test"
    )
    parser.add_argument(
        "--extractor",
        default=FAKE,
        help="module:factory; flashpoint.bench.store_bench:BusyFakePipeline adds CPU work",
    )
    args = parser.parse_args()
    print(
        json.dumps(
            run_store_bench(args.documents, args.rows, args.postgres, args.extractor), indent=2
        )
    )


if __name__ == "__main__":
    main()
