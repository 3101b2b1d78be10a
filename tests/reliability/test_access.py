"""Access: the write endpoint and its token, the bind address, CORS, security headers,
SQL injection through every filter, and paths that try to leave their directory.

What tests/web/test_web_api.py already checks is not repeated here: ingest 404 without a
token and 401/403/201 with one, CORS with the configured origin, the headers on four
responses. The store is built from tests/cases/*.txt by the real pipeline; the traversal
requests go as raw bytes to uvicorn on 127.0.0.1 (httpx would normalise `..` away).
"""

from __future__ import annotations

import re
import socket
import sqlite3
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
TOKEN = "s3cret-t0ken-for-tests"

LISTS = ["/events.json", "/transfers.json", "/claims.json", "/documents.json", "/actors.json", "/weapons.json",
         "/map.json"]
FILTERS = ["actor", "type", "since", "until", "place", "outlet", "status", "q", "sort"]
INJECTIONS = [
    "' OR 1=1 --",
    '"; DROP TABLE events; --',
    "%' UNION SELECT id, text, 1, 1 FROM documents --",
    "KGZ') OR ('1'='1",
    "1; DELETE FROM documents",
    "' OR ''='",
    "%",  # LIKE wildcards must be literal: a prefix filter of "%" matches nothing
    "_",
    "KGZ%",
    "\\",
    "\x00",
]
NO_MATCH = "zz-no-such-value"  # the honest filter: a value no stored row has


@pytest.fixture(scope="module")
def access_db(tmp_path_factory) -> Path:
    from flashpoint.bench.load_bench import build_store

    db = tmp_path_factory.mktemp("access") / "access.db"
    assert build_store(db, CASES) > 0
    return db


@pytest.fixture(scope="module")
def client(access_db):
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    with TestClient(create_app(str(access_db))) as client:
        yield client


