"""The planner, ladder and questionnaire JSON API: shapes, status codes, validation (nothing
written), and the documented 4xx responses in OpenAPI."""

from __future__ import annotations

import pytest

from tests.web.conftest import WebClient, add_person

STEPS = [
    {"description": f"step {i}", "feared_prediction": "stares", "predicted_anxiety": 10 * i}
    for i in range(1, 9)
]


@pytest.fixture
def api(web: WebClient):
    for name in ("Ada Lovelace", "Bo Berg", "Cy Chen"):
        add_person(web, name)
    return web.client


def test_plan_today_done_skip_snooze(api):
    plan = api.get("/api/plan/today").json()
    assert plan["date"] == "2026-11-26"
    assert [s["number"] for s in plan["suggestions"]] == [1, 2, 3]
    done = api.post("/api/plan/today/1/done", json={"minutes": 9, "quality": 4})
    assert done.status_code == 200
    body = done.json()
    assert body["suggestion"]["status"] == "done"
    assert body["interaction"]["minutes"] == 9
    assert api.get("/api/today").json()["met"] is True
    assert api.post("/api/plan/today/2/skip", json={}).json()["status"] == "skipped"
    snoozed = api.post("/api/plan/today/3/snooze", json={"days": 2}).json()
    assert snoozed["snoozed_until"] == "2026-11-28"
    again = api.post("/api/plan/today/1/snooze", json={"days": 2})
    assert again.status_code == 409
    assert again.json()["error"]["key"] == "suggestion_already_done"
    assert (
        api.post("/api/plan/today/8/skip", json={}).json()["error"]["key"] == "suggestion_unknown"
    )


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/plan/today/1/done", {"quality": 6}),
        ("/api/plan/today/1/done", {"mood_after": 0}),
        ("/api/plan/today/1/done", {"colour": "blue"}),
        ("/api/plan/today/1/snooze", {"days": 61}),
        ("/api/plan/today/1/snooze", {"days": 0}),
    ],
)
def test_plan_validation_is_422_and_writes_nothing(api, path, body):
    api.get("/api/plan/today")
    assert api.post(path, json=body).status_code == 422
    assert [s["status"] for s in api.get("/api/plan/today").json()["suggestions"]] == ["open"] * 3
    assert api.get("/api/today").json()["count"] == 0


def test_writes_must_be_json(api):
    response = api.post("/api/plan/today/1/skip", data={"x": "1"})
    assert response.status_code == 415


def test_week_and_suggest(api):
    week = api.get("/api/plan/week").json()
    assert len(week) == 7
    found = api.get("/api/suggest", params={"minutes": 5}).json()
    assert found is None or found["minutes"] <= 5
    assert api.get("/api/suggest", params={"minutes": 0}).status_code == 422
    assert api.get("/api/suggest", params={"minutes": 601}).status_code == 422


def test_actions_list_and_add(api):
    listed = api.get("/api/actions").json()
    assert len(listed) >= 50
    body = {
        "id": "call_mum",
        "title": "Call mum",
        "how": "Ring her.",
        "minutes": 10,
        "channel": "call",
        "kind": "call",
    }
    created = api.post("/api/actions", json=body)
    assert created.status_code == 201
    assert created.json()["custom"] is True
    clash = api.post("/api/actions", json=body)
    assert clash.status_code == 422
    assert clash.json()["error"]["key"] == "action_id_clash"
    for bad in ({"minutes": 11}, {"channel": "pigeon"}, {"id": "Bad Id"}, {"anxiety": 6}):
        assert api.post("/api/actions", json={**body, "id": "other", **bad}).status_code == 422
    assert len(api.get("/api/actions").json()) == len(listed) + 1


