"""What every reliability test shares: hypothesis profiles, the real documents to mutate, the
per-document time limit, and the checks every extraction must pass (no crash, bounded time,
offsets inside the text, valid schema).

Profiles (select with HYPOTHESIS_PROFILE): `ci` (default) is a bounded smoke run; `long`
is the run whose numbers docs/reliability.md reports.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT.parent / "shared" / "data" / "seed"
PER_DOCUMENT_SECONDS = 10.0  # a call slower than this fails; a hung one is interrupted at twice it

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
               derandomize=False, print_blob=True)
settings.register_profile("ci", max_examples=40, **_COMMON)
settings.register_profile("long", max_examples=1000, **_COMMON)
FUZZ = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TRIED: Counter = Counter()  # inputs tried per test, printed at the end of the session


def real_texts() -> list[str]:
    """The golden cases and, when ../shared is beside the checkout, the seed articles."""
    paths = sorted((ROOT / "tests" / "cases").glob("*.txt")) + sorted(SEED_DIR.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


class Hung(Exception):
    pass


@contextmanager
def time_limit(what: str, seconds: float = PER_DOCUMENT_SECONDS):
    """Fail if the body takes longer than `seconds`; interrupt it at twice that (a hang)."""

    def interrupt(_signum, _frame):
        raise Hung(f"{what} still running after {2 * seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 2 * seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"{what} took {elapsed:.1f} s, over the {seconds:.0f} s limit"


def spans(record: dict):
    """Every (where, start, end) character span in a record: mentions, evidence, times."""
    for kind in ("actors", "weapons", "places"):
        for entity in record.get(kind, []):
            for start, end in entity.get("mentions") or []:
                yield f"{kind}/{entity.get('id')}", start, end
    for item in record.get("times", []):
        yield f"times/{item.get('text')!r}", item["start"], item["end"]
    for kind in ("events", "transfers", "claims"):
        for item in record.get(kind, []):
            for evidence in item.get("evidence") or []:
                yield f"{kind}/{item.get('id')}", evidence["start"], evidence["end"]


def check_record(record: dict, text: str, validator) -> None:
    """The record validates and every span lies inside the text and covers something."""
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"schema: {errors[0].message} at {list(errors[0].path)}"
    for where, start, end in spans(record):
        assert 0 <= start < end <= len(text), f"{where}: span {start}:{end} outside a text of {len(text)}"
        assert text[start:end], f"{where}: empty span {start}:{end}"
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # printable as the CLI prints it


def _store_test_helpers():
    """tests/store/conftest.py as a module: its corpus, snapshot and PostgreSQL server helpers."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("flashpoint_store_test_helpers",
                                                  ROOT / "tests" / "store" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


store_helpers = _store_test_helpers()
