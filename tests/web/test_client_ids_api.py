"""The API side of the phone's offline queue: a repeated client_id is the same write (200, the
stored record, no new row), on each backend."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.services.helpers import count_rows

CID = "5f0f5a52-2c0e-4b53-9f0e-0d6c7f1b9a11"


def test_a_replayed_interaction_is_answered_with_the_stored_one(client: TestClient, app) -> None:
    pid = client.post("/api/people", json={"name": "Zoe Adler"}).json()["id"]
    body = {"kind": "coffee", "people": [f"#{pid}"], "when": "2026-11-26T09:30:00+01:00"}
    first = client.post("/api/interactions", json={**body, "client_id": CID})
    again = client.post("/api/interactions", json={**body, "client_id": CID})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert count_rows(app, "interactions") == 1
    assert client.post("/api/interactions", json=body).status_code == 201
    assert count_rows(app, "interactions") == 2


def test_a_replayed_checkin_is_answered_with_the_stored_one(client: TestClient, app) -> None:
    body = {"mood": 6, "stress": 3, "date": "2026-11-26", "client_id": CID}
    first = client.post("/api/checkins", json=body)
    again = client.post("/api/checkins", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == {**first.json(), "created": False}
    assert count_rows(app, "checkins") == 1


def test_a_client_id_is_a_short_token(client: TestClient) -> None:
    for bad in ("", "x" * 65, "no spaces"):
        response = client.post("/api/checkins", json={"mood": 5, "stress": 5, "client_id": bad})
        assert response.status_code == 422, bad
