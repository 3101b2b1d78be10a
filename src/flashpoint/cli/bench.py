"""`flashpoint bench`: score and time the pipeline on the shared gold data."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from flashpoint.errors import FlashpointError


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


def bench(
    task: list[str] = typer.Option(
        None,
        "--task",
        "-t",
        help="Task to run (repeat for several): entities, times, places, events, stories, "
        "arguments, speed. Default: all.",
    ),
    quick: bool = typer.Option(
        False, "--quick", help="A small fixed slice of every task (CI smoke test)."
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="What to print."),
    data: Path = typer.Option(
        None,
        "--data",
        help="Gold data directory. Default: $FLASHPOINT_GOLD, else ../shared/data/gold "
        "beside the project root.",
    ),
    output: Path = typer.Option(
        None,
        "--output",
        "-o",
        help="Where to write the JSON results [default: bench-results/bench-DATE.json].",
    ),
) -> None:
    """Score flashpoint against annotated gold data and time it; print a table and save JSON.
    Speed is flashpoint's and spaCy's bare tokenizer's tokens per second of CPU time, in turns on
    one core (wall times are in the notes)."""
    from rich.console import Console

    from flashpoint.bench import runner

    err = Console(stderr=True)
    try:
        with err.status("benchmarking") as status:
            results = runner.run_bench(
                task, quick=quick, data_dir=data, progress=lambda n: status.update(f"bench: {n}")
            )
    except FlashpointError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    path = runner.write_results(results, output or runner.default_output())
    if fmt is Format.json:
        typer.echo(json.dumps(results, indent=2, ensure_ascii=False))
    elif fmt is Format.markdown:
        typer.echo(runner.markdown_table(results))
    else:
        runner.render_table(results)
    err.print(f"results written to {path}")


def register(app: typer.Typer) -> None:
    """Add the `bench` command to the flashpoint CLI."""
    app.command("bench")(bench)
