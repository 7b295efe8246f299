"""One table of field limits (``kithkin.domain.limits``): at each limit, the JSON API accepts
exactly what the domain accepts, and refuses one character more, as the domain does."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kithkin.domain import limits
from kithkin.domain.errors import TooLong
from kithkin.domain.model import CheckIn, ContactPoint, Interaction, Person
from kithkin.services.people import parse_contact

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def _person(client: TestClient, **fields: Any) -> int:
    response = client.post("/api/people", json={"name": "Ada", **fields})
    assert response.status_code == 201, response.text[:300]
    return int(response.json()["id"])


# (person field, its limit): checked on Person and on POST and PATCH /api/people
PERSON_TEXTS = [
    ("name", limits.NAME),
    ("nickname", limits.NICKNAME),
    ("how_met", limits.HOW_MET),
    ("notes", limits.NOTES),
]


@pytest.mark.parametrize(("field", "limit"), PERSON_TEXTS)
def test_person_texts_at_the_limit(client: TestClient, field: str, limit: int) -> None:
    Person(**{"name": "Ada", field: "x" * limit})  # the domain accepts the limit...
    with pytest.raises(TooLong):
        Person(**{"name": "Ada", field: "x" * (limit + 1)})  # ...and refuses one more
    assert client.post("/api/people", json={"name": "Ada", field: "x" * limit}).status_code == 201
    too_long = client.post("/api/people", json={"name": "Ada", field: "x" * (limit + 1)})
    assert too_long.status_code == 422
    pid = _person(client)
    assert client.patch(f"/api/people/{pid}", json={field: "y" * limit}).status_code == 200
    refused = client.patch(f"/api/people/{pid}", json={field: "y" * (limit + 1)})
    assert refused.status_code == 422


@pytest.mark.parametrize(
    ("part", "limit"), [("value", limits.CONTACT_VALUE), ("label", limits.CONTACT_LABEL)]
)
def test_contact_points_at_the_limit(client: TestClient, part: str, limit: int) -> None:
    def contact(n: int) -> dict[str, str]:
        return {"kind": "handle", "value": "v", "label": "", part: "z" * n}

    ContactPoint(**contact(limit))
    with pytest.raises(TooLong):
        ContactPoint(**contact(limit + 1))
    if part == "value":  # the command line's parser takes the same
        assert parse_contact("handle:" + "z" * limit).value == "z" * limit
        with pytest.raises(TooLong):
            parse_contact("handle:" + "z" * (limit + 1))
    pid = _person(client)
    ok = client.patch(f"/api/people/{pid}", json={"contacts": [contact(limit)]})
    assert ok.status_code == 200, ok.text[:300]
    refused = client.patch(f"/api/people/{pid}", json={"contacts": [contact(limit + 1)]})
    assert refused.status_code == 422


def test_interaction_texts_at_the_limit(client: TestClient) -> None:
    def interaction(**fields: Any) -> Interaction:
        return Interaction(occurred_at=NOW, day=NOW.date(), kind="coffee", minutes=30, **fields)

    for field, limit in [("note", limits.NOTE), ("with_other", limits.NAME)]:
        interaction(**{field: "n" * limit})
        with pytest.raises(TooLong):
            interaction(**{field: "n" * (limit + 1)})
        body = {"kind": "coffee", field: "n" * limit}
        assert client.post("/api/interactions", json=body).status_code == 201
        body[field] = "n" * (limit + 1)
        assert client.post("/api/interactions", json=body).status_code == 422


def test_checkin_note_and_followup_text_at_the_limit(client: TestClient) -> None:
    CheckIn(day=date(2026, 11, 26), mood=5, stress=5, note="c" * limits.NOTE)
    with pytest.raises(TooLong):
        CheckIn(day=date(2026, 11, 26), mood=5, stress=5, note="c" * (limits.NOTE + 1))
    body: dict[str, Any] = {"mood": 5, "stress": 5, "note": "c" * limits.NOTE}
    assert client.post("/api/checkins", json=body).status_code in (200, 201)
    body["note"] += "c"
    assert client.post("/api/checkins", json=body).status_code == 422
    pid = _person(client)
    url = f"/api/people/{pid}/followups"
    assert client.post(url, json={"text": "f" * limits.FOLLOWUP_TEXT}).status_code == 201
    assert client.post(url, json={"text": "f" * (limits.FOLLOWUP_TEXT + 1)}).status_code == 422


def test_ranges_at_their_ends(client: TestClient) -> None:
    low, high = limits.CADENCE_DAYS
    for bad in (low - 1, high + 1):
        assert (
            client.post("/api/people", json={"name": "A", "cadence_days": bad}).status_code == 422
        )
    for good in (low, high):
        _person(client, cadence_days=good)
        Person(name="A", cadence_days=good)
    low, high = limits.MINUTES
    for good in (low, high):
        body = {"kind": "coffee", "minutes": good}
        assert client.post("/api/interactions", json=body).status_code == 201
    assert (
        client.post("/api/interactions", json={"kind": "coffee", "minutes": high + 1}).status_code
        == 422
    )
