"""The JSON API: the same services' data, pagination, errors with their HTTP status."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kithkin.web.app import create_app
from tests.conftest import make_app


def _person(client: TestClient, name: str, **fields) -> int:
    response = client.post("/api/people", json={"name": name, **fields})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_today_json_mirrors_the_service(client: TestClient):
    _person(client, "Ada Lovelace", circle="inner")
    data = client.get("/api/today").json()
    assert data["date"] == "2026-11-26"
    assert (data["status"], data["count"], data["goal"]) == ("open", 0, 1)
    assert [p["name"] for p in data["due_people"]] == ["Ada Lovelace"]
    assert data["network_health"] == {"in_touch": 0, "total": 1, "share": 0.0}


def test_log_and_checkin(client: TestClient):
    pid = _person(client, "Ada Lovelace")
    response = client.post(
        "/api/interactions", json={"kind": "coffee", "people": [f"#{pid}"], "mood_after": 8}
    )
    assert response.status_code == 201
    assert response.json()["people"] == [{"id": pid, "name": "Ada Lovelace"}]
    assert client.get("/api/today").json()["met"] is True
    first = client.post("/api/checkins", json={"mood": 6, "stress": 4})
    again = client.post("/api/checkins", json={"mood": 7, "stress": 2})
    assert (first.status_code, again.status_code) == (201, 200)
    assert client.get("/api/today").json()["checkin"] == {"mood": 7, "stress": 2}


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "call", "mood_before": 11},
        {"kind": "call", "quality": 0},
        {"kind": "call", "minutes": -1},
        {"kind": "call", "surprise": 1},
        {},
    ],
)
def test_out_of_range_bodies_are_422_and_nothing_is_written(client: TestClient, body):
    assert client.post("/api/interactions", json=body).status_code == 422
    assert client.get("/api/today").json()["count"] == 0


def test_domain_refusals_are_422_with_the_error_key(client: TestClient):
    response = client.post("/api/interactions", json={"kind": "telepathy"})
    assert response.status_code == 422
    assert response.json()["error"]["key"] == "bad_choice"
    response = client.post("/api/interactions", json={"kind": "call", "people": ["Nobody"]})
    assert response.json()["error"]["key"] == "unknown_name"
    assert client.get("/api/today").json()["count"] == 0


def test_not_found_is_404(client: TestClient):
    response = client.get("/api/people/4242")
    assert response.status_code == 404
    assert response.json()["error"]["key"] == "person_not_found"
    assert client.post("/api/followups/77/done", json={}).status_code == 404


def test_people_pagination(client: TestClient):
    for i in range(7):
        _person(client, f"P{i}", circle="close" if i < 3 else "wider")
    page = client.get("/api/people?limit=3&offset=3").json()
    assert (page["total"], [p["name"] for p in page["items"]]) == (7, ["P3", "P4", "P5"])
    assert client.get("/api/people?circle=close").json()["total"] == 3
    assert client.get("/api/people?due=true&limit=2").json()["total"] == 7
    assert client.get("/api/people?limit=0").status_code == 422


def test_followups_add_and_done(client: TestClient):
    pid = _person(client, "Ada Lovelace")
    created = client.post(
        f"/api/people/{pid}/followups", json={"text": "ask about the engine", "due": "2026-11-27"}
    )
    assert created.status_code == 201
    fid = created.json()["id"]
    assert client.get("/api/today").json()["followups"][0]["id"] == fid
    done = client.post(f"/api/followups/{fid}/done", json={})
    assert done.json()["done"] is True
    undone = client.post(f"/api/followups/{fid}/done", json={"done": False})
    assert undone.json()["done"] is False
    assert client.post(f"/api/people/{pid}/followups", json={"text": ""}).status_code == 422


def test_profile_and_circles(client: TestClient):
    assert client.get("/api/profile").json()["timezone"] == "Europe/Berlin"
    body = {"timezone": "Asia/Tokyo", "daily_goal": 2, "barriers": ["introversion"]}
    assert client.put("/api/profile", json=body).json()["daily_goal"] == 2
    bad = client.put("/api/profile", json={**body, "timezone": "Nowhere/Land"})
    assert (bad.status_code, bad.json()["error"]["key"]) == (422, "unknown_timezone")
    assert client.put("/api/profile", json={**body, "rest_days_per_week": 7}).status_code == 422
    assert client.put("/api/circles/inner", json={"cadence_days": 10}).json()["cadence_days"] == 10
    assert {"name": "inner", "cadence_days": 10} in client.get("/api/circles").json()


def test_writes_must_be_json(client: TestClient):
    response = client.post("/api/checkins", data={"mood": "5", "stress": "5"})
    assert response.status_code == 415
    response = client.post(
        "/api/checkins", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422)


def test_no_profile_yet_is_409(database_url):
    app = make_app(database_url)
    try:
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            response = client.get("/api/today")
            assert (response.status_code, response.json()["error"]["key"]) == (
                409,
                "not_initialised",
            )
            put = client.put("/api/profile", json={"timezone": "UTC"})
            assert put.status_code == 200
            assert client.get("/api/today").status_code == 200
    finally:
        app.close()


def test_openapi_documents_the_error_responses(client: TestClient):
    spec = client.get("/api/openapi.json").json()
    assert "/api/today" in spec["paths"]
    assert not any(p.startswith("/people") for p in spec["paths"])
    post = spec["paths"]["/api/interactions"]["post"]
    assert {"400", "404", "409", "422"} <= set(post["responses"])
    mood = spec["components"]["schemas"]["InteractionIn"]["properties"]["mood_before"]
    ranged = next(branch for branch in mood["anyOf"] if branch.get("type") == "integer")
    assert (ranged["minimum"], ranged["maximum"]) == (1, 10)
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "sha256-" in docs.headers["content-security-policy"]
