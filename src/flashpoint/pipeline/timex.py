"""time: temporal expressions, normalised to TIMEX3 values against the publication date.

Rules are tried longest-first over the text; each yields a TIMEX3 type and value as
TempEval-3 writes them ("2022-09", "2022-09-13", "P3D", "PAST_REF") and the interval it
denotes, with a precision. Months and weekdays without a year take the latest such date
not after the publication date (news reports the past); "next", "coming" look ahead.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from flashpoint.pipeline.annotations import TimeX, annotations, text_of
from flashpoint.pipeline.core import Component

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "several": None, "few": None,
                "a few": None, "many": None, "some": None}
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
         "decade": "DE", "century": "CE"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# a month, its abbreviation with or without a dot ("Nov. 5", "Sept 13"); a full name takes no dot:
# "in November." ends a sentence
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:1[89]|20)\d\d)"
_NUM = r"(?P<num>\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|few|many|some)"
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?"
_PART = r"(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of)[- ]?"
_REL = r"(?P<rel>last|this|next|past|coming|previous|current)"
_GRAIN = r"(?P<grain>week|month|year|decade|century|spring|summer|autumn|fall|winter|weekend)"
_WD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_BARE_MONTH_CUE = r"\b(?:[Ii]n|[Ss]ince|by|until|till|from|during|of|last|this|next|before|after|through|to|[Ee]arly|[Ll]ate) "

RULES = [  # (name, pattern, flags); tried in this order, longest match wins at each place
    ("iso", r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b", 0),
    ("mdy", rf"\b{_M}\s+{_D},?\s+{_Y}\b", 0),
    ("dmy", rf"\b{_D}\s+{_M},?\s+{_Y}\b", 0),
    ("part_my", rf"\b{_PART}{_M},?\s+{_Y}\b", re.I),
    ("my", rf"\b{_M},?\s+{_Y}\b", 0),
    ("md", rf"\b{_M}\s+{_D}\b(?!,?\s*\d{{4}})(?!\s*(?:percent|%|people|km|kilomet))", 0),
    ("dm", rf"\b{_D}\s+{_M}\b(?!,?\s*\d{{4}})", 0),
    ("part_m", rf"\b{_PART}{_M}\b", re.I),
    ("ago", rf"\b{_NUM}\s+{_UNIT}\s+ago\b", re.I),
    ("earlier_this", r"\b(?P<which>earlier|later) (?:this|that) (?P<grain>week|month|year)\b", re.I),
    ("past_n", rf"\b(?:the )?(?:past|last|previous|next|coming|first|final) {_NUM}\s+{_UNIT}\b", re.I),
    ("recent", r"\b(?:in )?recent (?P<unit>years|months|weeks|days|decades)\b", re.I),
    ("quarter", r"\b(?:the |this year's |last year's )?(?P<q>first|second|third|fourth)[- ](?:quarter|qtr)\b", re.I),
    ("adj_duration", rf"\b{_NUM}-(?P<unit>second|minute|hour|day|week|month|year|decade)(?:-long|-old)?\b", re.I),
    ("the_year", r"\b(?:the|this) (?:current |calendar |fiscal )?(?P<grain>year)\b(?! (?:ago|earlier|before))", re.I),
    ("rel", rf"\b{_REL} {_GRAIN}\b", re.I),
    ("part_rel", rf"\b{_PART}(?:{_REL} )?(?P<grain>week|month|year)\b", re.I),
    ("decade", r"\b(?:the )?(?P<decade>(?:1[89]|20)\d0)s\b", 0),
    ("season_y", rf"\b(?P<season>spring|summer|autumn|fall|winter)(?: of)? {_Y}\b", re.I),
    ("weekday", rf"\b(?:(?P<rel>last|this|next) )?{_WD}(?: (?P<tod>morning|afternoon|evening|night))?\b", 0),
    ("deictic", r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|this morning|this evening|the day before yesterday)\b", re.I),
    ("ref", r"\b(?P<word>recently|in the past|the past|currently|current|at present|nowadays|now|the future|in the future|future|these days|soon|previously|formerly|once)\b", re.I),
    ("set", r"\b(?P<word>every (?:day|week|month|year)|each (?:day|week|month|year)|daily|weekly|monthly|annually|yearly)\b", re.I),
    ("duration", rf"\b{_NUM}\s+{_UNIT}\b", re.I),
    ("vague_duration", r"\bfor (?P<unit>years|decades|months|weeks|days|centuries)\b", re.I),
    ("bare_month", rf"{_BARE_MONTH_CUE}(?P<t>{_M})(?![ -]\d)(?!\w)", 0),
    ("year", rf"(?<![\d,.$£€-]){_Y}(?![\d,%]|\s*(?:percent|people|troops|soldiers|km))\b", 0),
]
_COMPILED = [(name, re.compile(pattern, flags)) for name, pattern, flags in RULES]
_PATTERNS = dict(_COMPILED)
_IGNORECASE = {name for name, _, flags in RULES if flags & re.I}
# A case-insensitive rule runs about twice as fast as a plain pattern over the lower-cased text;
# each hit is then matched again, anchored, on the text itself. (No rule uses \D, \W, \S or \B,
# which lower-casing the pattern would change.)
_FOLDED = {name: re.compile(pattern.lower().replace("(?p<", "(?P<")) for name, pattern, flags in RULES
           if flags & re.I}

# Whole words (lower case) without which a rule cannot match, as groups that must each meet the
# text's words: one pass over the text makes its set of words, and a rule with a group that meets
# none of them is not tried. Each word listed is a whole word in every match of its rule, except
# that a month or a grain may be run together with the part of a period before it ("midweek"),
# so both are listed (`_fused`, `_parted`).
# A rule not listed always runs.
_MONTH_WORDS = frozenset({"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
                          "june", "jul", "july", "aug", "august", "sep", "sept", "sepember", "september", "oct",
                          "october", "nov", "november", "dec", "december"})
_UNIT_WORDS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "seconds", "minutes",
                         "hours", "days", "weeks", "months", "years", "decades", "century", "centurys", "centurie",
                         "centuries"})
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")


def _fused(words) -> frozenset[str]:
    """`words`, alone or run together with the part of a period before them ("midweek")."""
    return frozenset(words) | {part + w for part in ("early", "mid", "late", "of") for w in words}


def _parted(words) -> frozenset[str]:
    """The word that holds the part of a period before one of `words`: the part alone ("early",
    "the end of" has "end") or run together with the word ("midweek")."""
    return frozenset({"early", "mid", "late", "end", "beginning", "start", "middle"}) \
        | {part + w for part in ("early", "mid", "late") for w in words}


_RELATIVE = {"last", "this", "next", "past", "coming", "previous", "current"}
WORDS = {
    "mdy": (_MONTH_WORDS,),
    "dmy": (_MONTH_WORDS,),
    "part_my": (_fused(_MONTH_WORDS), _parted(_MONTH_WORDS)),
    "my": (_MONTH_WORDS,),
    "md": (_MONTH_WORDS,),
    "dm": (_MONTH_WORDS,),
    "part_m": (_fused(_MONTH_WORDS), _parted(_MONTH_WORDS)),
    "ago": ({"ago"},),
    "earlier_this": ({"earlier", "later"},),
    "past_n": ({"past", "last", "previous", "next", "coming", "first", "final"}, _UNIT_WORDS),
    "recent": ({"recent"},),
    "quarter": ({"quarter", "qtr"},),
    "adj_duration": ({"second", "minute", "hour", "day", "week", "month", "year", "decade"},),
    "the_year": ({"year"},),
    "rel": (_RELATIVE, {"week", "month", "year", "decade", "century", "weekend", *_SEASONS}),
    "part_rel": (_fused({"week", "month", "year"}), _parted(_RELATIVE | {"week", "month", "year"})),
    "season_y": (set(_SEASONS),),
    "weekday": ({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},),
    "deictic": ({"yesterday", "today", "tomorrow", "tonight", "night", "morning", "evening"},),
    "ref": ({"recently", "past", "currently", "current", "present", "nowadays", "now", "future", "days", "soon",
             "previously", "formerly", "once"},),
    "set": ({"every", "each", "daily", "weekly", "monthly", "annually", "yearly"},),
    "duration": (_UNIT_WORDS,),
    "vague_duration": ({"years", "decades", "months", "weeks", "days", "centuries"},),
    "bare_month": (_MONTH_WORDS,),
}
# every byte but an ASCII lower-case letter or digit becomes a space, the bytes of other characters too
_NOT_ASCII_WORD = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else ord(" ") for c in range(256))


def _words(lower: str) -> frozenset[str]:
    """The runs of ASCII letters and digits of a lower-cased text that a rule reads (the words of
    `WORDS` and `_WHOLE`): every whole word a rule can read."""
    return _READ.intersection(lower.encode().translate(_NOT_ASCII_WORD).decode("ascii").split())


# Fragments (digits, a hyphen) without which a rule cannot match, as groups that must each have one
# in the text: a substring test (in the lower-cased text for a case-insensitive rule).
_YEAR = ("18", "19", "20")
NEEDS = {
    "iso": (("-",),),
    "mdy": (_YEAR,),
    "dmy": (_YEAR,),
    "part_my": (_YEAR,),
    "my": (_YEAR,),
    "adj_duration": (("-",),),
    "decade": (("0s",),),
    "season_y": (_YEAR,),
    "year": (_YEAR,),
}


_GROUPS = [(name, WORDS.get(name, ())) for name, *_ in RULES]  # in the order the rules are tried


def _may_match(needs, text: str, seen: dict) -> bool:
    """Whether `text` holds a fragment of each of a rule's `needs` groups (`seen` keeps answers)."""
    for group in needs:
        for fragment in group:
            found = seen.get(fragment)
            if found is None:
                found = seen[fragment] = fragment in text
            if found:
                break
        else:
            return False
    return True