def tables(db: Path) -> dict[str, int]:
    """Every table of the store and its row count, read through a read-only connection."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def total(response) -> int:
    data = response.json()
    return data["total"]


# --- the write endpoint ------------------------------------------------------------------

def test_writes_are_off_without_a_token_whatever_is_sent(client, access_db):
    before = tables(access_db)
    body = {"text": "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in May 2023."}
    for headers in ({"Authorization": "Bearer anything"}, {"Authorization": "Bearer "}, {"Authorization": "Basic Og=="}):
        assert client.post("/documents", json=body, headers=headers).status_code == 404
    for method in ("PUT", "PATCH", "DELETE"):
        for path in ("/documents", "/events.json", "/documents/abc"):
            assert client.request(method, path, json=body).status_code in (404, 405)
    assert tables(access_db) == before


def test_writes_refuse_every_wrong_token(access_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    copy = tmp_path / "copy.db"
    shutil.copy(access_db, copy)
    body = {"text": "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in May 2023, officials said."}
    wrong = {
        401: [{}, {"Authorization": ""}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "},
              {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Token {TOKEN}"}, {"Authorization": TOKEN},
              {"X-Token": TOKEN}],
        403: [{"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
              {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Bearer {TOKEN.upper()}"},
              {"Authorization": f"Bearer  {TOKEN}"}, {"Authorization": f"Bearer {TOKEN},{TOKEN}"},
              {"Authorization": b"Bearer \xff\xfe" + TOKEN.encode()}, {"Authorization": "Bearer ' OR 1=1 --"}],
    }
    with TestClient(create_app(str(copy), token=TOKEN)) as client:
        before = tables(copy)
        for status, cases in wrong.items():
            for headers in cases:
                response = client.post("/documents", json=body, headers=headers)
                assert response.status_code == status, (headers, response.status_code, response.text)
        for query in (f"?token={TOKEN}", f"?access_token={TOKEN}"):  # a token in the URL is not accepted
            assert client.post(f"/documents{query}", json=body).status_code == 401
        assert tables(copy) == before, "a refused request wrote something"
        made = client.post("/documents", json=body, headers={"Authorization": f"bearer {TOKEN}"})  # scheme is case-free
        assert made.status_code == 201, made.text
        assert tables(copy)["documents"] == before["documents"] + 1


def test_the_token_is_not_taken_from_an_empty_value(access_db):
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    with TestClient(create_app(str(access_db), token="")) as client:  # empty means off, not "any token"
        assert client.post("/documents", json={"text": "x"}, headers={"Authorization": "Bearer "}).status_code == 404
        assert "/documents" not in client.get("/openapi.json").json()["paths"]


# --- bind address and CORS ---------------------------------------------------------------

def test_serve_binds_loopback_unless_told(access_db, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from flashpoint.cli import build_app

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    monkeypatch.delenv("FLASHPOINT_TOKEN", raising=False)
    runner = CliRunner()
    assert runner.invoke(build_app(), ["serve", "--db", str(access_db)]).exit_code == 0
    app, options = calls[-1]
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
    assert app.state.context.token is None
    assert not any("CORSMiddleware" in str(m.cls) for m in app.user_middleware)

    assert runner.invoke(build_app(), ["serve", "--db", str(access_db), "--host", "0.0.0.0", "--port", "9"]).exit_code == 0
    assert calls[-1][1]["host"] == "0.0.0.0" and calls[-1][1]["port"] == 9  # only when asked (never bound here)

    monkeypatch.setenv("FLASHPOINT_TOKEN", TOKEN)
    assert runner.invoke(build_app(), ["serve", "--db", str(access_db)]).exit_code == 0
    assert calls[-1][0].state.context.token == TOKEN

    help_text = runner.invoke(build_app(), ["serve", "--help"], env={"COLUMNS": "200"}).output
    assert "--host" in help_text and "127.0.0.1" in help_text


def test_no_cors_headers_unless_configured(client, access_db):
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    for origin in ("https://evil.example", "null", "http://127.0.0.1:8000"):
        for path in ("/events.json", "/", "/static/css/site.css", "/nope"):
            response = client.get(path, headers={"Origin": origin})
            assert not any(h.startswith("access-control-") for h in response.headers), (origin, path)
        preflight = client.options("/events.json", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})
        assert "access-control-allow-origin" not in preflight.headers

    with TestClient(create_app(str(access_db), cors_origins=("https://example.org",))) as configured:
        allowed = configured.get("/events.json", headers={"Origin": "https://example.org"})
        assert allowed.headers["access-control-allow-origin"] == "https://example.org"
        assert "access-control-allow-credentials" not in allowed.headers
        other = configured.get("/events.json", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        post = configured.options("/documents", headers={"Origin": "https://example.org",
                                                         "Access-Control-Request-Method": "POST"})
        assert post.status_code == 400 and "POST" not in post.headers.get("access-control-allow-methods", "")


def test_security_headers_on_html_json_and_errors(client):
    from flashpoint.web.security import HEADERS

    doc = client.get("/documents.json?limit=1").json()["rows"][0]["id"]
    responses = [client.get(p) for p in ("/events", "/events.json", "/actors", "/actors.json", "/network.json",
                                         f"/documents/{doc}", f"/documents/{doc}.json", "/search.json?q=drones",
                                         "/openapi.json", "/events.json?since=nope", "/documents/nope")]
    responses += [client.post("/events.json"), client.post("/documents", json={})]
    kinds = {r.headers["content-type"].split(";")[0] for r in responses}
    assert {"text/html", "application/json"} <= kinds
    assert {r.status_code for r in responses} >= {200, 404, 405, 422}
    for response in responses:
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (response.url, name)


# --- SQL injection through every filter --------------------------------------------------

def test_filters_are_parameters_not_sql(client, access_db):
    before = tables(access_db)
    tried = 0
    for path in LISTS:
        unfiltered = total(client.get(path))
        for name in FILTERS:
            for payload in INJECTIONS:
                response = client.get(path, params={name: payload})
                tried += 1
                assert response.status_code < 500, (path, name, payload, response.text)
                if response.status_code != 200:
                    assert response.status_code == 422, (path, name, payload, response.status_code)
                    continue
                if name == "q":  # full text: the payload's words, searched honestly, bound the answer
                    honest = " ".join(re.findall(r"\w+", payload)) or NO_MATCH
                else:
                    honest = NO_MATCH
                expected = total(client.get(path, params={name: honest}))
                assert expected in (0, unfiltered) or name == "q", (path, name, expected)
                assert total(response) <= expected, (path, name, payload, total(response), expected)
    assert tried == len(LISTS) * len(FILTERS) * len(INJECTIONS)
    assert tables(access_db) == before


def test_injection_in_the_other_parameters(client, access_db):
    before = tables(access_db)
    documents = {r["id"]: r for r in client.get("/documents.json?limit=500").json()["rows"]}
    texts = {i: (client.get(f"/documents/{i}.json").json()["text"] + " " + (r["title"] or "")).lower()
             for i, r in documents.items()}
    for payload in INJECTIONS:
        quoted = urllib.parse.quote(payload, safe="")
        for path in (f"/timeline.json?actor={quoted}", f"/timeline.json?actor=KGZ&other={quoted}",
                     f"/timeline.json?since={quoted}", f"/dilemmas.json?actor={quoted}", f"/actors/{quoted}.json",
                     f"/network.json?at={quoted}", f"/network.json?window={quoted}", f"/balance.json?half_life={quoted}",
                     f"/events.json?limit={quoted}", f"/events.json?offset={quoted}", f"/export/csv?table={quoted}",
                     f"/documents/{quoted}.json"):
            response = client.get(path)
            assert response.status_code < 500, (path, response.text)
            assert response.status_code in (200, 404, 422), (path, response.status_code)
            if path.startswith("/timeline.json?actor=") and response.status_code == 200:
                assert response.json()["total"] == 0, path
        found = client.get("/search.json", params={"q": payload})
        assert found.status_code in (200, 422), (payload, found.status_code)
        words = [w.lower() for w in re.findall(r"\w+", payload)]
        if found.status_code == 200:
            assert not found.json()["actors"] and not found.json()["weapons"], payload
            for row in found.json()["documents"]:  # every document found really has every word
                assert all(re.search(rf"\b{re.escape(w)}\b", texts[row["id"]]) for w in words), (payload, row["id"])
    assert tables(access_db) == before


# --- paths that try to leave their directory ---------------------------------------------

TRAVERSALS = [
    "/static/../../../../etc/passwd",
    "/static/../../../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "/static/..%252f..%252f..%252f..%252fetc%252fpasswd",
    "/static/..\\..\\..\\..\\..\\..\\etc\\passwd",
    "/static/..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/%2f%2fetc/passwd",
    "/static/file:///etc/passwd",
    "/static/....//....//....//....//etc/passwd",
    "/static/..;/..;/..;/etc/passwd",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/static/css/../../app.py",
    "/static/%2e%2e/app.py",
    "/static/..%2fapp.py",
    "/static/../templates/base.html",
    "/static/%2e%2e/templates/base.html",
    "/static/../../../../../../proc/self/environ",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/proc/self/cmdline",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "//etc/passwd",
    "/etc/passwd",
    "/documents/../../../../etc/passwd",
    "/documents/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd.json",
    "/documents/..%5c..%5cetc%5cpasswd",
    "/documents/%2fetc%2fpasswd",
    "/actors/..%2f..%2f..%2fetc%2fpasswd",
    "/actors/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    "/actors/%5cetc%5cpasswd.json",
    "/export/..%2f..%2f..%2fetc%2fpasswd",
    "/export/csv?table=../../../../etc/passwd",
    "/export/csv?table=%2fetc%2fpasswd",
    "/export/datasette?table=..%2f..%2fetc%2fpasswd",
]
LEAKS = ("root:", "def create_app", "{% block", "PATH=", "FLASHPOINT_DB")


def raw_get(base: str, target: str, timeout: float = 10.0) -> tuple[int, bytes]:
    """`GET target` sent byte for byte to the loopback server; (status, body)."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    assert host == "127.0.0.1"
    with socket.create_connection((host, port), timeout) as connection:
        connection.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
            if sum(map(len, chunks)) > 10_000_000:
                break
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@pytest.fixture(scope="module")
def server(access_db, tmp_path_factory):
    from flashpoint.bench.load_bench import serve

    with serve(access_db, tmp_path_factory.mktemp("uvicorn") / "uvicorn.log") as base:
        yield base


def test_paths_cannot_leave_their_directory(server, client):
    assert Path("/etc/passwd").read_text().startswith("root:")  # so that a leak would show
    assert raw_get(server, "/static/css/site.css")[0] == 200  # the raw requests reach the files
    for target in TRAVERSALS:
        status, body = raw_get(server, target)
        assert status in (400, 404, 405, 422), (target, status, body[:200])
        assert not any(leak.encode() in body for leak in LEAKS), (target, body[:200])
        if target.startswith("//"):
            continue  # httpx would read a host into it
        # and through the ASGI app directly (httpx normalises some of these first)
        response = client.get(target)
        assert response.status_code in (400, 404, 405, 422), (target, response.status_code)
        assert not any(leak in response.text for leak in LEAKS), target


def test_the_export_writes_nothing_outside_its_answer(client, tmp_path):
    # `table` names a table, never a path: an unknown name is a 404, and nothing is created.
    target = tmp_path / "pwned.csv"
    for table in (str(target), f"../../../../{target}", "events/../../x"):
        response = client.get("/export/csv", params={"table": table})
        assert response.status_code in (404, 422), table
    assert not target.exists()
