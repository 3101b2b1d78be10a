"""Finding a record's arguments around its trigger: actors, date, place, weapons, attribution.

Without a parser, position does the work: the subject is the nearest actor before the trigger
in its clause (with "X and Y" kept together), the object the nearest after it; "by X" after a
passive verb names the actor; a party's own statement is a claim, a third party's a report.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import islice
from operator import attrgetter

from lemminflect import getAllInflections

from flashpoint.pipeline.annotations import (
    annotations,
    columns_of,
    per_document,
    text_of,
    token_range,
    token_span,
)
from flashpoint.pipeline.clauses import Clause, sentences
from flashpoint.pipeline.lexicon import LOCATIVE, lemmas

_JOINERS = {"and", ",", "&", "-", "–", "the"}
_COUNTERPART = {"counterpart", "counterparts"}
_APPOSITIVE = {"his", "her", "their", "its"} | _COUNTERPART
_LIST_MARKS = _JOINERS - {"the"}  # "Iran, Libya and Cuba"
_SUBJECT_JOINERS = _JOINERS | _APPOSITIVE  # "Erdogan and his Russian counterpart"
_OBJECT_JOINERS = _JOINERS | {"or"}
# words that end the reach of a trigger's object: a relative clause, or the grounds of an arrest or
# a charge ("arrested a man on suspicion of spying for Russia": Russia is not arrested)
STOPS = {"which", "who", "whom", "whose", "that", "while", "when", "where", "suspicion", "charges"}
MAX_OBJECT_DISTANCE = 10
_SINCE = {"since", "from"}


def actor_ref(actor) -> dict:
    return {"id": actor.id, "name": actor.name, "code": actor.code, "country": actor.country}


def clause_actors(doc, clause: Clause, attribution=None, trigger: int | None = None):
    """Actor mentions in the clause, minus the speaker of its attribution and place uses; a
    speech act that is itself the record ("X denied ...") keeps its speaker."""
    inside = _arguable(doc, clause.start, clause.end)
    speaker = attribution.claimant.get("id") if attribution and attribution.claimant else None
    cue = attribution.cue if attribution else None
    if not (speaker and cue):
        return list(inside)
    # the speaker, named just before its verb or inside "according to X"
    kept = [m for m in inside if not (m.actor == speaker and cue[0] - 80 < m.end_char and m.start_char < cue[1])]
    if len(kept) == len(inside) or trigger is not None and (cue[0] <= columns_of(doc).idx[trigger] < cue[1]
                                                            or _speaker_acts(doc, cue, trigger)):
        return list(inside)
    return kept


def arguable_in(doc, clause: Clause) -> list:
    """The actor mentions of the clause that may be arguments; its speaker not taken out."""
    return _arguable(doc, clause.start, clause.end)


def _arguable(doc, start: int, end: int) -> list:
    """The actor mentions within tokens `start`..`end` that may be arguments (no place uses, no
    venues), found once per span: every record of a clause asks for the same."""
    found = doc.user_data.setdefault("flashpoint_arguable", {})
    key = (start, end)
    if key not in found:
        mentions = annotations(doc).actor_mentions  # in order of their start
        first, last = bisect_left(mentions, start, key=_start), bisect_left(mentions, end, key=_start)
        found[key] = [m for m in mentions[first:last] if m.end <= end and not m.place_use and m.role != "venue"]
    return found[key]


_start = attrgetter("start")


_SPEAKER_SUBJECT = {"it", "they", "he", "she", "we"}
_POSSESSIVES = {"its", "their", "his", "her", "our"}
_QUOTES = {'"', "“", "”", "``", "''", "'", "‘", "’"}
_BETWEEN_SPEAKER_AND_ACT = _SPEAKER_SUBJECT | {
    "that", "would", "will", "'ll", "is", "are", "was", "were", "be", "been", "has", "have", "had", "ready",
    "willing", "prepared", "to", "a", "an", "the", "its", "their", "his", "her", "also", "again", "now", "soon",
    "later", "on", "this", "last", "next", "today", "not", "never", "new", "further"}


def _speaker_acts(doc, cue, trigger: int) -> bool:
    """"Italy announced a suspension of ...", "Nigeria said it will withdraw ...": the speaker is
    the subject of the act that follows its verb, as object or through a pronoun."""
    cols = columns_of(doc)
    idx, lowers = cols.idx, cols.lower
    if idx[trigger] < cue[1]:
        return False
    first = _cue_end(doc, cue)
    first = trigger if first is None else first
    times = {i for x in times_within(doc, cue[1], idx[trigger]) for i in range(first, trigger) if x.start <= idx[i] < x.end}
    words = (i for i in range(first, trigger) if i not in times and cols.text[i] not in _QUOTES)
    between = list(islice(words, 9))
    if len(between) > 8:
        return False
    own = any(lowers[i] in _POSSESSIVES for i in between)  # "said its forces had destroyed"
    roles = _role_tokens(doc) if own else ()
    return all(lowers[i] in _BETWEEN_SPEAKER_AND_ACT or own and i in roles
               or lowers[i].endswith("ly") and cols.is_lower[i] for i in between)


@per_document
def _role_tokens(doc) -> set[int]:
    """The tokens of role nouns, read once."""
    return {i for m in annotations(doc).mentions if m.label == "ROLE" for i in range(m.start, m.end)}


def _cue_end(doc, cue) -> int | None:
    """The token after an attribution cue, found once per cue: every trigger after it asks."""
    ends = doc.user_data.setdefault("flashpoint_cue_ends", {})
    if cue not in ends:
        span = token_span(doc, *cue)
        ends[cue] = span[1] if span is not None else None
    return ends[cue]


def group_left(doc, mentions, trigger_start: int):
    """The subject: the nearest actor mention before the trigger, with those coordinated with it;
    an apposition between them is skipped ("Pakistan, a key U.S. ally, has refused")."""
    before = [m for m in mentions if m.end <= trigger_start]
    aside = _apposition_before(doc, trigger_start) if before else None
    if aside:
        before = [m for m in before if not aside[0] <= m.start < aside[1]]
    if len(before) < 2:
        return before  # one name: no list to gather, no noun it might modify
    described = _described(doc)
    while len(before) > 1 and _modifies_noun(doc, before[-1], described, before[-2]):
        before.pop()  # "mobilized pressure groups in the United States to help": the groups' place
    lowers = columns_of(doc).lower
    group = [before[-1]]
    for m in reversed(before[:-1]):
        between = range(m.end, group[0].start)
        joined = any(lowers[k] == "and" for k in between) or all(lowers[k] in _LIST_MARKS for k in between)
        if (m.start, m.end) == (group[0].start, group[0].end) or joined and all(
                lowers[k] in _SUBJECT_JOINERS or k in described for k in between):
            group.insert(0, m)
        else:
            break
    return group


@per_document
def _described(doc) -> set[int]:
    """The tokens of country adjectives and role nouns, which describe a name's noun, read once."""
    return {i for x in annotations(doc).mentions if x.label in ("ADJ", "ROLE") for i in range(x.start, x.end)}


