"""A follow-up pointing at another account's person (as an old, unvalidated restore could
leave) is "not found" on the web and in the API, never a 500, and nothing of the other account
changes (issue #10, point 4); on both backends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from kithkin.storage.tables import followups, people
from tests.conftest import FIXED_NOW
from tests.services.test_restore_validated import account_app
from tests.web.conftest import WebClient

JSON = {"content-type": "application/json"}


def _crossed(app: App) -> tuple[int, int]:
    """Bob's person, and a follow-up of this account's that points at them."""
    bob = account_app(app.engine.url.render_as_string(hide_password=False), "bob")
    with bob.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
        theirs = add_person(uow=uow, now=FIXED_NOW, name="Bob's Friend")
    bob.close()
    assert theirs.id is not None
    with app.engine.begin() as conn:
        made = conn.execute(
            insert(followups).values(
                owner_id=app.owner_id,
                person_id=theirs.id,
                text="crossed",
                due=FIXED_NOW.date(),
                done=False,
                created_at=FIXED_NOW,
            )
        ).inserted_primary_key[0]
    return theirs.id, int(made)


def _rows(app: App) -> list[Any]:
    with app.engine.connect() as conn:
        return [
            *conn.execute(select(followups).order_by(followups.c.id)).all(),
            *conn.execute(select(people).order_by(people.c.id)).all(),
        ]


def test_a_crossed_followup_is_not_found_and_nothing_changes(web: WebClient, app: App) -> None:
    person_id, followup_id = _crossed(app)
    before = _rows(app)
    api = web.client
    answers = {
        "api done": api.post(f"/api/followups/{followup_id}/done", json={}, headers=JSON),
        "api due": api.patch(
            f"/api/followups/{followup_id}", json={"due": "2026-12-01"}, headers=JSON
        ),
        "api add": api.post(
            f"/api/people/{person_id}/followups", json={"text": "hi"}, headers=JSON
        ),
        "api person": api.get(f"/api/people/{person_id}"),
        "web done": web.post(f"/followups/{followup_id}/done", {}),
        "web due": web.post(f"/followups/{followup_id}/due", {"due": "2026-12-01"}),
        "web add": web.post(f"/people/{person_id}/followups", {"text": "hi", "due": ""}),
        "web person": api.get(f"/people/{person_id}"),
    }
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(answers, 404)
    for path in ("/api/followups", "/api/today", "/followups", "/", "/api/people"):
        response = api.get(path)
        assert response.status_code == 200, path
        assert "crossed" not in response.text and "Bob's Friend" not in response.text, path
    assert _rows(app) == before
