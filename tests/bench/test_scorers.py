"""The bench scorers on tiny hand-made cases whose answers are worked out by hand."""

import math

import pytest

from flashpoint.bench import scoring


def test_prf_counts_and_empty_cases():
    assert scoring.prf(2, 4, 8) == pytest.approx(
        {"p": 0.5, "r": 0.25, "f1": 1 / 3, "tp": 2, "pred": 4, "gold": 8}
    )
    assert scoring.prf(0, 0, 0)["f1"] == 0.0


def test_exact_span_match_needs_same_offsets_and_label():
    gold = [(0, 6, "Location"), (10, 20, "Person")]
    pred = [(0, 6, "Location"), (10, 19, "Person"), (30, 35, "Person")]
    s = scoring.span_prf(gold, pred, "exact")
    assert (s["tp"], s["pred"], s["gold"]) == (1, 3, 2)
    assert s["p"] == pytest.approx(1 / 3) and s["r"] == pytest.approx(1 / 2)


def test_overlap_span_match_is_one_to_one():
    gold = [(0, 10, "Organisation")]
    # two predictions inside one gold span: only one of them may count
    pred = [(0, 4, "Organisation"), (5, 10, "Organisation")]
    s = scoring.span_prf(gold, pred, "overlap")
    assert (s["tp"], s["p"], s["r"]) == (1, 0.5, 1.0)


def test_overlap_prefers_exact_partner():
    gold = [(0, 5, "X"), (0, 10, "X")]
    pred = [(0, 10, "X"), (2, 4, "X")]
    assert scoring.overlap_pairs(gold, pred) == [(0, 1), (1, 0)]


def test_overlap_ignores_touching_spans_and_other_labels():
    assert scoring.span_prf([(0, 5, "A")], [(5, 9, "A")], "overlap")["tp"] == 0
    assert scoring.span_prf([(0, 5, "A")], [(0, 5, "B")], "overlap")["tp"] == 0


def test_span_scores_per_label_and_micro():
    docs = [
        ([(0, 5, "Person"), (10, 15, "Location")], [(0, 5, "Person"), (11, 15, "Location")]),
        ([(0, 3, "Location")], []),
    ]
    s = scoring.span_scores(docs, ["Person", "Location"])
    assert s["exact"]["Person"]["f1"] == 1.0
    assert s["exact"]["Location"]["tp"] == 0
    assert s["overlap"]["Location"]["tp"] == 1
    # micro overlap: tp 2, pred 2, gold 3
    assert s["overlap"]["micro"]["p"] == 1.0
    assert s["overlap"]["micro"]["r"] == pytest.approx(2 / 3)
    assert s["exact"]["micro"]["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


def test_tempeval_strict_relaxed_and_value():
    gold = [(0, 10, "DATE", "1998-01-08"), (20, 29, "DURATION", "P5Y"), (40, 45, "DATE", "1997")]
    pred = [
        (0, 10, "DATE", "1998-01-08"),  # strict match, right value
        (20, 24, "DURATION", "P4Y"),  # relaxed match only, wrong value
        (50, 55, "DATE", "1999"),  # spurious
    ]
    s = scoring.timex_scores([(gold, pred)])
    assert s["strict"]["tp"] == 1 and s["strict"]["f1"] == pytest.approx(1 / 3)
    assert s["relaxed"]["tp"] == 2 and s["relaxed"]["f1"] == pytest.approx(2 / 3)
    assert s["value_accuracy"] == 0.5
    assert s["value"]["tp"] == 1
    assert s["type_accuracy"] == 1.0


def test_tempeval_with_no_predictions():
    s = scoring.timex_scores([([(0, 4, "DATE", "2000")], [])])
    assert s["relaxed"]["r"] == 0.0 and s["value_accuracy"] == 0.0


def test_haversine_known_distances():
    assert scoring.haversine_km(0, 0, 0, 0) == 0.0
    # one degree of latitude is about 111.2 km
    assert scoring.haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.05)
    # Paris - London, about 344 km
    assert scoring.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)
    # antipodes: half the circumference
    assert scoring.haversine_km(0, 0, 0, 180) == pytest.approx(scoring.MAX_ERROR_KM)


def test_within_161_km_and_median_counts_unanswered_as_wrong():
    assert scoring.within(161.0) and not scoring.within(161.01) and not scoring.within(None)
    s = scoring.geocoding_scores([0.0, 100.0, 500.0, None])
    assert s["acc_at_km"] == 0.5
    assert s["answered"] == 0.75
    assert s["median_km"] == pytest.approx((100.0 + 500.0) / 2)
    assert s["mean_km"] == pytest.approx((600.0 + scoring.MAX_ERROR_KM) / 4)


def test_right_place_counts_the_gold_feature_even_with_a_far_point():
    # 1: near; 2: the gold feature, its point 300 km off; 3: another feature, far; 4: no answer
    s = scoring.geocoding_scores([10.0, 300.0, 900.0, None], same_place=[False, True, False, False])
    assert s["acc_at_km"] == 0.25
    assert s["acc_same_place"] == 0.5
    assert s["far_same_place"] == 1
    assert "acc_same_place" not in scoring.geocoding_scores([10.0])


def test_macro_f1_weighs_every_label_equally():
    gold = ["A", "A", "A", "B"]
    pred = ["A", "A", "A", "A"]
    s = scoring.classification_scores(gold, pred)
    assert s["accuracy"] == 0.75
    f_a = 2 * 0.75 * 1.0 / 1.75
    assert s["per_label"]["A"]["f1"] == pytest.approx(f_a)
    assert s["per_label"]["B"]["f1"] == 0.0
    assert s["macro_f1"] == pytest.approx(f_a / 2)


def test_macro_f1_with_no_prediction_and_fixed_labels():
    s = scoring.classification_scores(["A", "B"], [None, "B"], labels=["A", "B", "C"])
    assert s["accuracy"] == 0.5
    assert s["macro_f1"] == pytest.approx((0 + 1 + 0) / 3)
    with pytest.raises(ValueError):
        scoring.classification_scores(["A"], [])


def test_country_code_prf_uses_multisets():
    docs = [
        (["USA", "USA", "ISR"], ["USA", "ISR", "ISR"]),  # tp 2 (one USA, one ISR)
        (["PSE"], []),
        ([], ["IRN"]),
    ]
    s = scoring.multiset_prf(docs)
    assert (s["tp"], s["pred"], s["gold"]) == (2, 4, 4)
    assert s["f1"] == 0.5


def test_add_prf_is_micro():
    s = scoring.add_prf([scoring.prf(1, 1, 2), scoring.prf(0, 3, 0)])
    assert (s["tp"], s["pred"], s["gold"]) == (1, 4, 2)
    assert math.isclose(s["p"], 0.25)


def test_argument_pairs_match_any_mention_once():
    gold = [(10, 15, "attacker"), (40, 45, "attacker"), (50, 55, "target")]
    pred = [
        ([(0, 3), (11, 14)], "attacker"),  # second mention overlaps the first gold attacker
        ([(41, 44)], "target"),  # right span, wrong role
        ([(12, 13)], "attacker"),  # gold already used by the first prediction
    ]
    assert scoring.argument_pairs(gold, pred) == 1