_PP_MODIFIERS = {"in", "of", "from", "at", "near", "inside"}


def _modifies_noun(doc, m, described, earlier) -> bool:
    """A name in a prepositional phrase after a common noun ("groups in the United States",
    "bombers of the U.S. airliner") modifies that noun and is not its clause's subject, when
    a name stands before the noun."""
    cols = columns_of(doc)
    i = m.start - 1
    while i > earlier.end and cols.lower[i] == "the":
        i -= 1
    if i - 1 <= earlier.end or cols.lower[i] not in _PP_MODIFIERS:
        return False
    head = i - 1
    return cols.is_alpha[head] and cols.is_lower[head] and head not in described \
        and not _participle(cols.lower[head]) and "NOUN" in lemmas(cols.lower[head])


_AUX = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "also", "then", "later", "again", "now",
        "reportedly", "already"}
_APPOSITION_OPENERS = {"a", "an", "the", "who", "which", "whose", "one", "its", "his", "her", "their"}


def _apposition_before(doc, start: int) -> tuple[int, int] | None:
    """The token span of ", a key U.S. ally in the war against terrorism," just before a verb."""
    cols = columns_of(doc)
    texts, lowers = cols.text, cols.lower
    i = start - 1
    while i > 0 and lowers[i] in _AUX:
        i -= 1
    if i <= 0 or texts[i] != ",":
        return None
    for j in range(i - 1, max(0, i - 16), -1):
        if texts[j] == ",":
            return (j, i) if lowers[j + 1] in _APPOSITION_OPENERS else None
        if cols.is_punct[j] and texts[j] not in ("-", "'s", "’s", "."):
            return None
    return None


