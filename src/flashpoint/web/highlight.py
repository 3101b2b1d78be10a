"""A document's text cut into segments at every evidence boundary, for highlighting.

The page is built from these segments by an autoescaping template: each segment's text is
escaped there like any other document text, so highlighting never trusts the text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    records: tuple[str, ...]  # ids of the records whose evidence covers this segment


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """`text` cut at every span boundary; each piece lists the records covering it.

    Spans are (start, end, record id); overlapping spans are fine, out-of-range ones clipped.
    """
    size = len(text)
    spans = [(max(0, s), min(size, e), r) for s, e, r in spans if s < e and s < size and e > 0]
    cuts = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    found = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(dict.fromkeys(r for s, e, r in spans if s <= start and end <= e))
        found.append(Segment(start, end, text[start:end], covering))
    return found


def record_spans(records: list[dict]) -> list[tuple[int, int, str]]:
    """The (start, end, record id) evidence spans of a document's records."""
    return [(span["start"], span["end"], record["id"]) for record in records
            for span in record.get("evidence") or [] if "start" in span and "end" in span]
