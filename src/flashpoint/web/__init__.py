"""The web interface: `flashpoint serve` runs `create_app(db)`, a FastAPI app of
server-rendered pages, each with a JSON twin, over the store (see docs/web.md)."""


def create_app(*args, **kwargs):
    from flashpoint.web.app import create_app as create

    return create(*args, **kwargs)


__all__ = ["create_app"]