def apposition_span(doc, i: int) -> bool:
    """Whether token `i` sits inside ", a ... ," or ", which ... ," before the clause's verb."""
    cols = columns_of(doc)
    texts = cols.text
    for j in range(i - 1, max(-1, i - 16), -1):
        if texts[j] == ",":
            return j + 1 < len(doc) and cols.lower[j + 1] in _APPOSITION_OPENERS
        if cols.is_punct[j] and texts[j] not in ("-", "'s", "’s", "."):
            return False
    return False


_PRONOUNS = {"it", "they"}
_PREPOSITIONS = {"from", "with", "by", "to", "of", "in", "at", "on", "for", "against", "about", "into"}


def elided_subject(doc, start: int):
    """"It took delivery of ...", "... and last month signed a contract": with no subject near
    the verb, the state the sentence (or, after "It", the sentence before) is about."""
    ann = annotations(doc)
    sentences_ = sentences(doc)
    index = next(n for n, (a, b) in enumerate(sentences_) if a <= start < b)
    first_word = columns_of(doc).lower[sentences_[index][0]]
    candidates = [sentences_[index]]
    if first_word in _PRONOUNS and index:
        candidates.insert(0, sentences_[index - 1])
    for a, b in candidates:
        states = [m for m in ann.actor_mentions if a <= m.start < min(b, start) and not m.place_use
                  and m.role != "venue" and ann.actors[m.actor].kind in ("state", "group")]
        if states and (first_word in _PRONOUNS or states[0].start == a):
            return [states[0]]
    return []


def coordinated_verb(doc, start: int, left) -> bool:
    """"..., and last month signed a contract with X": a verb after "and" whose nearest names on
    the left are all objects of prepositions has lost its subject to the coordination."""
    lowers = columns_of(doc).lower
    opened = "and" in lowers[max(0, start - 4):start]
    return bool(opened and left) and all(m.start > 0 and lowers[m.start - 1] in _PREPOSITIONS for m in left)


def group_right(doc, mentions, trigger_end: int, preps=None):
    """The object: the nearest actor after the trigger (after one of `preps` if given), with those
    listed after it however long the list ("to Iran, Libya, North Korea, Sudan, and Cuba")."""
    lowers = columns_of(doc).lower
    after = [m for m in mentions if trigger_end <= m.start <= trigger_end + MAX_OBJECT_DISTANCE
             and STOPS.isdisjoint(lowers[trigger_end:m.start])]
    if preps:
        after = [m for m in after if _preceded_by(doc, m, trigger_end, preps)]
    if not after:
        return []
    group = [_possessed(doc, mentions, after[0])]
    following = sorted((m for m in mentions if m.start >= group[0].start and m is not group[0]), key=_start)
    for m in following:
        if (m.start, m.end) == (group[-1].start, group[-1].end) or _OBJECT_JOINERS.issuperset(lowers[group[-1].end:m.start]):
            group.append(m)
        else:
            break
    return group


def _possessed(doc, mentions, m):
    """"a contract with Turkey's Baykar", "talks with Russia's Wagner Group": the name a possessive
    owns is the argument, not its owner (as the subject already is: "Turkey's Baykar signed").
    The owner stays when the name has no code ("Kuwait's Sheikh Sabah", unknown), when it only
    modifies a noun ("Montenegro's NATO request"), or when it is a person the knowledge base
    places in another country than the owner says (a namesake: "Jordan's King Abdullah")."""
    cols = columns_of(doc)
    if not (m.end + 1 < len(cols.text) and cols.text[m.end] in ("'s", "’s")):
        return m
    actors = annotations(doc).actors
    owner = actors[m.actor]
    for o in mentions:
        if o.start != m.end + 1:
            continue
        owned = actors[o.actor]
        heads = o.end >= len(cols.text) or cols.is_punct[o.end] or cols.lower[o.end] in NOT_MODIFIERS
        namesake = owned.kind == "person" and owner.country and owned.country != owner.country
        if owned.code and heads and not namesake:
            return o
    return m


