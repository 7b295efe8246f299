"""The Today page's cache: reused while nothing changes, never stale after a write from any
process, bounded, and the JSON twin agrees with the page."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.services.checkins import check_in
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.web.cache.store import ViewCache
from tests.conftest import FIXED_NOW, make_app
from tests.web.conftest import WebClient
from tests.web.html import parse


def other_process(app: App) -> App:
    """A second App on the same database, as the CLI would be."""
    return make_app(app.engine.url.render_as_string(hide_password=False))


def test_a_write_from_another_app_shows_on_the_cached_page(
    app: App, client: TestClient, web: WebClient
) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name="Ada Quill")
    first = client.get("/").text
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    assert len(cache) == 1  # cached after the day's plan was stored
    assert client.get("/").text == first  # served from the cache, same HTML
    cli = other_process(app)
    with cli.uow(write=True) as uow:
        check_in(uow=uow, now=FIXED_NOW, mood=9, stress=2)
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Ada Quill"])
    cli.close()
    after = client.get("/")
    assert after.text != first
    data = client.get("/api/today").json()
    assert data["checkin"] == {"mood": 9, "stress": 2}
    assert data["count"] == 1


def test_each_browser_gets_its_own_csrf_token_from_the_cached_page(
    app: App, client: TestClient, web: WebClient
) -> None:
    token = web.token
    page = parse(client.get("/").text)
    tokens = {n.get("value") for n in page.select("input[name=csrf_token]")}
    assert tokens == {token}
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    client.cookies.clear()
    other = client.get("/")
    fresh = {n.get("value") for n in parse(other.text).select("input[name=csrf_token]")}
    assert len(fresh) == 1 and token not in fresh
    assert cache.placeholder not in other.text


def test_api_today_equals_the_service_and_follows_writes(app: App, client: TestClient) -> None:
    from kithkin.formats.questionnaire_items import only_takeable
    from kithkin.services.today import today

    first = client.get("/api/today").json()
    with app.uow() as uow:  # questionnaires only when they can be taken, as on the page
        view = only_takeable(today(uow=uow, now=FIXED_NOW), app.item_places())
        assert first == view.as_dict()
    assert client.get("/api/today").json() == first
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=FIXED_NOW, mood=3, stress=8)
    assert client.get("/api/today").json()["checkin"] == {"mood": 3, "stress": 8}


def test_the_page_shows_the_same_data_as_the_api(app: App, client: TestClient) -> None:
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=FIXED_NOW, mood=7, stress=4)
        for name in ("Bea Lind", "Cai Moor"):
            add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name=name)
    client.get("/")  # fill the page's cache
    data = client.get("/api/today").json()
    page = client.get("/").text
    assert data["checkin"] == {"mood": 7, "stress": 4}
    assert str(data["date"]) == "2026-11-26"
    assert data["due_people"]
    for person in data["due_people"]:
        assert person["name"] in page


def test_a_new_local_day_is_not_served_from_yesterday(app: App) -> None:
    cache = ViewCache()
    cache.put(owner=1, kind="page", version=3, day=FIXED_NOW.date(), timezone="UTC", value="x")
    assert cache.get(owner=1, kind="page", version=3, now=FIXED_NOW) == "x"
    assert cache.get(owner=1, kind="page", version=4, now=FIXED_NOW) is None
    assert cache.get(owner=1, kind="page", version=3, now=FIXED_NOW + timedelta(days=1)) is None
    assert cache.get(owner=2, kind="page", version=3, now=FIXED_NOW) is None


def test_the_cache_is_bounded_and_keeps_the_recently_used() -> None:
    cache = ViewCache(max_entries=3)
    for owner in range(1, 4):
        cache.put(
            owner=owner, kind="page", version=1, day=FIXED_NOW.date(), timezone="UTC", value=owner
        )
    assert cache.get(owner=1, kind="page", version=1, now=FIXED_NOW) == 1  # 1 is now recent
    for owner in range(4, 40):
        cache.put(
            owner=owner, kind="page", version=1, day=FIXED_NOW.date(), timezone="UTC", value=owner
        )
        assert len(cache) <= 3
    cache.put(owner=5, kind="page", version=2, day=FIXED_NOW.date(), timezone="UTC", value="new")
    assert len(cache) == 3  # a newer version replaces the owner's entry
    assert cache.get(owner=5, kind="page", version=1, now=FIXED_NOW) is None


def test_people_pages_are_cached_per_query_and_follow_writes_from_anywhere(
    app: App, client: TestClient, web: WebClient
) -> None:
    with app.uow(write=True) as uow:
        for i in range(60):
            add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name=f"Zed {i:02d}")
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    first = client.get("/people").text
    second_page = client.get("/people?page=2").text
    fragment = client.get("/people", headers={"HX-Request": "true"}).text
    assert len(cache) == 3  # each query, and htmx's fragment, is its own entry
    assert client.get("/people").text == first
    assert client.get("/people?page=2").text == second_page != first
    assert "<html" not in fragment and "Zed 00" in fragment
    tokens = {n.get("value") for n in parse(first).select("input[name=csrf_token]")}
    assert tokens == {web.token} and cache.placeholder not in first
    cli = other_process(app)
    with cli.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Aaron Early")
    cli.close()
    after = client.get("/people").text
    assert "Aaron Early" in after and "Aaron Early" not in first
    assert "61 people" in after


def test_concurrent_misses_of_one_page_render_it_once(app: App, client: TestClient) -> None:
    """After a write, the requests that miss the same page together wait for one render."""
    import threading
    import time

    from starlette.requests import Request

    from kithkin.web.cache.registry import CachedRoute, always
    from kithkin.web.cache.store import Rendered, cached_response

    renders: list[int] = []

    def render_page(uow: object, placeholder: str) -> Rendered:
        renders.append(1)
        time.sleep(0.3)  # long enough for the other requests to arrive and wait
        from fastapi.responses import HTMLResponse

        return Rendered(HTMLResponse(f"<p>{placeholder}</p>"), FIXED_NOW.date(), "Europe/Berlin")

    def ask(out: list[str]) -> None:
        scope = {"type": "http", "app": client.app, "headers": [], "state": {"csrf_session": "s"}}
        route = CachedRoute("/test", always("test"))
        response = cached_response(Request(scope), route, now=FIXED_NOW, render_page=render_page)
        out.append(bytes(response.body).decode())

    bodies: list[str] = []
    threads = [threading.Thread(target=ask, args=(bodies,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 1
    assert len(bodies) == 4 and len(set(bodies)) == 1 and "csrf-" not in bodies[0]