def test_ladder_flow(api):
    assert api.get("/api/ladder").status_code == 404
    assert api.post("/api/ladder", json={"goal": "Talk", "steps": STEPS[:5]}).status_code == 422
    bad_step = [*STEPS[:7], {**STEPS[7], "predicted_anxiety": 101}]
    assert api.post("/api/ladder", json={"goal": "Talk", "steps": bad_step}).status_code == 422
    assert api.get("/api/ladder").status_code == 404
    created = api.post("/api/ladder", json={"goal": "Talk", "steps": STEPS[::-1]})
    assert created.status_code == 201
    assert [s["predicted_anxiety"] for s in created.json()["steps"]][:2] == [10, 20]
    assert api.post("/api/ladder/up", json={}).status_code == 409
    for _ in range(2):
        before = {"step": 1, "prediction": "stares", "belief": 60, "predicted_peak": 50}
        made = api.post("/api/ladder/attempts", json=before)
        assert made.status_code == 201
        attempt = made.json()["attempt_id"]
        after = {"peak": 20, "came_true": "no", "belief_after": 10, "happened": "fine"}
        done = api.post(f"/api/ladder/attempts/{attempt}/after", json=after)
        assert done.json()["actual_peak"] == 20
    again = api.post(f"/api/ladder/attempts/{attempt}/after", json=after)
    assert again.status_code == 409
    assert api.post("/api/ladder/attempts/999/after", json=after).status_code == 404
    shown = api.get("/api/ladder").json()
    assert shown["next_step_offered"] is True
    assert len(shown["trend"]) == 2
    assert api.post("/api/ladder/up", json={}).json()["level"] == 2
    assert api.post("/api/ladder/back", json={}).json()["level"] == 1
    bad = {"step": 1, "prediction": "x", "belief": 101, "predicted_peak": 50}
    assert api.post("/api/ladder/attempts", json=bad).status_code == 422
    wrong = {"peak": 20, "came_true": "maybe", "belief_after": 10}
    assert api.post(f"/api/ladder/attempts/{attempt}/after", json=wrong).status_code == 422


def test_assessments(api):
    first = api.get("/api/assessments").json()
    assert first["history"] == []
    assert [d["instrument_id"] for d in first["due"]] == ["pss10", "who5"]
    taken = api.post("/api/assessments", json={"instrument": "who5", "answers": [1, 2, 1, 2, 1]})
    assert taken.status_code == 201
    assert taken.json()["score"]["band"] == "who5.low"
    assert "who5.talk" in taken.json()["score"]["flags"]
    for bad in (
        {"instrument": "who5", "answers": [1, 2, 3]},
        {"instrument": "who5", "answers": [9, 2, 1, 2, 1]},
        {"instrument": "nope", "answers": [1]},
        {"instrument": "who5", "answers": []},
        {"instrument": "who5", "answers": [5, 5, 5, 5, True]},  # a boolean is not an answer
        {"instrument": "who5", "answers": [5, 5, 5, 5, "4"]},
    ):
        assert api.post("/api/assessments", json=bad).status_code == 422
    after = api.get("/api/assessments").json()
    assert len(after["history"]) == 1
    assert [d["instrument_id"] for d in after["due"]] == ["pss10"]
    items = api.get("/api/assessments/instruments/who5").json()
    assert items["available"] is True and len(items["items"]) == 5
    pss = api.get("/api/assessments/instruments/pss10").json()
    assert pss["available"] is False and pss["items"] == [] and pss["problem"]
    schedule = api.put("/api/assessments/schedule/ucla3-3pt", json={"every_days": 7})
    assert schedule.json()["ucla3-3pt"] == 7
    assert api.put("/api/assessments/schedule/who5", json={"every_days": -1}).status_code == 422


def test_openapi_documents_the_new_routes_and_their_errors(api):
    spec = api.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/plan/today",
        "/api/plan/today/{number}/done",
        "/api/plan/today/{number}/skip",
        "/api/plan/today/{number}/snooze",
        "/api/plan/week",
        "/api/suggest",
        "/api/actions",
        "/api/ladder",
        "/api/ladder/attempts",
        "/api/ladder/up",
        "/api/assessments",
    ):
        assert path in paths, path
    snooze = paths["/api/plan/today/{number}/snooze"]["post"]["responses"]
    assert {"404", "409", "422"} <= set(snooze)
    assert "409" in paths["/api/ladder/up"]["post"]["responses"]
    days = spec["components"]["schemas"]["SnoozeIn"]["properties"]["days"]
    assert (days["minimum"], days["maximum"]) == (1, 60)
    assert not any(p.startswith(("/plan", "/ladder", "/assess")) for p in paths)
