"""Restoring over existing data on the web: a clear choice, replace after a saved copy, or cancel
(issue #10, point 3). Hostile backups answer 4xx and change nothing."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.web.app import create_app
from tests.conftest import FIXED_NOW
from tests.services.helpers import snapshot
from tests.web.conftest import WebClient
from tests.web.html import parse
from tests.web.test_followups_restore import backup_of_someone

JSON = {"content-type": "application/json"}


@pytest.fixture
def home(database_url: str, tmp_path: Path) -> Iterator[tuple[App, WebClient, Path]]:
    data_dir = tmp_path / "data"
    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml"},
        {"database_url": database_url, "data_dir": str(data_dir), "allowed_hosts": "testserver"},
    )
    app = App(settings, clock=lambda: FIXED_NOW)
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
        client.put("/api/profile", json={"timezone": "Europe/Berlin"})
        client.post("/api/people", json={"name": "Grace Hopper"})
        yield app, WebClient(client), data_dir
    app.close()


def _names(web: WebClient) -> list[str]:
    return [p["name"] for p in web.client.get("/api/people").json()["items"]]


def test_the_page_offers_replace_and_cancel(home, tmp_path: Path) -> None:
    _app, web, data_dir = home
    data = backup_of_someone(tmp_path)
    files = {"backup": ("backup.json", data, "application/json")}
    refused = web.post("/restore", {}, files=files)
    assert refused.status_code == 409
    page = parse(refused.text)
    assert page.one("input#f-replace[type=checkbox]")
    assert page.one("a#restore-cancel").get("href") == "/settings/data"
    assert _names(web) == ["Grace Hopper"]
    done = web.post("/restore", {"replace": "1"}, files=files)
    assert done.status_code == 200
    message = parse(done.text).one("#restore-done").text
    saved = next(data_dir.glob("kithkin-before-restore-*.json"))
    assert str(saved) in message
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert [p["name"] for p in json.loads(saved.read_text())["tables"]["people"]] == [
        "Grace Hopper"
    ]
    assert _names(web) == ["Ada Lovelace"]


def test_the_api_replaces_only_when_asked(home, tmp_path: Path) -> None:
    _app, web, data_dir = home
    data = backup_of_someone(tmp_path)
    refused = web.client.post("/api/import/json", content=data, headers=JSON)
    assert refused.status_code == 409
    assert "replace=true" in refused.json()["error"]["message"]
    done = web.client.post("/api/import/json?replace=true", content=data, headers=JSON)
    assert done.status_code == 200, done.text
    assert Path(done.json()["saved_to"]).parent == data_dir
    assert _names(web) == ["Ada Lovelace"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"format": "kithkin-backup", "version": 1, "tables": {"nonsense": 5}}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": "kithkin-backup", "version": 1, "tables": {"profiles": [{"timezone": '
        b'"Mars/Olympus", "daily_goal": 1, "rest_days_per_week": 1, "weekday_minutes": 15, '
        b'"weekend_minutes": 45, "started_on": "2026-11-26"}]}}',
    ],
    ids=["unknown table", "deeply nested", "bad time zone"],
)
def test_a_hostile_backup_is_a_422_and_changes_nothing(home, body: bytes) -> None:
    app, web, _data_dir = home
    before = snapshot(app)
    for replace in ("false", "true"):
        response = web.client.post(
            f"/api/import/json?replace={replace}", content=body, headers=JSON
        )
        assert response.status_code == 422, response.text
        assert response.json()["error"]["key"] in ("bad_backup", "backup_invalid")
    page = web.post("/restore", {"replace": "1"}, files={"backup": ("b.json", body, "text/json")})
    assert page.status_code == 422
    assert snapshot(app) == before
