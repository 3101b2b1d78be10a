"""The CI smoke run: `flashpoint bench --quick` on the real gold data, every task, real pipeline.

It asserts that every task ran and produced scores in range; the scores themselves are
benchmark figures (docs/benchmarks.md), never test assertions.
"""

import json

import pytest
from typer.testing import CliRunner

from flashpoint.cli import build_app

TASKS = ("entities", "times", "places", "events", "stories", "arguments", "speed")


def _numbers(value):
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def test_quick_bench_runs_every_task(shared_dir, tmp_path):
    gold = shared_dir / "data" / "gold"
    if not gold.is_dir():
        pytest.skip(f"the gold data is not at {gold}")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(build_app(), ["bench", "--quick", "--data", str(gold), "--format", "json",
                                              "--output", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text())
    assert set(TASKS) <= set(written["tasks"])
    for task in TASKS:
        errors = written["tasks"][task].get("errors") or {}
        assert errors.get("count", 0) == 0, (task, errors.get("first"))
    scores = [n for task in ("entities", "times", "events", "stories") for n in _numbers(written["tasks"][task])]
    assert scores and all(n >= 0 for n in scores)
