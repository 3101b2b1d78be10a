"""Page-weight and server-time measurement of the web pages on a store of generated events.

    python -m flashpoint.web.bench --events 10000

Loads `--events` generated events (flashpoint.bench.store_bench's generator, with a place
added to each) into a fresh SQLite file, then requests each page in-process and reports
the median server time over five requests and the bytes sent."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

PAGES = ("/", "/events", "/events.json", "/events.json?limit=500", "/map", "/map.json",
         "/timeline?actor=KGZ", "/network", "/export/csv")


def load(db: Path, events: int) -> None:
    from sqlalchemy import text

    from flashpoint.bench.store_bench import load_events
    from flashpoint.store import open_store

    store = open_store(str(db))
    load_events(store.engine, events)
    with store.engine.begin() as connection:  # give every event a place so that the map has them all
        connection.execute(text("UPDATE events SET place_name = 'Somewhere', place_lat = 30 + (rowid % 200) / 10.0, "
                                "place_lon = 20 + (rowid % 400) / 10.0"))
        connection.execute(text("UPDATE merged SET record = json_set(record, '$.place', json_object("
                                "'name', 'Somewhere', 'lat', 30 + (rowid % 200) / 10.0, 'lon', 20 + (rowid % 400) / 10.0))"))
    store.close()


def measure(db: Path, repeat: int = 5) -> list[dict]:
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    client = TestClient(create_app(str(db)))
    found = []
    for path in PAGES:
        times, size = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            size = len(response.content)
        found.append({"page": path, "status": response.status_code, "median_ms": round(1000 * statistics.median(times)),
                      "bytes": size})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        load(db, args.events)
        print(json.dumps(measure(db), indent=2))


if __name__ == "__main__":
    main()
