"""`--format table`: a document's records as readable tables in the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _ref(ref) -> str:
    if not ref:
        return ""
    return ref.get("code") or ref.get("name") or ref.get("id") or ""


def _refs(refs) -> str:
    return ", ".join(_ref(r) for r in refs)


def _date(date) -> str:
    if not date:
        return ""
    value = date.get("value") or date.get("start") or ""
    return f"{value} ({date.get('precision')})" if date.get("precision") else value


def _source(attribution) -> str:
    claimant = (attribution or {}).get("claimant") or {}
    return f"{claimant.get('name') or ''} [{(attribution or {}).get('status', '')}]"


def _quote(text: str, evidence, width: int = 90) -> str:
    if not evidence:
        return ""
    span = text[evidence[0]["start"]:evidence[0]["end"]]
    return span if len(span) <= width else span[: width - 1] + "…"


def print_tables(record: dict, console: Console | None = None, text: str | None = None) -> None:
    console = console or Console()
    doc = record["document"]
    console.rule(f"[bold]{doc.get('title') or doc.get('source') or doc['id']}[/] — {doc.get('outlet') or '?'}, {doc.get('published') or 'undated'}")

    actors = Table("actor", "code", "kind", "mentions", title="Actors", title_justify="left")
    for a in record["actors"]:
        actors.add_row(a["name"], a.get("code") or "", a["kind"], str(len(a["mentions"])))
    console.print(actors)

    weapons = Table("weapon", "type", "origin", "maker", "mentions", title="Weapons", title_justify="left")
    for w in record["weapons"]:
        weapons.add_row(w["name"], w.get("type") or "", w.get("origin") or "", w.get("manufacturer") or "", str(len(w["mentions"])))
    console.print(weapons)

    transfers = Table("supplier", "recipient", "system", "qty", "status", "date", "according to", title="Transfers", title_justify="left")
    for t in record["transfers"]:
        transfers.add_row(_ref(t["supplier"]), _ref(t["recipient"]), t["system"]["name"], str(t.get("quantity") or ""),
                          t["status"], _date(t["date"]), _source(t["attribution"]))
    console.print(transfers)

    events = Table("type", "mode", "cameo", "actor", "recipient", "date", "place", "according to", "trigger", title="Events", title_justify="left")
    for e in record["events"]:
        events.add_row(e["type"], e.get("mode") or "", e.get("cameo") or "", _refs(e["actor"]), _refs(e["recipient"]),
                       _date(e["date"]), (e.get("place") or {}).get("name") or "", _source(e["attribution"]), e["trigger"]["text"])
    console.print(events)

    claims = Table("claimant", "predicate", "subject", "value", "status", "date", title="Claims", title_justify="left")
    for c in record["claims"]:
        claims.add_row(_ref(c["claimant"]), c["predicate"], _ref(c["subject"]), str(c["value"]), c["status"], _date(c["date"]))
    console.print(claims)

    places = Table("place", "country", "precision", "lat", "lon", title="Places", title_justify="left")
    for p in record["places"]:
        places.add_row(p["name"], p.get("country") or "", p["precision"], str(p.get("lat") or ""), str(p.get("lon") or ""))
    console.print(places)

    times = Table("text", "type", "value", title="Times", title_justify="left")
    for t in record["times"]:
        times.add_row(t["text"], t["type"], t["value"])
    console.print(times)
