"""The `flashpoint/1` record of one document: the contract users script against."""

from __future__ import annotations

from flashpoint import SCHEMA
from flashpoint.pipeline.annotations import annotations

_PRIVATE = ("_sentence", "_rank")
# every recognised name, for highlighting and scoring: demonyms stay here and never become places
_NAME_LABELS = {"COUNTRY": "country", "ADJ": "demonym", "SEAT": "seat", "ENTRY": "entry", "PERSON": "person", "ORG": "organisation",
                "WEAPON": "weapon"}


def _clean(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in _PRIVATE}


def to_contract(document, doc, kb) -> dict:
    ann = annotations(doc)
    return {
        "schema": SCHEMA,
        "document": document.metadata(),
        "actors": [
            {"id": a.id, "name": a.name, "code": a.code, "country": a.country, "sector": a.sector,
             "kind": a.kind, "office": a.office, "kb": a.entry, "mentions": [list(m) for m in sorted(a.mentions)]}
            for a in ann.actors.values() if a.mentions
        ],
        "weapons": [
            {"id": w.id, "name": w.name, "type": w.type, "class": w.weapon_class, "mode": w.mode,
             "manufacturer": _maker(kb, w.manufacturer), "origin": w.origin, "generic": w.generic,
             "mentions": [list(m) for m in sorted(w.mentions)]}
            for w in ann.weapons.values()
        ],
        "places": [
            {"id": p.id, "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
             "geonames_id": p.geonames_id, "precision": p.precision, "mentions": [list(m) for m in sorted(p.mentions)]}
            for p in ann.places.values()
        ],
        "times": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
             "interval": {"start": t.begin, "end": t.finish, "precision": t.precision}, "mod": t.mod}
            for t in ann.times
        ],
        "names": [
            {"start": m.start_char, "end": m.end_char, "text": m.text, "label": _NAME_LABELS[m.label], "key": m.key}
            for m in ann.mentions if m.label in _NAME_LABELS
        ],
        "events": [_clean(e) for e in ann.events],
        "transfers": [_clean(t) for t in ann.transfers],
        "claims": [_clean(c) for c in ann.claims],
    }


def _maker(kb, company_id):
    entry = kb.entries.get(f"company:{company_id}") if company_id else None
    return entry.name if entry else company_id
