"""The docs are tested too: every CLI command appears in them, and the README's set-up runs."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from flashpoint.cli import build_app

ROOT = Path(__file__).resolve().parents[1]


def _commands(command, prefix=""):
    for name, sub in sorted(command.commands.items()):
        if hasattr(sub, "commands"):
            yield from _commands(sub, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}"


def test_every_command_is_documented():
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    commands = list(_commands(typer.main.get_command(build_app())))
    assert len(commands) >= 19
    missing = [c for c in commands if f"flashpoint {c}" not in docs]
    assert not missing, f"commands missing from README.md and docs/: {missing}"


def test_readme_has_exactly_the_two_setup_commands_and_the_first_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("## Use", 1)[0]
    commands = [line.strip() for line in setup.splitlines() if line.startswith("    ")]
    assert commands == ["python -m pip install -e . && flashpoint extract --example --format table",
                        "python -m pip install -e '.[test]' && python -m pytest"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, ".ci/run runs the README's test command"
    result = CliRunner().invoke(build_app(), commands[0].split("flashpoint ", 1)[1].split())
    assert result.exit_code == 0, result.output
    assert "Transfers" in result.stdout
