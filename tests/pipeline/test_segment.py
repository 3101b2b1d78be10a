"""Sentence starts (issue 2: segment reads only the tokens after line breaks and final marks)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from flashpoint.pipeline.lexicon import HONORIFICS
from flashpoint.pipeline.segment import _CLOSERS, _FINAL, _OPENERS, Segment

CASES = Path(__file__).resolve().parents[1] / "cases"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))] + [
    "", ".", "\n", "Staff Sgt. Albert Connelly said so. \"It ended.\" Then (it) went on!\n\nNext? 3 more… “Quoted”",
    "He left.) ’ And then.\n  \nlower case. lower again. U.S. forces left. Gen. Smith?\" Yes.  Two  spaces.",
]


def _every_token(doc) -> list[bool]:
    """The rule read token by token, as segment first did it."""
    texts = [t.text_with_ws for t in doc]
    starts, after_final = [False] * len(doc), False
    for i, with_ws in enumerate(texts):
        text = with_ws.rstrip()
        space = not text
        if i == 0:
            starts[i] = True
        elif "\n" in texts[i - 1]:
            starts[i] = not space
        elif after_final and not space:
            starts[i] = text[:1].isupper() or text[:1].isdigit() or text in _OPENERS
        if text in _FINAL:
            before = texts[i - 1] if i else " "
            after_final = not (texts[i].startswith(".") and before == before.rstrip() and len(before) <= 4
                               and before[:1].isupper() and before.lower() in HONORIFICS)
        elif not (text in _CLOSERS and after_final) and not space:
            after_final = False
    return starts


@pytest.mark.parametrize("text", TEXTS)
def test_segment_finds_what_reading_every_token_finds(text):
    doc = spacy.blank("en").make_doc(text)
    assert Segment().match(doc) == [i for i, start in enumerate(_every_token(doc)) if start]
