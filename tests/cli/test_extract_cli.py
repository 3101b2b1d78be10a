"""`flashpoint extract` as a user runs it: formats, stdin, flags, and bad input in a batch."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from flashpoint.cli import build_app

STORY = "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in December 2021, officials said."


@pytest.fixture(scope="module")
def run():
    runner = CliRunner()
    app = build_app()

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input)

    return invoke


def test_json_reads_date_and_outlet_from_the_text(run, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY + "\nSteppe Monitor, January 5, 2022, A. Writer\n", encoding="utf-8")
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "flashpoint/1"
    assert record["document"]["published"] == "2022-01-05" and record["document"]["outlet"] == "Steppe Monitor"
    (transfer,) = record["transfers"]
    assert (transfer["supplier"]["id"], transfer["recipient"]["id"], transfer["status"]) == ("TUR", "KGZ", "delivered")
    assert transfer["attribution"] == {"claimant": {"id": None, "name": "officials"}, "status": "reported"}


def test_flags_override_and_stdin_jsonl(run):
    lines = "\n".join(json.dumps(d) for d in (
        {"text": STORY, "id": "a1", "published": "2022-01-05"},
        {"text": "Russia agreed to sell S-400 systems to Turkey in 2017.", "outlet": "Wire"},
    ))
    result = run("extract", "-", "--format", "jsonl", "--outlet", "Override", input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] for r in records][0] == "a1"
    assert {r["document"]["outlet"] for r in records} == {"Override"}
    assert records[1]["transfers"][0]["status"] == "agreed"


def test_table_format_is_for_people(run, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run("extract", str(path), "--format", "table", "--published", "2022-01-05")
    assert result.exit_code == 0, result.output
    assert "Transfers" in result.stdout and "Bayraktar TB2" in result.stdout and "delivered" in result.stdout


def test_built_in_example(run):
    result = run("extract", "--example", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    suppliers = {t["supplier"]["id"] for t in record["transfers"]}
    assert {"ISR", "TUR"} & suppliers and "IND" in suppliers, "the example arms both sides"


def test_a_batch_goes_on_past_bad_documents(run, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "invalid.txt").write_bytes(b"Turkey delivered drones \xff\xfe to Kyrgyzstan in May 2022.")
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>alert(1)</script></head><body><script>var x=1</script>"
        "<p>Russia delivered S-400 systems to Turkey in July 2019, officials said.</p></body></html>", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text('{"title": "no text"}\n{"text": "' + STORY + '"}\nnot json\n', encoding="utf-8")
    (tmp_path / "huge.txt").write_text(("Turkey delivered drones to Kyrgyzstan. " * 100 + "\n") * 13_000, encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1, "failures are reported in the exit code"
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    sources = sorted(r["document"]["source"].rsplit("/", 1)[-1] for r in records)
    assert sources == ["docs.jsonl:2", "invalid.txt", "scripts.html"]
    html = next(r for r in records if r["document"]["source"].endswith("scripts.html"))
    assert "alert" not in json.dumps(html) and html["transfers"][0]["supplier"]["id"] == "RUS"
    errors = result.stderr
    for name in ("empty.txt", "binary.bin", "docs.jsonl:1", "docs.jsonl:3", "huge.txt"):
        assert f"skipped {tmp_path}/{name}" in errors, (name, errors)
    assert "split it into articles" in errors and "empty document" in errors
    assert "5 document(s) failed" in errors


def test_no_input_is_a_clear_error(run):
    result = run("extract")
    assert result.exit_code != 0
    assert "give a file" in (result.output + str(result.exception))


def test_a_knowledge_base_given_with_kb_also_places_its_countries(run, tmp_path):
    # the place component reads the run's knowledge base, not only FLASHPOINT_KB's: a user's
    # country point (here Osh for Kyrgyzstan) is where the country stands in the records
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "country_points.tsv").write_text("KGZ\t40.5\t72.8\tKyrgyzstan, at Osh\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text("Fighting broke out in Kyrgyzstan on Monday, officials said.\n", encoding="utf-8")
    mine = json.loads(run("extract", str(path), "--kb", str(kb), "--format", "json").stdout)
    built_in = json.loads(run("extract", str(path), "--format", "json").stdout)
    assert [(p["name"], p["lat"], p["lon"]) for p in mine["places"]] == [("Kyrgyzstan", 40.5, 72.8)]
    assert [(p["name"], p["lat"], p["lon"]) for p in built_in["places"]] == [("Kyrgyzstan", 41.5, 75.0)]
