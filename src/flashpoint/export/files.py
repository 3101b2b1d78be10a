"""CSV and Parquet: one flat table per file."""

from __future__ import annotations

import csv
from pathlib import Path

from flashpoint.export.tables import rows


def write_csv(engine, path: Path, table: str) -> None:
    found = rows(engine, table)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(found[0]) if found else ["key"])
        writer.writeheader()
        writer.writerows(found)


def write_parquet(engine, path: Path, table: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    found = rows(engine, table)
    pq.write_table(pa.Table.from_pylist(found) if found else pa.table({"key": pa.array([], pa.string())}), path)
