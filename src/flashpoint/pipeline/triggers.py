"""Trigger lexicons compiled into an index from first word to the phrases it can open.

Lemmas are expanded into every inflection (lemminflect) so no tagger or lemmatizer is needed;
multi-word phrases allow up to three words between their parts ("signed a Military Framework
Agreement" matches "sign agreement"). A verb-and-object phrase also matches in the passive, object
first ("sanctions were imposed" for "impose sanction"), when the index is asked for passives.
Looking each token up in a dictionary keeps matching linear in the length of the text, however
many triggers the lexicon holds.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import pairwise

from lemminflect import getAllInflections

from flashpoint.pipeline.annotations import lowers_of, punct_of
from flashpoint.pipeline.clauses import NEGATIONS

MAX_GAP = 3
_PARTICLE_GAP = 2  # "called the strike off"; not "give North Korea nearly $1 billion in aid"
_GAP_MARKS = {"-", '"', "“", "”", "``", "''"}  # may sit inside a phrase: lodged "the strongest protest"
_MONEY = {"$", "€", "£", "us$", "million", "billion", "bn", "mln"}
_FUNCTION_WORDS = {"to", "in", "from", "with", "of", "on", "for", "by", "a", "an", "the", "up", "down", "out", "off"}
# a place phrase in a gap ends the phrase: "Militants in Iraq attacked" is no "militant attack"
_LOCATIVES = {"in", "at", "near", "inside", "outside", "across"}
# the auxiliary of a done passive: "were imposed", "has been lifted"; "will be lifted" is not done
_PASSIVE_BE = frozenset({"was", "were", "is", "are", "been"})
# what may stand between a passive's object and its auxiliary: a prepositional phrase ("sanctions
# on Iran were lifted", "talks of this round were held") or an auxiliary or adverb ("has so far
# been signed"); not another noun ("the border city of Basel was closed": no border was closed)
# or a relative clause ("sanctions that were imposed")
_PASSIVE_GAP_OPENERS = frozenset({"on", "against", "with", "between", "of", "for", "to", "from", "has", "have",
                                  "had", "so", "also", "now", "already", "reportedly", "finally", "formally",
                                  "officially", "subsequently", "later"})


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


def _elements(word: str, pos: str, gap: int, first: bool = False) -> list[tuple[frozenset[str], int]]:
    """One phrase word as (accepted forms, words allowed before it) steps. A function word is that
    word only ("call off strike"), unless it opens the phrase as a verb ("down drone": "downed")."""
    if word in _FUNCTION_WORDS and not (first and forms(word, "VERB") != {word}):
        return [(frozenset({word}), min(gap, _PARTICLE_GAP))]
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
        steps += _elements(word, pos if n == 0 and len(words) == 1 else "both", 0 if n == 0 else MAX_GAP,
                           first=n == 0 and len(words) > 1)
    return steps


def compile_passive(text: str) -> list[tuple[frozenset[str], int]] | None:
    """A verb-and-object phrase in the passive, object first: "impose sanction" as "sanctions
    (on Russia) were imposed", "lift state of emergency" as "the state of emergency has been
    lifted". None for a phrase whose first word is no verb with a past participle, or whose
    object opens with a function word ("agree to halt", "call off strike")."""
    verb, *rest = str(text).lower().split()
    if not rest or rest[0] in _FUNCTION_WORDS or any(w in _FUNCTION_WORDS - {"of"} for w in rest):
        return None
    inflected = getAllInflections(verb, upos="VERB")  # a regular verb's participle is its past
    participles = frozenset(p.lower() for p in inflected.get("VBN") or inflected.get("VBD") or ())
    if not participles:
        return None
    steps = []
    for n, word in enumerate(rest):
        steps += _elements(word, "both", 0 if n == 0 else MAX_GAP)
    return steps + [(_PASSIVE_BE, MAX_GAP), (participles, 1)]


def passive_fits(lowers, start: int, end: int, objects: frozenset[str]) -> bool:
    """Whether a passive match from `start` to `end` reads as one: after its object's words
    (`objects`), the auxiliary or a word that may open the gap before it, and no negation
    ("sanctions were not lifted" were not)."""
    k = start + 1
    while k < end and lowers[k] in objects:
        k += 1
    return (lowers[k] in _PASSIVE_BE or lowers[k] in _PASSIVE_GAP_OPENERS) \
        and NEGATIONS.isdisjoint(lowers[start:end])


class TriggerIndex:
    def __init__(self, entries, passive: bool = False):
        """`passive`: verb-and-object phrases also match in the passive (`compile_passive`), as
        a copy of their entry whose `passive` holds the object's word forms; its arguments are
        read the other way round."""
        self.words: dict[str, list[dict]] = defaultdict(list)  # one-word triggers by their form
        self.first: dict[str, list[tuple[dict, list]]] = defaultdict(list)  # phrases by first word
        for entry in entries:
            pos = entry.get("pos") if entry.get("pos") in ("VERB", "NOUN") else "both"
            for text in [*(entry.get("lemmas") or ()), *(entry.get("phrases") or ())]:
                steps = compile_phrase(text, pos)
                for form in steps[0][0]:
                    if len(steps) == 1:
                        self.words[form].append(entry)
                    else:
                        self.first[form].append((entry, steps[1:]))
            if passive and pos != "NOUN":
                for text in entry.get("phrases") or ():
                    steps = compile_passive(text)
                    if steps:  # the entry, marked with the forms of the phrase's object words
                        turned = {**entry, "passive": frozenset().union(*(forms for forms, _ in steps[:-2]))}
                        for form in steps[0][0]:
                            self.first[form].append((turned, steps[1:]))
        # every word that may come next in a phrase opened by a given word
        self.second = {form: frozenset().union(*(rest[0][0] for _, rest in phrases))
                       for form, phrases in self.first.items()}

    def openers(self) -> set[str]:
        """The words a trigger of this lexicon can begin with."""
        return set(self.words) | set(self.first)


class Lexicons:
    """Several trigger indexes looked up together: one dictionary gives, for a word, what it may
    open in each lexicon, so a document's words are looked up once however many lexicons there are."""

    def __init__(self, *indexes: TriggerIndex):
        self.count = len(indexes)
        by_word: dict[str, list[tuple]] = defaultdict(list)
        for n, index in enumerate(indexes):
            for form in index.openers():
                by_word[form].append((n, index.words.get(form, ()), index.first.get(form), index.second.get(form)))
        # a word's (lexicon, one-word entries, phrases it opens, words that may come next) per lexicon
        self.by_word: dict[str, list[tuple]] = dict(by_word)

    def find(self, doc, starts, blocked=frozenset(), fits=None) -> tuple[list[tuple[int, int, dict]], ...]:
        """Each lexicon's matches opened at `starts` (tokens whose word may open a trigger), longest
        first; a `blocked` token (a word inside a name) is never one of a phrase's own words, though
        it may fill a gap ("rejected a U.S. request"); a match `fits(start, end, entry)` rejects
        leaves its words to others."""
        lowers = lowers_of(doc)
        punct = punct_of(doc)
        found = tuple([] for _ in range(self.count))
        for i in starts:
            reach = None  # the same for every lexicon
            for n, words, phrases, second in self.by_word[lowers[i]]:
                for entry in words:
                    if fits is None or fits(i, i + 1, entry):
                        found[n].append((i, i + 1, entry, 0))
                if phrases is None:
                    continue
                if reach is None:
                    reach = _reach(lowers, punct, i + 1)
                if second.isdisjoint(reach):
                    continue
                for entry, rest in phrases:
                    end = None if rest[0][0].isdisjoint(reach) else _match_rest(lowers, punct, i + 1, rest, blocked)
                    if end and (fits is None or fits(i, end, entry)):
                        found[n].append((i, end, entry, len(rest)))
        return tuple(map(_longest_first, found))


