"""Real output validates against the shared flashpoint/1 contract and the project's own schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from flashpoint.documents import Document

CASES = sorted((Path(__file__).parent / "cases").glob("*.txt"))


def _schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records(pipeline, seed_record):
    return [seed_record] + [pipeline.extract(Document.from_text(p.read_text(encoding="utf-8"))) for p in CASES]


def test_output_follows_the_shared_contract(records, shared_dir):
    path = shared_dir / "contract" / "flashpoint-1.schema.json"
    if not path.exists():
        pytest.skip(f"the shared contract is not at {path}")
    validator = jsonschema.Draft202012Validator(_schema(path))
    for record in records:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, f"{record['document']['id']}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_output_follows_the_published_schema(records):
    schema = json.loads((resources.files("flashpoint") / "schema" / "flashpoint-1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for record in records:
        errors = list(validator.iter_errors(record))
        assert not errors, f"{record['document']['id']}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_the_published_schema_keeps_the_contract_minimum(shared_dir):
    path = shared_dir / "contract" / "flashpoint-1.schema.json"
    if not path.exists():
        pytest.skip(f"the shared contract is not at {path}")
    shared = _schema(path)
    ours = json.loads((resources.files("flashpoint") / "schema" / "flashpoint-1.schema.json").read_text())
    assert set(shared["required"]) <= set(ours["required"])
    for key, spec in shared["properties"].items():
        inner = spec.get("items", spec)
        mine = ours["properties"][key].get("items", ours["properties"][key])
        required = set(inner.get("required", ()))
        for part in inner.get("allOf", ()):
            required |= set(part.get("required", ()))
        mine_required = set(mine.get("required", ()))
        for part in mine.get("allOf", ()):
            mine_required |= set(part.get("required", ()))
        assert required <= mine_required, f"{key}: the published schema drops {required - mine_required}"


def test_evidence_is_the_sentence_that_holds_the_trigger(pipeline):
    for path in CASES:
        text = path.read_text(encoding="utf-8")
        record = pipeline.extract(Document.from_text(text))
        for item in record["events"] + record["transfers"]:
            span = item["evidence"][0]
            sentence = text[span["start"]:span["end"]]
            assert sentence == sentence.strip() and sentence, f"{path.name}: evidence {span} is not a trimmed sentence"
            assert span["start"] <= item["trigger"]["start"] < item["trigger"]["end"] <= span["end"], \
                f"{path.name}: {item['id']} trigger {item['trigger']} lies outside its evidence {span}"
            before = text[span["start"] - 1] if span["start"] else "\n"
            assert not before.isalnum(), f"{path.name}: evidence of {item['id']} starts mid-word"
