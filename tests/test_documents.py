"""The document id's text normalisation (issue 2: whitespace is collapsed with str.split)."""

from __future__ import annotations

import re
import sys
import unicodedata

from flashpoint.documents import normalise_text

_SPACES = re.compile(r"\s+")


def test_str_split_breaks_where_a_regular_expression_sees_whitespace():
    space = re.compile(r"\s")
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(space.match(c)) != c.isspace()] == []


def test_whitespace_runs_collapse_as_before():
    for text in ["", "  ", " a  b\n\tc\u00a0\u2028d\u3000 ", "Caf\u0065\u0301  Kyiv\r\n", "one"]:
        assert normalise_text(text) == _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
