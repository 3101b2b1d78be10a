"""`flashpoint bench` as a command, on the tiny gold directory."""

import json

import typer
from typer.testing import CliRunner

from flashpoint.bench import systems
from flashpoint.cli.bench import register


def app():
    app = typer.Typer()
    register(app)

    @app.command("noop")  # a second command keeps typer from collapsing the group
    def noop():
        pass

    return app


def test_bench_writes_json_and_prints(tiny_gold, tmp_path, monkeypatch, fake_pipeline_class):
    monkeypatch.setattr(systems, "_load_pipeline", fake_pipeline_class)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        app(), ["bench", "--task", "stories", "--task", "events", "--quick",
                "--data", str(tiny_gold), "--format", "json", "--output", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text())
    assert list(written["tasks"]) == ["events", "stories"]
    assert '"schema": "flashpoint-bench/1"' in result.stdout


def test_bench_table_format(tiny_gold, tmp_path, monkeypatch, fake_pipeline_class):
    monkeypatch.setattr(systems, "_load_pipeline", fake_pipeline_class)
    result = CliRunner().invoke(
        app(),
        [
            "bench",
            "--task",
            "stories",
            "--data",
            str(tiny_gold),
            "--output",
            str(tmp_path / "r.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "document PLOVER type accuracy" in result.stdout


def test_bench_names_the_missing_data_dir(tmp_path):
    missing = tmp_path / "no-gold"
    result = CliRunner().invoke(app(), ["bench", "--data", str(missing)])
    assert result.exit_code == 2
    assert "no-gold" in result.output


def test_bench_rejects_unknown_task(tiny_gold):
    result = CliRunner().invoke(app(), ["bench", "--task", "nope", "--data", str(tiny_gold)])
    assert result.exit_code == 2
    assert "choose from" in result.output
