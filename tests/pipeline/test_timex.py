"""TIMEX3 values of temporal expressions, resolved against a publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.pipeline import timex
from flashpoint.pipeline.timex import find_times

DCT = date(2022, 9, 26)  # a Monday
CASES = Path(__file__).resolve().parents[1] / "cases"


@pytest.mark.parametrize(("text", "expected"), [
    ("in April", ("April", "DATE", "2022-04")),
    ("in December", ("December", "DATE", "2022-12")),
    # a full month name ending a sentence takes no dot; an abbreviation keeps its own
    ("The drones arrived in December.", ("December", "DATE", "2022-12")),
    ("They arrive on Nov. 5.", ("Nov. 5", "DATE", "2022-11-05")),
    ("in July", ("July", "DATE", "2022-07")),
    ("On Sept. 13", ("Sept. 13", "DATE", "2022-09-13")),
    ("on 26 September 2022", ("26 September 2022", "DATE", "2022-09-26")),
    ("in February 2021", ("February 2021", "DATE", "2021-02")),
    ("last year", ("last year", "DATE", "2021")),
    ("next month", ("next month", "DATE", "2022-10")),
    ("earlier this year", ("earlier this year", "DATE", "2022")),
    ("since mid-September", ("mid-September", "DATE", "2022-09")),
    ("three decades ago", ("three decades ago", "DATE", "1992")),
    ("two days ago", ("two days ago", "DATE", "2022-09-24")),
    ("on Friday", ("Friday", "DATE", "2022-09-23")),
    ("on Tuesday", ("Tuesday", "DATE", "2022-09-20")),
    ("on Monday", ("Monday", "DATE", "2022-09-26")),
    ("next Monday", ("next Monday", "DATE", "2022-10-03")),
    ("yesterday", ("yesterday", "DATE", "2022-09-25")),
    ("in the 1990s", ("the 1990s", "DATE", "199")),
    ("for three days", ("three days", "DURATION", "P3D")),
    ("for 24 hours", ("24 hours", "DURATION", "PT24H")),
    ("for years", ("for years", "DURATION", "PXY")),
    ("in recent years", ("in recent years", "DURATION", "PXY")),
    ("over the past two months", ("the past two months", "DURATION", "P2M")),
    ("third-quarter profit", ("third-quarter", "DATE", "2022-Q3")),
    ("a two-year deal", ("two-year", "DURATION", "P2Y")),
    ("every year", ("every year", "SET", "P1Y")),
    ("in 1996", ("1996", "DATE", "1996")),
])
def test_value(text, expected):
    (found,) = find_times(text, DCT)
    assert (found.text, found.type, found.value) == expected


def test_intervals_and_precision():
    (mid,) = find_times("since mid-September", DCT)
    assert (mid.begin, mid.finish, mid.precision, mid.mod) == ("2022-09-11", "2022-09-20", "month", "MID")
    (earlier,) = find_times("earlier this year", DCT)
    assert (earlier.begin, earlier.finish) == ("2022-01-01", "2022-09-26")


def test_numbers_that_are_not_years_are_left_alone():
    assert find_times("59 people were killed and 139 others injured, with 613 homes damaged", DCT) == []
    assert find_times("a 2022 percent rise", DCT) == []
    assert find_times("1,996 troops", DCT) == []


def test_may_at_a_sentence_start_is_a_modal():
    assert find_times("May I ask?", DCT) == []
    assert [t.value for t in find_times("In May, the talks failed.", DCT)] == ["2022-05"]


def test_without_a_publication_date_relative_values_stay_unresolved():
    (found,) = find_times("in April", None)
    assert found.value == "XXXX-04" and found.begin is None


def test_case_insensitive_rules_find_the_same_on_lower_cased_text(monkeypatch):
    """Rules run on the lower-cased text (faster) must find what they find on the text itself,
    with the text's own spelling, also where lower-casing would change the length (İ)."""
    texts = ["THREE DAYS AGO, in Mid-September 2022, Early June and the Past Two Weeks.",
             "İstanbul: 5 Years Ago Last Week, early-March 2021; Recently the past month."]
    dct = date(2022, 9, 26)
    folded = [timex.find_times(text, dct) for text in texts]
    monkeypatch.setattr(timex, "_FOLDED", {})
    assert folded == [timex.find_times(text, dct) for text in texts]
    assert [t.text for t in folded[0]][:2] == ["THREE DAYS AGO", "Mid-September 2022"]


def test_rules_tried_only_where_they_can_start_find_what_a_full_scan_finds(monkeypatch):
    """Issue 2 (speed): a rule runs only on texts holding its words, and only where a match can
    start; that must find exactly what scanning the whole text with every rule finds."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))]
    texts.append("In May 2021-2022, 2022-09-13; the 1990s, last Monday night, this year's second quarter, "
                 "for years, every week, 3-day, since June, Through March, In recent months, now. Two  days ago, "
                 "a few\u00a0weeks, 10-month-long, 21st  May, 3 June 2020, ٣ days, 1999-year-old, twenty-year")
    dct = date(2022, 9, 26)
    shortcut = [timex.find_times(text, dct) for text in texts]
    monkeypatch.setattr(timex, "STARTS", {})
    monkeypatch.setattr(timex, "NEEDS", {})
    monkeypatch.setattr(timex, "BEFORE", {})
    assert shortcut == [timex.find_times(text, dct) for text in texts]
