"""Helpers for hosted mode's tests (#16): an app with accounts, and logged-in clients."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.config import with_overrides
from kithkin.services.accounts import add_account
from kithkin.web.app import create_app
from tests.conftest import FIXED_NOW, make_app

PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id still, at a test's cost (the defaults take 64 MiB and ~50 ms a hash)."""
    from kithkin.services import accounts

    monkeypatch.setattr(accounts, "ARGON2_COST", (1, 64, 1))


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def hosted_app(database_url: str, **settings: Any) -> App:
    app = make_app(database_url)
    app.settings = with_overrides(app.settings, hosted=True, **settings)
    _ = app.engine
    return app


def new_account(app: App, name: str, password: str = PASSWORD) -> int:
    return add_account(store=app.accounts, name=name, password=password, now=FIXED_NOW)


class Browser:
    """A TestClient of one browser: its cookies, the CSRF token of its pages."""

    def __init__(
        self, app: App, *, base_url: str = "http://testserver", raise_errors: bool = True
    ) -> None:
        self.client = TestClient(
            create_app(app, csrf_key=b"k" * 32),
            base_url=base_url,
            raise_server_exceptions=raise_errors,
        )

    def csrf(self, path: str = "/login") -> str:
        found = CSRF.search(self.client.get(path).text)
        assert found, path
        return found.group(1)

    def login(self, name: str, password: str = PASSWORD, **headers: str) -> Any:
        return self.client.post(
            "/login",
            data={"csrf_token": self.csrf(), "name": name, "password": password},
            headers=headers,
            follow_redirects=False,
        )

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        token = self.csrf()
        return self.client.post(
            path, data={"csrf_token": token, **(data or {})}, follow_redirects=False, **kwargs
        )

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        """A JSON API call with this browser's cookie and its CSRF header."""
        headers = {"x-csrf-token": self.csrf(), **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)


def logged_in(app: App, name: str) -> Browser:
    browser = Browser(app)
    assert browser.login(name).status_code == 303
    return browser


WELCOME = {
    "timezone": "Europe/Berlin",
    "daily_goal": "1",
    "rest_days": "1",
    "weekday_minutes": "15",
    "weekend_minutes": "45",
}


def onboard(browser: Browser) -> None:
    """The onboarding form: makes the logged-in account's profile (and its circles)."""
    response = browser.post("/welcome", WELCOME)
    assert response.status_code == 303, response.text[:300]
