"""The FastAPI application: `create_app(db)` wires the store, the templates, the static
files, the security headers and the routes of `flashpoint.web.views`."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from flashpoint import __version__
from flashpoint.web.analysis import NetworkCache
from flashpoint.web.security import SecurityHeaders

HERE = Path(__file__).parent
TOKEN_ENV = "FLASHPOINT_TOKEN"


@dataclass
class Context:
    """What every view needs: the store's engine, the network cache, the operator's token."""

    engine: object
    networks: NetworkCache
    token: str | None = None
    templates: jinja2.Environment = field(default=None, repr=False)


def templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    env.globals["version"] = __version__
    return env


def context(request: Request) -> Context:
    return request.app.state.context


def create_app(db: str | None = None, *, token: str | None = None, cors_origins: tuple[str, ...] = (),
               store=None, kb=None) -> FastAPI:
    """The app over the store at `db` (or the `store` given). Writes need `token`."""
    from flashpoint.store import open_store
    from flashpoint.web import views

    store = store or open_store(db)
    app = FastAPI(title="flashpoint", version=__version__, docs_url=None, redoc_url=None,
                  description="Sourced records of armed conflict, arms transfers and diplomacy. "
                              "Every page has a JSON twin; this spec lists the JSON endpoints.")
    app.state.context = Context(store.engine, NetworkCache(store.engine, kb), token or None, templates())
    app.add_middleware(SecurityHeaders)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    views.register(app, with_ingest=bool(token))
    return app


def twin(app: FastAPI, path: str, template: str, view, html_view=None, **options) -> None:
    """Register `view` (which returns data) twice: `path.json` (in the OpenAPI spec) and
    `path`, an HTML page rendered by `template` that also answers `?format=json`. An
    `html_view` taking the same arguments gives the page its data when the page needs less
    than the JSON (the map page fetches its features itself)."""
    app.add_api_route(f"{path}.json" if path != "/" else "/index.json", view, methods=["GET"], **options)
    signature = inspect.signature(view, eval_str=True)  # the annotations live in the view's module
    extra = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
             inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
                               default=Query(None, pattern="^(html|json)$", include_in_schema=False))]
    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()]

    def page(request: Request, format: str | None = None, **kwargs):
        if format == "json":
            return JSONResponse(jsonable_encoder(view(**kwargs)))
        data = (html_view or view)(**kwargs)
        ctx: Context = request.app.state.context
        html = ctx.templates.get_template(template).render(data=data, request=request, query=dict(request.query_params))
        return HTMLResponse(html)

    page.__signature__ = signature.replace(parameters=extra + params, return_annotation=HTMLResponse)
    page.__name__ = f"{view.__name__}_page"
    app.add_api_route(path, page, methods=["GET"], include_in_schema=False, response_class=HTMLResponse)