def _preceded_by(doc, m, floor: int, preps) -> bool:
    """One of `preps` shortly before the mention, also across the counterpart it names ("with
    his Turkish counterpart, Hulusi Akar")."""
    cols = columns_of(doc)
    lowest, i = max(floor, m.start - 4), m.start - 1
    while i >= lowest:
        if cols.lower[i] in preps:
            return True
        if cols.is_punct[i]:
            if cols.text[i] != "," or i - 1 < floor or cols.lower[i - 1] not in _COUNTERPART:
                return False
            lowest = max(floor, i - 5)
        i -= 1
    return False


NOMINAL_BEFORE = {"the", "a", "an", "of", "these", "those", "its", "their", "his", "her", "another", "new", "recent",
                  "latest", "ongoing", "deadly", "border", "fresh", "renewed", "heavy", "recurring", "previous",
                  "such", "any", "further", "in", "for", "amid", "after", "before", "over", "'s", "’s", "up"}


def is_nominal(doc, start: int) -> bool:
    """A trigger used as a noun ("the use of", "deadly clashes"), judged by the word before it."""
    return start > 0 and columns_of(doc).lower[start - 1] in NOMINAL_BEFORE


NOT_MODIFIERS = {"of", "in", "on", "at", "for", "with", "by", "from", "to", "against", "after", "before", "during",
                  "amid", "over", "under", "and", "or", "but", "that", "which", "who", "is", "are", "was", "were",
                  "be", "been", "has", "have", "had", "not", "no"}


def support_verb(doc, start: int, verbs) -> int | None:
    """The verb whose object a nominal trigger is ("launched a mediation effort", "issued an
    ultimatum", "continued their hunger strike"): one of `verbs`, with at most three determiners
    or modifiers between."""
    cols = columns_of(doc)
    for i in range(start - 1, max(-1, start - 5), -1):
        word = cols.lower[i]
        if word in verbs:
            return i
        if word in NOT_MODIFIERS or not (cols.is_alpha[i] and cols.is_lower[i] or doc[i].like_num):
            return None
    return None


def possessor(doc, mentions, start: int):
    """"Kyrgyzstan's use", "Kyrgyz use", "Azerbaijan's lightning offensive": the actor that owns a
    nominal trigger, with at most two lower-case modifiers between."""
    cols = columns_of(doc)
    for m in mentions:
        if m.end == start:
            return [m]
        if m.end < start and m.end < len(doc) and cols.text[m.end] in ("'s", "’s", "'") and start - m.end <= 3 \
                and all(cols.is_lower[k] and cols.is_alpha[k] for k in range(m.end + 1, start)):
            return [m]
    return []


def next_word(doc, i: int):
    """The token at `i` or after it, skipping quotation marks."""
    while i < len(doc) and doc[i].text in ('"', "“", "”", "'", "’", "‘"):
        i += 1
    return doc[i] if i < len(doc) else None


_BE = {"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"}
_ADVERBS = {"reportedly", "allegedly", "also", "later", "then", "all", "not", "never", "already", "apparently"}


def is_passive(doc, start: int) -> bool:
    """"were killed", "had been reportedly shot", "came under fire": the subject is acted upon."""
    lowers = columns_of(doc).lower
    word = lowers[start]
    if start > 0 and lowers[start - 1] == "under":
        return True
    if word in _ADJECTIVAL and start + 1 < len(lowers) and lowers[start + 1] == "to":
        return False  # "Israel is opposed to French mediation": a stance, not a passive
    if not (word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES or _participle(word)):
        return False
    i = start - 1
    while i >= 0 and lowers[i] in _ADVERBS:
        i -= 1
    return i >= 0 and lowers[i] in _BE


@lru_cache(maxsize=4096)
def _participle(word: str) -> bool:
    """"blown", "flown", "drawn": a past participle by lemminflect's tables."""
    return any(word in _past_participles(lemma) for lemma in lemmas(word).get("VERB", ()))


@lru_cache(maxsize=4096)
def _past_participles(lemma: str) -> tuple[str, ...]:
    """A verb's past participles, looked up once per verb (lemminflect copies its tables at every call)."""
    return tuple(getAllInflections(lemma, upos="VERB").get("VBN", ()))


