"""The pages and their JSON twins. Each view reads its parameters, asks `records` or
`analysis` for data and returns it; `app.twin` renders it as HTML or JSON."""

from __future__ import annotations

import re
from itertools import groupby
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Body, Depends, FastAPI, HTTPException, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from flashpoint.export.geo import feature
from flashpoint.web import analysis, records
from flashpoint.web.app import Context, context, twin
from flashpoint.web.filters import Filters, filters, period, plain
from flashpoint.web.highlight import record_spans, segments
from flashpoint.web.security import require_token

Ctx = Annotated[Context, Depends(context)]
F = Annotated[Filters, Depends(filters)]
At = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Cut the network at this day [latest record]")]
Window = Annotated[str, Query(pattern=r"^(\d{1,4}[dwmy]|all)$", description="Window ending at `at`: 90d, 8w, 12m, 2y or all")]
HalfLife = Annotated[float, Query(ge=0, le=36500, description="Recency half-life in days; 0 for no decay")]
Code = Annotated[str, Path(max_length=100, pattern=r"^[^./]+$")]
DocumentId = Annotated[str, Path(max_length=64, pattern=r"^[0-9a-zA-Z_-]+$")]


def paged(found: tuple[list[dict], int], f: Filters, path: str) -> dict:
    rows, total = found
    query = f.as_query()
    following = f"{path}?{urlencode({**query, 'offset': f.offset + f.limit})}" if f.offset + f.limit < total else None
    previous = f"{path}?{urlencode({**query, 'offset': max(0, f.offset - f.limit)})}" if f.offset else None
    return {"total": total, "limit": f.limit, "offset": f.offset, "filters": query,
            "next": following, "previous": previous, "rows": rows}


def overview(ctx: Ctx) -> dict:
    """What came in, the latest events and the most active dyads."""
    latest = records.page(ctx.engine, "event", Filters(sort="-date", limit=10))[0]
    return {"counts": records.counts(ctx.engine), "latest_documents": records.latest_documents(ctx.engine),
            "latest_events": latest, "dyads": records.dyads(ctx.engine)}


def events(ctx: Ctx, f: F) -> dict:
    """Events merged across documents, each with its sources and quoted evidence."""
    return paged(records.page(ctx.engine, "event", f), f, "/events")


def transfers(ctx: Ctx, f: F) -> dict:
    """Arms transfers (`type` is the transfer status: ordered, delivered...)."""
    return paged(records.page(ctx.engine, "transfer", f), f, "/transfers")


def claims(ctx: Ctx, f: F) -> dict:
    """Claims (`type` is the predicate), with rival figures side by side."""
    found = paged(records.page(ctx.engine, "claim", f), f, "/claims")
    found["figure_groups"] = figure_groups(found["rows"])
    return found


def figure_groups(rows: list[dict]) -> list[dict]:
    """Claims about the same predicate, subject and month that differ or are contested."""
    by_key = sorted(rows, key=lambda r: r.get("figure_key") or "")
    found = []
    for key, group in groupby(by_key, key=lambda r: r.get("figure_key") or ""):
        group = list(group)
        values = {str(r.get("value")) for r in group} | {str(d["value"]) for r in group for d in r["differing_figures"]}
        if len(values) > 1 or any(r["contested"] for r in group):
            found.append({"figure_key": key, "predicate": group[0].get("predicate"),
                          "subject": (group[0].get("subject") or {}).get("name"), "claims": group,
                          "figures": sorted(values), "contested": any(r["contested"] for r in group)})
    return found


def documents(ctx: Ctx, f: F) -> dict:
    """Stored documents (current versions); `q` searches their text."""
    return paged(records.documents(ctx.engine, f), f, "/documents")


def document(ctx: Ctx, document_id: DocumentId) -> dict:
    """One document: its text cut into segments at every record's evidence, and its records."""
    found = records.document(ctx.engine, document_id)
    if found is None:
        raise HTTPException(404, f"no document {document_id}")
    found["segments"] = [s.__dict__ for s in segments(found["text"], record_spans(found["records"]))]
    return found


def actors(ctx: Ctx, f: F) -> dict:
    """Actors with how many documents mention them and how many records involve them."""
    return paged(records.actors(ctx.engine, f), f, "/actors")


