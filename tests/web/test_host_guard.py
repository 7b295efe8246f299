"""The web app answers only to its own names, so a DNS-rebinding page cannot reach it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.web.app import create_app
from kithkin.web.security import allowed_hosts, host_name


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("127.0.0.1:8000", "127.0.0.1"),
        ("[::1]:8000", "::1"),
        ("LocalHost", "localhost"),
        ("kithkin.example.org:443", "kithkin.example.org"),
        ("::1", "::1"),
    ],
)
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_allowed_hosts() -> None:
    assert allowed_hosts("127.0.0.1", ()) == {"127.0.0.1", "localhost", "::1"}
    assert "kithkin.example.org" in (allowed_hosts("0.0.0.0", ("kithkin.example.org",)) or ())
    assert "0.0.0.0" not in (allowed_hosts("0.0.0.0", ()) or ())
    assert allowed_hosts("127.0.0.1", ("*",)) is None


def test_a_foreign_host_is_refused_and_nothing_is_written(app: App) -> None:
    local = App(replace(app.settings, allowed_hosts=()), clock=app.clock)
    with TestClient(create_app(local, csrf_key=b"k" * 32), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/today").status_code == 200
        assert c.get("/api/today", headers={"host": "localhost:8000"}).status_code == 200
        rebinding = {"host": "attacker.example", "origin": "http://attacker.example"}
        assert c.get("/api/today", headers=rebinding).status_code == 400
        wrote = c.post("/api/checkins", json={"mood": 5, "stress": 5}, headers=rebinding)
        assert wrote.status_code == 400
    with local.uow() as uow:
        assert uow.checkins.find() == []
    local.close()


def test_a_bug_is_a_warm_500_without_internals(app: App) -> None:
    web = create_app(app, csrf_key=b"k" * 32)

    @web.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    @web.get("/api/boom")
    def api_boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(web, raise_server_exceptions=False) as client:
        page = client.get("/boom")
        assert page.status_code == 500 and "nothing was saved" in page.text
        assert "secret internals" not in page.text and "Traceback" not in page.text
        api = client.get("/api/boom")
        assert api.status_code == 500 and api.json()["error"]["key"] == "unexpected"
        assert "secret internals" not in api.text
