"""Today, /api/today and the People list served from the cache ahead of the routes: the same
answer, the same protections (host check, security headers, each browser's own CSRF token), and
the route whenever the cache cannot answer (a miss, a flash message, a write from anywhere)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.domain.errors import DatabaseUnavailable
from kithkin.services.checkins import check_in
from kithkin.services.people import add_person
from kithkin.web.app import create_app
from kithkin.web.cache.store import ViewCache
from kithkin.web.deps import get_app
from kithkin.web.security import COOKIE, Csrf
from tests.conftest import FIXED_NOW, make_app
from tests.web.html import parse

KEY = b"k" * 32


class Counted:
    """Counts the requests that reached a route (every route that names the app)."""

    def __init__(self, web: FastAPI) -> None:
        self.calls = 0

        async def counting(request: Request) -> App:
            self.calls += 1
            kithkin: App = request.app.state.kithkin
            return kithkin

        web.dependency_overrides[get_app] = counting


@pytest.fixture
def served(app: App) -> Iterator[tuple[TestClient, Counted]]:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name="Ada Quill")
    web = create_app(app, csrf_key=KEY)
    routes = Counted(web)
    with TestClient(web) as client:
        yield client, routes


def tokens(html: str) -> set[str | None]:
    return {n.get("value") for n in parse(html).select("input[name=csrf_token]")}


def test_a_cached_page_is_the_routes_page_without_the_route(
    served: tuple[TestClient, Counted],
) -> None:
    client, routes = served
    first = client.get("/")
    assert routes.calls == 1  # a miss: the route renders and fills the cache
    again = client.get("/")
    assert routes.calls == 1  # a hit: answered ahead of the routes
    assert again.status_code == 200
    assert again.text == first.text
    assert "Ada Quill" in again.text
    assert again.headers["content-type"] == first.headers["content-type"]
    assert int(again.headers["content-length"]) == len(again.content)
    for name in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert again.headers[name] == first.headers[name]
    api = client.get("/api/today")
    assert routes.calls == 2
    assert client.get("/api/today").json() == api.json()
    assert routes.calls == 2
    assert client.get("/api/today").headers["content-type"] == "application/json"


def test_each_browser_gets_its_own_cookie_and_token_from_a_hit(
    served: tuple[TestClient, Counted],
) -> None:
    client, routes = served
    client.get("/")  # fills the cache; this browser's cookie is set
    mine = client.cookies[COOKIE]
    assert tokens(client.get("/").text) == {Csrf(KEY).token_for(mine)}
    client.cookies.clear()
    fresh = client.get("/")  # a new browser, served from the cache
    assert routes.calls == 1
    theirs = client.cookies[COOKIE]
    assert theirs != mine and COOKIE in fresh.headers["set-cookie"]
    assert tokens(fresh.text) == {Csrf(KEY).token_for(theirs)}
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    assert cache.placeholder not in fresh.text
    saved = client.post(
        "/checkin", data={"csrf_token": Csrf(KEY).token_for(theirs), "mood": 6, "stress": 5}
    )
    assert saved.status_code in (200, 303)


def test_a_flash_or_any_query_goes_to_the_route(served: tuple[TestClient, Counted]) -> None:
    client, routes = served
    client.get("/")
    page = parse(client.get("/?saved=logged").text)
    assert page.one("p.flash").text
    assert routes.calls == 2
    client.get("/?from=bookmark")
    assert routes.calls == 3


def test_a_write_from_another_process_reaches_the_route_again(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    client, routes = served
    first = client.get("/").text
    client.get("/api/today")
    assert routes.calls == 2
    cli = make_app(app.engine.url.render_as_string(hide_password=False))
    with cli.uow(write=True) as uow:
        check_in(uow=uow, now=FIXED_NOW, mood=9, stress=2)
    cli.close()
    assert client.get("/").text != first
    assert client.get("/api/today").json()["checkin"] == {"mood": 9, "stress": 2}
    assert routes.calls == 4  # both missed once, then were cached again
    client.get("/")
    client.get("/api/today")
    assert routes.calls == 4


def test_a_foreign_host_is_refused_even_when_cached(app: App) -> None:
    local = App(replace(app.settings, allowed_hosts=()), clock=app.clock)
    with TestClient(create_app(local, csrf_key=KEY), base_url="http://127.0.0.1:8000") as c:
        for path in ("/", "/api/today", "/people"):
            assert c.get(path).status_code == 200
            assert c.get(path).status_code == 200  # cached now
            refused = c.get(path, headers={"host": "attacker.example"})
            assert refused.status_code == 400
            assert "Ada" not in refused.text and "csrf" not in refused.text
    local.close()


def test_when_the_version_cannot_be_read_the_route_answers(
    app: App, served: tuple[TestClient, Counted], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, routes = served
    client.get("/")

    def unavailable() -> int:
        raise DatabaseUnavailable(url="sqlite:///gone.db", reason="unplugged")

    monkeypatch.setattr(app, "data_version", unavailable)
    response = client.get("/")
    assert routes.calls == 2
    assert response.status_code == 503


def test_people_pages_are_answered_from_the_cache_each_query_apart(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    client, routes = served
    hx = {"HX-Request": "true"}
    paths = ("/people", "/people?circle=friends", "/people?due=1&page=1")
    pages = {path: client.get(path).text for path in paths}
    fragment = client.get("/people", headers=hx).text
    assert routes.calls == 4
    for path in paths:
        assert client.get(path).text == pages[path]
    assert client.get("/people", headers=hx).text == fragment != pages["/people"]
    assert routes.calls == 4
    client.cookies.clear()
    fresh = client.get("/people")
    assert tokens(fresh.text) == {Csrf(KEY).token_for(client.cookies[COOKIE])}
    assert fresh.headers["x-frame-options"] == "DENY"
    cli = make_app(app.engine.url.render_as_string(hide_password=False))
    with cli.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Bea Lind")
    cli.close()
    assert "Bea Lind" in client.get("/people").text
    assert routes.calls == 5


def test_a_raw_hash_in_the_query_cannot_poison_the_plain_people_page(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    """The cache key is the raw query string the page's parameters are parsed from: a raw "#"
    (no browser sends one) may not store a search result as the plain list."""
    import asyncio

    client, _ = served
    plain = client.get("/people").text
    with app.uow(write=True) as uow:  # a write: the next views are misses
        add_person(uow=uow, now=FIXED_NOW, name="Cleo Marsh")
    messages: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        messages.append(message)

    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/people",
        "raw_path": b"/people",
        "root_path": "",
        "query_string": b"#x&q=nomatch",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    asyncio.run(client.app(scope, receive, send))  # type: ignore[arg-type]
    assert messages[0]["status"] == 200
    again = client.get("/people").text
    assert "Cleo Marsh" in again and "Ada Quill" in again and again != plain


def test_searches_are_answered_but_not_kept(app: App, served: tuple[TestClient, Counted]) -> None:
    """Typing a search makes a page per letter: none is kept, so Today stays in the cache."""
    client, routes = served
    client.get("/")
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    kept = len(cache)
    for typed in ("a", "ad", "ada"):
        page = client.get(f"/people?q={typed}")
        assert "Ada Quill" in page.text
        assert tokens(page.text) == {Csrf(KEY).token_for(client.cookies[COOKIE])}
    assert len(cache) == kept
    calls = routes.calls
    client.get("/people?q=ada")
    assert routes.calls == calls + 1  # answered afresh
