"""Exports of the store: `EXPORTERS` is the one registry of formats, each a function
`write(engine, path, table)` with the media type and file suffix of what it writes.

CSV and Parquet write one flat table (`table`); the others write the whole store."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from flashpoint.export.datasette import write_datasette
from flashpoint.export.files import write_csv, write_parquet
from flashpoint.export.ftm import write_ftm
from flashpoint.export.geo import write_geojson
from flashpoint.export.graph import write_graph
from flashpoint.export.tables import TABLES


@dataclass(frozen=True)
class Exporter:
    write: Callable
    media_type: str
    suffix: str
    per_table: bool = False


EXPORTERS = {
    "csv": Exporter(write_csv, "text/csv; charset=utf-8", ".csv", per_table=True),
    "parquet": Exporter(write_parquet, "application/vnd.apache.parquet", ".parquet", per_table=True),
    "geojson": Exporter(write_geojson, "application/geo+json", ".geojson"),
    "graphml": Exporter(partial(write_graph, format="graphml"), "application/graphml+xml", ".graphml"),
    "gexf": Exporter(partial(write_graph, format="gexf"), "application/gexf+xml", ".gexf"),
    "ftm": Exporter(write_ftm, "application/x-ndjson", ".ftm.jsonl"),
    "datasette": Exporter(write_datasette, "application/vnd.sqlite3", ".db"),
}


def export(engine, format: str, out: str | Path, table: str | None = None) -> list[Path]:
    """Write the store at `engine` as `format` to `out`; the paths written.

    For CSV and Parquet without `table`, `out` is a directory with one file per table."""
    exporter = EXPORTERS[format]
    out = Path(out)
    if exporter.per_table and table is None:
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / f"{name}{exporter.suffix}" for name in TABLES]
        for name, path in zip(TABLES, paths, strict=True):
            exporter.write(engine, path, name)
        return paths
    exporter.write(engine, out, table or "events")
    return [out]


def export_bytes(engine, format: str, table: str = "events", networks=None) -> tuple[bytes, str, str]:
    """One export in memory for a download: (content, media type, file name)."""
    exporter = EXPORTERS[format]
    if exporter.per_table and table not in TABLES:
        raise KeyError(f"no table {table!r}; choose one of {', '.join(TABLES)}")
    name = f"flashpoint-{table if exporter.per_table else 'export'}{exporter.suffix}"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        if networks is not None and format in ("graphml", "gexf"):
            write_graph(engine, path, format=format, networks=networks)
        else:
            exporter.write(engine, path, table)
        return path.read_bytes(), exporter.media_type, name


__all__ = ["EXPORTERS", "Exporter", "export", "export_bytes"]
