"""The registry of cached routes: what it declares is what the fast path serves, and the fast
path leaves to the route only a database that cannot answer (a bug is not hidden)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.web.app import create_app
from kithkin.web.cache.registry import JSON, ROUTES, CachedRoute, CachedRoutes, always, cached
from kithkin.web.cache.store import ViewCache
from tests.conftest import FIXED_NOW
from tests.web.test_fast_path import KEY, Counted


@pytest.fixture
def web(app: App) -> Iterator[FastAPI]:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name="Ada Quill")
    yield create_app(app, csrf_key=KEY)


def test_the_cached_routes_are_those_declared_next_to_their_routes() -> None:
    import kithkin.web.app  # noqa: F401  (imports every route module, which declare theirs)

    assert {r.path: (r.media_type, r.with_query) for r in ROUTES} == {
        "/": ("text/html", False),
        "/api/today": (JSON, False),
        "/people": ("text/html", True),
    }
    with pytest.raises(ValueError, match="twice"):
        cached("/", key=always("other"))


def test_the_registry_drives_the_fast_path(app: App, web: FastAPI) -> None:
    """A path declared cached is answered from its entry though no route has it; taken out of
    the registry, Today goes to its route every time."""
    routes = Counted(web)
    declared = CachedRoutes((*ROUTES, CachedRoute("/kept", always("kept"), JSON)))
    declared = CachedRoutes(tuple(r for r in declared if r.path != "/"))
    web.state.cached_routes = declared
    cache: ViewCache = web.state.today_cache
    with TestClient(web) as client:
        assert client.get("/kept").status_code == 404  # nothing kept yet: on to the routes
        cache.put(
            owner=app.owner_id,
            kind="kept",
            version=app.data_version(),
            day=FIXED_NOW.date(),
            timezone="UTC",
            value=b'{"kept": true}',
        )
        kept = client.get("/kept")
        assert (kept.status_code, kept.json()) == (200, {"kept": True})
        assert kept.headers["content-type"] == "application/json"
        assert kept.headers["x-frame-options"] == "DENY"  # inside the security layer
        before = routes.calls
        for _ in range(3):
            assert client.get("/").status_code == 200
        assert routes.calls == before + 3  # no longer declared: never from the cache
        client.get("/api/today")
        calls = routes.calls
        assert client.get("/api/today").status_code == 200
        assert routes.calls == calls  # still declared: from the cache


def test_an_unexpected_error_in_the_lookup_is_not_swallowed(
    app: App, web: FastAPI, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Only an unavailable database is left to the route; a bug in reading the version reaches
    the app's handling of unexpected errors (logged, a 500 page), even when the route would
    have answered."""
    real = app.data_version
    calls: list[int] = []

    def broken_once() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug in the version read")
        return real()

    with TestClient(web, raise_server_exceptions=False) as client:
        assert client.get("/").status_code == 200
        monkeypatch.setattr(app, "data_version", broken_once)
        with caplog.at_level(logging.ERROR, logger="kithkin.web"):
            response = client.get("/")
    assert response.status_code == 500
    assert "a bug in the version read" not in response.text
    assert any(
        r.exc_info and "a bug in the version read" in str(r.exc_info[1]) for r in caplog.records
    )
