"""The People page pages correctly with and without filters."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.web.people.pages import PAGE_SIZE
from tests.conftest import FIXED_NOW
from tests.web.html import parse


def names_on(client: TestClient, path: str) -> list[str]:
    page = parse(client.get(path).text)
    return [a.text for a in page.select("a.who")]


def test_paging_with_search_and_circle_filters(app: App, client: TestClient) -> None:
    with app.uow(write=True) as uow:
        for i in range(PAGE_SIZE + 7):
            add_person(
                uow=uow, now=FIXED_NOW - timedelta(days=90), name=f"Zed {i:03d}", circle="friends"
            )
        for i in range(5):
            add_person(uow=uow, now=FIXED_NOW, name=f"Amy {i}", circle="inner")
    first = names_on(client, "/people?q=zed&page=1")
    second = names_on(client, "/people?q=zed&page=2")
    assert len(first) == PAGE_SIZE and len(second) == 7
    assert not set(first) & set(second)
    assert all(n.startswith("Zed") for n in first + second)
    assert sorted(names_on(client, "/people?circle=inner")) == [f"Amy {i}" for i in range(5)]
    due_two = names_on(client, "/people?due=1&circle=friends&page=2")
    assert len(due_two) == 7