_ADJECTIVAL = {"opposed", "committed", "determined", "dedicated", "prepared", "inclined", "resolved", "obliged",
               "devoted", "pledged", "sworn"}
_IRREGULAR_PARTICIPLES = {"hit", "shot", "struck", "fought", "caught", "held", "seized", "beaten", "slain", "thrown",
                          "shut", "cut", "put", "set", "led", "sent", "sold", "bought", "brought", "met", "won", "lost"}


def name_starts(lowers, i: int) -> set[int]:
    """Where a name standing at token `i` may begin: there, or after a "the" there ("by the UN",
    "strikes on the Gaza Strip": a mention may or may not hold its article)."""
    return {i, i + 1} if i < len(lowers) and lowers[i] == "the" else {i}


def passive_agent(doc, mentions, trigger_end: int):
    lowers = columns_of(doc).lower
    if trigger_end < len(lowers) and lowers[trigger_end] == "by":
        starts = name_starts(lowers, trigger_end + 1)
        return [m for m in mentions if m.start in starts][:1]
    return []


def attribution_for(doc, clause: Clause, trigger: int, parties: set[str], outlet: str | None):
    """The record's attribution: the cue governing its trigger, or the article itself."""
    found = annotations(doc).attributions.get((clause.start, clause.end))
    if found and not found.governs(trigger):
        found = None
    if not found or found.claimant is None:
        status = found.status if found else "asserted"
        return {"claimant": {"id": None, "name": outlet or "the article"}, "status": status}, found
    status = found.status
    if status == "reported" and found.claimant.get("country") in parties:
        status = "claimed"
    return {"claimant": found.claimant, "status": status}, found


def date_for(doc, clause: Clause, trigger_start: int, dct: str | None):
    """The date of the trigger: a temporal expression of its sentence that no other trigger is
    nearer to, the nearest such in its clause first."""
    dates, others, frame = _sentence_dates(doc, clause)
    if not dates:
        return None
    idx = columns_of(doc).idx
    here = idx[trigger_start]
    mine = []
    for t in dates:
        if not (t.begin or t.value == "PRESENT_REF"):
            continue
        named = _attributive(doc, t)
        if named is not None and not named <= trigger_start < named + _NOUN_PHRASE:
            continue  # "agreed to restore the 2003 ceasefire": the date of the ceasefire, not of the agreement
        nearest = min(others or [here], key=lambda p: abs(p - t.start))
        if abs(nearest - t.start) >= abs(here - t.start):
            mine.append(t)
    if not mine:
        return date_of(doc, frame, dct) if frame else None
    in_clause = [t for t in mine if idx[clause.start] <= t.start <= idx[clause.end - 1]]
    timex = min(in_clause or mine, key=lambda t: abs(t.start - here))
    found = date_of(doc, timex, dct)
    between = text_of(doc)[min(here, timex.start):max(here, timex.start)].lower().split()
    if "since" in between and dct:
        found["end"] = dct
    return found


def _sentence_dates(doc, clause: Clause) -> tuple[list, list[int], object]:
    """The dates of the clause's sentence, where its triggers begin and the date that opens it,
    found once per sentence: every record in it asks."""
    found = doc.user_data.setdefault("flashpoint_sentence_dates", {})
    if clause.sent_start not in found:
        found[clause.sent_start] = _read_sentence_dates(doc, clause)
    return found[clause.sent_start]


def _read_sentence_dates(doc, clause: Clause) -> tuple[list, list[int], object]:
    cols = columns_of(doc)
    idx = cols.idx
    sent_start = idx[clause.sent_start]
    dates = [t for t in times_within(doc, sent_start, cols.end_char(clause.sent_end - 1)) if t.type == "DATE"]
    if not dates:
        return [], [], None
    from flashpoint.pipeline.trigger_match import trigger_positions  # it imports this module

    positions = trigger_positions(doc)  # in order
    others = [idx[i] for i in positions[bisect_left(positions, clause.sent_start):bisect_left(positions, clause.sent_end)]]
    return dates, others, _frame_date(doc, clause, dates, sent_start)


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
_FRAMES = {"in", "during", "since", "after", "before", "following", "until", "amid", "at", "by"}
_NOUN_PHRASE = 3  # "the Oct. 23 sniper shooting", "the 2003 US-led invasion": the noun may come a little later
_NOT_A_NOUN_AFTER = {"of", "in", "on", "at", "to", "and", "or", "when", "as", "after", "before", "since", "until",
                     "with", "by", "for", "from", "that", "which"}


