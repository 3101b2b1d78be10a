"""Fixtures for the balance tests: the shared reference data, read in place.

The data live outside the project, in ``../shared/data/balance`` next to the repository
root (provenance in its README.md, expected values in REFERENCE_VALUES.md). Tests that
need them skip when the folder is missing; nothing is copied into the project.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import pytest


def _repository_root() -> Path:
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    raise RuntimeError(f"no pyproject.toml above {here}")


ROOT = _repository_root()
BALANCE_DATA = (ROOT / ".." / "shared" / "data" / "balance").resolve()

try:
    import flashpoint  # noqa: F401
except ImportError:  # a checkout that was not `pip install -e .`-ed
    sys.path.insert(0, str(ROOT / "src"))


def data_path(name: str) -> Path:
    """Path of a reference file; skips the calling test when the data folder is absent."""
    path = BALANCE_DATA / name
    if not path.is_file():
        pytest.skip(f"../shared/data/balance not found: {path} is missing")
    return path


def read_rows(name: str) -> list[dict]:
    with data_path(name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def read_headerless(name: str) -> list[list[str]]:
    with data_path(name).open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle) if row]


@pytest.fixture(scope="session")
def cow_edges() -> dict[str, list[tuple[str, str, int]]]:
    windows = defaultdict(list)
    for row in read_rows("cow_doreian_mrvar_1946_1999_edges.csv"):
        windows[row["window"]].append((row["source"], row["target"], int(row["sign"])))
    return dict(windows)


@pytest.fixture(scope="session")
def cow_measures() -> dict[str, dict]:
    return {row["window"]: row for row in read_rows("cow_doreian_mrvar_computed_measures.csv")}
