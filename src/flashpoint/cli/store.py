"""CLI commands over the store: ingest, and the queries. Each reads options, calls one
library function and prints a table, CSV, JSON or JSON Lines."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Annotated

import typer

from flashpoint.errors import FlashpointError


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


Db = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path [env FLASHPOINT_DB, else ./flashpoint.db]")]
Actor = Annotated[str | None, typer.Option("--actor", help="Actor code, code prefix or country, e.g. KGZ")]
Type = Annotated[str | None, typer.Option("--type", help="Event type, transfer status, claim predicate or actor kind")]
Since = Annotated[str | None, typer.Option("--since", help="From this year, month or day, e.g. 2022-09")]
Until = Annotated[str | None, typer.Option("--until", help="Up to and including this year, month or day")]
Limit = Annotated[int, typer.Option("--limit", help="At most this many results")]
Fmt = Annotated[Format, typer.Option("--format", help="Output format")]


def register(app: typer.Typer) -> None:
    """Add the store commands to the flashpoint CLI."""
    app.command()(ingest)
    for kind in ("events", "transfers", "claims", "actors"):
        app.command(name=kind, help=f"List {kind} in the store, merged across documents, with filters.")(
            _query_command(kind))
    app.command()(search)
    app.command()(documents)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories: text, HTML, RSS/Atom, WARC, JSONL, .gz")],
    db: Db = None,
    workers: Annotated[int, typer.Option("--workers", help="Local processes extracting in parallel")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address, or local:N for a LocalCluster")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per batch and per transaction")] = 16,
    extractor: Annotated[str, typer.Option("--extractor", hidden=True, help="module:factory of the pipeline")] = "flashpoint.pipeline:load_pipeline",
) -> None:
    """Read documents, extract their records and store them; a rerun finishes an interrupted run."""
    from flashpoint.ingest import ingest as run_ingest

    with _errors(), _progress() as on_progress:
        report = run_ingest(paths, db=db, workers=workers, dask=dask, batch_size=batch_size,
                            extractor=extractor, on_progress=on_progress)
    _console(stderr=True).print(
        f"{report.written} stored, {report.skipped} already stored, {report.failed} failed "
        f"({report.read} read in {report.seconds:.1f}s, {report.per_second:.1f} docs/s)")
    for failure in report.failures[:20]:
        _console(stderr=True).print(f"  failed [{failure.stage}] {failure.source}: {failure.error}", markup=False)


def _query_command(kind: str):
    def command(actor: Actor = None, type: Type = None, since: Since = None, until: Until = None,
                limit: Limit = 100, format: Fmt = Format.table, db: Db = None) -> None:
        from flashpoint.store import open_store, queries

        with _errors():
            store = open_store(db)
            rows = getattr(queries, kind)(store.engine, actor=actor, type=type, since=since, until=until, limit=limit)
            _print(kind, rows, format)

    return command


def search(query: Annotated[str, typer.Argument(help="Words to find in document text")],
           limit: Limit = 20, format: Fmt = Format.table, db: Db = None) -> None:
    """Full-text search over stored documents."""
    from flashpoint.store import open_store, queries

    with _errors():
        _print("search", queries.search(open_store(db).engine, query, limit=limit), format)


def documents(since: Since = None, until: Until = None, limit: Limit = 100, format: Fmt = Format.table,
              db: Db = None) -> None:
    """List stored documents (current versions), newest first."""
    from flashpoint.store import open_store, queries

    with _errors():
        rows = queries.documents(open_store(db).engine, since=since, until=until, limit=limit)
        _print("documents", rows, format)


def _print(kind: str, rows: list[dict], format: Format) -> None:
    from flashpoint.store.rows import flat

    if format is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")
    elif format is Format.jsonl:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    elif format is Format.csv:
        flat_rows = [flat(kind, r) for r in rows]
        if flat_rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flat_rows[0]))
            writer.writeheader()
            writer.writerows(flat_rows)
    else:
        _table(kind, [flat(kind, r) for r in rows])


def _table(kind: str, rows: list[dict]) -> None:
    from rich.table import Table

    table = Table(title=f"{len(rows)} {kind}", show_lines=False)
    for column in rows[0] if rows else ["(none)"]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    _console().print(table)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr)


class _errors:
    """Known errors as one line and exit status 1, never a traceback."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback):
        if isinstance(error, FlashpointError):
            _console(stderr=True).print(f"error: {error}", markup=False)
            raise typer.Exit(1)
        return False


class _progress:
    """A rich progress line on stderr: documents read, stored, failed, documents per second."""

    def __enter__(self):
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=_console(stderr=True), transient=False)
        self.task = self.progress.add_task("ingesting", total=None)
        self.progress.start()
        return self.update

    def update(self, report) -> None:
        self.progress.update(self.task, description=(
            f"{report.read} read · {report.written} stored · {report.skipped} skipped · "
            f"{report.failed} failed · {report.per_second:.1f} docs/s"))

    def __exit__(self, *exc):
        self.progress.stop()
        return False


def main() -> None:
    """Run these commands alone: `python -m flashpoint.cli.store ingest ...`."""
    app = typer.Typer(no_args_is_help=True, add_completion=False)
    register(app)
    app()


if __name__ == "__main__":
    main()
