"""`flashpoint kb ...`: ask the knowledge base, check it, import PETRARCH dictionaries and GeoNames."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flashpoint.errors import FlashpointError

kb_app = typer.Typer(help="Look names up in the knowledge base, check it, import PETRARCH dictionaries.",
                     no_args_is_help=True)
KbDirs = Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base directories (repeatable).")]


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")


def _load(kb):
    from flashpoint.kb import load_kb

    return load_kb(tuple(str(p) for p in kb or ()))


@kb_app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="A name, alias, adjective or role noun, e.g. 'Hulusi Akar'.")],
    on: Annotated[str | None, typer.Option("--on", help="Resolve as of this date (YYYY-MM-DD): offices and memberships are dated.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    kb: KbDirs = None,
) -> None:
    """Tell what a name resolves to, and why: which entry, which alias, which tenure."""
    found = _load(kb).lookup(name, on)
    if not found:
        raise FlashpointError(f"'{name}' is not in the knowledge base; add it to a YAML file under --kb")
    if as_json:
        typer.echo(json.dumps([r.__dict__ for r in found], indent=2, ensure_ascii=False))
        return
    table = Table("matched", "kind", "entry", "code", "country", "canonical", "why", "file")
    for r in found:
        table.add_row(r.name, r.kind, r.id, r.code or "", r.country or "", r.via, r.why, Path(r.file).name)
    Console().print(table)


@kb_app.command()
def check(kb: KbDirs = None) -> None:
    """Validate every knowledge-base file and cross-reference; each problem names file and entry."""
    knowledge = _load(kb)
    counts = {"countries": len(knowledge.countries), "entries": len(knowledge.entries),
              "weapons": len(knowledge.weapons), "roles": len(knowledge.roles), "triggers": len(knowledge.triggers)}
    typer.echo("loaded " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for problem in knowledge.problems:
        typer.secho(problem, fg="red")
    if knowledge.problems:
        typer.secho(f"{len(knowledge.problems)} problem(s)", fg="red", err=True)
        raise typer.Exit(1)
    typer.secho("no problems found", fg="green")


@kb_app.command("import-phoenix")
def import_phoenix(
    directory: Annotated[Path, typer.Argument(help="A folder of Phoenix/TABARI dictionaries (*.actors.txt, *agents.txt).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write flashpoint YAML files into (use it with --kb).")] = Path("phoenix-kb"),
) -> None:
    """Turn PETRARCH/TABARI actor and agent dictionaries into flashpoint knowledge-base files."""
    from flashpoint.kb.phoenix import import_directory

    written = import_directory(directory, out)
    for path, count in written.items():
        typer.echo(f"{path}: {count} entries")


@kb_app.command("import-geonames")
def import_geonames(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dump files: allCountries.zip, a country's XX.zip or XX.txt, cities500.zip.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The place index to write (SQLite); point FLASHPOINT_GAZETTEER at it.")] = Path("geonames-gazetteer.sqlite"),
    min_population: Annotated[int, typer.Option("--min-population", help="Keep a populated place only with at least this many people (seats of government always).")] = 1,
) -> None:
    """Build a place index from GeoNames' own files: counties, seas, regions, islands, airports
    and bases besides the built-in towns, and countries and divisions at GeoNames' points."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from flashpoint.places import geonames
    from flashpoint.places.gazetteer import GAZETTEER_ENV, build

    report = geonames.Report()
    columns = ("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("reading GeoNames", total=geonames.total_bytes(files))
        build(out, files, report, progress=lambda n: progress.advance(task, n), min_population=min_population)
    kept = ", ".join(f"{n:,} {kind}" for kind, n in sorted(report.kept.items()))
    typer.echo(f"{out}: read {report.lines:,} lines of {len(report.files)} file(s); kept {kept or 'nothing'}")
    if report.bad:
        typer.secho(f"skipped {report.bad:,} line(s) that are not GeoNames rows, e.g.:", fg="yellow", err=True)
        for example in report.examples:
            typer.secho(f"  {example}", fg="yellow", err=True)
    typer.echo(f"to use it: export {GAZETTEER_ENV}={out.resolve()}")


@kb_app.command("crosscheck")
def crosscheck(
    data: Annotated[Path, typer.Option("--data", help="Reference files: countries/mledoze_countries.json, countries/cow_capitals.csv, igo/cow_igo_v3_*.csv.")] = Path("../shared/data/kb"),
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold files (plover_gsr.dev.jsonl, petrarch2_gsr.jsonl, re3d.dev.jsonl) to measure coverage on.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every disagreement as JSON.")] = False,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Also write the markdown summary to this file (docs/kb-crosscheck.md).")] = None,
    kb: KbDirs = None,
) -> None:
    """Compare countries and organisations with mledoze and COW data; measure gold-actor coverage."""
    from flashpoint.kb import crosscheck as cc

    if not data.is_dir():
        raise FlashpointError(f"{data}: reference folder not found; pass --data DIR")
    knowledge = _load(kb)
    report = cc.crosscheck(knowledge, data)
    cover = cc.coverage(knowledge, gold) if gold else {}
    if markdown:
        command = f"flashpoint kb crosscheck --data {data}" + (f" --gold {gold}" if gold else "")
        markdown.write_text(cc.markdown(report, cover, command), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps({**report, "coverage": cover}, indent=2, ensure_ascii=False))
        return
    table = Table("topic", "subject", "ours", "theirs", "right", "why", "cases")
    for group in cc.grouped(report["disagreements"]):
        table.add_row(group["topic"], group["subject"], group["ours"], group["theirs"], group["right"], group["why"], str(len(group["cases"])))
    Console().print(table)
    for name, result in cover.items():
        typer.echo(f"{name}: " + json.dumps({k: v for k, v in result.items() if k != "misses"}, ensure_ascii=False))
