"""Whole numbers beyond the stored range are answered 404/422 on every route, never a 500, and
JSON booleans are not numbers (issue #10.7)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.web.app import create_app
from kithkin.web.bounds import _is_int
from tests.web.conftest import WebClient, add_person
from tests.web.html import parse

HUGE = (str(2**63), str(2**64 + 7), "9" * 40, "-" + str(2**63 + 1))


def _api_routes(routes: list[Any], prefix: str = "") -> list[tuple[str, APIRoute]]:
    """Every APIRoute, also inside included routers (kept lazily by newer FastAPI)."""
    out: list[tuple[str, APIRoute]] = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            out.extend(_api_routes(inner.routes, prefix + getattr(context, "prefix", "")))
        elif isinstance(route, APIRoute):
            out.append((prefix + route.path, route))
    return out


def _int_routes(client: TestClient) -> list[tuple[str, str, str]]:
    found = []
    for path, route in _api_routes(client.app.routes):  # type: ignore[attr-defined]
        ints = [f.alias for f in route.dependant.path_params if _is_int(f.field_info.annotation)]
        for method in sorted(route.methods):
            for name in ints:
                found.append((method, path, name))
    return found


def test_every_route_refuses_whole_numbers_beyond_storage(app: App) -> None:
    with TestClient(create_app(app, csrf_key=b"k" * 32), raise_server_exceptions=False) as c:
        routes = _int_routes(c)
        assert len(routes) >= 15
        for method, path, name in routes:
            for value in HUGE:
                url = re.sub(r"\{[^}]+\}", "1", path.replace("{" + name + "}", value))
                response = c.request(method, url, json={})
                assert response.status_code in (404, 422), (method, url, response.text[:300])
        # The connection is still good afterwards.
        assert c.get("/api/today").status_code == 200


def test_offsets_and_limits_beyond_storage_are_422(app: App) -> None:
    with TestClient(create_app(app, csrf_key=b"k" * 32), raise_server_exceptions=False) as c:
        for query in (f"offset={2**63}", f"offset={'9' * 40}", "offset=-1", f"limit={2**64}"):
            for path in ("/api/people", "/api/triage"):
                response = c.get(f"{path}?{query}")
                assert response.status_code == 422, (path, query, response.text[:300])
        huge = c.get(f"/api/people?offset={2**63}").json()
        assert huge["error"]["key"] == "number_out_of_range"


@pytest.mark.parametrize(
    "body",
    [
        {"mood": False, "stress": 5},
        {"mood": 5, "stress": True},
        {"mood": 5, "stress": 5, "energy": True},
        {"mood": 5, "stress": 5, "sleep_hours": False},
    ],
)
def test_booleans_are_not_numbers(app: App, body: dict[str, object]) -> None:
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as c:
        assert c.post("/api/checkins", json=body).status_code == 422
    with app.uow() as uow:
        assert uow.checkins.find() == []


def test_an_interaction_more_than_a_year_ago_needs_confirm_old(app: App) -> None:
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as c:
        old = {"kind": "call", "when": "2020-05-01"}
        refused = c.post("/api/interactions", json=old)
        assert refused.status_code == 422
        assert refused.json()["error"]["key"] == "old_interaction"
        assert c.post("/api/interactions", json={**old, "when": "1969-12-31"}).status_code == 422
        assert c.post("/api/interactions", json={**old, "confirm_old": True}).status_code == 201


def test_the_log_form_asks_to_confirm_a_moment_more_than_a_year_ago(web: WebClient) -> None:
    add_person(web, "Ada Lovelace")
    sent = {"kind": "call", "when": "2020-05-01", "with": "Ada"}
    asked = web.post("/log", sent)
    assert asked.status_code == 422
    assert parse(asked.text).one("input[name=confirm_old]") is not None
    done = web.post("/log", {**sent, "confirm_old": "on"})
    assert done.status_code == 303
