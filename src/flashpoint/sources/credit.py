"""Publication metadata written into the text itself.

News reposts often end with a credit line ("Al-Monitor, September 26, 2022, Fehim Tastekin")
or start with a byline ("By Jane Doe"). Only the first and last non-empty lines are read, and
a line counts as a credit only when it is short and holds a full date.
"""

from __future__ import annotations

import re

import dateparser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
# "Outlet, September 26, 2022, Author" / "Outlet, 26 September 2022" / "Outlet - 2022-09-26"
_CREDIT = re.compile(
    rf"^\s*(?P<outlet>[^,\n]{{2,60}}?)\s*[,\-–—|]\s*(?P<date>{_DATE})"
    rf"(?:\s*[,\-–—|]\s*(?:by\s+)?(?P<author>[^,\n]{{3,60}}))?\s*\.?\s*$",
    re.IGNORECASE,
)
_MAX_CREDIT = 140


def _parse_date(text: str) -> str | None:
    when = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return when.date().isoformat() if when else None


_ABSOLUTE = re.compile(rf"^\s*{_DATE}\s*$", re.IGNORECASE)


def parse_absolute_date(text: str) -> str | None:
    """An ISO day for a full date written out ("September 26, 2022"); None for anything relative."""
    return _parse_date(text) if _ABSOLUTE.match(text) else None


def read_credit(text: str) -> dict:
    """Outlet, published date and author from a closing (or opening) credit line, if any."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    for line in (lines[-1:] + lines[:1]) if lines else []:
        if len(line) > _MAX_CREDIT:
            continue
        found = _CREDIT.match(line)
        if found:
            meta = {"outlet": found["outlet"].strip(), "published": _parse_date(found["date"])}
            if found["author"]:
                meta["author"] = found["author"].strip()
            return {k: v for k, v in meta.items() if v}
    return {}