_MONTH = tuple(sorted(month.title() for month in _MONTH_WORDS))  # every form of a month, "Sept" and "September"
_PARTS = ("early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of")
_CUE_OFFSETS = tuple(sorted({len(cue) + 1 for cue in ("In", "Since", "by", "until", "till", "from", "during", "of", "last",
                                                   "this", "next", "before", "after", "through", "to", "Early", "Late")}))
# Where a match of a rule can start: `offset` characters before one of `words` (the month of
# "In May" opens three characters after the match). A rule listed here is tried only at those
# places, which finds what a scan of the whole text finds; the others scan the text. A word is
# looked for only in a text that has its whole words (see `_whole`).
STARTS = {
    "iso": (("-",), (4,)),
    "mdy": (_MONTH, (0,)),
    "part_my": (_PARTS, (0,)),
    "my": (_MONTH, (0,)),
    "md": (_MONTH, (0,)),
    "part_m": (_PARTS, (0,)),
    "earlier_this": (("earlier ", "later "), (0,)),
    "past_n": (("past ", "last ", "previous ", "next ", "coming ", "first ", "final "), (0, len("the "))),
    "recent": (("recent ",), (0, len("in "))),
    "quarter": (("first", "second", "third", "fourth"), (0, len("the "), len("this year's "))),
    "the_year": (("the ", "this "), (0,)),
    "rel": (("last ", "this ", "next ", "past ", "coming ", "previous ", "current "), (0,)),
    "part_rel": (_PARTS, (0,)),
    "decade": (_YEAR, (0, len("the "))),
    "season_y": (_SEASONS, (0,)),
    "weekday": (("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), (0, len("last "))),
    "deictic": (("yesterday", "today", "tomorrow", "tonight", "last night", "this morning", "this evening",
                 "the day before yesterday"), (0,)),
    "ref": (("recently", "in the past", "the past", "currently", "current", "at present", "nowadays", "now",
             "the future", "in the future", "future", "these days", "soon", "previously", "formerly", "once"), (0,)),
    "set": (("every ", "each ", "daily", "weekly", "monthly", "annually", "yearly"), (0,)),
    "vague_duration": (("for ",), (0,)),
    "bare_month": (_MONTH, _CUE_OFFSETS),
    "year": (_YEAR, (0,)),
}


def _whole(word: str) -> frozenset[str]:
    """The words of a start `word` that are whole words in every match it starts: all of them
    but a number, a hyphen, and a part of a period's last, which can run into the next word
    ("midweek", "the end ofMay")."""
    return frozenset(w for w in word.lower().split() if w.isalpha() and w not in ("early", "mid", "late", "of"))


def _starts(text: str, words, offsets, in_text: set[str] | None, found: dict) -> list[int]:
    """Every place `offset` characters before an occurrence of one of `words`, in order
    (`in_text`: the text's whole words, if known)."""
    places = set()
    for word in words:
        if in_text is not None and not _WHOLE[word] <= in_text:
            continue
        at = _occurrences(text, word, found)
        for offset in offsets:
            places.update(at if offset == 0 else (i - offset for i in at if i >= offset))
    return sorted(places)


def _occurrences(text: str, word: str, found: dict) -> list[int]:
    """Where `word` occurs in `text`, found once per text (`found` keeps them)."""
    at = found.get(word)
    if at is None:
        at, i = [], text.find(word)
        while i >= 0:
            at.append(i)
            i = text.find(word, i + 1)
        found[word] = at
    return at


# Rules that open with a number or a day before a word: where they can start is found from that
# word backwards, over the spaces (or the hyphen) before it, then over the longest number word or
# the digits ("three days", "a few weeks", "10-day", "26 September").
_NUMBER_LENGTHS = tuple(sorted({len(w) for w in NUMBER_WORDS}))  # every word of _NUM is there
_NUMBER_FORMS = frozenset(NUMBER_WORDS)  # a number word in the lower-cased text
BEFORE = {
    "ago": (tuple(sorted(_UNIT_WORDS)), " ", _NUMBER_LENGTHS, _NUMBER_FORMS),
    "duration": (tuple(sorted(_UNIT_WORDS)), " ", _NUMBER_LENGTHS, _NUMBER_FORMS),
    "adj_duration": (("second", "minute", "hour", "day", "week", "month", "year", "decade"), "-", _NUMBER_LENGTHS,
                     _NUMBER_FORMS),
    "dmy": (_MONTH, " ", (1, 2, 3, 4), None),
    "dm": (_MONTH, " ", (1, 2, 3, 4), None),
}
_WHOLE = {word: _whole(word) for words, *_ in (*STARTS.values(), *BEFORE.values()) for word in words}

_READ = frozenset(word for groups in WORDS.values() for group in groups for word in group) \
    | {word for whole in _WHOLE.values() for word in whole}


def _starts_before(text: str, words, joint: str, lengths, forms, in_text: set[str] | None, found: dict) -> list[int]:
    """Places a number (or a day) can start that ends, then `joint` (spaces or a hyphen), right
    before one of `words`: `lengths` characters before it (where those are one of `forms`, if
    given), or anywhere in the digits before it."""
    places = set()
    for word in words:
        if in_text is not None and not _WHOLE[word] <= in_text:
            continue
        for i in _occurrences(text, word, found):
            end = i
            if joint == " ":
                while end > 0 and text[end - 1].isspace():
                    end -= 1
            elif end > 0 and text[end - 1] == joint:
                end -= 1
            if end == i:
                continue
            places.update(end - n for n in lengths if end >= n and (forms is None or text[end - n:end] in forms))
            digits = end
            while digits > 0 and text[digits - 1].isdecimal():
                digits -= 1
            places.update(range(digits, end))
    return sorted(places)


def _finditer(pattern, text: str, starts):
    """`pattern.finditer(text)` for a pattern that can match only at `starts`: the leftmost match
    at or after where the last one ended, then the next."""
    done = 0
    for start in starts:
        if start >= done:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                done = m.end()


def _hits(name: str, text: str, lower: str, words: set[str] | None, seen: dict):
    """The rule's matches, each matched on `text` (None where the folded hit does not hold there);
    `words` are the text's words, None where lower-casing made the text longer."""
    pattern = _PATTERNS[name]
    folded = words is not None
    if name in _IGNORECASE and not (folded and name in _FOLDED):  # the lower case is longer
        return pattern.finditer(text)
    on_lower = name in _FOLDED
    haystack, search = (lower, _FOLDED[name]) if on_lower else (text, pattern)
    in_haystack, at = seen[on_lower]
    if name in NEEDS and not _may_match(NEEDS[name], haystack, in_haystack):
        return ()
    if name in STARTS:
        found = _finditer(search, haystack, _starts(haystack, *STARTS[name], words, at))
    elif name in BEFORE:
        found = _finditer(search, haystack, _starts_before(haystack, *BEFORE[name], words, at))
    else:
        found = search.finditer(haystack)
    return (pattern.match(text, m.start()) for m in found) if on_lower else found


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:4] if text.lower().startswith("sept") else text.lower().rstrip(".")[:3]]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_interval(year: int, month: int, part: str | None = None) -> tuple[str, str]:
    last = _last_day(year, month)
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(_part_key(part), (1, last))
    return f"{year:04d}-{month:02d}-{first_day:02d}", f"{year:04d}-{month:02d}-{last_day:02d}"


