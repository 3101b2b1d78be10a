"""Trigger lexicons compiled into an index from first word to the phrases it can open.

Lemmas are expanded into every inflection (lemminflect) so no tagger or lemmatizer is needed;
multi-word phrases allow up to three words between their parts ("signed a Military Framework
Agreement" matches "sign agreement"). Looking each token up in a dictionary keeps matching
linear in the length of the text, however many triggers the lexicon holds.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import compress

from lemminflect import getAllInflections

from flashpoint.pipeline.annotations import lowers_of, punct_of

MAX_GAP = 3
_GAP_MARKS = {"-", '"', "“", "”", "``", "''"}  # may sit inside a phrase: lodged "the strongest protest"
_FUNCTION_WORDS = {"to", "in", "from", "with", "of", "on", "for", "by", "a", "an", "the", "up", "down", "out", "off"}
# a place phrase in a gap ends the phrase: "Militants in Iraq attacked" is no "militant attack"
_LOCATIVES = {"in", "at", "near", "inside", "outside", "across"}


@lru_cache(maxsize=20_000)
def forms(word: str, pos: str = "both") -> frozenset[str]:
    word = word.lower()
    found = {word}
    for upos in (("VERB", "NOUN") if pos not in ("VERB", "NOUN") else (pos,)):
        for inflected in getAllInflections(word, upos=upos).values():
            found.update(f.lower() for f in inflected)
    if pos != "VERB" and not word.endswith("s"):
        found.add(word + "s")
    return frozenset(found)


def _elements(word: str, pos: str, gap: int) -> list[tuple[frozenset[str], int]]:
    """One phrase word as (accepted forms, words allowed before it) steps."""
    if word in _FUNCTION_WORDS:
        return [(frozenset({word}), gap)]
    if "-" in word.strip("-"):
        *head, last = word.split("-")
        steps = []
        for n, part in enumerate(head):
            steps += [(frozenset({part}), gap if n == 0 else 0), (frozenset({"-"}), 0)]
        return steps + [(forms(last, pos), 0)]
    return [(forms(word, pos), gap)]


def compile_phrase(text: str, pos: str) -> list[tuple[frozenset[str], int]]:
    """A lemma in the entry's part of speech; a phrase's words in every inflection ("remained on
    alert" in a NOUN entry)."""
    words = str(text).lower().split()
    steps = []
    for n, word in enumerate(words):
        steps += _elements(word, pos if n == 0 and len(words) == 1 else "both", 0 if n == 0 else MAX_GAP)
    return steps


class TriggerIndex:
    def __init__(self, entries):
        self.first: dict[str, list[tuple[dict, list]]] = defaultdict(list)
        for entry in entries:
            pos = entry.get("pos") if entry.get("pos") in ("VERB", "NOUN") else "both"
            for text in [*(entry.get("lemmas") or ()), *(entry.get("phrases") or ())]:
                steps = compile_phrase(text, pos)
                for form in steps[0][0]:
                    self.first[form].append((entry, steps[1:]))

    def find(self, doc, blocked=frozenset(), no_start=frozenset(), fits=None) -> list[tuple[int, int, dict]]:
        """Matches, longest first; a `blocked` token (a word inside a name) is never one of a
        phrase's own words, though it may fill a gap ("rejected a U.S. request"); a `no_start`
        token opens no match; a match `fits(start, end, entry)` rejects leaves its words to others."""
        lowers = lowers_of(doc)
        first = self.first
        starts = [i for i in compress(range(len(lowers)), map(first.__contains__, lowers))
                  if i not in blocked and i not in no_start]
        if not starts:
            return []
        punct = _stops(doc)
        found = []
        for i in starts:
            for entry, rest in first[lowers[i]]:
                end = _match_rest(lowers, punct, i + 1, rest, blocked) if rest else i + 1  # one word: matched
                if end and (fits is None or fits(i, end, entry)):
                    found.append((i, end, entry, len(rest)))
        return _longest_first(found)


def _stops(doc) -> list[bool]:
    """Punctuation that ends a phrase's gap (a hyphen or a quotation mark does not)."""
    cached = doc.user_data.get("flashpoint_trigger_stops")
    if cached is None:
        cached = doc.user_data["flashpoint_trigger_stops"] = [
            p and w not in _GAP_MARKS for p, w in zip(punct_of(doc), lowers_of(doc), strict=True)]
    return cached


def _match_rest(lowers, punct, j, rest, blocked=frozenset()) -> int | None:
    """Match the remaining steps from token `j`; a hyphenated compound in a gap ("a four-day
    strike") counts as one word."""
    for accepted, gap in rest:
        k, words = j, 0
        while k < len(lowers) and words <= gap:
            if lowers[k] in accepted and k not in blocked:
                break
            if punct[k] or lowers[k] in _LOCATIVES:
                return None
            if not (lowers[k] == "-" or (k > 0 and lowers[k - 1] == "-")):
                words += 1
            k += 1
        else:
            return None
        if k >= len(lowers) or words > gap:
            return None
        j = k + 1
    return j


def _longest_first(found):
    """Longest span first; on a tie the phrase with more words of its own ("called off a
    four-day strike" is "call off strike", not "call strike")."""
    ordered = sorted(found, key=lambda m: (-(m[1] - m[0]), -m[3], m[0]))
    taken: set[int] = set()
    kept = []
    for start, end, entry, _ in ordered:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            kept.append((start, end, entry))
    return sorted(kept, key=lambda m: m[0])
