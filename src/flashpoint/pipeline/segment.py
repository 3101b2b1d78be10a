"""segment: sentence boundaries after final punctuation (and any closing quotes) and at line breaks.

spaCy's tokenizer keeps abbreviations such as "Sept." and "U.S." whole, so a bare "." token
ends a sentence; the next sentence starts with a capital, a digit or an opening quote. A "." that
closes an abbreviated title the tokenizer splits off ("Staff Sgt. Albert Connelly") ends nothing.
"""

from __future__ import annotations

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

    def match(self, doc) -> list[int]:
        """The indices of the tokens that start a sentence, in order."""
        # Only the tokens after a line break or a final mark can start a sentence, so only those
        # are read (spaCy keeps whitespace apart from words: a token is all space or has none, and
        # a line break is found in the text, in the space token that holds it).
        cols = columns_of(doc)
        texts = cols.text
        if not texts:
            return []
        starts = {0: True}  # a token read -> whether it starts a sentence
        for i in _line_breaks(doc):
            if i + 1 < len(texts):
                starts[i + 1] = bool(texts[i + 1].rstrip())
        for final in compress(range(len(texts)), map(_FINAL.__contains__, texts)):
            if not _title_abbreviation(cols, final):
                self._after_final(texts, final, starts)
        return sorted(i for i, start in starts.items() if start)

    @staticmethod
    def _after_final(texts, final: int, starts: dict[int, bool]) -> None:
        """The first word after a final mark (and any closing quotes) starts a sentence if it
        opens with a capital, a digit or an opening quote (a line break decides on its own)."""
        for j in range(final + 1, len(texts)):
            text = texts[j].rstrip()
            space = not text
            if "\n" not in texts[j - 1] and not space:
                starts[j] = text[:1].isupper() or text[:1].isdigit() or text in _OPENERS
            if text in _FINAL or not (text in _CLOSERS or space):
                return

    def set_annotations(self, doc, starts: list[int]) -> None:
        marks = numpy.full(len(doc), -1, dtype="int64").astype("uint64")  # -1: not a sentence start
        marks[starts] = 1
        if len(doc):
            doc.from_array([SENT_START], marks[:, None])
        doc.user_data["flashpoint_sent_starts"] = starts


def _line_breaks(doc) -> list[int]:
    """The tokens that hold a line break, in order (each once: the search goes on after it)."""
    idx, text = columns_of(doc).idx, text_of(doc)
    found, at = [], text.find("\n")
    while at >= 0:
        token = bisect_right(idx, at) - 1
        found.append(token)
        at = text.find("\n", idx[token + 1]) if token + 1 < len(idx) else -1
    return found


def _title_abbreviation(cols, i: int) -> bool:
    """"Sgt" "." with no space between: the tokenizer split an abbreviated title from its period."""
    if not i or cols.space[i - 1] or cols.text[i] != ".":
        return False
    before = cols.text[i - 1]
    return len(before) <= 4 and before[:1].isupper() and before == before.rstrip() and before.lower() in HONORIFICS
