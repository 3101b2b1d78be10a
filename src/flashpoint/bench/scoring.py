"""Pure scoring functions for `flashpoint bench`: no I/O, no models, plain data in and out.

Spans are `(start, end)` character offsets, end-exclusive; a labelled span is
`(start, end, label)`. Every matching is one-to-one: a gold item is used at most once,
so a system cannot earn recall by predicting the same span twice.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = math.pi * EARTH_RADIUS_KM  # half the circumference: the error of "no answer"
WITHIN_KM = 161.0  # 100 miles, the customary geocoding threshold (Leidner 2008; Gritta 2018)

LabelledSpan = tuple[int, int, str]


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts; 0.0 where a ratio has nothing to divide by."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def add_prf(scores: Iterable[dict]) -> dict:
    """Micro-average: the sum of the counts behind several `prf` results."""
    tp = pred = gold = 0
    for s in scores:
        tp, pred, gold = tp + s["tp"], pred + s["pred"], gold + s["gold"]
    return prf(tp, pred, gold)


def overlaps(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlap_size(a: Sequence[int], b: Sequence[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def exact_matches(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> int:
    """How many predictions equal a gold item, counting duplicates as a multiset."""
    return sum((Counter(gold) & Counter(pred)).values())


def overlap_pairs(gold: Sequence[Sequence], pred: Sequence[Sequence]) -> list[tuple[int, int]]:
    """One-to-one pairs `(gold_index, pred_index)` of overlapping spans with equal labels.

    Items are `(start, end)` or `(start, end, label, ...)`; a third element, when present,
    must be equal. Exact matches are paired first, then the largest overlaps, so a
    prediction is never spent on a partial match when it has an exact one.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if overlaps(g, p) and _label(g) == _label(p):
                exact = (g[0], g[1]) == (p[0], p[1])
                candidates.append((not exact, -overlap_size(g, p), gi, pi))
    used_gold, used_pred, pairs = set(), set(), []
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def argument_pairs(
    gold: Sequence[tuple[int, int, Hashable]],
    pred: Sequence[tuple[Sequence[tuple[int, int]], Hashable]],
) -> int:
    """How many one-to-one matches between gold `(start, end, key)` arguments and predicted
    `(spans, key)` arguments, where a prediction is an entity with several mentions and
    matches a gold argument of the same key when any of its mentions overlaps it."""
    candidates = sorted(
        (gi, pi)
        for gi, g in enumerate(gold)
        for pi, (spans, key) in enumerate(pred)
        if key == g[2] and any(overlaps(g, s) for s in spans)
    )
    used_gold, used_pred = set(), set()
    for gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
    return len(used_gold)


def _label(item: Sequence):
    return item[2] if len(item) > 2 else None


def span_prf(gold: Sequence[LabelledSpan], pred: Sequence[LabelledSpan], mode: str) -> dict:
    """P/R/F1 of labelled spans in one document; `mode` is `exact` or `overlap`."""
    if mode == "exact":
        tp = exact_matches(gold, pred)
    elif mode == "overlap":
        tp = len(overlap_pairs(gold, pred))
    else:
        raise ValueError(f"span mode must be 'exact' or 'overlap', not {mode!r}")
    return prf(tp, len(pred), len(gold))


def span_scores(
    docs: Iterable[tuple[Sequence[LabelledSpan], Sequence[LabelledSpan]]],
    labels: Sequence[str],
) -> dict:
    """Per-label and micro P/R/F1, exact and overlapping, over `(gold, pred)` documents.

    Spans whose label is not in `labels` are ignored on both sides.
    """
    counts = {mode: {label: [] for label in labels} for mode in ("exact", "overlap")}
    for gold, pred in docs:
        for label in labels:
            g = [s for s in gold if s[2] == label]
            p = [s for s in pred if s[2] == label]
            for mode in counts:
                counts[mode][label].append(span_prf(g, p, mode))
    out = {}
    for mode, per_label in counts.items():
        out[mode] = {label: add_prf(scores) for label, scores in per_label.items()}
        out[mode]["micro"] = add_prf(out[mode][label] for label in labels)
    return out


# TempEval-3 ------------------------------------------------------------------------------


