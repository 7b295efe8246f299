"""Cached routes answered straight from the cache (see ``store``): those declared in
``registry`` (Today, ``/api/today`` and the People list).

A plain ASGI layer just inside ``HostGuard`` and ``SecurityMiddleware``, so a cached answer gets
the same host check, security headers and CSRF cookie as any page. It handles only a ``GET`` to
a declared route whose cached entry is still valid for the owner, the data version and the local
day; everything else, a miss included, goes on to the routes, which fill the cache. A route
declared ``with_query=False`` is taken only without a query string (Today's ``?saved=`` shows a
flash message). Skipping routing, dependency injection and the thread pool is what makes a hit
cheap.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from kithkin.bootstrap import App
from kithkin.domain.errors import DatabaseUnavailable
from kithkin.web.cache.registry import CachedRoute, CachedRoutes
from kithkin.web.cache.store import ViewCache
from kithkin.web.security import Csrf


class FastPath:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = _servable(scope)
        if route is not None:
            body = await run_in_threadpool(_lookup, scope, route)
            if body is not None:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 200,
                        "headers": [
                            (b"content-length", str(len(body)).encode()),
                            (b"content-type", route.content_type),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def _servable(scope: Scope) -> CachedRoute | None:
    if scope["type"] != "http" or scope["method"] != "GET" or scope.get("root_path"):
        return None
    routes: CachedRoutes = scope["app"].state.cached_routes
    route = routes.get(scope["path"])
    if route is None or (scope.get("query_string") and not route.with_query):
        return None
    return route


def _lookup(scope: Scope, route: CachedRoute) -> bytes | None:
    """The cached body for this request, or None to let the route answer. Only a database that
    cannot answer now is left to the route (which answers it with its error page); anything
    else is a bug and goes to the app's handling of unexpected errors."""
    state = scope["app"].state
    app: App = state.kithkin
    cache: ViewCache = state.today_cache
    try:
        owner, version = app.owner_id, app.data_version()
    except DatabaseUnavailable:
        return None
    value = cache.get(owner=owner, kind=route.kind(scope), version=version, now=app.now())
    if value is None:
        return None
    if not route.per_browser:
        return bytes(value)
    csrf: Csrf = state.csrf
    token = csrf.token_for(scope["state"]["csrf_session"])
    return str(value).replace(cache.placeholder, token).encode()