def _stops(lowers, punct, k) -> bool:
    """Whether token `k` ends a phrase's gap: punctuation (a hyphen or a quotation mark does not)
    or a place phrase."""
    return punct[k] and lowers[k] not in _GAP_MARKS or lowers[k] in _LOCATIVES


def _counts(lowers, k) -> bool:
    """Whether token `k` counts as a word of a gap: a hyphenated compound ("a four-day strike")
    counts as one, and a sum of money as none ("signed a $3.5 billion deal")."""
    word = lowers[k]
    return not (word == "-" or (k > 0 and lowers[k - 1] == "-") or word in _MONEY
                or k > 0 and lowers[k - 1] in _MONEY and word.replace(".", "", 1).replace(",", "").isdigit())


def _reach(lowers, punct, j) -> list[str] | set[str]:
    """Every word that a phrase's next word, from token `j` on, could be (all those the widest
    gap passes over): a phrase whose next word is none of them cannot match."""
    near = lowers[j:j + MAX_GAP + 1]
    if "-" not in near and lowers[j - 1] != "-" and _MONEY.isdisjoint(near):  # nothing stretches the gap
        return near
    reach, k, words = set(), j, 0
    while k < len(lowers) and words <= MAX_GAP:
        reach.add(lowers[k])
        if _stops(lowers, punct, k):
            break
        words += _counts(lowers, k)
        k += 1
    return reach


def _match_rest(lowers, punct, j, rest, blocked=frozenset()) -> int | None:
    """Match the remaining steps from token `j`."""
    for accepted, gap in rest:
        k, words = j, 0
        while k < len(lowers) and words <= gap:
            if lowers[k] in accepted and k not in blocked:
                break
            if _stops(lowers, punct, k):
                return None
            words += _counts(lowers, k)
            k += 1
        else:
            return None
        if k >= len(lowers) or words > gap:
            return None
        j = k + 1
    return j


def _longest_first(found):
    """Longest span first; on a tie the phrase with more words of its own ("called off a
    four-day strike" is "call off strike", not "call strike"). `found` is in order of start."""
    if all(a[1] <= b[0] for a, b in pairwise(found)):  # no two overlap: all are kept
        return [(start, end, entry) for start, end, entry, _ in found]
    ordered = sorted(found, key=lambda m: (-(m[1] - m[0]), -m[3], m[0]))
    taken: set[int] = set()
    kept = []
    for start, end, entry, _ in ordered:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            kept.append((start, end, entry))
    return sorted(kept, key=lambda m: m[0])
