"""Load: many concurrent readers of the JSON API while an ingest writes into the same store.

    python -m flashpoint.bench.load_bench --clients 32 --requests 4000

Builds a SQLite store from the golden articles (tests/cases/*.txt, real pipeline), serves it
with uvicorn in a subprocess on 127.0.0.1 and a free port, starts `flashpoint ingest` on a
generated JSON Lines corpus of `--articles` short articles in another subprocess, and once
the ingest has stored its first batch sends `--requests` GET requests from `--clients`
concurrent httpx clients, spread over `/events.json`, `/transfers.json`, `/actors.json`,
`/claims.json`, `/search.json`, `/network.json` and a document page. Prints the request
count, errors (non-2xx and exceptions), p50/p99 latency per endpoint, and the ingest's
outcome. Every loop is bounded: `--time-limit` seconds for the whole run. Only loopback
traffic.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"  # loopback only, never anything else
FACTORY = "flashpoint.web.app:create_app"  # what uvicorn serves (`--factory`)
CASES = Path(__file__).resolve().parents[3] / "tests" / "cases"
SEARCHES = ("drones", "Kyrgyzstan", "HIMARS", "agreement", "Batken", "killed")
SENTENCES = (
    "Turkey delivered 2 Bayraktar TB2 drones to Kyrgyzstan in March 2023, the defence ministry said.",
    "Kyrgyz and Tajik forces clashed near Batken on 5 March 2023, officials said.",
    "Russia and Tajikistan signed a security agreement in Dushanbe.",
    "Tajikistan said 63 people were killed in the fighting.",
)


@dataclass
class Sample:
    endpoint: str
    seconds: float
    status: int | None  # None: an exception, named in `error`
    error: str | None = None
    during_ingest: bool = False


@dataclass
class LoadReport:
    clients: int
    requested: int
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0
    ingest: dict = field(default_factory=dict)

    @property
    def errors(self) -> list[Sample]:
        """Non-2xx answers and exceptions."""
        return [s for s in self.samples if s.status is None or not 200 <= s.status < 300]

    @property
    def server_errors(self) -> list[Sample]:
        return [s for s in self.samples if s.status is not None and s.status >= 500]

    @property
    def exceptions(self) -> list[Sample]:
        return [s for s in self.samples if s.status is None]

    def rows(self) -> list[dict]:
        """One row per endpoint and one for all of them: count, errors, p50 and p99 in ms."""
        groups: dict[str, list[Sample]] = {}
        for sample in self.samples:
            groups.setdefault(sample.endpoint, []).append(sample)
        found = [_row(name, group) for name, group in sorted(groups.items())]
        during = [s for s in self.samples if s.during_ingest]
        after = [s for s in self.samples if not s.during_ingest]
        return [*found, _row("all, while the ingest ran", during), _row("all, after it", after),
                _row("all", self.samples)]

    def as_dict(self) -> dict:
        done = len(self.samples)
        return {"clients": self.clients, "requested": self.requested, "done": done,
                "during_ingest": sum(s.during_ingest for s in self.samples),
                "errors": len(self.errors), "server_errors": len(self.server_errors),
                "exceptions": len(self.exceptions), "seconds": round(self.seconds, 2),
                "requests_per_second": round(done / self.seconds, 1) if self.seconds else 0.0,
                "endpoints": self.rows(), "ingest": self.ingest,
                "first_errors": [f"{s.endpoint}: {s.status} {s.error or ''}".strip() for s in self.errors[:5]]}


def _percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation), 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def _row(name: str, samples: list[Sample]) -> dict:
    times = [s.seconds for s in samples]
    errors = sum(s.status is None or not 200 <= s.status < 300 for s in samples)
    return {"endpoint": name, "requests": len(samples), "errors": errors,
            "p50_ms": round(1000 * _percentile(times, 0.50), 1), "p99_ms": round(1000 * _percentile(times, 0.99), 1),
            "max_ms": round(1000 * max(times, default=0.0), 1)}


def write_corpus(path: Path, count: int, tag: str = "Load") -> None:
    """`count` short, distinct articles as JSON Lines."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            text = f"{tag} report {i}. " + " ".join(SENTENCES[: 1 + i % len(SENTENCES)])
            out.write(json.dumps({"text": text, "title": f"{tag} {i}", "outlet": f"{tag} Wire {i % 5}",
                                  "published": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"}) + "\n")


def build_store(db: Path, cases: Path = CASES) -> int:
    """Ingest the golden articles (or, without a checkout, 20 generated ones) with the real
    pipeline into `db`; the number of documents stored."""
    from flashpoint.ingest.run import ingest

    paths = sorted(cases.glob("*.txt")) if cases.is_dir() else []
    if not paths:
        seed = db.parent / "seed.jsonl"
        write_corpus(seed, 20, tag="Seed")
        paths = [seed]
    report = ingest([str(p) for p in paths], db=str(db))
    if report.failed:
        raise RuntimeError(f"building the store failed: {report.failures[:3]}")
    return report.written


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _stored(db: Path) -> int:
    """Documents in the store, read through a read-only connection."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return -1


@contextmanager
def serve(db: Path, log: Path, start_timeout: float = 60.0) -> Iterator[str]:
    """uvicorn serving `create_app` over `db` on 127.0.0.1 and a free port (no token); its URL."""
    port = free_port()
    env = {**os.environ, "FLASHPOINT_DB": str(db)}
    env.pop("FLASHPOINT_TOKEN", None)
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", FACTORY,
                                    "--host", HOST, "--port", str(port), "--log-level", "warning"],
                                   env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                socket.create_connection((HOST, port), 0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn did not start: {log.read_text(errors='replace')[-2000:]}") from None
                time.sleep(0.1)
        yield f"http://{HOST}:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def endpoints(base: str) -> list[tuple[str, str]]:
    """(name, path) of the requests the clients cycle through; a document page included."""
    import httpx

    found = [("/events.json", "/events.json"), ("/transfers.json", "/transfers.json"),
             ("/actors.json", "/actors.json"), ("/claims.json", "/claims.json"),
             ("/network.json", "/network.json")]
    found += [("/search.json", f"/search.json?q={q}") for q in SEARCHES[:2]]
    rows = httpx.get(f"{base}/documents.json?limit=5", timeout=30).raise_for_status().json()["rows"]
    found += [("/documents/{id}", f"/documents/{row['id']}") for row in rows[:2]]
    return found


def hammer(base: str, paths: list[tuple[str, str]], clients: int, requests: int, deadline: float,
           ingesting: threading.Event | None = None) -> list[Sample]:
    """`requests` GETs from `clients` concurrent httpx clients (one connection each), or as
    many as fit before `deadline` (time.monotonic())."""
    import httpx

    shares = [requests // clients + (i < requests % clients) for i in range(clients)]

    def client(index: int) -> list[Sample]:
        samples = []
        with httpx.Client(base_url=base, timeout=30) as http:
            for n in range(shares[index]):
                if time.monotonic() > deadline:
                    break
                name, path = paths[(index + n) % len(paths)]
                during = ingesting is not None and ingesting.is_set()
                started = time.perf_counter()
                try:
                    response = http.get(path)
                    response.read()
                    samples.append(Sample(name, time.perf_counter() - started, response.status_code,
                                          None if response.is_success else response.text[:200], during))
                except Exception as error:  # counted, never raised: the run goes on
                    samples.append(Sample(name, time.perf_counter() - started, None,
                                          f"{type(error).__name__}: {error}", during))
        return samples

    with ThreadPoolExecutor(clients) as pool:
        return [s for found in pool.map(client, range(clients)) for s in found]


def _ingest_outcome(process: subprocess.Popen, out: Path, db: Path, before: int, articles: int) -> dict:
    text = out.read_text(errors="replace")
    summary = re.search(r"(\d+) stored, (\d+) already stored, (\d+) failed", text)
    stored, skipped, failed = (int(x) for x in summary.groups()) if summary else (None, None, None)
    return {"articles": articles, "exit_status": process.returncode, "stored": stored, "already_stored": skipped,
            "failed": failed, "documents_added": _stored(db) - before,
            "output": text.strip().splitlines()[-1][-300:] if text.strip() else ""}


def run(workdir: Path, clients: int = 32, requests: int = 4000, articles: int = 300,
        time_limit: float = 300.0, cases: Path = CASES) -> LoadReport:
    """The whole measurement in `workdir`; stops by itself after `time_limit` seconds."""
    started = time.monotonic()
    deadline = started + time_limit
    db = workdir / "load.db"
    seeded = build_store(db, cases)
    corpus = workdir / "corpus.jsonl"
    write_corpus(corpus, articles)
    report = LoadReport(clients, requests)
    with serve(db, workdir / "uvicorn.log") as base:
        paths = endpoints(base)
        out = workdir / "ingest.log"
        with open(out, "wb") as log:
            ingest = subprocess.Popen([sys.executable, "-m", "flashpoint", "ingest", str(corpus), "--db", str(db)],
                                      stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        ingesting = threading.Event()
        ingesting.set()
        watcher = threading.Thread(target=lambda: (ingest.wait(), ingesting.clear()), daemon=True)
        watcher.start()
        try:
            # Readers start once the ingest has committed its first batch, so that they overlap it.
            while _stored(db) <= seeded and ingest.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            begun = time.perf_counter()
            report.samples = hammer(base, paths, clients, requests, deadline, ingesting)
            report.seconds = time.perf_counter() - begun
            ingest.wait(max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
        finally:
            if ingest.poll() is None:
                ingest.kill()
                ingest.wait(10)
        report.ingest = {**_ingest_outcome(ingest, out, db, seeded, articles), "seeded": seeded}
    report.ingest["total_seconds"] = round(time.monotonic() - started, 1)
    return report


def table(report: LoadReport) -> str:
    summary = report.as_dict()
    lines = ["| endpoint | requests | errors | p50 ms | p99 ms | max ms |", "|---|---|---|---|---|---|"]
    for row in summary["endpoints"]:
        lines.append(f"| {row['endpoint']} | {row['requests']} | {row['errors']} | {row['p50_ms']} | "
                     f"{row['p99_ms']} | {row['max_ms']} |")
    ingest = summary["ingest"]
    lines += ["", f"clients {summary['clients']}, requests {summary['done']}/{summary['requested']} "
                  f"({summary['during_ingest']} while the ingest ran) in {summary['seconds']} s, "
                  f"{summary['requests_per_second']} req/s; errors {summary['errors']} "
                  f"(5xx {summary['server_errors']}, exceptions {summary['exceptions']})",
              f"ingest: {ingest['articles']} articles, exit {ingest['exit_status']}, stored {ingest['stored']}, "
              f"failed {ingest['failed']}, documents added {ingest['documents_added']} ({ingest['output']})"]
    lines += [f"error: {e}" for e in summary["first_errors"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients [32]")
    parser.add_argument("--requests", type=int, default=4000, help="requests in all [4000]")
    parser.add_argument("--articles", type=int, default=300, help="articles the concurrent ingest writes [300]")
    parser.add_argument("--time-limit", type=float, default=300.0, help="stop after this many seconds [300]")
    parser.add_argument("--cases", type=Path, default=CASES, help="articles the store is built from")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.requests < 1 or args.articles < 1:
        parser.error("--clients, --requests and --articles must be positive")
    with tempfile.TemporaryDirectory(prefix="flashpoint-load-") as tmp:
        report = run(Path(tmp), args.clients, args.requests, args.articles, args.time_limit, args.cases)
    print(json.dumps(report.as_dict(), indent=2) if args.json else table(report))
    return 1 if report.errors or report.ingest.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
