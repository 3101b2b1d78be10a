"""The token columns are what spaCy's Token objects say (issue 2: the rules read them for speed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from flashpoint.pipeline.annotations import columns_of, span_text

CASES = Path(__file__).resolve().parents[1] / "cases"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))] + [
    "", " ", "Double  spaces,\n\nline breaks\t and \u00a0 odd  spacing.  ", "U.S. Gen. J.D. Smith's \"Da’esh\"!",
    "İstanbul ALL-CAPS Title Case lower 3-day ¿Qué? — «quoted»",
]


@pytest.mark.parametrize("text", TEXTS)
def test_columns_match_the_tokens(text):
    doc = spacy.blank("en").make_doc(text)
    cols = columns_of(doc)
    assert cols.text == [t.text for t in doc]
    assert cols.lower == [t.lower_ for t in doc]
    assert cols.space == [bool(t.whitespace_) for t in doc]
    assert cols.idx == [t.idx for t in doc]
    for flag in ("is_alpha", "is_title", "is_lower", "is_punct", "is_upper"):
        assert getattr(cols, flag) == [getattr(t, flag) for t in doc], flag
    assert [cols.end_char(i) for i in range(len(doc))] == [t.idx + len(t) for t in doc]
    spans = [(s, e) for s in range(0, len(doc), 7) for e in (s, s + 1, s + 5)]
    assert [span_text(doc, s, e) for s, e in spans] == [doc[s:e].text for s, e in spans]
