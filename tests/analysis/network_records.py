"""Hand-made flashpoint/1 documents for the network tests: small dicts, nothing else."""

from __future__ import annotations

import itertools

COUNTRIES = {"TUR": "Turkey", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan", "RUS": "Russia",
             "KAZ": "Kazakhstan", "UZB": "Uzbekistan"}
_ids = itertools.count(1)


def actor(code: str) -> dict:
    """A ref for a state (``TUR``) or one of its sectors (``TURMIL``: country ``TUR``)."""
    country = code[:3] if code[:3] in COUNTRIES else None
    name = COUNTRIES.get(code, code)
    return {"id": code, "name": name, "code": code, "country": country}


def date(start: str | None, precision: str = "month") -> dict | None:
    return {"start": start, "end": start, "precision": precision} if start else None


def event(type_: str, actors, recipients, start=None, status="asserted", precision="month") -> dict:
    return {"id": f"ev{next(_ids)}", "type": type_, "mode": None, "cameo": None,
            "actor": [actor(a) for a in actors], "recipient": [actor(r) for r in recipients],
            "date": date(start, precision), "place": None, "weapons": [], "casualties": [],
            "attribution": {"claimant": {"id": None, "name": "the article"}, "status": status},
            "evidence": [{"start": 0, "end": 10}]}


def transfer(supplier, recipient, system, status, start=None, attribution="asserted") -> dict:
    return {"id": f"tr{next(_ids)}", "supplier": actor(supplier), "recipient": actor(recipient),
            "system": {"id": system.lower(), "name": system, "type": "ucav", "origin": supplier},
            "quantity": None, "status": status, "date": date(start),
            "attribution": {"claimant": {"id": None, "name": "the article"}, "status": attribution},
            "evidence": [{"start": 0, "end": 10}]}


def document(doc_id: str, published: str, events=(), transfers=(), outlet="Test Wire") -> dict:
    return {"schema": "flashpoint/1",
            "document": {"id": doc_id, "title": None, "outlet": outlet, "author": None, "url": None,
                         "published": published, "language": "en"},
            "actors": [], "weapons": [], "places": [], "times": [],
            "events": list(events), "transfers": list(transfers), "claims": []}


def turkey_dilemma() -> dict:
    """The founding example in miniature: Turkey arms Kyrgyzstan and courts Tajikistan,
    while the two clash."""
    return document("seed", "2022-09-26",
                    events=[event("AGREE", ["TURMIL", "TJKMIL"], ["TURMIL", "TJKMIL"], "2022-04-01"),
                            event("ASSAULT", ["KGZ", "TJK"], ["KGZ", "TJK"], "2022-09-14", precision="day"),
                            event("ASSAULT", ["KGZ"], ["TJK"], "2022-09-13", precision="day")],
                    transfers=[transfer("TUR", "KGZ", "Bayraktar TB2", "delivered", "2021-12-01")])
