"""CLI commands over the actor network: network, balance, dilemmas, whatif.

Each reads the records from the store (``--db``) or from `flashpoint extract` output
(``--input FILE.jsonl``, ``-`` for stdin), builds the network with the window options and
calls one library function.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from flashpoint.cli.store import Db  # one definition of the --db option
from flashpoint.errors import FlashpointError, InputError


class Format(str, Enum):
    table = "table"
    json = "json"


class NetworkFormat(str, Enum):
    json = "json"
    graphml = "graphml"
    gexf = "gexf"


Input = Annotated[str | None, typer.Option("--input", help="Read `flashpoint extract` JSON/JSONL output instead of the database ('-' for stdin)")]
At = Annotated[str | None, typer.Option("--at", help="Cut the network at this day [default: the latest record]")]
Window = Annotated[str, typer.Option("--window", help="Window ending at --at: 90d, 8w, 12m, 2y or all")]
HalfLife = Annotated[float, typer.Option("--half-life", help="Recency half-life in days; 0 for no decay")]
Fmt = Annotated[Format, typer.Option("--format", help="Output format")]


def register(app: typer.Typer) -> None:
    """Add the network commands to the flashpoint CLI."""
    app.command()(network)
    app.command()(balance)
    app.command()(dilemmas)
    app.command()(whatif)


def network(db: Db = None, input: Input = None, at: At = None, window: Window = "12m",
            half_life: HalfLife = 365.0,
            format: Annotated[NetworkFormat, typer.Option("--format", help="Output format")] = NetworkFormat.json) -> None:
    """The signed actor network: every tie with its kind, weight, dates and records."""
    from flashpoint.analysis.network_export import write_network

    with _errors():
        sys.stdout.write(write_network(_network(db, input, at, window, half_life), format.value) + "\n")


def balance(db: Db = None, input: Input = None, at: At = None, window: Window = "12m",
            half_life: HalfLife = 365.0,
            by: Annotated[str | None, typer.Option("--by", help="'year': one row per calendar year")] = None,
            format: Fmt = Format.table) -> None:
    """Structural balance: triangle census, frustration index, weak balance, walk balance."""
    from flashpoint.analysis.network_balance import balance_by_year, measure_balance

    with _errors():
        if by not in (None, "year"):
            raise FlashpointError(f"--by {by!r} is not supported; use --by year")
        settings = _settings(at, window, half_life)
        if by:
            rows = balance_by_year(_observations(db, input, settings), settings)
        else:
            rows = [measure_balance(_network(db, input, at, window, half_life))]
        _print(rows, format, _balance_row)


def dilemmas(db: Db = None, input: Input = None, at: At = None, window: Window = "12m",
             half_life: HalfLife = 365.0,
             actor: Annotated[str | None, typer.Option("--actor", help="Only this actor's dilemmas, e.g. TUR")] = None,
             conflict: Annotated[str | None, typer.Option("--conflict", help="Outside actors tied to both sides of a hostile dyad, e.g. KGZ-TJK")] = None,
             limit: Annotated[int, typer.Option("--limit", help="At most this many")] = 20,
             format: Fmt = Format.table) -> None:
    """Actors tied positively to two partners that are hostile to each other, best first."""
    from flashpoint.analysis.dilemmas import find_dilemmas

    with _errors():
        pair = _pair(conflict) if conflict else None
        found = find_dilemmas(_network(db, input, at, window, half_life), actor=actor and actor.upper(),
                              conflict=pair, limit=limit)
        _print([d.as_dict() for d in found], format, _dilemma_row)


def whatif(db: Db = None, input: Input = None, at: At = None, window: Window = "12m",
           half_life: HalfLife = 365.0,
           add: Annotated[list[str], typer.Option("--add", help="A tie to add: '<CODE> <verb> <CODE>', e.g. 'TUR supplies TJK'")] = None,
           remove: Annotated[list[str], typer.Option("--remove", help="Ties to remove: 'TUR-KGZ supply', 'TUR-KGZ'")] = None,
           format: Fmt = Format.table) -> None:
    """What if these ties were added or removed: triads, frustration and dilemmas that change."""
    from flashpoint.analysis.whatif import parse_change, what_if

    with _errors():
        changes = [parse_change(a) for a in add or ()] + [parse_change(r, remove=True) for r in remove or ()]
        if not changes:
            raise FlashpointError("give at least one --add or --remove")
        report = what_if(_network(db, input, at, window, half_life), changes).as_dict()
        if format is Format.json:
            sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        else:
            _print_whatif(report)


def _settings(at, window, half_life):
    from flashpoint.analysis.network import NetworkSettings

    return NetworkSettings(at=at, window=window, half_life_days=half_life or None)


def _observations(db, input, settings):
    from flashpoint.analysis.network_store import observations_from_store
    from flashpoint.analysis.ties import observations_from_document

    if input:
        return [o for r in read_records(input) for o in observations_from_document(r, settings.weights)]
    from flashpoint.store import open_store

    return list(observations_from_store(open_store(db).engine, settings.weights))


def _network(db, input, at, window, half_life):
    from flashpoint.analysis.network import build_network

    settings = _settings(at, window, half_life)
    return build_network(_observations(db, input, settings), settings)


def read_records(path: str) -> list[dict]:
    """flashpoint/1 documents from a JSON Lines file, a JSON object or a JSON array."""
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}; give a `flashpoint extract` output file") from error
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        raise InputError(f"{path} line {error.lineno}: not JSON; give `flashpoint extract --format jsonl` output") from error


def _pair(text: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in text.replace(",", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise FlashpointError(f"--conflict {text!r}: write two codes, e.g. KGZ-TJK")
    return parts[0], parts[1]


def _balance_row(row: dict) -> dict:
    frustration, weak = row.get("frustration") or {}, row.get("weak_balance") or {}
    census = row.get("triangles") or {}
    return {"period": row.get("period", f"{row['since'] or '…'}..{row['at']}"), "nodes": row["nodes"],
            "edges": f"{row['edges']} ({row['positive']}+ {row['negative']}-)",
            "triangles +++/++-/+--/---": "/".join(str(census.get(k, 0)) for k in ("+++", "++-", "+--", "---")),
            "T": row.get("triangle_balance"), "L": frustration.get("value"),
            "F": frustration.get("normalised"), "W": weak.get("value"), "K": row.get("walk_balance")}


def _dilemma_row(row: dict) -> dict:
    return {"score": row["score"], "actor": row["actor"], "partners": " / ".join(row["partners"]),
            "explanation": row["explanation"]}


def _print(rows: list[dict], format: Format, shape) -> None:
    if format is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    _table([shape(r) for r in rows])


def _print_whatif(report: dict) -> None:
    console = _console()
    console.print(f"changes: {', '.join(report['changes'])}", markup=False)
    f = report["frustration"]
    console.print(f"frustration index L: {f['before']} -> {f['after']}", markup=False)
    _table([{"triad": "-".join(t["nodes"]), "before": t["before"], "after": t["after"]} for t in report["triads"]])
    for label in ("appeared", "disappeared"):
        rows = report[f"dilemmas_{label}"]
        console.print(f"dilemmas {label}: {len(rows)}", markup=False)
        for row in rows:
            console.print(f"  {row['actor']} {'/'.join(row['partners'])}: {row['explanation']}", markup=False)


def _table(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in rows[0] if rows else ["(none)"]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    _console().print(table)


def _console():
    from rich.console import Console

    return Console()


class _errors:
    """Known errors as one line and exit status 1, never a traceback."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback):
        if isinstance(error, FlashpointError):
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1)
        return False
