"""Hosted mode keeps each account to its own things (#16): an account can neither rewrite the
server's reminder destinations (the config file every account's reminders go through) nor put
questions into another account's questionnaires. Found by trying the Settings pages of one
account and looking at another's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kithkin.bootstrap import App
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    PASSWORD,
    fast_hashes,
    hosted_app,
    logged_in,
    new_account,
    onboard,
)

PSS4 = "\n".join(f"My own stress question {i}?" for i in range(1, 5))


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[App]:
    config = tmp_path / "kithkin.toml"
    config.write_text('notify_urls = ["mailtos://owner:pw@mail.example.org"]\n')
    application = hosted_app(
        database_url,
        data_dir=tmp_path / "data",
        config_path=config,
        notify_urls=("mailtos://owner:pw@mail.example.org",),
    )
    yield application
    application.close()


def test_an_account_cannot_rewrite_the_servers_reminder_destinations(app: App) -> None:
    new_account(app, "mallory")
    mallory = logged_in(app, "mallory")
    onboard(mallory)
    config = app.settings.config_path
    assert config is not None
    before = config.read_text()
    page = mallory.client.get("/settings/data")
    assert page.status_code == 200
    assert 'action="/settings/reminders"' not in page.text  # no form to change them
    assert "mail.example.org" not in page.text
    stolen = {"notify_urls": "json://attacker.example.com/collect", "morning": "07:00"}
    assert mallory.post("/settings/reminders", stolen).status_code == 404
    assert mallory.post("/settings/reminders/test").status_code == 404
    assert config.read_text() == before
    assert app.settings.notify_urls == ("mailtos://owner:pw@mail.example.org",)


def test_questions_pasted_by_one_account_are_that_accounts_alone(app: App) -> None:
    a_id = new_account(app, "alpha")
    new_account(app, "bravo")
    a, b = logged_in(app, "alpha"), logged_in(app, "bravo")
    onboard(a)
    onboard(b)
    assert a.post("/assess/pss4/items", {"items": PSS4}).status_code == 303
    assert "My own stress question 1?" in a.client.get("/assess/pss4").text
    assert a.client.get("/api/assessments/instruments/pss4").json()["available"] is True

    bravo_sees = b.client.get("/assess/pss4").text
    assert "My own stress question" not in bravo_sees
    assert b.client.get("/api/assessments/instruments/pss4").json()["available"] is False
    assert not (app.settings.data_dir / "items" / "pss4.txt").exists()  # not the shared copy

    assert a.post("/settings/account/delete", {"password": PASSWORD}).status_code == 303
    assert not (app.settings.data_dir / "accounts" / str(a_id)).exists()  # gone with the account


def test_the_installs_own_copy_serves_every_account(app: App) -> None:
    """An operator who may hand the questions out puts them in ``<data dir>/items/``."""
    shared = app.settings.data_dir / "items"
    shared.mkdir(parents=True)
    (shared / "pss4.txt").write_text(PSS4 + "\n")
    new_account(app, "bravo")
    b = logged_in(app, "bravo")
    onboard(b)
    assert b.client.get("/api/assessments/instruments/pss4").json()["available"] is True


def test_what_a_restore_replaces_is_kept_in_the_accounts_folder_and_goes_with_it(
    app: App,
) -> None:
    a_id = new_account(app, "alpha")
    a = logged_in(app, "alpha")
    onboard(a)
    backup = a.client.get("/api/export/json").content
    json_body = {"content-type": "application/json"}
    done = a.api("POST", "/api/import/json?replace=true", content=backup, headers=json_body)
    assert done.status_code == 200, done.text
    saved = Path(done.json()["saved_to"])
    assert saved.parent == app.settings.data_dir / "accounts" / str(a_id)
    assert list(app.settings.data_dir.glob("kithkin-before-restore-*")) == []
    assert a.post("/settings/account/delete", {"password": PASSWORD}).status_code == 303
    assert not saved.exists()


def test_a_restored_backup_cannot_make_the_server_read_its_own_files(app: App) -> None:
    """A backup names calendar files by path: restored on a server, such a path would name the
    server's files (the Today page would say whether each exists and reads as a calendar)."""
    new_account(app, "mallory")
    mallory = logged_in(app, "mallory")
    onboard(mallory)
    backup = mallory.client.get("/api/export/json").json()
    backup["tables"]["calendars"] = [
        {"id": 1, "name": "probe", "path": "/etc/passwd", "created_at": "2026-11-26T09:00:00+00:00"}
    ]
    json_body = {"content-type": "application/json"}
    done = mallory.api(
        "POST", "/api/import/json?replace=true", content=json.dumps(backup), headers=json_body
    )
    assert done.status_code == 200, done.text
    assert done.json()["calendars_left_out"] == 1
    assert "calendars" not in done.json()["restored"]
    assert mallory.client.get("/today/calendars").text.strip() == ""
    page = mallory.client.get("/api/export/json").json()
    assert page["tables"]["calendars"] == []
