"""Hosted mode (#16): a write through the web remakes only its own account's plan and cached
Today pages; the other account's cached page stays theirs, and each first read after a write
shows that account's write."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.web.cache.store import ViewCache
from tests.conftest import FIXED_NOW
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    Browser,
    fast_hashes,
    hosted_app,
    new_account,
    onboard,
)


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url, signup="closed")
    yield application
    application.close()


def test_a_write_refreshes_only_its_accounts_pages(app: App) -> None:
    owners = {name: new_account(app, name) for name in ("ana", "ben")}
    ana = Browser(app)
    ben = Browser.__new__(Browser)  # a second browser on the same web app (one cache)
    ben.client = TestClient(ana.client.app)
    for name, browser in (("ana", ana), ("ben", ben)):
        assert browser.login(name).status_code == 303
        onboard(browser)
        with app.uow_for(owners[name], write=True) as uow:
            add_person(uow=uow, now=FIXED_NOW - timedelta(days=60), name=f"{name} friend")
    pages = {name: b.client.get("/").text for name, b in (("ana", ana), ("ben", ben))}
    assert "ana friend" in pages["ana"] and "ben friend" in pages["ben"]
    cache: ViewCache = ana.client.app.state.today_cache  # type: ignore[attr-defined]
    logged = ana.api(
        "POST", "/api/interactions", json={"kind": "call", "people": ["ana friend"], "minutes": 5}
    )
    assert logged.status_code == 201, logged.text
    # ana's page was made at her write's commit, for her new version; ben's is untouched
    with app.uow_for(owners["ana"]) as uow:
        ana_version = uow.data_version()
    with app.uow_for(owners["ben"]) as uow:
        ben_version = uow.data_version()
    assert cache.at_version(owner=owners["ana"], version=ana_version)
    assert not cache.at_version(owner=owners["ana"], version=ana_version - 1)
    assert cache.at_version(owner=owners["ben"], version=ben_version)  # still ben's own
    assert ben.client.get("/").text == pages["ben"]
    after = ana.client.get("/").text
    assert after != pages["ana"] and "ben friend" not in after
    assert ana.api("GET", "/api/today").json()["count"] == 1
    assert ben.api("GET", "/api/today").json()["count"] == 0
