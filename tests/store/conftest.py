"""Store fixtures: every store test runs against SQLite and against a real PostgreSQL.

PostgreSQL is a throwaway server started from Debian's binaries
(`/usr/lib/postgresql/*/bin/initdb` and `pg_ctl`) in a temporary directory on a free
port, run as the `postgres` user when the tests run as root. Without those binaries the
PostgreSQL half is skipped, unless FLASHPOINT_REQUIRE_POSTGRES=1 (CI), which fails instead.
FLASHPOINT_TEST_POSTGRES_URL points the tests at an existing server instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
try:
    import flashpoint  # noqa: F401
except ImportError:  # running from a checkout that is not installed
    import sys

    sys.path.insert(0, SRC)

FAKE = "flashpoint.ingest.fake:FakePipeline"
SENTENCES = (
    "Turkey delivered {n} Bayraktar TB2 to Kyrgyzstan.",
    "Kyrgyzstan attacked Tajikistan.",
    "Tajikistan said {k} people were killed.",
    "Russia and Tajikistan signed an agreement.",
    "Turkey denied delivering Bayraktar TB2 to Kyrgyzstan.",
    "Iran delivered Shahed-136 to Russia.",
)
OUTLETS = ("Al-Monitor", "Eurasianet", "TASS", "RFE/RL")


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if os.environ.get("FLASHPOINT_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required (FLASHPOINT_REQUIRE_POSTGRES=1) but {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason} (apt-get install postgresql to run them)")


def _as_user() -> list[str]:
    """Run the server as `postgres` when we are root: PostgreSQL refuses to run as root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        _unavailable("running as root and there is no `postgres` user to run the server as")
    return ["runuser", "-u", "postgres", "--"]


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server (without database) for this test session."""
    if os.environ.get("FLASHPOINT_TEST_POSTGRES_URL"):
        yield os.environ["FLASHPOINT_TEST_POSTGRES_URL"].rstrip("/")
        return
    bin_dir = _postgres_bin()
    if bin_dir is None:
        _unavailable("no PostgreSQL binaries found (/usr/lib/postgresql/*/bin/initdb)")
    user, base = _as_user(), Path(tempfile.mkdtemp(prefix="flashpoint-pg-"))
    if user:
        shutil.chown(base, "postgres")
    data, port = base / "data", _free_port()
    run = lambda *args: subprocess.run([*user, *map(str, args)], check=True, capture_output=True)  # noqa: E731
    run(bin_dir / "initdb", "-D", data, "-A", "trust", "-U", "flashpoint", "-E", "UTF8", "--no-sync")
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    run(bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", base / "log", "-w", "start")
    try:
        yield f"postgresql://flashpoint@127.0.0.1:{port}"
    finally:
        run(bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def _new_database(server: str) -> str:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'flashpoint.db'}"
    return _new_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(db_url):
    from flashpoint.store import open_store

    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def subprocess_env() -> dict:
    """The environment for a `python -m flashpoint...` subprocess that imports this checkout."""
    paths = [SRC, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def corpus_lines(count: int) -> list[dict]:
    """`count` generated news items whose facts overlap, so that they merge."""
    items = []
    for i in range(count):
        picked = [SENTENCES[j].format(n=2 + i % 2, k=59 + 4 * (i % 2)) for j in range(len(SENTENCES)) if (i + j) % 3]
        month = 1 + i % 12
        items.append({"text": f"Report number {i}. " + " ".join(picked), "outlet": OUTLETS[i % len(OUTLETS)],
                      "published": f"2022-{month:02d}-{1 + i % 28:02d}", "url": f"https://news.example/{i}"})
    return items


@pytest.fixture
def corpus(tmp_path):
    """Write a JSON Lines corpus of `count` documents and return its path."""
    import json

    def write(count: int, name: str = "corpus.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(item) + "\n" for item in corpus_lines(count)))
        return path

    return write


def _snapshot(engine) -> dict:
    """Everything a run stored, in a form two runs can be compared by."""
    from sqlalchemy import func, select

    from flashpoint.store import schema

    with engine.connect() as connection:
        merged = connection.execute(
            select(schema.merged.c.kind, schema.merged.c.merge_key, schema.merged.c.n_documents,
                   schema.merged.c.n_outlets, schema.merged.c.contested).order_by("kind", "merge_key")).all()
        counts = {t.name: connection.execute(select(func.count()).select_from(t)).scalar()
                  for t in schema.metadata.sorted_tables if t.name not in ("schema_version", "failures")}
        ids = sorted(connection.execute(select(schema.events.c.id)).scalars())
    return {"merged": [tuple(r) for r in merged], "counts": counts, "event_ids": ids}


@pytest.fixture
def snapshot():
    return _snapshot
