"""Property-based tests of the whole pipeline (issue 8): on random text and on mutated real
articles it never crashes, never takes more than the per-document limit, puts every span
inside the text, and gives a record that validates against the flashpoint/1 schema."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from reliability_checks import FUZZ, TRIED, check_record, real_texts, time_limit
from reliability_samples import HOSTILE, mutated

from flashpoint.documents import Document
from flashpoint.errors import FlashpointError

TEXTS = real_texts()
PUBLISHED = st.one_of(st.none(), st.sampled_from(["2022-09-26", "2022-09", "2022", "1900-01-01", "2099-12-31",
                                                  "2024-02-29", "2000-01-01"]))
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
WORDS = sorted({w for t in TEXTS for w in t.split()})


def extract(pipeline, text: str, published: str | None, validator, name: str) -> dict:
    TRIED[name] += 1
    document = Document.from_text(text, published=published)
    try:
        with time_limit(f"extracting a {len(text):,}-character document"):
            record = pipeline.extract(document)
        check_record(record, text, validator)
    except Exception as error:  # say which input, briefly: hypothesis's own repr may be 100 kB
        raise AssertionError(f"{type(error).__name__}: {error}\n  published={published!r}\n  "
                             f"text={shorten(text)}") from error
    return record


def shorten(text: str, keep: int = 1500) -> str:
    return repr(text) if len(text) <= keep else f"{text[:keep]!r}... ({len(text):,} characters)"


@FUZZ
@given(text=mutated(TEXTS), published=PUBLISHED)
def test_mutated_real_articles(pipeline, validator, text, published):
    extract(pipeline, text, published, validator, "pipeline: mutated real articles")


@FUZZ
@given(text=st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=12)),
                     max_size=300).map(" ".join), published=PUBLISHED)
@example(text="Turkey delivered " + "9" * 5000 + " Bayraktar TB2 drones to Kyrgyzstan.", published="2022-09-26")
@example(text="\u202eKyrgyzstan\u202c attacked\x00 Tajikistan on 31 February 2022.", published=None)
def test_shuffled_words_and_hostile_snippets(pipeline, validator, text, published):
    extract(pipeline, text, published, validator, "pipeline: shuffled words and hostile snippets")


@FUZZ
@given(text=st.text(min_size=1, max_size=3000), published=PUBLISHED)
def test_random_unicode(pipeline, validator, text, published):
    extract(pipeline, text, published, validator, "pipeline: random unicode")


@pytest.mark.parametrize("published", ["yesterday", "", "-1", "2022-13-45", "2022-02-30", "20220926"])
def test_a_publication_date_that_is_not_a_date_is_a_clear_error_or_ignored(pipeline, validator, published):
    text = TEXTS[0]
    try:
        record = pipeline.extract(Document.from_text(text, published=published))
    except FlashpointError as error:
        assert str(error)
    else:
        check_record(record, text, validator)



# Regression tests for the pipeline bugs the fuzzing found (issue 8).
@pytest.mark.parametrize("text", ["Turkey delivered " + "9" * 5000 + " Bayraktar TB2 drones to Kyrgyzstan.",
                                  "Officials said " + "9" * 5000 + " people were killed."], ids=["weapons", "claims"])
def test_a_figure_of_5000_digits(pipeline, validator, text):
    check_record(pipeline.extract(Document.from_text(text, published="2022-09-26")), text, validator)


def test_a_long_run_of_digits_is_extracted_in_linear_time(pipeline):
    started = time.monotonic()
    pipeline.extract(Document.from_text("9" * 6000, published="2022-09-26"))
    assert time.monotonic() - started < 0.5


def test_a_relative_date_before_year_one(pipeline, validator):
    text = "Kyrgyzstan attacked Tajikistan last Monday."
    check_record(pipeline.extract(Document.from_text(text, published="0001-01-01")), text, validator)
