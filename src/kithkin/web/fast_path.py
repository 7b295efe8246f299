"""Cached pages answered straight from the cache (see ``today_cache``): Today, ``/api/today`` and
the People list.

A plain ASGI layer just inside ``HostGuard`` and ``SecurityMiddleware``, so a cached answer gets
the same host check, security headers and CSRF cookie as any page. It handles only a ``GET``
whose cached entry is still valid for the owner, the data version and the local day; everything
else, a miss included, goes on to the routes, which fill the cache. Today and its JSON are taken
only without a query string (``?saved=`` shows a flash message). Skipping routing, dependency
injection and the thread pool is what makes a hit cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from kithkin.bootstrap import App
from kithkin.web.security import Csrf
from kithkin.web.today_cache import ViewCache, people_kind

HTML = b"text/html; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Cached:
    kind: str  # the cache entry's kind, as the route stores it
    content_type: bytes
    per_browser: bool  # the entry holds the cache's CSRF placeholder


TODAY = Cached("page", HTML, per_browser=True)
TODAY_JSON = Cached("api", b"application/json", per_browser=False)


class FastPath:
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
    if scope["type"] != "http" or scope["method"] != "GET" or scope.get("root_path"):
        return None
    path, query = scope["path"], scope.get("query_string", b"")
    if path == "/people":
        fragment = any(name == b"hx-request" and value for name, value in scope["headers"])
        return Cached(people_kind(query.decode("latin-1"), fragment=fragment), HTML, True)
    if query:
        return None
    return TODAY if path == "/" else TODAY_JSON if path == "/api/today" else None


def _lookup(scope: Scope, cached: Cached) -> bytes | None:
    """The cached body for this request, or None to let the route answer."""
    state = scope["app"].state
    app: App = state.kithkin
    cache: ViewCache = state.today_cache
    try:
        owner, version = app.owner_id, app.data_version()
    except Exception:
        return None
    value = cache.get(owner=owner, kind=cached.kind, version=version, now=app.now())
    if value is None:
        return None
    if not cached.per_browser:
        return bytes(value)
    csrf: Csrf = state.csrf
    token = csrf.token_for(scope["state"]["csrf_session"])
    return str(value).replace(cache.placeholder, token).encode()
