"""The API side of a phone's offline queue and its clock: ``queued_at`` and ``sent_at``
(issue #14), on each backend."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.conftest import FIXED_NOW

AHEAD = timedelta(minutes=40)


def _iso(instant: datetime) -> str:
    return instant.isoformat().replace("+00:00", "Z")


def test_a_log_from_a_phone_ahead_of_the_server_is_saved_at_its_moment(
    client: TestClient,
) -> None:
    phone_now = _iso(FIXED_NOW + AHEAD)
    body = {"kind": "coffee", "client_id": "q1", "queued_at": phone_now, "sent_at": phone_now}
    response = client.post("/api/interactions", json={**body, "when": phone_now})
    assert response.status_code == 201, response.text
    assert datetime.fromisoformat(response.json()["at"]) == FIXED_NOW
    typed = client.post("/api/interactions", json={"kind": "coffee", "when": phone_now})
    assert typed.status_code == 422  # typed by a person: still refused as in the future
    assert typed.json()["error"]["key"] == "in_future"


def test_an_older_queued_checkin_is_answered_with_the_stored_one(client: TestClient) -> None:
    assert client.post("/api/checkins", json={"mood": 8, "stress": 2}).status_code == 201
    earlier, now = _iso(FIXED_NOW - timedelta(hours=1)), _iso(FIXED_NOW)
    body = {"mood": 3, "stress": 7, "client_id": "q2", "queued_at": earlier, "sent_at": now}
    response = client.post("/api/checkins", json=body)
    assert response.status_code == 200
    assert response.json()["superseded"] is True
    assert (response.json()["mood"], response.json()["stress"]) == (8, 2)
    newer = client.post("/api/checkins", json={**body, "client_id": "q3", "queued_at": now})
    assert newer.status_code == 200
    assert "superseded" not in newer.json()
    assert newer.json()["mood"] == 3


@pytest.mark.parametrize(
    "value", ["2026-11-26T09:00:00", "1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "soon"]
)
def test_the_phones_clock_is_an_instant_with_an_offset_in_range(
    client: TestClient, value: object
) -> None:
    for field in ("queued_at", "sent_at"):
        response = client.post("/api/checkins", json={"mood": 5, "stress": 5, field: value})
        assert response.status_code == 422, (field, value)
        logged = client.post("/api/interactions", json={"kind": "coffee", field: value})
        assert logged.status_code == 422, (field, value)


def test_a_null_clock_is_the_same_as_none_and_clears_nothing(client: TestClient) -> None:
    body = {"mood": 5, "stress": 5, "energy": 6, "queued_at": None, "sent_at": None}
    response = client.post("/api/checkins", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["energy"] == 6
