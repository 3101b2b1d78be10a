"""How place names are compared: one key per spelling, and the abbreviations news uses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTTED = re.compile(r"[A-Z][a-z]{1,4}\.")  # "Ga.", "Alta.", "Calif."
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s$")
_CODE = re.compile(r"[A-Z]{2,4}")


@lru_cache(maxsize=100_000)
def lookup_key(name: str) -> str:
    """The form names are indexed under: NFKC, straight apostrophes, single spaces, lower case,
    without a possessive ("Syria's")."""
    name = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    name = _SPACES.sub(" ", name).strip()
    return _POSSESSIVE.sub("", name).lower()


def ascii_fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


def short_code(name: str) -> str | None:
    """"US", "U.S.", "N.J.", "NSW" -> the letters of a code; longer capitals ("UCLA", "LONDON") are names."""
    name = name.strip()
    letters = name.replace(".", "")
    if _CODE.fullmatch(letters) and (len(letters) <= 3 or "." in name):
        return letters
    return None


def dotted_abbreviation_of(name: str, key: str | None = None) -> bool:
    """Is `name` an abbreviation like "Ga." or "Alta." (of `key`, when given: same first letter,
    the other letters in order: "Ky." -> "kentucky")?"""
    if not _DOTTED.fullmatch(name.strip()):
        return False
    if key is None:
        return True
    letters = name.strip()[:-1].lower()
    rest = iter(key[1:])
    return key[:1] == letters[0] and all(ch in rest for ch in letters[1:])