def actor(ctx: Ctx, code: Code, at: At = None, window: Window = "all", half_life: HalfLife = 365.0) -> dict:
    """One actor: its relations in the network, transfers in and out, events, claims about it."""
    found = [a for a in records.actors(ctx.engine, Filters(actor=code, limit=100))[0] if code in (a["code"], a["country"])]
    if not found:
        raise HTTPException(404, f"no actor with code or country {code}")
    network = ctx.networks.get(at, window, half_life)
    graph = network.graph
    relations = [] if code not in graph else sorted(
        ({"partner": other, "name": network.name(other), "sign": graph[code][other]["sign"],
          "weight": round(graph[code][other]["weight"], 4),
          "ties": [t.as_dict() for t in graph[code][other]["ties"].values()]} for other in graph[code]),
        key=lambda r: -abs(r["weight"]))
    some = Filters(limit=200, sort="-date")
    return {"code": code, "name": network.name(code) if code in graph else found[0]["name"], "actors": found,
            "relations": relations,
            "transfers_out": records.page(ctx.engine, "transfer", some, extra=[records.role("transfer", "supplier", code)])[0],
            "transfers_in": records.page(ctx.engine, "transfer", some, extra=[records.role("transfer", "recipient", code)])[0],
            "events": records.page(ctx.engine, "event", Filters(actor=code, limit=200, sort="-date"))[0],
            "claims_about": records.page(ctx.engine, "claim", some, extra=[records.role("claim", "subject", code)])[0]}


def weapons(ctx: Ctx, f: F) -> dict:
    """Weapon systems (`type`: ucav, tank...; `actor`: country of origin; `q`: name)."""
    return paged(records.weapons(ctx.engine, f), f, "/weapons")


def event_map(ctx: Ctx, f: F, max_events: Annotated[int, Query(ge=1, le=50000)] = 10000) -> dict:
    """Events with a place, as a GeoJSON FeatureCollection (`max_events` replaces `limit`)."""
    f.limit = max_events
    rows, total = records.page(ctx.engine, "event", f, placed=True)
    return {"type": "FeatureCollection", "total": total, "filters": f.as_query(),
            "types": sorted({r["type"] for r in rows}), "features": [feature(r) for r in rows]}


def event_map_page(ctx: Ctx, f: F, max_events: Annotated[int, Query(ge=1, le=50000)] = 10000) -> dict:
    """What the map page shows before its script fetches `/map.json`: how many events it will get."""
    f.limit = 0
    total = records.page(ctx.engine, "event", f, placed=True)[1]
    return {"total": total, "shown": min(total, max_events)}


def timeline(ctx: Ctx, actor: Annotated[str | None, Query(max_length=100)] = None,
             other: Annotated[str | None, Query(max_length=100, description="With `actor`: the dyad actor–other")] = None,
             since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
             until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None) -> dict:
    """Events and transfers of one actor or one dyad, in date order, grouped by month."""
    f = Filters(actor=actor, since=period(since, "since"), until=period(until, "until"), limit=500)
    found = []
    for kind in ("event", "transfer"):
        extra = [records.role(kind, None, other)] if actor and other else []
        found += records.page(ctx.engine, kind, f, extra=extra)[0]
    found.sort(key=lambda r: ((r.get("date") or {}).get("start") or "9999", r["key"]))
    months = [{"month": month, "rows": list(rows)} for month, rows in
              groupby(found, key=lambda r: ((r.get("date") or {}).get("start") or "undated")[:7])]
    return {"actor": actor, "other": other, "since": since, "until": until, "total": len(found), "months": months}


def network(ctx: Ctx, at: At = None, window: Window = "12m", half_life: HalfLife = 365.0) -> dict:
    """The signed actor network with its dilemmas and unbalanced triads."""
    return analysis.network_view(ctx.networks, at, window, half_life)


