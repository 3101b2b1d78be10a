"""Casualty and displacement figures, one sentence each: which number, of which kind."""

from __future__ import annotations

import pytest

from flashpoint.documents import Document


def _figures(pipeline, text: str) -> list:
    record = pipeline.extract(Document.from_text(text, published="2024-03-10"))
    return [(c["predicate"], c["value"]) for c in record["claims"] if "figure" in c]


@pytest.mark.parametrize(("text", "expected"), [
    # the number before "and" is the dead; the wounded are counted after their own verb
    ("The attacks killed 257 people and injured nearly 5,000, officials said.", [("killed", 257), ("injured", 5000)]),
    ("An explosion killed six people and wounded more than 40, prosecutors said.", [("killed", 6), ("injured", 40)]),
    ("The war has killed more than 6.4 million people and displaced millions more, the UN said.",
     [("killed", 6_400_000)]),
    # a conjunction inside the victims' noun phrase is no new verb
    ("The UN estimates that 3,000 women and girls were killed in the fighting.", [("killed", 3000)]),
    # scale words, in digits or in words, and a European thousands separator
    ("According to the UN, more than 1.7 million people have been displaced.", [("displaced", 1_700_000)]),
    ("Officials said as many as five thousand people were displaced.", [("displaced", 5000)]),
    ("Officials said the conflict left more than 3.200 people dead.", [("killed", 3200)]),
    # a decimal is no count of people, and a magnitude no death toll
    ("A magnitude-8.1 earthquake struck the coast, officials said.", []),
])
def test_a_figure_is_read_whole_and_given_its_own_kind(pipeline, text, expected):
    assert _figures(pipeline, text) == expected
