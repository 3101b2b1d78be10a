"""The dateparser baseline for temporal expressions: `search_dates` finds them, and each is
normalised to a TIMEX3 value at the precision dateparser reports (day, month, year...)."""

from __future__ import annotations

from datetime import datetime

from dateparser.date import DateDataParser
from dateparser.search import search_dates

_FORMATS = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V", "day": "%Y-%m-%d"}


def dateparser_times(text: str, dct: str) -> list[tuple[int, int, str, str]]:
    """`(start, end, type, value)` of the dates dateparser finds in `text`, relative to `dct`."""
    base = datetime.fromisoformat(dct[:10])
    settings = {"RELATIVE_BASE": base}
    found = search_dates(text, languages=["en"], settings=settings) or []
    parser = DateDataParser(languages=["en"], settings=settings)
    out, cursor = [], 0
    for phrase, when in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        out.append((start, cursor, *timex_value(parser, phrase, when)))
    return out


def timex_value(parser: DateDataParser, phrase: str, when: datetime) -> tuple[str, str]:
    """TIMEX3 type and value of a phrase dateparser resolved to `when`."""
    period = parser.get_date_data(phrase).period or "day"
    if period == "time":
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    return "DATE", when.strftime(_FORMATS.get(period, "%Y-%m-%d"))
