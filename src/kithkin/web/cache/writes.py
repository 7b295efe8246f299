"""What a write made through this web process does at its commit, so that no reader waits
after it: today's plan is remade in the write's own transaction, and the answers of the routes
that declare a ``page`` (Today and its JSON twin), as this process keeps them for the owner,
are made again for the data version the write commits, inside that transaction, and put in the
cache as the commit is made.

Read-your-writes holds: a page made here reads the transaction's own writes after everything
it wrote (the version has moved, and the database keeps other writers out until the commit), so
it is exactly the page a read right after the commit would make; it is put in the cache only
once the commit succeeded, under the version that commit made. Until then readers get the
previous version's page from the cache, which is what the database still shows them. The
owner's render lock is held across the commit (when free), so a reader that sees the new
version before the page is in waits for it rather than making it again.

Only the timing moves: the plan and the pages are made from the same data by the same code as
a read would make them. Writes from elsewhere (the command line, another web process) leave the
plan marked and the cache stale, and the next read remakes them as before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import Request

from kithkin.bootstrap import App
from kithkin.services.suggestions import plan_is_current, remake_marked_plan
from kithkin.storage.uow import SqlUnitOfWork
from kithkin.web.cache.registry import CachedRoutes
from kithkin.web.cache.store import Entry, ViewCache

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Made:
    kind: str
    entry: Entry


class RefreshOnWrite:
    """The web app's ``CommitHooks`` (see ``SqlUnitOfWork.commit``)."""

    def __init__(self, app: App, cache: ViewCache, routes: CachedRoutes) -> None:
        self.app = app
        self.cache = cache
        self.routes = routes

    def derive(self, uow: SqlUnitOfWork) -> None:
        remake_marked_plan(uow=uow, now=self.app.now())

    @contextmanager
    def committing(self, uow: SqlUnitOfWork) -> Iterator[None]:
        made = self._make(uow)
        lock = self.cache.render_lock(uow.owner_id) if made else None
        # never waited for: a reader making a page may be waiting for this write's commit
        locked = lock is not None and lock.acquire(blocking=False)
        try:
            yield  # the commit
            for m in made:
                e = m.entry
                self.cache.put(
                    owner=uow.owner_id,
                    kind=m.kind,
                    version=e.version,
                    day=e.day,
                    timezone=e.timezone,
                    value=e.value,
                    path=e.path,
                    scope=e.scope,
                )
        finally:
            if locked and lock is not None:
                lock.release()

    def _make(self, uow: SqlUnitOfWork) -> list[_Made]:
        """The owner's pages read at the version before this commit, made for the version it
        makes (read in the transaction, after the version moved)."""
        version = uow.data_version()
        shown = self.cache.at_version(owner=uow.owner_id, version=version - 1)
        if not shown:
            return []
        now = self.app.now()
        if not plan_is_current(uow=uow, now=now):  # the page would make the plan: a read does
            return []
        made = []
        for kind, old in shown:
            route = self.routes.get(old.path)
            if route is None or route.page is None or old.scope is None:
                continue
            page = route.page(Request(old.scope), uow, self.cache.placeholder, now)
            if page.response.status_code != 200:
                continue
            body = bytes(page.response.body)
            value = body.decode() if route.per_browser else body
            entry = Entry(version, page.day, page.timezone, value, old.path, old.scope)
            made.append(_Made(kind, entry))
        return made
