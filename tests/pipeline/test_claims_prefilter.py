"""Claims skip a pattern in a sentence without one of its words, and search an ASCII sentence in
lower case: the same claims, faster."""

from __future__ import annotations

from pathlib import Path

from flashpoint.documents import Document
from flashpoint.pipeline import claims

CASES = Path(__file__).resolve().parents[1] / "cases"
FIGURES = ("Kyrgyzstan said 59 people were KILLED and 139 wounded. Nearly 100 lives were lost. "
           "Officials put the death toll at 63. The strikes claimed 12 lives, killing 4 soldiers. "
           "About 2,000 homes were destroyed and 300 families fled. 5 Fighters Were Captured. "
           "In Qamişlo 7 Civilians Were Killed.")


def _claims(pipeline, text: str) -> list:
    record = pipeline.extract(Document.from_text(text, published="2022-09-26"))
    return [(c["predicate"], c["value"], c["figure"]["text"]) for c in record["claims"] if "figure" in c]


def test_the_word_filter_changes_no_claim(pipeline, monkeypatch):
    texts = [FIGURES, *(path.read_text(encoding="utf-8") for path in sorted(CASES.glob("*.txt")))]
    filtered = [_claims(pipeline, text) for text in texts]
    unfiltered = [(predicate, pattern, lower, ("",)) for predicate, pattern, lower, _ in claims._COMPILED]
    monkeypatch.setattr(claims, "_COMPILED", unfiltered)
    monkeypatch.setattr(claims, "_figures", lambda pattern, lower_pattern, text, lower: pattern.finditer(text))
    assert filtered == [_claims(pipeline, text) for text in texts]
    assert ("killed", 59, "59 people were KILLED") in filtered[0] and len(filtered[0]) >= 6
    assert ("killed", 7, "7 Civilians Were Killed") in filtered[0]  # not ASCII: searched as written
    assert sum(map(len, filtered)) > 20  # the cases have figures to find


def test_a_number_word_inside_another_word_is_no_figure(pipeline):
    # "drone" holds "one", "often" holds "ten", "none" holds "one": none of them is a count
    found = _claims(pipeline, "A drone strike killed two civilians on Monday, officials said. "
                              "Rebels often killed villagers in such raids. None were killed in Osh.")
    assert found == [("killed", 2, "killed two")]
