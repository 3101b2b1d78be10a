"""The store commands: thin, and every output format parses."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from flashpoint.cli.store import register


@pytest.fixture
def run(tmp_path):
    app = typer.Typer()
    register(app)
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, [*args, "--db", f"sqlite:///{tmp_path}/cli.db"])
        assert result.exit_code == 0, result.output
        return result.output

    return invoke


def test_every_command_is_registered():
    app = typer.Typer()
    register(app)
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert names == {"ingest", "events", "transfers", "claims", "actors", "search", "documents"}


def test_ingest_then_query_in_each_format(run, corpus):
    run("ingest", str(corpus(12)), "--extractor", "flashpoint.ingest.fake:FakePipeline")
    events = json.loads(run("events", "--format", "json", "--actor", "KGZ"))
    assert events and all(e["type"] == "ASSAULT" for e in events)
    rows = list(csv.DictReader(io.StringIO(run("transfers", "--format", "csv", "--since", "2022-03"))))
    assert rows and {"supplier", "recipient", "system", "status", "documents", "outlets", "contested"} <= set(rows[0])
    claims = [json.loads(line) for line in run("claims", "--format", "jsonl").splitlines()]
    assert {c["value"] for c in claims} == {59, 63}
    assert "KGZ" in {a["code"] for a in json.loads(run("actors", "--type", "state", "--format", "json"))}
    assert "actors" in run("actors")
    assert json.loads(run("search", "Shahed", "--format", "json"))
    assert len(json.loads(run("documents", "--format", "json"))) == 12


def test_mixed_directory_counts_failures_and_stores_the_rest(run, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Kyrgyzstan attacked Tajikistan.")
    (corpus / "b.txt").write_text("FAIL: the fake pipeline chokes on this one")
    (corpus / "c.jsonl").write_text('{"text": "Iran delivered Shahed-136 to Russia."}\n{broken\n')
    (corpus / "d.xml").write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss><channel/></rss>')
    output = " ".join(run("ingest", str(corpus), "--extractor", "flashpoint.ingest.fake:FakePipeline").split())
    assert "2 stored, 0 already stored, 3 failed" in output
