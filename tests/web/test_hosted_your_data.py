"""Your data is yours (#16): an account downloads everything it owns (and nothing else) and
deletes itself, every row of every table with it; the other account's rows stay as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.storage.tables import data_versions
from tests.conftest import FIXED_NOW
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    PASSWORD,
    Browser,
    fast_hashes,
    hosted_app,
    logged_in,
    new_account,
    onboard,
)
from tests.web.test_hosted_isolation import SECRET_NAMES, _seed_a, snapshot


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url)
    yield application
    application.close()


def _two_lives(app: App) -> tuple[int, int]:
    a_id, b_id = new_account(app, "alpha-zq"), new_account(app, "bravo")
    _seed_a(app, a_id)
    _seed_a(app, b_id)  # B's life has the same shape (and the same names) as A's...
    with app.uow_for(b_id, write=True) as uow:  # ...and one person of B's own
        add_person(uow=uow, now=FIXED_NOW, name="Bravos Own Friend")
    return a_id, b_id


def test_the_download_holds_everything_of_the_account_and_nothing_else(app: App) -> None:
    a_id, _ = _two_lives(app)
    a = logged_in(app, "alpha-zq")
    download = a.client.get("/api/export/json")
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    document = download.json()
    names = {p["name"] for p in document["tables"]["people"]}
    assert SECRET_NAMES[0] in names and "Bravos Own Friend" not in names
    mine = snapshot(app, a_id)
    for table, rows in document["tables"].items():
        assert len(rows) == len(mine[table]), table


def test_an_account_deletes_itself_and_every_row_it_owns(app: App) -> None:
    a_id, b_id = _two_lives(app)
    a = logged_in(app, "alpha-zq")
    a.client.get("/")  # a cached page and a session of its own
    before = snapshot(app, a_id)
    counted = {t: len(rows) for t, rows in before.items() if rows}
    assert len(counted) >= 15, counted  # rows in most tables, so "all gone" means something
    assert counted["passkeys"] == counted["passkey_challenges"] == 1  # a passkey, a ceremony
    b_before = snapshot(app, b_id)

    refused = a.post("/settings/account/delete", {"password": "not my password!"})
    assert refused.status_code == 422
    assert snapshot(app, a_id) == before

    done = a.post("/settings/account/delete", {"password": PASSWORD})
    assert done.status_code == 303
    assert done.headers["location"] == "/login?notice=deleted"
    after = snapshot(app, a_id)
    assert {t: len(rows) for t, rows in after.items() if rows} == {}
    assert snapshot(app, b_id) == b_before
    assert a.client.get("/api/account").status_code == 401
    assert Browser(app).login("alpha-zq").status_code == 401


def _version(app: App, owner: int) -> int:
    with app.engine.connect() as conn:
        found = conn.execute(
            select(data_versions.c.version).where(data_versions.c.owner_id == owner)
        ).scalar()
    return int(found or 0)


def test_a_new_account_never_sees_a_deleted_accounts_cached_pages(app: App) -> None:
    """SQLite may give the deleted account's id to the next one while another web process
    still holds the old account's pages: even after as many writes as the old account made,
    the new one's data version is not the one those pages were kept at."""
    a_id = new_account(app, "alpha-zq")
    a_start = _version(app, a_id)
    _seed_a(app, a_id)
    elsewhere = logged_in(app, "alpha-zq")  # another process: a web app of its own
    for path in ("/people", "/api/today"):
        assert SECRET_NAMES[0] in elsewhere.client.get(path).text
    a_writes = _version(app, a_id) - a_start
    here = logged_in(app, "alpha-zq")
    assert here.post("/settings/account/delete", {"password": PASSWORD}).status_code == 303
    c_id = new_account(app, "charlie")
    c_start = _version(app, c_id)
    c = Browser(app)
    c.client = elsewhere.client  # the process that cached A's pages
    c.client.cookies.clear()
    assert c.login("charlie").status_code == 303
    onboard(c)
    with app.engine.begin() as conn:  # as many writes as A made
        for _ in range(a_writes - (_version(app, c_id) - c_start)):
            conn.execute(
                update(data_versions)
                .where(data_versions.c.owner_id == c_id)
                .values(version=data_versions.c.version + 1)
            )
    for path in ("/people", "/api/today"):
        assert SECRET_NAMES[0] not in c.client.get(path).text, path
