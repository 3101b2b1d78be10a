"""Security defaults: response headers on every response and the operator's write token."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

# No inline scripts or styles, nothing from another origin, no framing.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """ASGI middleware that sets `HEADERS` on every HTTP response (errors included)."""

    def __init__(self, app):
        self.app = app
        self.raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k for k, _ in self.raw}
                message["headers"] = [h for h in message.get("headers", []) if h[0] not in names] + self.raw
            await send(message)

        return await self.app(scope, receive, with_headers)


def require_token(request: Request) -> None:
    """Dependency of the endpoints that change data: 404 when the operator set no token,
    401 without a bearer token, 403 with a wrong one."""
    expected = request.app.state.context.token
    if not expected:
        raise HTTPException(404, "Not Found")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "send the operator's token as 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(403, "wrong token")
