"""Whole-document golden files: tests/cases/<name>.txt beside <name>.json.

Each expected JSON was read and checked by hand against its article before it was accepted.
After a reviewed change, rewrite them with `pytest tests/pipeline/test_golden.py --update-golden`
and read the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.documents import Document

CASES = Path(__file__).resolve().parents[1] / "cases"
TEXTS = sorted(CASES.glob("*.txt"))


def _compare(record: dict, expected_path: Path, update: bool) -> None:
    rendered = json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if update or not expected_path.exists():
        expected_path.write_text(rendered, encoding="utf-8")
        if not update:
            pytest.fail(f"{expected_path.name} did not exist; it was written: review it, then rerun")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert record == expected, f"{expected_path.name} differs; review the change and rerun with --update-golden"


@pytest.mark.parametrize("text_path", TEXTS, ids=[p.stem for p in TEXTS])
def test_case(text_path, pipeline, update_golden):
    record = pipeline.extract(Document.from_text(text_path.read_text(encoding="utf-8"), source=text_path.name))
    _compare(json.loads(json.dumps(record)), text_path.with_suffix(".json"), update_golden)


def test_founding_article(seed_path, pipeline, update_golden):
    record = pipeline.extract(Document.from_text(seed_path.read_text(encoding="utf-8"), source=seed_path.name))
    _compare(json.loads(json.dumps(record)), CASES / "seed" / "al-monitor-2022-09-26.json", update_golden)


def test_there_are_enough_cases():
    assert len(TEXTS) >= 13, "the founding article plus at least twelve written cases"
