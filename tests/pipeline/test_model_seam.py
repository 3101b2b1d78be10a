"""`--model NAME`: a spaCy pipeline adds names the knowledge base does not know.

No statistical model can be downloaded here, so the test saves a small rule-based spaCy pipeline
to disk and loads it by path through the same seam a real model (en_core_web_sm) would use.
"""

from __future__ import annotations

import spacy

from flashpoint.documents import Document
from flashpoint.kb import load_kb
from flashpoint.pipeline.core import Pipeline

TEXT = "Zorbek Alimkulov said the Kyrgyz army had fired on the village. Alimkulov denied it later."


def _model(path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Zorbek Alimkulov"}])
    nlp.to_disk(path)
    return str(path)


def test_a_model_finds_a_person_the_rules_miss(tmp_path):
    with_model = Pipeline.build(load_kb(), model=_model(tmp_path / "model"))
    record = with_model.extract(Document.from_text(TEXT, published="2024-01-02"))
    people = {a["name"]: a for a in record["actors"] if a["kind"] == "person"}
    assert "Zorbek Alimkulov" in people
    assert len(people["Zorbek Alimkulov"]["mentions"]) == 2, "the surname alone refers back to him"


def test_without_a_model_the_sentence_start_name_is_missed(pipeline):
    record = pipeline.extract(Document.from_text(TEXT, published="2024-01-02"))
    assert not [a for a in record["actors"] if a["name"] == "Zorbek Alimkulov"]


def test_a_missing_model_is_a_clear_error(tmp_path):
    from flashpoint.errors import InputError

    try:
        Pipeline.build(load_kb(), model="no_such_model_xyz")
    except InputError as error:
        assert "not installed" in str(error) and "pip" in str(error)
    else:
        raise AssertionError("a missing model must raise InputError")