def _attributive(doc, timex) -> int | None:
    """Where the noun is that a date names (a year between a determiner and a noun: "the 2003
    ceasefire", "the 1993 attack", "its March 2021 deal"), or None for a date that says when.
    It dates that noun's act ("the 1993 attack on the World Trade Center"), no other; after "in",
    "during", "since" it frames the sentence ("seized power in a 1994 coup")."""
    if not any(c.isdigit() for c in timex.text):
        return None
    span = token_span(doc, timex.start, timex.end)
    if span is None:
        return None
    lowers, alpha = columns_of(doc).lower, columns_of(doc).is_alpha
    start, end = span
    if start > 0 and lowers[start - 1] in _DETERMINERS and end < len(lowers) and alpha[end] \
            and lowers[end] not in _NOT_A_NOUN_AFTER and not (start > 1 and lowers[start - 2] in _FRAMES):
        return end
    return None


def _frame_date(doc, clause, dates, sent_start: int):
    """A date that opens the sentence ("In April, ...", "On Sept. 13, ...") frames all of it;
    `dates` are the sentence's."""
    opening = token_range(doc, clause.sent_start, min(clause.sent_end, clause.sent_start + 4))
    limit = columns_of(doc).end_char(opening[-1]) if len(opening) else sent_start
    return next((t for t in dates if t.start < limit and t.begin), None)


def times_within(doc, start: int, end: int) -> list:
    """The temporal expressions that begin from character `start` to before `end`, in order (the
    time component keeps them sorted by where they begin)."""
    times = annotations(doc).times
    return times[bisect_left(times, start, key=_start):bisect_left(times, end, key=_start)]


def date_of(doc, timex, dct: str | None) -> dict:
    start, end, precision = timex.begin, timex.finish, timex.precision
    if timex.value == "PRESENT_REF" and dct:
        start, end, precision = dct, dct, "day"
    before = text_of(doc)[max(0, timex.start - 7):timex.start].lower().split()
    if before and before[-1] in _SINCE and dct:
        end, precision = dct, precision
    return {"start": start, "end": end, "precision": precision, "text": timex.text, "value": timex.value}


def place_for(doc, clause: Clause):
    ann = annotations(doc)
    cols = columns_of(doc)
    places = ann.place_mentions  # in order of their start
    inside = places[bisect_left(places, clause.start, key=_start):bisect_left(places, clause.end, key=_start)]
    here = [p for p in inside
            if not (p.end + 1 < len(doc) and cols.text[p.end] == "-" and cols.lower[p.end + 1] == "based")]
    here = [p for p in here if ann.places[p.place].precision != "region" or _located(cols, p.start)]
    if not here:
        return None
    rank = {"country": 2, "region": 1}  # a town or division first, then a sea or region, then a country
    place = ann.places[min(here, key=lambda p: rank.get(ann.places[p.place].precision, 0)).place]
    return {"id": place.id, "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonames_id": place.geonames_id, "precision": place.precision}


_AT_SEA = LOCATIVE | {"on", "off", "over", "through"}  # "off the coast", "over the Korean Peninsula"


def _located(cols, start: int) -> bool:
    """A sea or region is where an act happens only after a locative ("attacked a ship in the Red
    Sea", "flew over the Korean Peninsula"), not as what it concerns ("ties with Central Asia")."""
    i = start - 1
    if i >= 0 and cols.lower[i] == "the":
        i -= 1
    return i >= 0 and cols.lower[i] in _AT_SEA


def weapons_in(doc, clause: Clause):
    ann = annotations(doc)
    return [w for w in ann.weapon_mentions if clause.start <= w.start < clause.end]


def evidence(doc, clause: Clause) -> list[dict]:
    cols = columns_of(doc)
    last = clause.sent_end - 1
    while cols.text[last].isspace() and last > clause.sent_start:  # `Token.is_space`
        last -= 1
    return [{"start": cols.idx[clause.sent_start], "end": cols.end_char(last)}]
