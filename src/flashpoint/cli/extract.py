"""`flashpoint extract`: read articles and print their `flashpoint/1` records."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from flashpoint.errors import FlashpointError


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


KbDirs = Annotated[list[Path] | None, typer.Option("--kb", help="A knowledge-base directory whose YAML files add to or override the built-in ones (repeatable; also FLASHPOINT_KB).")]


def register(app: typer.Typer) -> None:
    app.command()(extract)


def extract(
    paths: Annotated[list[str] | None, typer.Argument(help="Text, HTML or JSON Lines files or directories; '-' reads JSON Lines from stdin.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json: one object per document; jsonl: one line per document; table: for people.")] = Format.json,
    published: Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD), overriding what the input says.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name, overriding what the input says.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="An installed spaCy pipeline (e.g. en_core_web_sm) to catch names the knowledge base does not know.")] = None,
    kb: KbDirs = None,
    example: Annotated[bool, typer.Option("--example", help="Run on the built-in example article.")] = False,
) -> None:
    """Extract actors, weapons, places, times, events, transfers and claims from news articles."""
    from flashpoint.extraction import example_paths, extract_paths
    from flashpoint.output.table import print_tables

    paths = list(paths or []) + (example_paths() if example else [])
    if not paths:
        raise FlashpointError("give a file, a directory, '-' for JSON Lines on stdin, or --example")
    failures = 0
    first = True
    for result in extract_paths(paths, published=published, outlet=outlet, model=model,
                                kb_dirs=tuple(str(p) for p in kb or ())):
        if result.failure:
            failures += 1
            typer.secho(f"skipped {result.failure.source}: {result.failure.error}", err=True, fg="yellow")
            continue
        if fmt is Format.jsonl:
            sys.stdout.write(json.dumps(result.record, ensure_ascii=False) + "\n")
        elif fmt is Format.json:
            sys.stdout.write(("" if first else "\n") + json.dumps(result.record, ensure_ascii=False, indent=2) + "\n")
        else:
            print_tables(result.record)
        first = False
    if failures:
        typer.secho(f"{failures} document(s) failed; the rest were extracted", err=True, fg="yellow")
        raise typer.Exit(1)
