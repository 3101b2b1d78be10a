"""segment: sentence boundaries after final punctuation (and any closing quotes) and at line breaks.

spaCy's tokenizer keeps abbreviations such as "Sept." and "U.S." whole, so a bare "." token
ends a sentence; the next sentence starts with a capital, a digit or an opening quote. A "." that
closes an abbreviated title the tokenizer splits off ("Staff Sgt. Albert Connelly") ends nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress

import numpy
from spacy.attrs import SENT_START

from flashpoint.pipeline.annotations import columns_of, text_of
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.lexicon import HONORIFICS

_FINAL = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")", "»", "]"}
_OPENERS = {"“", '"', "‘", "«", "(", "["}


class Segment(Component):
    name = "segment"
    assigns = ("token.is_sent_start",)

    def match(self, doc):
        # Only the tokens after a line break or a final mark can start a sentence, so only those
        # are read (spaCy keeps whitespace apart from words: a token is all space or has none, and
        # a line break is found in the text, in the space token that holds it).
        cols = columns_of(doc)
        texts, n = cols.text, len(cols.text)
        starts = [False] * n
        if n:
            starts[0] = True
        for i in _line_breaks(doc):
            if i < n - 1:
                starts[i + 1] = bool(texts[i + 1].rstrip())
        for final in compress(range(n), map(_FINAL.__contains__, texts)):
            if not _title_abbreviation(cols, final):
                self._after_final(texts, final, starts)
        return starts

    @staticmethod
    def _after_final(texts, final: int, starts: list[bool]) -> None:
        """The first word after a final mark (and any closing quotes) starts a sentence if it
        opens with a capital, a digit or an opening quote (a line break decides on its own)."""
        for j in range(final + 1, len(texts)):
            text = texts[j].rstrip()
            space = not text
            if "\n" not in texts[j - 1] and not space:
                starts[j] = text[:1].isupper() or text[:1].isdigit() or text in _OPENERS
            if text in _FINAL or not (text in _CLOSERS or space):
                return

    def set_annotations(self, doc, starts) -> None:
        marks = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("int32").astype("uint64")[:, None]
        if len(doc):
            doc.from_array([SENT_START], marks)
        doc.user_data["flashpoint_sent_starts"] = list(compress(range(len(starts)), starts))


def _line_breaks(doc) -> list[int]:
    """The tokens that hold a line break, in order."""
    idx = columns_of(doc).idx
    return sorted({bisect_right(idx, found.start()) - 1 for found in _LINE_BREAK.finditer(text_of(doc))})


_LINE_BREAK = re.compile("\n")


def _title_abbreviation(cols, i: int) -> bool:
    """"Sgt" "." with no space between: the tokenizer split an abbreviated title from its period."""
    before = (cols.text[i - 1] + " " if cols.space[i - 1] else cols.text[i - 1]) if i else " "
    return cols.text[i].startswith(".") and before == before.rstrip() and len(before) <= 4 \
        and before[:1].isupper() and before.lower() in HONORIFICS
