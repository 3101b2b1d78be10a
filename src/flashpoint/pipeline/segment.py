"""segment: sentence boundaries after final punctuation (and any closing quotes) and at line breaks.

spaCy's tokenizer keeps abbreviations such as "Sept." and "U.S." whole, so a bare "." token
ends a sentence; the next sentence starts with a capital, a digit or an opening quote. A "." that
closes an abbreviated title the tokenizer splits off ("Staff Sgt. Albert Connelly") ends nothing.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START

from flashpoint.pipeline.annotations import columns_of
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.lexicon import HONORIFICS

_FINAL = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "»", "]"}
_OPENERS = {"“", '"', "‘", "«", "(", "["}


class Segment(Component):
    name = "segment"
    assigns = ("token.is_sent_start",)

    def match(self, doc):
        cols = columns_of(doc)
        texts = [text + " " if space else text for text, space in zip(cols.text, cols.space, strict=True)]
        starts = [False] * len(doc)
        after_final = False
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
                after_final = not _title_abbreviation(texts, i)
            elif not (text in _CLOSERS and after_final) and not space:
                after_final = False
        return starts

    def set_annotations(self, doc, starts) -> None:
        marks = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("int32").astype("uint64")[:, None]
        if len(doc):
            doc.from_array([SENT_START], marks)
        doc.user_data["flashpoint_sent_starts"] = [i for i, start in enumerate(starts) if start]


def _title_abbreviation(texts, i: int) -> bool:
    """"Sgt" "." with no space between: the tokenizer split an abbreviated title from its period."""
    before = texts[i - 1] if i else " "
    return texts[i].startswith(".") and before == before.rstrip() and len(before) <= 4 \
        and before[:1].isupper() and before.lower() in HONORIFICS
