"""The Today page and ``/api/today`` answered straight from their cache (see ``today_cache``).

A plain ASGI layer just inside ``HostGuard`` and ``SecurityMiddleware``, so a cached answer gets
the same host check, security headers and CSRF cookie as any page. It handles only a plain
``GET /`` or ``GET /api/today`` (no query string: ``?saved=`` shows a flash message) whose
cached entry is still valid for the owner, the data version and the local day; everything else,
a miss included, goes on to the routes, which fill the cache. Skipping routing and dependency
injection is what makes a hit cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from kithkin.bootstrap import App
from kithkin.domain.errors import KithkinError
from kithkin.web.security import Csrf
from kithkin.web.today_cache import ViewCache


@dataclass(frozen=True, slots=True)
class Cached:
    kind: str  # the cache entry's kind, as the route stores it
    content_type: bytes
    per_browser: bool  # the entry holds the cache's CSRF placeholder


PATHS = {
    "/": Cached("page", b"text/html; charset=utf-8", per_browser=True),
    "/api/today": Cached("api", b"application/json", per_browser=False),
}


class TodayFastPath:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        cached = _servable(scope)
        if cached is not None:
            body = await run_in_threadpool(_lookup, scope, cached)
            if body is not None:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 200,
                        "headers": [
                            (b"content-length", str(len(body)).encode()),
                            (b"content-type", cached.content_type),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def _servable(scope: Scope) -> Cached | None:
    if scope["type"] != "http" or scope["method"] != "GET" or scope.get("query_string"):
        return None
    if scope.get("root_path"):
        return None
    return PATHS.get(scope["path"])


def _lookup(scope: Scope, cached: Cached) -> bytes | None:
    """The cached body for this request, or None to let the route answer."""
    state = scope["app"].state
    app: App = state.kithkin
    cache: ViewCache = state.today_cache
    try:
        owner, version = app.owner_id, app.data_version()
    except KithkinError:  # the database is unavailable: the route says so properly
        return None
    value = cache.get(owner=owner, kind=cached.kind, version=version, now=app.now())
    if value is None:
        return None
    if not cached.per_browser:
        return bytes(value)
    csrf: Csrf = state.csrf
    token = csrf.token_for(scope["state"]["csrf_session"])
    return str(value).replace(cache.placeholder, token).encode()
