"""Names the knowledge base does not know: people and organisations found by the shape of the text.

A person is a run of capitalised words that a title, a person's role, an apposition or speech
introduces ("Staff Sgt. Albert Connelly", "Minister X", "X, a spokesman", "said X"); an
organisation is a capitalised run headed by an organisation word ("Army of the Victorious Sect",
"507th Air Refueling Wing"). `recognise` runs these after the knowledge base's own matches, on
the tokens those leave free. The rules for one candidate are handed the document's token columns
(`columns_of`) rather than the document, so they are not looked up again at every step.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.pipeline.annotations import columns_of, per_document
from flashpoint.pipeline.clauses import sentence_starts, sentences
from flashpoint.pipeline.lexicon import HONORIFICS, MONTHS, NOT_PERSON_WORDS, is_common_word

_APPOSITION = {"a", "an", "the"}
_SPEECH = {"said", "says", "say", "told", "added", "stated", "noted", "wrote", "argued", "warned"}
_SAID = {"said", "says", "added"}  # "..., said Jeffrey Scott." ("told" is followed by whom it was told)
_NAME_PARTICLES = {"al", "bin", "ibn", "de", "van", "von", "el", "abu", "ul"}
_INITIAL = re.compile(r"^[A-Z]\.$")  # "Joseph L. Votel"
_SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}
_COMPOUND_SUFFIXES = {"based", "backed", "led", "run", "held", "born", "style", "era", "linked", "controlled",
                      "allied", "owned", "made", "built", "funded", "affiliated", "aligned", "like"}
_LOCATIVE_BEFORE = {"in", "at", "near", "from", "to", "into", "outside", "toward", "towards"}


def inside_name(doc, i: int, starts, alone: bool = False) -> bool:
    """Token `i` is a capitalised word after another, not opening a sentence: a word of a name
    ("the Houston Rockets", "Royal Dutch Shell", "the Abu Dhabi Rifles"), not a common noun or
    verb ("rockets", "shell", "attack"); `starts` are the document's sentence starts. With `alone`
    a capitalised word on its own counts too ("shifts focus to Lynch", "Thomas J. Lynch"), as does an
    acronym spelt like a word ("3.4 million AIDS tests" is no aid, "Navy SEAL" no seal; "a roadside
    IED" stays a bomb)."""
    cols = columns_of(doc)
    word = cols.text[i]
    if i in starts or i == 0 or i in headline_words(doc) \
            or not (word.istitle() or alone and len(word) >= 3 and word.isupper() and is_common_word(word)):
        return False
    before = cols.text[i - 1]
    return alone or cols.is_alpha[i - 1] and before[:1].isupper() and cols.lower[i - 1] not in STOP_WORDS


@per_document
def headline_words(doc) -> set[int]:
    """Tokens of sentences written in title case ("Poland and India Ratify New Cooperation
    Agreement"): there every word is capitalised, names or not. A sentence is one when all its
    words of four letters or more, three at least, are capitalised; a sentence dense with names
    still has a verb in lower case ("... is controlled by Crescott Investment Associates")."""
    cols = columns_of(doc)
    found: set[int] = set()
    for start, end in sentences(doc):
        long = [cols.text[i][:1].isupper() for i in range(start, end) if cols.is_alpha[i] and len(cols.text[i]) >= 4]
        if len(long) >= 3 and all(long):
            found.update(range(start, end))
    return found


@per_document
def capitals(doc) -> list[int]:
    """Tokens that open with a capital or a digit, where a name or designation can start; read from
    the token texts once per document, so the rules need not make a Token of every word."""
    texts = columns_of(doc).text  # a token is never empty
    return [i for i, text in enumerate(texts) if text[0].isupper() or text[0].isdigit()]


@per_document
def _name_words(doc) -> set[int]:
    """Tokens that may be a word of a name: shaped like one and not opening a sentence."""
    return _name_shaped(doc) - sentence_starts(doc)


@per_document
def _name_shaped(doc) -> set[int]:
    """Tokens shaped like a name word: capitalised, and letters or with a hyphen or apostrophe."""
    cols = columns_of(doc)
    texts, alpha = cols.text, cols.is_alpha
    return {i for i in capitals(doc) if (alpha[i] or "-" in texts[i] or "'" in texts[i] or "’" in texts[i])
            and texts[i][:1].isupper()}


def _name_run(cols, start, names, limit=4) -> int:
    """End of a run of capitalised name words starting at `start`, allowing particles ("al-",
    "bin"), middle initials ("Joseph L. Votel") and suffixes ("Charles H. Keating IV"); `names` are
    the document's `_name_words`."""
    texts, lowers, n = cols.text, cols.lower, len(cols.text)
    end, words = start, 0
    while end < n and words < limit:
        if end in names or (end > start and lowers[end] in _NAME_PARTICLES):
            end, words = end + 1, words + 1
            continue
        if end == start:
            break
        text = texts[end]  # no name word: an initial, a hyphen, a quoted nickname or a suffix may follow
        if end + 1 < n and end + 1 in names and (_INITIAL.match(text) or joined_particle(cols, end)):
            end += 1
        elif text == "-" and _joined_part(cols, end):
            end += 2  # "Ban Ki-moon"
        elif text in _NICKNAME_OPENERS and _nickname(cols, end, names):
            end = _nickname(cols, end, names)
        elif text in _SUFFIXES:
            end += 1
            break
        else:
            break
    while end > start and (lowers[end - 1] in _NAME_PARTICLES or texts[end - 1] == "-"):
        end -= 1  # a particle does not end a name
    return end


def _nickname(cols, i, names) -> int | None:
    """Col. John "J.D." Dorrian: a quoted nickname inside a name; where the name goes on after it."""
    texts = cols.text
    if texts[i] not in _NICKNAME_OPENERS:
        return None
    for j in range(i + 2, min(i + 5, len(texts) - 1)):
        if texts[j] in ('"', "”", "'", "’"):
            return j + 1 if j + 1 in names else None
    return None


_NICKNAME_OPENERS = {'"', "“", "'", "‘"}


def _joined_part(cols, i) -> bool:
    """"-moon" in "Ki-moon": a hyphen written without spaces, then a lower-case part of the name."""
    return cols.text[i] == "-" and i + 1 < len(cols.text) and not cols.space[i - 1] and not cols.space[i] \
        and cols.is_alpha[i + 1] and cols.is_lower[i + 1] and cols.lower[i + 1] not in _COMPOUND_SUFFIXES


def joined_particle(cols, i) -> bool:
    """The hyphen of "al-Abadi", "Al-Ja'afari": written without spaces after a particle."""
    return cols.text[i] == "-" and cols.lower[i - 1] in _NAME_PARTICLES and not cols.space[i - 1] \
        and not cols.space[i]


def _honorific_before(cols, i) -> bool:
    """"Gen. Joseph Votel", "Staff Sgt. Albert Connelly", "Secretary Kerry"."""
    j = i - 1 if i > 0 and cols.text[i - 1] == "." and not cols.space[i - 2] else i
    if j <= 0:
        return False
    title = cols.text[j - 1].rstrip(".")
    return title[:1].isupper() and title.lower() in HONORIFICS


def people(doc, kept, role_kinds):
    """People the knowledge base does not know, introduced by a title, role, apposition or speech;
    a name after a company noun is the company's ("the German company Züblin")."""
    covered = {i for s, e, _, _ in kept for i in range(s, e)}
    roles_end = {e: role_kinds.get(key) for s, e, label, key in kept if label == "ROLE"}
    out = list(kept)
    names = _name_words(doc)
    cols = columns_of(doc)
    texts, lowers = cols.text, cols.lower
    kunyas = {i - 1 for i in names if i > 0 and texts[i - 1] == "Abu"}  # "Abu" and a name word, even opening a sentence
    for i in sorted((names | kunyas) - covered):
        if i in covered:
            continue
        kunya = i in kunyas
        if lowers[i] in STOP_WORDS or _is_title(cols, i):
            continue
        end = _name_run(cols, i + 1, names, limit=4) if kunya else _name_run(cols, i, names, limit=5)
        if end == i or not covered.isdisjoint(range(i, end)):  # a run ends at its start or after it
            continue
        after = lowers[end] if end < len(doc) else ""
        role = _introduced_by(cols, i, end, roles_end)
        if role == "company":
            out.append((i, end, "ORG", None))
            covered.update(range(i, end))
            continue
        titled = role == "person" or _honorific_before(cols, i)
        if not (titled or after == "," or after in _SPEECH or i > 0 and lowers[i - 1] in _SAID or texts[i] == "Abu"):
            continue  # no cue below can hold: a title, an apposition, speech, a quote or a kunya
        words = _words(cols, i, end)
        if _not_a_person(cols, i, end) or not (titled and words >= 2) and is_common_word(texts[i]):
            continue  # "Peter Cook" after a title, but not "Will" or "Mark" alone, nor "Reserve Command"
        apposition = after == "," and end + 1 < len(doc) and lowers[end + 1] in _APPOSITION \
            and any(m[2] == "ROLE" and end + 1 < m[0] <= end + 8 for m in kept)
        spoken = after in _SPEECH and words >= 2
        quoted = i > 0 and lowers[i - 1] in _SAID and after in (",", ".", "") and not _acronym(cols, i, end)
        if titled or (apposition and words >= 2) or spoken or quoted or _kunya(cols, i, end):
            out.append((i, end, "PERSON", None))
            covered.update(range(i, end))
    return _people_again(doc, sorted(out), covered)


def _not_a_person(cols, start, end) -> bool:
    """"Reserve Command", "University College Hospital", "ENERGY WALES ANNUAL CONFERENCE": an
    organisation's head, a word that names a thing or place, or a run of capitals is no person."""
    tokens = range(start, end)
    return cols.lower[tokens[-1]] in ORG_HEADS or any(cols.lower[k] in NOT_PERSON_WORDS for k in tokens) \
        or all(cols.text[k].isupper() for k in tokens if cols.is_alpha[k])



def _words(cols, start, end) -> int:
    """Name words in a run, not counting particles, initials and hyphens: "Al-Ahram" is one."""
    return sum(1 for k in range(start, end)
               if cols.is_alpha[k] and cols.lower[k] not in _NAME_PARTICLES and len(cols.text[k]) > 1)


def _acronym(cols, start, end) -> bool:
    """"said IRENA", "said GTM Research": an upper-case word makes the speaker an organisation."""
    return any(cols.text[k].isupper() and len(cols.text[k]) > 1 for k in range(start, end))


def _introduced_by(cols, start, end, roles_end) -> str | None:
    """What the role noun just before a name (or before a comma before it) makes of it: "person"
    after a person's role ("Minister X"), after a singular group noun written as a title or with a
    full name ("Judge Frederic Block", "activist Jo Crotty"), or after a plural one with a list of
    full names ("the chief negotiators, Petar Petkovic and Besnik Bislimi"); "company" after a
    company noun; None otherwise ("militant Sunni", "local Arabs", "officials, New York state")."""
    texts = cols.text
    comma = texts[start - 1] == "," if start > 0 else False
    at = start - 1 if comma else start
    if at not in roles_end:
        return None
    kind = roles_end[at]
    if kind in ("person", "company"):
        return kind
    if all(is_common_word(texts[k]) for k in range(start, end) if cols.is_alpha[k]):
        return None  # "the Official Security Assistance programme": a group noun needs a real name after it
    full, plural = _words(cols, start, end) >= 2, cols.lower[at - 1].endswith("s")  # the role word
    after = texts[end] if end < len(texts) else ""
    if comma:  # a plural noun needs the list to end there: not "officials, New York state governor X"
        return "person" if full and (not plural or after in (",", ".", "and", "")) else None
    if plural:  # "Parliamentarians Mahinda Amaraweera", not "local Arabs"
        return "person" if cols.is_title[at - 1] and full else None
    return "person" if cols.is_title[at - 1] or full else None


def _is_title(cols, i) -> bool:
    """"Capt" in "Navy Capt. Jeff Davis" is a title, not a name."""
    word = cols.lower[i].rstrip(".")
    if word not in HONORIFICS:
        return False
    texts = cols.text
    abbreviated = texts[i].endswith(".") or (i + 1 < len(texts) and texts[i + 1] == ".")
    return abbreviated or word in ("secretary", "commodore", "sheikh")


def _kunya(cols, start, end) -> bool:
    """"Abu Musab al-Zarqawi", "Abu Jandal al-Kuwaiti": an Arabic kunya with a name after it is a
    person's name, unless a locative or an article makes it a place ("near Abu Kamal", "the Abu Shouk
    camp"); "Abu" and one word alone is as often a town and needs another cue."""
    before = cols.lower[start - 1] if start > 0 else ""
    words = [k for k in range(start, end) if cols.is_alpha[k] and cols.lower[k] not in _NAME_PARTICLES]
    return cols.text[start] == "Abu" and len(words) >= 2 and before not in _LOCATIVE_BEFORE and before != "the"


def _people_again(doc, kept, covered):
    """A name found once is a name wherever it recurs, even at a sentence start ("Boris Johnson met ...")."""
    texts = columns_of(doc).text
    names = {tuple(texts[s:e]) for s, e, label, _ in kept if label == "PERSON" and e - s >= 2}
    if not names:
        return kept
    first = {name[0] for name in names}
    out = list(kept)
    for i in capitals(doc):
        if texts[i] not in first or i in covered:
            continue
        for name in names:
            end = i + len(name)
            if tuple(texts[i:end]) == name and covered.isdisjoint(range(i, end)):
                out.append((i, end, "PERSON", None))
                covered.update(range(i, end))
                break
    return sorted(out)


# the head word of an organisation's name: "Amnesty International", "Rapid Support Forces", "Army of the
# Victorious Sect", "507th Air Refueling Wing"
ORG_HEADS = {"organization", "organisation", "international", "committee", "council", "front", "party",
             "movement", "army", "union", "agency", "institute", "watch", "foundation", "commission",
             "federation", "alliance", "association", "league", "brigade", "brigades", "battalion", "corps",
             "forces", "cross", "crescent", "network", "coalition", "group", "fund", "court", "tribunal",
             "assembly", "congress", "society", "observatory", "mission", "authority", "guard", "militia",
             "force", "navy", "command", "department", "ministry", "government", "directorate", "bureau",
             "board", "wing", "squadron", "regiment", "division", "fleet", "service", "services", "company",
             "corporation", "university", "academy", "police", "administration", "office", "centre", "center"}
# heads that name one organisation even alone when capitalised inside a sentence ("the Coalition")
PROPER_HEADS = {"coalition", "committee", "commission", "alliance", "league", "federation", "observatory"}
_ORG_INNER = {"of", "for", "and", "the", "on", "de", "al"}
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_COMMON_LABELS = {"ROLE", "TYPE_NOUN", "WEAPON_WORD"}  # lower-case words a capitalised name may contain
_COUNTRY_LABELS = {"ADJ", "COUNTRY"}
_INNER_LABELS = _COMMON_LABELS | {"REGION"}  # "Black Sea Fleet", "Islamic Society of North America"
_OPENING_LABELS = _COUNTRY_LABELS | _INNER_LABELS


def organisations(doc, kept, heads: list[int]):
    """Capitalised names the knowledge base lacks, headed by an organisation word. The name may
    contain role nouns ("Syrian Electronic Army", "Kurdistan Regional Government") and open with a
    country word or an ordinal ("507th Air Refueling Wing"); a country word followed by role nouns
    only ("Iraqi Security Forces") is left to resolve, which codes it as that country's group.
    `heads` are the document's organisation words (`ORG_HEADS` in any case), in order."""
    at = {i: m for m in kept for i in range(m[0], m[1])}
    cols = columns_of(doc)
    out = list(kept)
    after = 0  # where the last name ended
    for i in _near_heads(doc, kept, heads):
        first = at.get(i)
        if i < after or not _org_start(cols, i, first):
            continue
        end = first[1] if first else i + 1
        while end < len(doc) and end - i < 8:
            step = _org_step(cols, i, end, at.get(end), first)
            if not step:
                break
            end = step
        end = _trim(cols, i, _before_trailing_roles(cols, i, end, at))
        inside = [m for m in kept if i <= m[0] and m[1] <= end] if _headed(cols, i, end) else None
        if inside is not None and _named_org(cols, i, end, inside):
            country = first[3] if first and first[2] == "ADJ" else None  # not "Ukraine Defense Contact Group"
            out = [m for m in out if m not in inside]
            out.append((i, end, "ORG", country))
            after = end
        elif first:
            after = first[1]
    return _proper_heads(doc, sorted(out), heads)


def _near_heads(doc, kept, heads) -> list[int]:
    """The capitals close enough before an organisation word to open a name it heads: a name runs
    at most seven words and one mention past its start, so the others cannot (and a start that
    heads nothing leaves nothing behind, since no mention opens inside another)."""
    reach = 7 + max((m[1] - m[0] for m in kept), default=1)
    caps, near, done = capitals(doc), [], -1
    for head in heads:
        near.extend(caps[bisect_left(caps, max(head - reach, done + 1)):bisect_right(caps, head)])
        done = head
    return near


def _org_start(cols, i, mention) -> bool:
    if mention is not None:
        return mention[0] == i and mention[2] in _OPENING_LABELS and cols.is_title[i]
    if _ORDINAL.match(cols.text[i]):
        return True
    return cols.is_title[i] and cols.is_alpha[i] and cols.lower[i] not in STOP_WORDS and cols.lower[i] not in MONTHS


def _org_step(cols, start, end, mention, first) -> int | None:
    """Where the name that opens at `start` goes on after token `end`, or None where it stops. "and"
    inside a name ("National Oceanic and Atmospheric Administration", "Board of Antiquities and
    Heritage") does not follow a lone country word or a finished name, nor come before "the": those
    join two names ("the U.S. and Royal Navy", "the Coalition and the Government of Iraq")."""
    lowers, title = cols.lower, cols.is_title
    if lowers[end] == "and" and (
            (first is not None and first[2] in _COUNTRY_LABELS and first[1] == end)
            or lowers[end - 1] in ORG_HEADS or (end + 1 < len(cols.text) and lowers[end + 1] == "the")):
        return None
    if mention is not None:
        whole = mention[0] == end and mention[2] in _INNER_LABELS
        return mention[1] if whole and all(title[k] for k in range(mention[0], mention[1])) else None
    if title[end] and cols.is_alpha[end]:
        return end + 1
    if lowers[end] in _ORG_INNER and not title[end]:
        nxt = end + 1 if end + 1 < len(cols.text) and lowers[end + 1] != "the" else end + 2  # "Army of the ..."
        return end + 1 if nxt < len(cols.text) and title[nxt] and cols.is_alpha[nxt] else None
    return None


def _before_trailing_roles(cols, start, end, at) -> int:
    """"the Tamil National Alliance Parliamentarians": the name ends at its head, before role nouns."""
    cut = end
    while cut > start + 1 and at.get(cut - 1) is not None and at[cut - 1][2] == "ROLE":
        cut = at[cut - 1][0]
    return cut if cut < end and cols.lower[cut - 1] in ORG_HEADS else end


def _trim(cols, start, end) -> int:
    lowers = cols.lower
    while end > start + 1 and lowers[end - 1] in _ORG_INNER:
        end -= 1
    return end


def _headed(cols, start, end) -> bool:
    """Two words or more, headed by an organisation word: the last, or the one before "of"/"for"."""
    if end - start < 2:
        return False
    words = cols.lower[start:end]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for")), len(words))
    return cut > 0 and words[cut - 1] in ORG_HEADS


def _named_org(cols, start, end, inside) -> bool:
    """At least one word of the name is neither a country word nor a role noun."""
    known = {k for m in inside if m[2] in _COUNTRY_LABELS | _COMMON_LABELS for k in range(m[0], m[1])}
    return any(k not in known and cols.is_alpha[k] and cols.lower[k] not in _ORG_INNER for k in range(start, end))


def _proper_heads(doc, kept, heads):
    """"the Coalition", "Coalition aircraft": an organisation word capitalised on its own inside a
    sentence names one organisation; at a sentence start it does when the document also writes it so
    inside a sentence."""
    lowers = columns_of(doc).lower
    if PROPER_HEADS.isdisjoint(lowers[i] for i in heads):  # each one is an organisation word
        return kept
    covered = {i for s, e, _, _ in kept for i in range(s, e)}
    starts = sentence_starts(doc)
    cols = columns_of(doc)
    heads = [i for i in capitals(doc) if i not in covered and cols.lower[i] in PROPER_HEADS and cols.is_title[i]]
    proper = {cols.text[i] for i in heads if i not in starts}
    found = [(i, i + 1, "ORG", None) for i in heads if cols.text[i] in proper]
    return sorted(kept + found) if found else kept