def _part_key(part: str | None) -> str | None:
    if not part:
        return None
    part = part.lower().strip(" -")
    return {"the end of": "late", "the beginning of": "early", "the start of": "early", "the middle of": "mid"}.get(part, part)


def _mod(part: str | None) -> str | None:
    return {"early": "START", "mid": "MID", "late": "END"}.get(_part_key(part) or "")


def _number(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


class Normaliser:
    """Turns one rule's match into a TimeX, given the document creation time."""

    def __init__(self, dct: date | None):
        self.dct = dct

    def year_of_month(self, month: int, day: int = 1, tense: int = 0) -> int | None:
        """The year that puts the month and day nearest the publication date, before or after
        ("Dec. 15" in a November article is next month; "April" in a September one is past);
        "last August" is always past and "next August" always future; a tie goes to the past."""
        if not self.dct:
            return None

        def offset(y):
            return (date(y, month, min(day, _last_day(y, month))) - self.dct).days

        years = [y for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1)
                 if tense == 0 or (offset(y) < 0 if tense < 0 else offset(y) > 0)]
        return min(years, key=lambda y: (abs(offset(y)), y))

    def make(self, name, m) -> TimeX | None:
        handler = getattr(self, f"_{name}")
        try:
            found = handler(m)
        except (OverflowError, ValueError):  # a relative date before year 1 or past 9999
            return None
        if found is None:
            return None
        kind, value, begin, finish, precision, *rest = found
        group = "t" if "t" in m.re.groupindex else 0
        return TimeX(m.start(group), m.end(group), m.group(group), kind, value, begin, finish, precision,
                     rest[0] if rest else None)

    # each returns (type, value, begin, end, precision[, mod])
    def _day(self, year, month, day):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        iso = d.isoformat()
        return "DATE", iso, iso, iso, "day"

    def _iso(self, m):
        return self._day(int(m["year"]), int(m["month"]), int(m["day"]))

    def _mdy(self, m):
        return self._day(int(m["year"]), _month(m["month"]), int(m["day"]))

    _dmy = _mdy

    def _md(self, m):
        month, day = _month(m["month"]), int(m["day"])
        if not 1 <= day <= 31:
            return None
        year = self.year_of_month(month, day)
        if year is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}", None, None, "day"
        return self._day(year, month, day)

    _dm = _md

    def _my(self, m, part=None):
        year, month = int(m["year"]), _month(m["month"])
        begin, end = _month_interval(year, month, part)
        return "DATE", f"{year:04d}-{month:02d}", begin, end, "month", _mod(part)

    def _part_my(self, m):
        return self._my(m, m["part"])

    def _part_m(self, m):
        month = _month(m["month"])
        year = self.year_of_month(month)
        if year is None:
            return "DATE", f"XXXX-{month:02d}", None, None, "month", _mod(m["part"])
        begin, end = _month_interval(year, month, m["part"])
        return "DATE", f"{year:04d}-{month:02d}", begin, end, "month", _mod(m["part"])

    def _bare_month(self, m):
        month = _month(m["month"])
        cue = m.group(0).split()[0].lower()
        year = self.year_of_month(month, tense={"last": -1, "since": -1, "next": 1}.get(cue, 0))
        if year is None:
            return "DATE", f"XXXX-{month:02d}", None, None, "month"
        begin, end = _month_interval(year, month)
        return "DATE", f"{year:04d}-{month:02d}", begin, end, "month"

    def _ago(self, m):
        n, unit = _number(m["num"]), m["unit"].lower().rstrip("s").replace("centurie", "century")
        if n is None or not self.dct:
            return "DATE", "PAST_REF", None, None, "unknown"
        if unit in ("year", "decade", "century"):
            years = n * {"year": 1, "decade": 10, "century": 100}[unit]
            year = self.dct.year - years
            return "DATE", f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31", "year"
        if unit == "month":
            month_index = self.dct.year * 12 + self.dct.month - 1 - n
            year, month = divmod(month_index, 12)
            begin, end = _month_interval(year, month + 1)
            return "DATE", f"{year:04d}-{month + 1:02d}", begin, end, "month"
        days = n * {"day": 1, "week": 7}.get(unit, 0)
        if not days:
            return "DATE", "PAST_REF", None, None, "unknown"
        d = (self.dct - timedelta(days=days)).isoformat()
        return "DATE", d, d, d, "day"

    def _grain_interval(self, grain, offset):
        if not self.dct:
            return None
        if grain == "year":
            y = self.dct.year + offset
            return f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year"
        if grain == "month":
            idx = self.dct.year * 12 + self.dct.month - 1 + offset
            y, mo = divmod(idx, 12)
            begin, end = _month_interval(y, mo + 1)
            return f"{y:04d}-{mo + 1:02d}", begin, end, "month"
        if grain in ("week", "weekend"):
            d = self.dct + timedelta(weeks=offset)
            iso = d.isocalendar()
            monday = d - timedelta(days=d.weekday())
            value = f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if grain == "weekend" else "")
            return value, monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
        if grain == "decade":
            start = (self.dct.year // 10 + offset) * 10
            return f"{start // 10:03d}", f"{start}-01-01", f"{start + 9}-12-31", "decade"
        if grain == "century":
            start = (self.dct.year // 100 + offset) * 100
            return f"{start // 100:02d}", f"{start}-01-01", f"{start + 99}-12-31", "century"
        if grain in SEASONS:
            return f"{self.dct.year + offset:04d}-{SEASONS[grain]}", None, None, "season"
        return None

    def _rel(self, m):
        rel, grain = m["rel"].lower(), m["grain"].lower()
        offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        if rel == "past" and grain in ("week", "month", "year", "decade"):
            unit = UNITS[grain]
            return "DURATION", f"P1{unit}", None, None, grain
        found = self._grain_interval(grain, offset)
        if found is None:
            return "DATE", {"last": "PAST_REF", "next": "FUTURE_REF"}.get(rel, "PRESENT_REF"), None, None, "unknown"
        return ("DATE", *found)

    def _earlier_this(self, m):
        found = self._grain_interval(m["grain"].lower(), 0)
        if found is None:
            return "DATE", "PRESENT_REF", None, None, "unknown"
        value, begin, end, precision = found
        if m["which"].lower() == "earlier":
            return "DATE", value, begin, self.dct.isoformat(), precision, "BEFORE"
        return "DATE", value, self.dct.isoformat(), end, precision, "AFTER"

    def _part_rel(self, m):
        rel = (m["rel"] or "this").lower()
        offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        found = self._grain_interval(m["grain"].lower(), offset)
        if found is None:
            return None
        return ("DATE", *found, _mod(m["part"]))

    def _decade(self, m):
        start = int(m["decade"])
        return "DATE", f"{start // 10:03d}", f"{start}-01-01", f"{start + 9}-12-31", "decade"

    def _season_y(self, m):
        return "DATE", f"{int(m['year']):04d}-{SEASONS[m['season'].lower()]}", None, None, "season"

    def _weekday(self, m):
        if not self.dct:
            return "DATE", "XXXX-WXX-" + str(WEEKDAYS[m["weekday"].lower()] + 1), None, None, "day"
        target = WEEKDAYS[m["weekday"].lower()]
        rel = (m["rel"] or "").lower()
        # news tells the past: a bare weekday is the latest such day up to the publication day
        back = (self.dct.weekday() - target) % 7
        if rel == "next":
            d = self.dct + timedelta(days=(target - self.dct.weekday()) % 7 or 7)
        else:
            d = self.dct - timedelta(days=back or (7 if rel == "last" else 0))
        iso = d.isoformat()
        if m["tod"]:
            return "TIME", f"{iso}T{ {'morning': 'MO', 'afternoon': 'AF', 'evening': 'EV', 'night': 'NI'}[m['tod']] }".replace(" ", ""), iso, iso, "day"
        return "DATE", iso, iso, iso, "day"

    def _deictic(self, m):
        word = m["word"].lower()
        if not self.dct:
            return "DATE", "PRESENT_REF", None, None, "unknown"
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
        d = (self.dct + timedelta(days=shift)).isoformat()
        if word in ("tonight", "last night", "this morning", "this evening"):
            part = {"tonight": "NI", "last night": "NI", "this morning": "MO", "this evening": "EV"}[word]
            return "TIME", f"{d}T{part}", d, d, "day"
        return "DATE", d, d, d, "day"

    def _ref(self, m):
        word = m["word"].lower()
        if word in ("currently", "current", "at present", "nowadays", "now", "these days"):
            return "DATE", "PRESENT_REF", None, self.dct.isoformat() if self.dct else None, "unknown"
        if word in ("the future", "in the future", "future", "soon"):
            return "DATE", "FUTURE_REF", None, None, "unknown"
        return "DATE", "PAST_REF", None, self.dct.isoformat() if self.dct else None, "unknown"

    def _set(self, m):
        word = m["word"].lower()
        grain = word.split()[-1] if " " in word else {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}[word]
        return "SET", f"P1{UNITS[grain]}", None, None, grain

    def _duration(self, m):
        n, unit = _number(m["num"]), m["unit"].lower().rstrip("s").replace("centurie", "century")
        amount = "X" if n is None else str(n)
        code = UNITS[unit]
        value = f"PT{amount}{code}" if unit in ("second", "minute", "hour") else f"P{amount}{code}"
        return "DURATION", value, None, None, unit

    def _past_n(self, m):
        return self._duration(m)

    def _recent(self, m):
        unit = m["unit"].lower().rstrip("s")
        return "DURATION", f"PX{UNITS[unit]}", None, None, unit

    def _adj_duration(self, m):
        return self._duration(m)

    def _quarter(self, m):
        if not self.dct:
            return None
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["q"].lower()]
        text = m.group(0).lower()
        year = self.dct.year - (1 if "last year" in text or q > (self.dct.month - 1) // 3 + 1 else 0)
        first = (q - 1) * 3 + 1
        return ("DATE", f"{year:04d}-Q{q}", f"{year:04d}-{first:02d}-01",
                f"{year:04d}-{first + 2:02d}-{_last_day(year, first + 2):02d}", "quarter")

    def _the_year(self, m):
        found = self._grain_interval("year", 0)
        return ("DATE", *found) if found else None

    def _vague_duration(self, m):
        unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
        return "DURATION", f"PX{UNITS[unit]}", None, None, unit

    def _year(self, m):
        y = int(m["year"])
        return "DATE", f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year"


def find_times(text: str, dct: date | None) -> list[TimeX]:
    norm = Normaliser(dct)
    candidates = []
    lower = text.lower()
    words = _words(lower) if len(lower) == len(text) else None  # a few characters lower-case to two
    seen = {True: ({}, {}), False: ({}, {})}  # per haystack: fragments present, where words occur
    for order, (name, groups) in enumerate(_GROUPS):
        if words is not None and any(map(words.isdisjoint, groups)):
            continue  # the text lacks every word of one of the rule's groups
        hits = _hits(name, text, lower, words, seen)
        for m in hits:
            if m is not None:
                candidates.append((m.start(), -(m.end() - m.start()), order, name, m))
    taken: list[tuple[int, int]] = []
    found = []
    for start, neg_len, _order, name, m in sorted(candidates, key=lambda c: (c[1], c[2], c[0])):
        end = start - neg_len
        if any(start < e and s < end for s, e in taken):
            continue
        timex = norm.make(name, m)
        if timex is not None:
            taken.append((start, end))
            found.append(timex)
    return sorted(found, key=lambda t: t.start)


def parse_dct(published: str | None) -> date | None:
    if not published:
        return None
    try:
        parts = [int(p) for p in published[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


class Times(Component):
    name = "time"
    assigns = ("flashpoint.times",)

    def match(self, doc):
        return find_times(text_of(doc), parse_dct(annotations(doc).published))

    def set_annotations(self, doc, found) -> None:
        annotations(doc).times = found
