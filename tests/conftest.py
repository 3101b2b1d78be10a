"""Shared test fixtures: where the shared data lies, and golden-file options."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "data" / "seed" / "al-monitor-2022-09-26-turkish-drones-central-asia.txt"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite the expected JSON of golden-file tests (review the diff before committing).")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (tests that need it skip when it is missing)."""
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the founding article is not at {SEED}: ../shared/data is missing beside the checkout")
    return SEED


@pytest.fixture(scope="session")
def pipeline():
    from flashpoint.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_record(seed_path, pipeline) -> dict:
    from flashpoint.documents import Document

    return pipeline.extract(Document.from_text(seed_path.read_text(encoding="utf-8")))
