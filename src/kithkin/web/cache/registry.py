"""The routes whose answers are cached: each declares itself here, next to its route, with the
key its answer is kept under. The fast path serves exactly these (see ``fast_path``), and the
route fills the cache through ``store.cached_response`` with the same key.

A declaration is made when its route module is imported, so a new cached page needs no edit
here: ``TODAY = cached("/", key=always("page"), with_query=False)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from fastapi import Request
from fastapi.responses import Response
from starlette.types import Scope

from kithkin.services.ports import UnitOfWork
from kithkin.web.render import date_order

HTML = "text/html"
JSON = "application/json"

# (the raw query string, whether htmx asked for a fragment) -> the cache entry's kind
Key = Callable[[str, bool], str]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page rendered for the cache (with its CSRF placeholder) and the local day it is for."""

    response: Response
    day: date
    timezone: str


# (the request, a unit of work, the CSRF placeholder, now) -> the route's answer for the cache
Page = Callable[[Request, UnitOfWork, str, datetime], Rendered]


@dataclass(frozen=True, slots=True)
class CachedRoute:
    """A ``GET`` route whose answer is kept per owner, data version and local day."""

    path: str
    key: Key
    media_type: str = HTML
    with_query: bool = True  # False: the fast path serves it only without a query string
    # How the route renders its answer from the request alone; given, the answers cached for an
    # owner are made afresh by each write of that owner in this process, before its commit
    # (see ``writes``), so that no reader waits for them after the write.
    page: Page | None = None

    @property
    def per_browser(self) -> bool:
        """An HTML page holds the cache's CSRF placeholder, replaced per browser."""
        return self.media_type == HTML

    @property
    def content_type(self) -> bytes:
        """The header the route's response has (Starlette adds the charset to text types)."""
        charset = "; charset=utf-8" if self.media_type.startswith("text/") else ""
        return (self.media_type + charset).encode()

    def kind(self, scope: Scope) -> str:
        """The cache entry this request's answer is kept under."""
        query = scope.get("query_string", b"").decode("latin-1")
        fragment = any(name == b"hx-request" and value for name, value in scope["headers"])
        if self.media_type != HTML:
            return self.key(query, fragment)
        # a page shows dates in the reader's order (the locale setting or Accept-Language)
        return f"{self.key(query, fragment)}:{date_order(scope) or 'dmy'}"


def always(kind: str) -> Key:
    """The key of a route with one entry per owner, whatever the query or htmx asked."""
    return lambda _query, _fragment: kind


class CachedRoutes:
    """The declared cached routes, by path."""

    def __init__(self, routes: tuple[CachedRoute, ...] = ()) -> None:
        self._by_path = {route.path: route for route in routes}

    def __iter__(self) -> Iterator[CachedRoute]:
        return iter(self._by_path.values())

    def declare(self, route: CachedRoute) -> CachedRoute:
        if self._by_path.get(route.path, route) != route:
            raise ValueError(f"{route.path} is declared as cached twice")
        self._by_path[route.path] = route
        return route

    def get(self, path: str) -> CachedRoute | None:
        return self._by_path.get(path)

    def copy(self) -> CachedRoutes:
        return CachedRoutes(tuple(self))


ROUTES = CachedRoutes()


def cached(
    path: str,
    *,
    key: Key,
    media_type: str = HTML,
    with_query: bool = True,
    page: Page | None = None,
) -> CachedRoute:
    """Declare the route at ``path`` cached under ``key`` (see the module's docstring)."""
    return ROUTES.declare(CachedRoute(path, key, media_type, with_query, page))
