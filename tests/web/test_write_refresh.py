"""A write made through the web process remakes today's plan and the owner's cached Today pages
before it commits (``web.cache.writes``): the first read after it is answered from the cache,
shows the write, and is the very page a read would make; the plan follows events as it did;
undo puts back what it should; a commit that fails leaves nothing in the cache."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.services.plan_events import plan_changed
from kithkin.web.app import create_app
from kithkin.web.cache.store import ViewCache
from tests.conftest import FIXED_NOW
from tests.web.test_fast_path import KEY, Counted

JSON = {"content-type": "application/json"}
NAMES = ("Ada Quill", "Bea Lind", "Cai Moor", "Dov Stern", "Eli Park")


@pytest.fixture
def served(app: App) -> Iterator[tuple[TestClient, Counted]]:
    with app.uow(write=True) as uow:
        for name in NAMES:
            add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name=name)
    web = create_app(app, csrf_key=KEY)
    routes = Counted(web)
    with TestClient(web) as client:
        yield client, routes


def plan_rows(app: App) -> list[tuple[Any, ...]]:
    with app.uow() as uow:
        day = FIXED_NOW.date()
        return [
            (s.rank, s.person_id, s.action_id, s.status, s.interaction_id)
            for s in uow.suggestions.for_day(day)
        ]


def is_marked(app: App) -> bool:
    with app.uow() as uow:
        return uow.plan_marks.is_marked()


def log(client: TestClient, who: str) -> dict[str, Any]:
    made = client.post(
        "/api/interactions", json={"kind": "call", "people": [who], "minutes": 20}, headers=JSON
    )
    assert made.status_code == 201, made.text
    body: dict[str, Any] = made.json()
    return body


def fresh(client: TestClient, path: str) -> str:
    """The page a read makes with nothing cached."""
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    cache.clear()
    return client.get(path).text


def test_the_first_read_after_a_web_write_is_a_hit_that_shows_it(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    client, routes = served
    before = client.get("/").text
    assert client.get("/api/today").json()["count"] == 0
    calls = routes.calls
    log(client, "Ada Quill")
    assert routes.calls == calls + 1  # the write
    page = client.get("/")
    data = client.get("/api/today").json()
    assert routes.calls == calls + 1  # both answered from the cache, ahead of the routes
    assert data["count"] == 1  # the write shows (Power of One)
    assert page.text != before
    assert not is_marked(app)  # the plan was remade with the write
    # exactly the pages a read makes afresh
    assert page.text == fresh(client, "/")
    assert data == json.loads(fresh(client, "/api/today"))


def test_the_plan_follows_a_web_write_as_a_read_would_remake_it(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    client, _ = served
    client.get("/")
    rows = plan_rows(app)
    suggested = next(r for r in rows if r[1] is not None)
    logged = log(client, f"#{suggested[1]}")
    after = plan_rows(app)
    # logging with a suggested person marks that idea done, linked to the log, number kept
    assert (suggested[0], suggested[1], suggested[2], "done", logged["id"]) in after
    assert len({r[0] for r in after}) == len(after)
    # the same plan a read remakes from the same data
    with app.uow(write=True) as uow:
        plan_changed(uow=uow)
        uow.commit()
    assert fresh(client, "/")
    assert plan_rows(app) == after


def test_undo_of_a_web_write_puts_back_what_it_should_and_shows_at_once(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    client, routes = served
    client.get("/")
    rows = plan_rows(app)
    who = next(r[1] for r in rows if r[1] is not None)
    log(client, f"#{who}")
    assert client.get("/api/today").json()["count"] == 1
    undone = client.post("/api/undo", json={}, headers=JSON)
    assert undone.status_code == 200, undone.text
    calls = routes.calls
    assert client.get("/api/today").json()["count"] == 0
    page = client.get("/").text
    assert routes.calls == calls  # the undo was a web write too: its pages were made with it
    assert plan_rows(app) == rows  # the idea the log had closed is open again, as before
    assert page == fresh(client, "/")


def test_undo_remakes_the_plan_from_what_it_put_back(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    """Today's plan is derived: after an undo it is the plan of the data the undo restored,
    even when Today was looked at between the write and its undo (as the web does)."""
    client, _ = served
    client.get("/")
    rows = plan_rows(app)
    who = next(r[1] for r in rows if r[1] is not None)
    log(client, f"#{who}")
    client.get("/")  # the log's page: the plan follows the log
    assert plan_rows(app) != rows
    assert client.post("/api/undo", json={}, headers=JSON).status_code == 200
    client.get("/")
    assert plan_rows(app) == rows


def test_a_commit_that_fails_puts_nothing_in_the_cache(
    app: App, served: tuple[TestClient, Counted], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kithkin.services.interactions import log_interaction

    client, routes = served
    client.get("/")
    version = app.data_version()
    with app.uow(write=True) as uow:

        def refused() -> None:
            raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

        monkeypatch.setattr(uow.connection, "commit", refused)
        with pytest.raises(OperationalError):
            log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Ada Quill"])
        monkeypatch.undo()
    assert app.data_version() == version
    cache: ViewCache = client.app.state.today_cache  # type: ignore[attr-defined]
    assert not cache.at_version(owner=app.owner_id, version=version + 1)
    calls = routes.calls
    assert client.get("/api/today").json()["count"] == 0
    assert routes.calls == calls + 1  # not cached before: the route answers


def test_a_write_before_the_days_plan_leaves_it_to_the_first_look(
    app: App, served: tuple[TestClient, Counted]
) -> None:
    """Only a plan made today is remade by a write, and a page is made at a commit only from a
    current plan, so making it writes nothing (a commit inside the commit is refused)."""
    client, routes = served
    assert client.get("/api/today").json()["count"] == 0  # cached; today's plan not made
    log(client, "Bea Lind")
    assert plan_rows(app) == []
    calls = routes.calls
    assert client.get("/api/today").json()["count"] == 1
    assert routes.calls == calls + 1  # not made at the commit: the route answers
    client.get("/")
    assert len(plan_rows(app)) == 3