def dilemmas(ctx: Ctx, at: At = None, window: Window = "12m", half_life: HalfLife = 365.0,
             actor: Annotated[str | None, Query(max_length=100)] = None,
             limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict:
    """Dilemmas (an actor tied positively to two hostile partners) with their evidence."""
    found = analysis.dilemmas_view(ctx.networks, at, window, half_life, actor, limit)
    return {"at": at, "window": window, "actor": actor, "dilemmas": found}


def balance(ctx: Ctx, at: At = None, window: Window = "12m", half_life: HalfLife = 365.0) -> dict:
    """Structural balance: triangle census, frustration index, weak balance, walk balance."""
    return analysis.balance_view(ctx.networks, at, window, half_life)


def search(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=500)] = "",
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict:
    """Full-text search over documents, with matching actors and weapon systems."""
    q = plain(q.strip(), "q") or ""
    if not q:
        return {"q": q, "documents": [], "actors": [], "weapons": []}
    from flashpoint.store import queries

    found = queries.search(ctx.engine, q, limit=limit)
    for row in found:
        row["snippet_parts"] = snippet_parts(row.get("snippet") or "")
    words = Filters(q=q, limit=limit)
    named = [a for a in records.actors(ctx.engine, Filters(limit=10**6))[0] if q.lower() in (a["name"] or "").lower()]
    return {"q": q, "documents": found, "actors": named[:limit], "weapons": records.weapons(ctx.engine, words)[0]}


def snippet_parts(snippet: str) -> list[dict]:
    """A search snippet with `[match]` markers as parts, so the template can escape each."""
    return [{"text": part, "match": i % 2 == 1} for i, part in enumerate(re.split(r"\[|\]", snippet)) if part]


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=300)
    author: str | None = Field(None, max_length=300)
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


def ingest(ctx: Ctx, body: Annotated[NewDocument, Body()]) -> dict:
    """Extract and store one document (needs the operator's token)."""
    from flashpoint.documents import Document
    from flashpoint.ingest.run import DEFAULT_EXTRACTOR
    from flashpoint.ingest.worker import load_extractor
    from flashpoint.store.store import Store

    document = Document.from_text(body.text, **body.model_dump(exclude={"text"}), source="api")
    record = load_extractor(DEFAULT_EXTRACTOR).extract(document)
    written = Store(ctx.engine).write(document, record)
    ctx.networks.clear()
    kinds = {k: len(record.get(k) or []) for k in ("events", "transfers", "claims")}
    return {"id": document.id, "written": written, "records": kinds, "url": f"/documents/{document.id}"}


def export(ctx: Ctx, format: Annotated[str, Path(pattern=r"^[a-z]+$")],
           table: Annotated[str, Query(pattern=r"^[a-z]+$")] = "events") -> Response:
    """Download the store as csv, parquet (one `table`), geojson, graphml, gexf, ftm or datasette."""
    from flashpoint.export import EXPORTERS, export_bytes

    if format not in EXPORTERS:
        raise HTTPException(404, f"no export format {format}; try one of {', '.join(EXPORTERS)}")
    try:
        data, media, name = export_bytes(ctx.engine, format, table=table, networks=ctx.networks)
    except KeyError as missing:
        raise HTTPException(404, str(missing)) from None
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


PAGES = (
    ("/", "overview.html", overview), ("/events", "events.html", events),
    ("/transfers", "transfers.html", transfers), ("/claims", "claims.html", claims),
    ("/documents", "documents.html", documents), ("/documents/{document_id}", "document.html", document),
    ("/actors", "actors.html", actors), ("/actors/{code}", "actor.html", actor),
    ("/weapons", "weapons.html", weapons), ("/map", "map.html", event_map),
    ("/timeline", "timeline.html", timeline), ("/network", "network.html", network),
    ("/dilemmas", "dilemmas.html", dilemmas), ("/balance", "balance.html", balance),
    ("/search", "search.html", search),
)


HTML_VIEWS = {"/map": event_map_page}


def register(app: FastAPI, with_ingest: bool = False) -> None:
    for path, template, view in PAGES:
        twin(app, path, template, view, HTML_VIEWS.get(path), summary=(view.__doc__ or "").split("\n")[0].rstrip("."))
    app.add_api_route("/export/{format}", export, methods=["GET"], response_class=Response)
    app.add_api_route("/documents", ingest, methods=["POST"], dependencies=[Depends(require_token)],
                      include_in_schema=with_ingest, status_code=201)
