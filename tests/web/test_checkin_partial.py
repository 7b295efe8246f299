"""The API and the web form: a second check-in changes only what it names (issue #10, point 2)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import WebClient


def _full(client: TestClient) -> None:
    body = {"mood": 4, "stress": 7, "energy": 5, "sleep_hours": 6.5, "note": "slow start"}
    assert client.post("/api/checkins", json=body).status_code == 201


def test_api_absent_fields_keep_their_values(client: TestClient) -> None:
    _full(client)
    again = client.post("/api/checkins", json={"mood": 6, "stress": 4})
    assert again.status_code == 200
    data = again.json()
    assert (data["energy"], data["sleep_hours"], data["note"]) == (5, 6.5, "slow start")
    only = client.post("/api/checkins", json={"energy": 9}).json()
    assert (only["mood"], only["stress"], only["energy"]) == (6, 4, 9)


def test_api_null_clears_a_value(client: TestClient) -> None:
    _full(client)
    data = client.post("/api/checkins", json={"sleep_hours": None, "note": None}).json()
    assert (data["mood"], data["energy"], data["sleep_hours"], data["note"]) == (4, 5, None, "")


def test_api_refuses_to_clear_mood_and_a_first_checkin_without_it(client: TestClient) -> None:
    assert client.post("/api/checkins", json={"energy": 5}).status_code == 422
    _full(client)
    assert client.post("/api/checkins", json={"mood": None}).status_code == 422
    assert client.get("/api/today").json()["checkin"] == {"mood": 4, "stress": 7}


def test_form_keeps_what_it_does_not_send(web: WebClient) -> None:
    _full(web.client)
    response = web.post("/checkin", {"mood": "7", "stress": "3"}, htmx=True)
    assert response.status_code == 200
    data = web.client.post("/api/checkins", json={}).json()
    assert (data["mood"], data["stress"], data["energy"], data["note"]) == (7, 3, 5, "slow start")


def test_form_first_checkin_needs_mood_and_stress(web: WebClient) -> None:
    refused = web.post("/checkin", {"energy": "5", "note": "tired"}, htmx=True)
    assert refused.status_code == 422
    assert web.client.get("/api/today").json()["checkin"] is None  # nothing was saved
    assert web.post("/checkin", {"mood": "4", "stress": "7"}, htmx=True).status_code == 200


def test_form_sent_empty_clears_and_unsent_keeps(web: WebClient) -> None:
    _full(web.client)
    response = web.post("/checkin", {"sleep_hours": "", "note": ""}, htmx=True)
    assert response.status_code == 200
    data = web.client.post("/api/checkins", json={}).json()
    assert (data["mood"], data["stress"], data["energy"]) == (4, 7, 5)  # not sent: kept
    assert (data["sleep_hours"], data["note"]) == (None, "")  # sent empty: cleared
    web.post("/checkin", {"energy": ""}, htmx=True)
    assert web.client.post("/api/checkins", json={}).json()["energy"] is None


def test_api_and_form_share_one_rule() -> None:
    """Both interfaces turn what they were sent into ``clear`` with the same function."""
    from kithkin.services.checkins import cleared_on_the_web

    assert cleared_on_the_web({"sleep_hours": None, "note": " ", "energy": 3}) == ["note", "sleep"]
    assert cleared_on_the_web({"date": None, "mood": 6}) == []
    assert cleared_on_the_web({"mood": None}) == ["mood"]  # check_in refuses it
