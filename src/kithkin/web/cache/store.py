"""Pages computed once and kept in the web process: Today, and each page of the People list.

An entry is valid for one owner, one data version (a counter every committed write moves, from
any process: see ``SqlUnitOfWork.commit``) and one local day in the zone the entry was computed
in. Nothing on these pages depends on the time of day, so the day is enough. Checking an entry
costs one primary-key read of the version. A page's HTML is kept with a placeholder instead of
the per-browser CSRF token, which each request puts in.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from starlette.types import Scope

from kithkin.bootstrap import App
from kithkin.domain.timeutil import local_day
from kithkin.services.ports import UnitOfWork
from kithkin.web.cache.registry import CachedRoute, Rendered
from kithkin.web.render import csrf_token

__all__ = ["Entry", "Rendered", "ViewCache", "cached_response"]

MAX_OWNERS = 32
PAGES_PER_OWNER = 8  # Today, its JSON twin, and a few pages of the People list


@dataclass(frozen=True, slots=True)
class Entry:
    version: int
    day: date
    timezone: str
    value: Any
    path: str = ""  # the route's, and what of its request its answer depends on (see ``asked``)
    scope: Scope | None = None


# What a cached answer may depend on in its request; the rest (cookies, credentials, the
# request's machinery) is not kept.
KEPT = ("type", "asgi", "http_version", "method", "scheme", "server", "root_path", "path")
KEPT_TOO = ("raw_path", "query_string", "app", "router")
PRIVATE_HEADERS = frozenset({b"cookie", b"authorization"})


def asked(scope: Scope) -> Scope:
    """The part of a request's scope its cached answer can be made again from (``writes``)."""
    kept = {k: scope[k] for k in (*KEPT, *KEPT_TOO) if k in scope}
    kept["headers"] = [(n, v) for n, v in scope["headers"] if n not in PRIVATE_HEADERS]
    kept["state"] = dict(scope.get("state") or {})
    return kept


class ViewCache:
    """A small LRU: one entry per (owner, kind), at most ``max_entries`` in all."""

    def __init__(self, max_entries: int = PAGES_PER_OWNER * MAX_OWNERS) -> None:
        self.max_entries = max_entries
        self.placeholder = "csrf-" + secrets.token_hex(16)
        self._entries: OrderedDict[tuple[int, str], Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._render_locks: dict[int, threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, *, owner: int, kind: str, version: int, now: datetime) -> Any | None:
        key = (owner, kind)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.version != version:
                return None
            if local_day(now, entry.timezone) != entry.day:
                return None
            self._entries.move_to_end(key)
            return entry.value

    def put(
        self,
        *,
        owner: int,
        kind: str,
        version: int,
        day: date,
        timezone: str,
        value: Any,
        path: str = "",
        scope: Scope | None = None,
    ) -> None:
        key = (owner, kind)
        with self._lock:
            self._entries[key] = Entry(version, day, timezone, value, path, scope)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def at_version(self, *, owner: int, version: int) -> list[tuple[str, Entry]]:
        """The kinds and entries of ``owner`` kept for ``version`` (the pages being read)."""
        with self._lock:
            return [
                (kind, e)
                for (o, kind), e in self._entries.items()
                if o == owner and e.version == version
            ]

    def render_lock(self, owner: int) -> threading.Lock:
        """The lock a miss of ``owner`` renders under (one per owner; owners are few)."""
        with self._lock:
            return self._render_locks.setdefault(owner, threading.Lock())

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def cached_response(
    request: Request,
    route: CachedRoute,
    *,
    now: datetime,
    render_page: Callable[[UnitOfWork, str], Rendered] | None = None,
    write: bool = False,
) -> Response:
    """The answer of ``route`` from the cache, or rendered by ``render_page(uow, placeholder)``
    (by default the route's declared ``page``) and kept when no other process wrote meanwhile
    (the version is then the one the page was read at). ``write``: rendering may store
    something (Today stores the day's plan on first sight)."""
    if render_page is None:
        page = route.page
        assert page is not None, f"{route.path} declares no page"

        def render_page(uow: UnitOfWork, placeholder: str) -> Rendered:
            return page(request, uow, placeholder, now)

    app: App = request.app.state.kithkin
    cache: ViewCache = request.app.state.today_cache
    owner, kind = app.owner_id, route.kind(request.scope)
    value = cache.get(owner=owner, kind=kind, version=app.data_version(), now=now)
    status = 200
    if value is None:
        # One render at a time per owner: concurrent misses in one process only fight over the
        # interpreter lock (16 at once served a third fewer pages than one by one), and those
        # that waited for the same page (16 tabs after a write) find it made.
        with cache.render_lock(owner):
            value = cache.get(owner=owner, kind=kind, version=app.data_version(), now=now)
            if value is None:
                value, status = _render(
                    cache, app, route, kind, render_page, write=write, scope=request.scope
                )
    if route.per_browser:
        value = str(value).replace(cache.placeholder, csrf_token(request))
    return Response(value, status, media_type=route.media_type)


def _render(
    cache: ViewCache,
    app: App,
    route: CachedRoute,
    kind: str,
    render_page: Callable[[UnitOfWork, str], Rendered],
    *,
    write: bool,
    scope: Scope,
) -> tuple[str | bytes, int]:
    """The answer and its status; kept only when it is a 200 (a cache answers 200). A page
    is kept as text (its placeholder replaced per browser), anything else as bytes."""
    with app.uow(write=write, hooks=False) as uow:  # a read: it refreshes nothing at commit
        before = uow.data_version()
        page = render_page(uow, cache.placeholder)
        body = bytes(page.response.body)
        value = body.decode() if route.per_browser else body
        status = page.response.status_code
        if status == 200 and uow.data_version() == before + uow.bumps:
            cache.put(
                owner=uow.owner_id,
                kind=kind,
                version=before + uow.bumps,
                day=page.day,
                timezone=page.timezone,
                value=value,
                path=route.path,
                scope=asked(scope) if route.page is not None else None,
            )
    return value, status
