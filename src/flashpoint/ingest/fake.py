"""A small, fast stand-in for the extraction pipeline, for tests and benchmarks.

It reads a handful of fixed sentence shapes over a few countries and returns records in
the `flashpoint/1` contract, so that storage, merging and scale-out can be tested without
the real pipeline: name it as the extractor, `flashpoint.ingest.fake:FakePipeline`.

    Turkey delivered 3 Bayraktar TB2 to Kyrgyzstan.      transfer, delivered
    Turkey denied delivering Bayraktar TB2 to Kyrgyzstan. transfer, denied
    Kyrgyzstan attacked Tajikistan.                        event ASSAULT
    Kyrgyzstan and Tajikistan signed an agreement.         event AGREE
    Tajikistan said 63 people were killed.                 claim killed
    Tajikistan denied that 63 people were killed.          claim killed, denied
    FAIL                                                   raises, as a broken document
"""

from __future__ import annotations

import re

COUNTRIES = {"Turkey": "TUR", "Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Russia": "RUS",
             "Ukraine": "UKR", "Iran": "IRN", "China": "CHN", "Armenia": "ARM", "Azerbaijan": "AZE"}
_C = "(" + "|".join(COUNTRIES) + ")"
_SYSTEM = r"([A-Z][\w-]*(?: [A-Z0-9][\w-]*)*)"
PATTERNS = (
    ("transfer", re.compile(rf"{_C} delivered (?:(\d+) )?{_SYSTEM} to {_C}")),
    ("denied_transfer", re.compile(rf"{_C} denied delivering {_SYSTEM} to {_C}")),
    ("assault", re.compile(rf"{_C} attacked {_C}")),
    ("agree", re.compile(rf"{_C} and {_C} signed an agreement")),
    ("claim", re.compile(rf"{_C} said (\d+) people were killed")),
    ("denied_claim", re.compile(rf"{_C} denied that (\d+) people were killed")),
)


def actor(name: str) -> dict:
    return {"id": COUNTRIES[name], "name": name, "code": COUNTRIES[name], "country": COUNTRIES[name]}


class FakePipeline:
    def extract(self, document) -> dict:
        if document.text.startswith("FAIL"):
            raise ValueError("the fake pipeline fails on documents starting with FAIL")
        record = {"schema": "flashpoint/1", "document": document.metadata(), "actors": [], "weapons": [],
                  "places": [], "times": [], "events": [], "transfers": [], "claims": []}
        date = _month(document.published)
        for kind, pattern in PATTERNS:
            for found in pattern.finditer(document.text):
                _add(record, kind, found, date)
        _add_entities(record, document.text)
        return record


def _month(published: str | None) -> dict | None:
    if not published:
        return None
    return {"start": published[:7], "end": published[:7], "precision": "month", "text": None}


def _add(record: dict, kind: str, found: re.Match, date: dict | None) -> None:
    evidence = [{"start": found.start(), "end": found.end()}]
    asserted = {"claimant": "the article", "status": "asserted"}
    g = found.groups()
    if kind in ("transfer", "denied_transfer"):
        supplier, quantity, system, recipient = (g if kind == "transfer" else (g[0], None, g[1], g[2]))
        status = "delivered" if kind == "transfer" else "denied"
        attribution = asserted if kind == "transfer" else {"claimant": supplier, "status": "denied"}
        record["transfers"].append({
            "id": f"t{len(record['transfers']) + 1}", "supplier": actor(supplier), "recipient": actor(recipient),
            "system": {"id": system.lower(), "name": system, "type": None, "origin": COUNTRIES[supplier]},
            "quantity": int(quantity) if quantity else None, "status": status, "date": date,
            "attribution": attribution, "evidence": evidence})
    elif kind in ("assault", "agree"):
        record["events"].append({
            "id": f"e{len(record['events']) + 1}", "type": kind.upper(), "mode": None,
            "cameo": "190" if kind == "assault" else "057", "actor": [actor(g[0])], "recipient": [actor(g[1])],
            "date": date, "place": None, "weapons": [], "casualties": [], "attribution": asserted,
            "evidence": evidence})
    else:
        record["claims"].append({
            "id": f"c{len(record['claims']) + 1}", "claimant": actor(g[0]), "predicate": "killed",
            "subject": {"id": "people", "name": "people"}, "value": int(g[1]), "date": date,
            "status": "claimed" if kind == "claim" else "denied", "evidence": evidence})


def _add_entities(record: dict, text: str) -> None:
    for name in COUNTRIES:
        spans = [[m.start(), m.end()] for m in re.finditer(name, text)]
        if spans:
            record["actors"].append({**actor(name), "sector": None, "kind": "state", "mentions": spans})
    systems = {t["system"]["name"]: t["system"] for t in record["transfers"]}
    for name, system in systems.items():
        spans = [[m.start(), m.end()] for m in re.finditer(re.escape(name), text)]
        record["weapons"].append({**system, "manufacturer": None, "mentions": spans})


class SlowFakePipeline(FakePipeline):
    """The fake, taking a few milliseconds a document: long enough to interrupt a run."""

    def extract(self, document) -> dict:
        import time

        time.sleep(0.01)
        return super().extract(document)
