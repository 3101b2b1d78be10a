"""Reliability fixtures: the schema validator, the store tests' PostgreSQL server, and the
count of inputs tried printed at the end of the session. Shared helpers live in
`reliability_checks` (a conftest cannot be imported by name: every test folder has one)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

try:
    import flashpoint  # noqa: F401
except ImportError:  # running from a checkout that is not installed
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from reliability_checks import TRIED, store_helpers  # noqa: E402

postgres_server = store_helpers.postgres_server  # the store tests' throwaway server fixture, reused as is


def pytest_terminal_summary(terminalreporter):
    if TRIED:
        terminalreporter.section("reliability: inputs tried")
        for name, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"{count:>7}  {name}")
        terminalreporter.write_line(f"{sum(TRIED.values()):>7}  in all")


@pytest.fixture(scope="session")
def validator():
    import jsonschema

    schema = json.loads((resources.files("flashpoint") / "schema" / "flashpoint-1.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)
