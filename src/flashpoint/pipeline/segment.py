"""segment: sentence boundaries after final punctuation (and any closing quotes) and at line breaks.

spaCy's tokenizer keeps abbreviations such as "Sept." and "U.S." whole, so a bare "." token
ends a sentence; the next sentence starts with a capital, a digit or an opening quote.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START

from flashpoint.pipeline.core import Component

_FINAL = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "»", "]"}
_OPENERS = {"“", '"', "‘", "«", "(", "["}


def _starts_sentence(token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit() or token.text in _OPENERS


class Segment(Component):
    name = "segment"
    assigns = ("token.is_sent_start",)

    def match(self, doc):
        starts = [False] * len(doc)
        after_final = False
        for i, token in enumerate(doc):
            prev = doc[i - 1] if i else None
            if prev is None:
                starts[i] = True
            elif "\n" in prev.text_with_ws and prev.is_space or "\n" in prev.whitespace_:
                starts[i] = not token.is_space
            elif after_final and not token.is_space:
                starts[i] = _starts_sentence(token)
            if token.text in _FINAL:
                after_final = True
            elif not (token.text in _CLOSERS and after_final) and not token.is_space:
                after_final = False
        return starts

    def set_annotations(self, doc, starts) -> None:
        marks = numpy.array([[1 if start else -1] for start in starts], dtype="int32").astype("uint64")
        if len(doc):
            doc.from_array([SENT_START], marks)
        doc.user_data["flashpoint_sent_starts"] = [i for i, start in enumerate(starts) if start]
