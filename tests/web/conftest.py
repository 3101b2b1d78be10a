"""Web fixtures: a store built by ingesting the seed article, the golden cases and a hostile
article with the real pipeline; the app over it; a uvicorn server and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_SEED = ROOT.parent / "shared" / "data" / "seed"
CASES = ROOT / "tests" / "cases"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOTS = Path("/tmp/flashpoint-screenshots")

#: An article whose text carries markup that would run if any page trusted document text.
HOSTILE = """Bishkek <script>window.__pwned = "script"</script> — Turkey delivered Bayraktar TB2 drones \
to Kyrgyzstan <img src=x onerror="window.__pwned='img'"> in March 2023, the defence ministry said.

Kyrgyz and Tajik forces clashed near Batken on 5 March 2023 <svg onload="window.__pwned='svg'"></svg>, \
officials said. "</mark><script>window.__pwned='mark'</script>" was painted on a wall.

Hostile Test Wire, 6 March 2023
"""


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """A SQLite store of the seed article, tests/cases/*.txt and the hostile article."""
    if not SHARED_SEED.is_dir():
        pytest.skip(f"../shared/data/seed is missing beside the checkout ({SHARED_SEED}); the web tests need it")
    from flashpoint.ingest.run import ingest

    work = tmp_path_factory.mktemp("web")
    hostile = work / "hostile-xss.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = work / "web.db"
    report = ingest([*sorted(SHARED_SEED.glob("*.txt")), *sorted(CASES.glob("*.txt")), hostile], db=str(db))
    assert report.failed == 0, report.failures
    return str(db)


@pytest.fixture(scope="session")
def app(web_db):
    from flashpoint.web import create_app

    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_db):
    """`uvicorn` serving the app on 127.0.0.1 and a free port; its base URL."""
    port = _free_port()
    env = {**os.environ, "FLASHPOINT_DB": web_db}
    env.pop("FLASHPOINT_TOKEN", None)
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "flashpoint.web.app:create_app",
                                "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("uvicorn exited before serving")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with playwright.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server, tmp_path):
    """A fresh page; JavaScript errors fail the test; `shot(name)` saves a screenshot."""
    context = browser.new_context(viewport={"width": 1300, "height": 900}, base_url=server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Content Security Policy" in m.text
            and "inline style" not in m.text else None)

    def shot(name: str) -> None:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        SCREENSHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SCREENSHOTS / path.name)

    page.shot = shot
    yield page
    context.close()
    assert not errors, errors
