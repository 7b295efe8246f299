"""Undo on the web (the flash's Undo button, a POST with CSRF) and in the API (GET /api/changes,
POST /api/undo); edit and delete of moments and people (pages) and of the other records (API),
with derived data in step, on both backends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kithkin.bootstrap import App
from kithkin.storage.tables import metadata
from tests.web.conftest import WebClient, add_person

JSON = {"content-type": "application/json"}
# The stored plan is derived: an undo marks it out of date and the next look remakes it.
NOT_DATA = {"changes", "data_versions", "suggestions", "plan_marks"}


def state(app: App) -> dict[str, list[Any]]:
    with app.engine.connect() as conn:
        return {
            t.name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
            for t in metadata.sorted_tables
            if t.name not in NOT_DATA
        }


def test_the_flash_offers_undo_and_it_puts_everything_back(web: WebClient, app: App) -> None:
    pid = add_person(web, "Ada Lovelace")
    web.page("/")  # today's plan is made on the first look (derived: not an action)
    before = state(app)
    done = web.post("/log", {"kind": "call", "with": f"#{pid}", "when": "2026-11-25"})
    assert done.headers["location"] == "/?saved=logged"
    page = web.page("/?saved=logged")
    form = page.one("form[action=/undo]")
    assert form.get("method") == "post"
    assert form.one("input[name=csrf_token]").get("value") == web.token
    assert form.one("input[name=next]").get("value") == "/"
    # without the token: refused, nothing undone
    refused = web.client.post("/undo", data={"next": "/"}, follow_redirects=False)
    assert refused.status_code == 403
    undone = web.post("/undo", {"next": "/"})
    assert undone.status_code == 303
    assert undone.headers["location"] == "/?saved=undone"
    assert state(app) == before  # last contact and day counts included
    assert not web.page("/?saved=undone").select("form[action=/undo]")


def test_delete_a_person_on_the_web_and_undo(web: WebClient, app: App) -> None:
    pid = add_person(web, "Ada Lovelace")
    web.post("/log", {"kind": "call", "with": f"#{pid}"})
    web.page("/")
    before = state(app)
    page = web.page(f"/people/{pid}")
    assert page.one(f"form[action=/people/{pid}/delete]")
    gone = web.post(f"/people/{pid}/delete", {})
    assert gone.headers["location"] == "/?saved=person_deleted"
    assert web.client.get(f"/api/people/{pid}").status_code == 404
    again = web.post(f"/people/{pid}/delete", {})
    assert again.status_code == 404
    web.post("/undo", {"next": "/"})
    assert state(app) == before


def test_edit_a_moment_on_the_web_moves_the_day_counts(web: WebClient, app: App) -> None:
    pid = add_person(web, "Ada Lovelace")
    web.post("/log", {"kind": "call", "with": f"#{pid}", "when": "2020-01-01", "confirm_old": "on"})
    (moment,) = web.client.get(f"/api/people/{pid}").json()["timeline"]
    page = web.page(f"/people/{pid}")
    assert page.one(f"a#edit-moment-{moment['id']}")
    form = web.page(f"/interactions/{moment['id']}/edit?person={pid}").one("form")
    assert form.one("input#f-when").get("value") == "2020-01-01"
    saved = web.post(
        f"/interactions/{moment['id']}/edit",
        {
            "kind": "coffee",
            "when": "2026-11-25",
            "minutes": "20",
            "note": "",
            "meaningful": "1",
            "person": str(pid),
        },
    )
    assert saved.status_code == 303, saved.text[:300]
    assert saved.headers["location"] == f"/people/{pid}?saved=moment_edited"
    with app.engine.connect() as conn:
        days = [r.day.isoformat() for r in conn.execute(select(metadata.tables["day_stats"]))]
    assert days == ["2026-11-25"]
    bad = web.post(f"/interactions/{moment['id']}/edit", {"when": "someday", "kind": "coffee"})
    assert bad.status_code == 422
    missing = web.client.get("/interactions/999/edit")
    assert missing.status_code == 404


def test_api_changes_undo_edit_delete(web: WebClient, app: App) -> None:
    api = web.client
    nothing = api.post("/api/undo", json={"id": 999})
    assert nothing.status_code == 404
    assert nothing.json()["error"]["key"] == "undo_change_not_found"
    pid = add_person(web, "Ada Lovelace")
    before = state(app)
    logged = api.post("/api/interactions", json={"kind": "call", "people": [f"#{pid}"]})
    assert logged.status_code in (200, 201), logged.text
    iid = logged.json()["id"]
    patched = api.patch(f"/api/interactions/{iid}", json={"minutes": 25, "when": "2026-11-24"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["day"] == "2026-11-24" and patched.json()["minutes"] == 25
    changes = api.get("/api/changes").json()
    assert [c["label"] for c in changes[:2]] == [
        f"web: PATCH /api/interactions/{iid}",
        "web: POST /api/interactions",
    ]
    assert api.post("/api/undo", json={}).status_code == 200
    assert api.post("/api/undo", json={"id": changes[1]["id"]}).status_code == 200
    assert state(app) == before
    blocked = api.post("/api/undo", json={"id": changes[1]["id"]})
    assert blocked.status_code == 409

    checkin = api.post("/api/checkins", json={"mood": 5, "stress": 4})
    assert checkin.status_code in (200, 201), checkin.text
    with app.engine.connect() as conn:
        (cid,) = conn.execute(select(metadata.tables["checkins"].c.id)).scalars()
    edited = api.patch(f"/api/checkins/{cid}", json={"mood": 8})
    assert edited.json()["mood"] == 8
    assert api.patch(f"/api/checkins/{cid}", json={"mood": 11}).status_code == 422
    assert api.delete(f"/api/checkins/{cid}", headers=JSON).status_code == 204
    twice = api.delete(f"/api/checkins/{cid}", headers=JSON)
    assert twice.status_code == 404 and twice.json()["error"]["key"] == "checkin_not_found"
    for segment, key in (
        ("followups", "followup_not_found"),
        ("results", "result_not_found"),
        ("attempts", "attempt_not_found"),
        ("people", "person_not_found"),
    ):
        missing = api.delete(f"/api/{segment}/999", headers=JSON)
        assert missing.status_code == 404 and missing.json()["error"]["key"] == key
    assert api.delete(f"/api/people/{pid}", headers=JSON).status_code == 204
    assert api.delete(f"/api/people/{pid}", headers=JSON).status_code == 404
