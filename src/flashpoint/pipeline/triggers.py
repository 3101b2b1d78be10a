"""Trigger lexicons compiled into spaCy Matcher patterns.

Lemmas are expanded into every inflection (lemminflect) so no tagger or lemmatizer is needed;
multi-word phrases allow up to three words between their parts ("signed a Military
Framework Agreement" matches "sign agreement").
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections
from spacy.matcher import Matcher

_GAP = {"IS_PUNCT": False, "OP": "{0,3}"}


@lru_cache(maxsize=20_000)
def forms(word: str, pos: str = "both") -> tuple[str, ...]:
    word = word.lower()
    found = {word}
    for upos in (("VERB", "NOUN") if pos in ("both", None) else (pos,)):
        for inflected in getAllInflections(word, upos=upos).values():
            found.update(f.lower() for f in inflected)
    if pos in ("both", "NOUN") and not word.endswith("s"):
        found.add(word + "s")
    return tuple(sorted(found))


_FUNCTION_WORDS = {"to", "in", "from", "with", "of", "on", "for", "by", "a", "an", "the", "up", "down", "out", "off"}


def _word_pattern(word: str, pos: str):
    if word in _FUNCTION_WORDS:
        return [{"LOWER": word}]
    if "-" in word.strip("-"):
        *head, last = word.split("-")
        return [x for p in head for x in ({"LOWER": p}, {"ORTH": "-"})] + [{"LOWER": {"IN": list(forms(last, pos))}}]
    return [{"LOWER": {"IN": list(forms(word, pos))}}]


def phrase_pattern(phrase: str, pos: str = "both") -> list[dict]:
    pattern: list[dict] = []
    for n, word in enumerate(phrase.lower().split()):
        if n:
            pattern.append(dict(_GAP))
        pattern.extend(_word_pattern(word, pos if n == 0 else "both"))
    return pattern


def compile_triggers(vocab, entries) -> tuple[Matcher, dict[str, dict]]:
    matcher = Matcher(vocab)
    by_key: dict[str, dict] = {}
    for entry in entries:
        pos = (entry.get("pos") or "both")
        pos = pos if pos in ("VERB", "NOUN") else "both"
        patterns = []
        for text in [*(entry.get("lemmas") or ()), *(entry.get("phrases") or ())]:
            words = str(text).split()
            if len(words) == 1:
                patterns.append(_word_pattern(words[0], pos))
            else:
                patterns.append(phrase_pattern(str(text), pos))
        if patterns:
            key = f"trigger|{entry['id']}"
            by_key[key] = entry
            matcher.add(key, patterns)
    return matcher, by_key


def matches(doc, matcher, by_key):
    """Trigger matches as (start, end, entry), longest first where they overlap."""
    found = sorted(((s, e, doc.vocab.strings[k]) for k, s, e in matcher(doc)),
                   key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    kept = []
    for start, end, key in found:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            kept.append((start, end, by_key[key]))
    return sorted(kept, key=lambda m: m[0])
