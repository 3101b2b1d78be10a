"""CLI commands for the web interface and the exports: `flashpoint serve`, `flashpoint export`."""

from __future__ import annotations

import os
from enum import Enum
from typing import Annotated

import typer

from flashpoint.cli.store import Db  # one definition of the --db option
from flashpoint.errors import FlashpointError


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"
    graphml = "graphml"
    gexf = "gexf"
    ftm = "ftm"
    datasette = "datasette"


def register(app: typer.Typer) -> None:
    """Add `serve` and `export` to the flashpoint CLI."""
    app.command()(serve)
    app.command(name="export")(export_command)


def serve(db: Db = None,
          host: Annotated[str, typer.Option("--host", help="Interface to bind; 0.0.0.0 exposes the server to the network")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
          token: Annotated[str | None, typer.Option("--token", help="Enable POST /documents with this bearer token [env FLASHPOINT_TOKEN]")] = None,
          cors: Annotated[list[str] | None, typer.Option("--cors", help="Allow GET requests from this origin (repeatable); none by default")] = None) -> None:
    """Serve the web pages and the JSON API (read-only unless a token is set)."""
    import uvicorn

    from flashpoint.web.app import TOKEN_ENV, create_app

    app = create_app(db, token=token or os.environ.get(TOKEN_ENV), cors_origins=tuple(cors or ()))
    uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False)


def export_command(format: Annotated[ExportFormat, typer.Option("--format", help="What to write")],
                   out: Annotated[str, typer.Option("--out", help="File to write; for csv/parquet without --table, a directory")],
                   db: Db = None,
                   table: Annotated[str | None, typer.Option("--table", help="csv/parquet: only this table (events, transfers, claims, actors, weapons, documents)")] = None) -> None:
    """Export the store: CSV, Parquet, GeoJSON, GraphML, GEXF, FollowTheMoney or a Datasette SQLite file."""
    from flashpoint.export import export
    from flashpoint.store import open_store

    store = open_store(db)
    try:
        paths = export(store.engine, format.value, out, table)
    except KeyError as problem:
        raise FlashpointError(str(problem).strip('"')) from None
    finally:
        store.close()
    for path in paths:
        typer.echo(str(path))
