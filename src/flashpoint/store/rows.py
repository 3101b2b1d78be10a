"""Flat rows for tables and CSV: the few columns a reader scans, per kind of result."""

from __future__ import annotations


def _refs(refs) -> str:
    refs = refs if isinstance(refs, list) else [refs]
    return ", ".join(r.get("code") or r.get("name") or "" for r in refs if isinstance(r, dict))


def _name(value) -> str:
    if isinstance(value, dict):
        return value.get("code") or value.get("name") or ""
    return "" if value is None else str(value)


def _date(row: dict) -> str:
    return (row.get("date") or {}).get("start") or ""


def _sources(row: dict) -> dict:
    return {"documents": row["n_documents"], "outlets": row["n_outlets"],
            "contested": "yes" if row["contested"] else "", "statuses": ", ".join(row["statuses"])}


def event_row(row: dict) -> dict:
    place = row.get("place") or {}
    return {"date": _date(row), "type": row["type"], "mode": row.get("mode") or "", "actor": _refs(row["actor"]),
            "recipient": _refs(row["recipient"]), "place": place.get("name") or "", **_sources(row)}


def transfer_row(row: dict) -> dict:
    return {"date": _date(row), "supplier": _name(row["supplier"]), "recipient": _name(row["recipient"]),
            "system": _name((row.get("system") or {}).get("name")), "quantity": _name(row.get("quantity")),
            "status": row["status"], **_sources(row)}


def claim_row(row: dict) -> dict:
    differing = ", ".join(f"{f['value']} ({f['claimant']})" for f in row.get("differing_figures", []))
    return {"date": _date(row), "claimant": _name(row.get("claimant")), "predicate": row["predicate"],
            "subject": _name(row.get("subject")), "value": _name(row.get("value")), "differing": differing,
            **_sources(row)}


def plain_row(row: dict) -> dict:
    return {k: "" if v is None else v for k, v in row.items()}


FLAT = {"events": event_row, "transfers": transfer_row, "claims": claim_row}


def flat(kind: str, row: dict) -> dict:
    return FLAT.get(kind, plain_row)(row)