def timex_scores(docs: Iterable[tuple[Sequence[Sequence], Sequence[Sequence]]]) -> dict:
    """TempEval-3 style scores over `(gold, pred)` documents of `(start, end, type, value)`.

    - `strict`: extent P/R/F1 with exact offsets; `relaxed`: with any overlap.
    - `value_accuracy`, `type_accuracy`: over the relaxed matches (how TempEval-3's
      attribute accuracy is read); `value` and `type`: TempEval-3's attribute F1, where a
      match counts only when its attribute is also right.
    """
    strict = relaxed = value_ok = type_ok = n_pred = n_gold = 0
    for gold, pred in docs:
        g_spans = [(t[0], t[1]) for t in gold]
        p_spans = [(t[0], t[1]) for t in pred]
        strict += exact_matches(g_spans, p_spans)
        pairs = overlap_pairs(g_spans, p_spans)
        relaxed += len(pairs)
        value_ok += sum(_same_value(gold[g][3], pred[p][3]) for g, p in pairs)
        type_ok += sum(gold[g][2] == pred[p][2] for g, p in pairs)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
    return {
        "strict": prf(strict, n_pred, n_gold),
        "relaxed": prf(relaxed, n_pred, n_gold),
        "value": prf(value_ok, n_pred, n_gold),
        "type": prf(type_ok, n_pred, n_gold),
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "matched": relaxed,
    }


def _same_value(gold: str | None, pred: str | None) -> bool:
    return gold is not None and pred is not None and gold.strip() == str(pred).strip()


# Geocoding -------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def within(error_km: float | None, km: float = WITHIN_KM) -> bool:
    return error_km is not None and error_km <= km


def geocoding_scores(
    errors: Sequence[float | None], km: float = WITHIN_KM, same_place: Sequence[bool] | None = None
) -> dict:
    """Accuracy within `km` and median/mean error over toponyms; `None` means no answer.

    An unanswered toponym counts as wrong and, for the median and mean, as the largest
    possible error (`MAX_ERROR_KM`), so a geocoder cannot improve its median by abstaining.

    With `same_place` (one flag per toponym: the answer is the gold GeoNames feature itself),
    also the share right by place rather than by point: the same feature, or within `km`.
    It separates choosing the wrong place from choosing the right place whose coordinates
    come from another source (a country's centre is not where GeoNames puts it).
    """
    n = len(errors)
    filled = [MAX_ERROR_KM if e is None else e for e in errors]
    scores = {
        "n": n,
        "answered": sum(e is not None for e in errors) / n if n else 0.0,
        "acc_at_km": sum(within(e, km) for e in errors) / n if n else 0.0,
        "km": km,
        "median_km": statistics.median(filled) if n else None,
        "mean_km": statistics.fmean(filled) if n else None,
    }
    if same_place is not None:
        right = [same or within(e, km) for e, same in zip(errors, same_place, strict=True)]
        scores["acc_same_place"] = sum(right) / n if n else 0.0
        scores["far_same_place"] = sum(
            same and not within(e, km) for e, same in zip(errors, same_place, strict=True))
    return scores


# Classification --------------------------------------------------------------------------


def classification_scores(
    gold: Sequence[str], pred: Sequence[str | None], labels: Sequence[str] | None = None
) -> dict:
    """Accuracy, per-label P/R/F1 and macro-F1 of single-label predictions.

    `None` is a prediction of nothing: wrong, and counted against no label's precision.
    Macro-F1 averages over `labels` (default: the labels seen in `gold`), so a label the
    system never predicts still weighs in with F1 0.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    labels = sorted(set(gold)) if labels is None else list(labels)
    per_label = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        per_label[label] = prf(tp, sum(p == label for p in pred), sum(g == label for g in gold))
    n = len(gold)
    return {
        "n": n,
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0,
        "macro_f1": statistics.fmean(s["f1"] for s in per_label.values()) if labels else 0.0,
        "per_label": per_label,
    }


def multiset_prf(docs: Iterable[tuple[Iterable[Hashable], Iterable[Hashable]]]) -> dict:
    """Micro P/R/F1 of `(gold, pred)` multisets, e.g. the actor countries of each sentence.

    A country named twice in gold must be predicted twice to earn both.
    """
    tp = n_pred = n_gold = 0
    for gold, pred in docs:
        g, p = Counter(gold), Counter(pred)
        tp += sum((g & p).values())
        n_pred, n_gold = n_pred + sum(p.values()), n_gold + sum(g.values())
    return prf(tp, n_pred, n_gold)
