"""Coach sharing (#16): the coach sees exactly what was shared, nothing after revocation, and
every view is recorded and shown to the client."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from kithkin.bootstrap import App
from kithkin.storage.tables import coach_views, people
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    fast_hashes,
    hosted_app,
    logged_in,
    new_account,
)
from tests.web.test_hosted_isolation import SECRET_NAMES, _seed_a


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url)
    yield application
    application.close()


def _views(app: App) -> int:
    with app.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(coach_views)).scalar() or 0)


def test_the_coach_sees_what_was_shared_and_nothing_after_revocation(app: App) -> None:
    a_id = new_account(app, "alpha-zq")
    new_account(app, "coach-cleo")
    new_account(app, "bravo")
    _seed_a(app, a_id)
    a, coach, bravo = (logged_in(app, n) for n in ("alpha-zq", "coach-cleo", "bravo"))
    assert "No one shares" in coach.client.get("/coach").text
    refused = a.post("/settings/account/coaches", {"coach": "nobody", "shares": "power"})
    assert refused.status_code == 422
    refused = a.post("/settings/account/coaches", {"coach": "coach-cleo", "shares": "notes"})
    assert refused.status_code == 422
    shared = a.client.post(
        "/settings/account/coaches",
        data={"csrf_token": a.csrf(), "coach": "coach-cleo", "shares": ["power", "checkins"]},
    )
    assert shared.status_code == 200

    listing = coach.client.get("/coach").text
    assert "alpha-zq" in listing and "check-ins, Power of One" in listing  # words, not keys
    page = coach.client.get(f"/coach/{a_id}")
    assert page.status_code == 200
    assert 'id="shared-power"' in page.text and 'id="shared-checkins"' in page.text
    assert 'id="shared-questionnaires"' not in page.text
    assert not any(name in page.text for name in SECRET_NAMES[:2])  # never people's names
    assert _views(app) == 1
    coach.client.get(f"/coach/{a_id}")
    assert _views(app) == 2
    account = a.client.get("/settings/account").text
    assert len(re.findall(r"<li>coach-cleo, ", account)) == 2  # every view shown to A

    assert bravo.client.get(f"/coach/{a_id}").status_code == 404  # not A's coach
    assert _views(app) == 2

    share_id = re.search(r"/settings/account/coaches/(\d+)/revoke", account)
    assert share_id
    assert a.post(f"/settings/account/coaches/{share_id.group(1)}/revoke").status_code == 200
    assert coach.client.get(f"/coach/{a_id}").status_code == 404
    assert "No one shares" in coach.client.get("/coach").text
    assert _views(app) == 2


def test_the_insights_summary_and_the_scores_name_no_one(app: App) -> None:
    a_id = new_account(app, "alpha-zq")
    new_account(app, "coach-cleo")
    _seed_a(app, a_id)
    a, coach = logged_in(app, "alpha-zq"), logged_in(app, "coach-cleo")
    everything = ["power", "checkins", "questionnaires", "insights"]
    data = {"csrf_token": a.csrf(), "coach": "coach-cleo", "shares": everything}
    assert a.client.post("/settings/account/coaches", data=data).status_code == 200
    page = coach.client.get(f"/coach/{a_id}").text
    for part in everything:
        assert f'id="shared-{part}"' in page
    scores = re.findall(r'<ul class="plain" id="shared-questionnaires">(.*?)</ul>', page, re.S)
    assert scores and "WHO-5" in scores[0] and "who5" not in scores[0]  # names, not ids
    assert re.search(r"<li>\w{3} \d{1,2} \w{3} \d{4}: mood", page)  # days as everywhere
    with app.engine.connect() as conn:
        names = [n for (n,) in conn.execute(select(people.c.name).where(people.c.owner_id == a_id))]
    assert len(names) > 20
    assert [n for n in names if n in page] == []


def test_a_coach_who_deletes_their_account_leaves_the_clients_view_log(app: App) -> None:
    """The record of who looked at A's data is A's: a coach deleting their own account takes
    their name with them, not A's history of the views (it cascaded away before)."""
    from tests.web.hosted import PASSWORD

    a_id = new_account(app, "alpha-zq")
    new_account(app, "coach-cleo")
    _seed_a(app, a_id)
    a, coach = logged_in(app, "alpha-zq"), logged_in(app, "coach-cleo")
    shared = a.client.post(
        "/settings/account/coaches",
        data={"csrf_token": a.csrf(), "coach": "coach-cleo", "shares": ["power"]},
    )
    assert shared.status_code == 200
    assert coach.client.get(f"/coach/{a_id}").status_code == 200
    assert coach.post("/settings/account/delete", {"password": PASSWORD}).status_code == 303
    assert _views(app) == 1
    account = a.client.get("/settings/account").text
    views = re.findall(r'<ul class="plain" id="coach-views">(.*?)</ul>', account, re.S)
    assert views and "Power of One" in views[0] and "coach-cleo" not in views[0]
