"""Hosted mode's cookies and API description (#16, branch hosted-load): the CSRF cookie starts
again at login and logout, the session cookie lasts as long as the server keeps the session,
the OpenAPI document says how to authenticate, and a disabled account's token opens nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from http.cookies import SimpleCookie

import pytest

from kithkin.bootstrap import App
from tests.conftest import FIXED_NOW
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    Browser,
    fast_hashes,
    hosted_app,
    logged_in,
    new_account,
    onboard,
)

MONTH = 30 * 24 * 3600  # the server forgets a session not seen for 30 days


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url)
    new_account(application, "ann")
    yield application
    application.close()


def _set(response: object, name: str) -> SimpleCookie:
    """The cookie ``name`` as the response sets it (empty when it does not)."""
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):  # type: ignore[attr-defined]
        if header.startswith(f"{name}="):
            jar.load(header)
    return jar


def test_login_and_logout_give_a_new_csrf_cookie(app: App) -> None:
    browser = Browser(app)
    before = browser.csrf()  # the login form's token, for the cookie given before logging in
    old_cookie = browser.client.cookies["kithkin_csrf"]
    response = browser.login("ann")
    assert response.status_code == 303
    fresh = _set(response, "kithkin_csrf")["kithkin_csrf"]
    assert fresh.value and fresh.value != old_cookie
    assert fresh["httponly"] and fresh["samesite"] == "Lax" and fresh["path"] == "/"
    # a token read before logging in no longer passes
    stale = browser.client.post(
        "/settings/account/tokens",
        data={"csrf_token": before, "label": "x", "scope": "read"},
        follow_redirects=False,
    )
    assert stale.status_code == 403
    assert browser.post("/settings/account/tokens", {"label": "x"}).status_code == 200
    cookie_in = browser.client.cookies["kithkin_csrf"]
    out = browser.post("/logout")
    assert out.status_code == 303
    after = _set(out, "kithkin_csrf")["kithkin_csrf"].value
    assert after and after != cookie_in


def test_the_session_cookie_lives_as_long_as_the_server_keeps_the_session(app: App) -> None:
    ann = Browser(app)
    login = ann.login("ann")
    session = _set(login, "kithkin_session")["kithkin_session"]
    assert session["max-age"] == str(MONTH)
    assert "secure" not in login.headers["set-cookie"].lower()  # plain HTTP here, as before
    # a request soon after sends no cookie; one after the server notes the session again sends
    # it with the month counted from now
    assert "kithkin_session" not in _set(ann.client.get("/api/account"), "kithkin_session")
    app.clock = lambda: FIXED_NOW + timedelta(days=20)
    renewed = _set(ann.client.get("/api/account"), "kithkin_session")["kithkin_session"]
    assert renewed.value == session.value and renewed["max-age"] == str(MONTH)
    assert renewed["httponly"] and renewed["samesite"] == "Lax"
    # logging out still ends the cookie (max-age 0), never renewed by the same answer
    app.clock = lambda: FIXED_NOW + timedelta(days=25)
    out = ann.post("/logout")
    ended = [h for h in out.headers.get_list("set-cookie") if h.startswith("kithkin_session=")]
    assert len(ended) == 1 and "Max-Age=0" in ended[0]


def test_the_session_cookie_is_secure_over_https_when_renewed(app: App) -> None:
    ann = Browser(app, base_url="https://testserver")
    assert "Secure" in ann.login("ann").headers["set-cookie"]
    app.clock = lambda: FIXED_NOW + timedelta(hours=1)
    renewed = _set(ann.client.get("/api/account"), "kithkin_session")["kithkin_session"]
    assert renewed["secure"]


def test_the_openapi_document_declares_the_token_and_the_session(app: App) -> None:
    ann = logged_in(app, "ann")
    document = ann.client.get("/api/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["token"] == {**schemes["token"], "type": "http", "scheme": "bearer"}
    assert schemes["session"]["in"] == "cookie" and schemes["session"]["name"] == "kithkin_session"
    api = [
        op
        for path, ops in document["paths"].items()
        if path.startswith("/api/")
        for op in ops.values()
    ]
    assert len(api) > 20
    assert all(op["security"] == [{"token": []}, {"session": []}] for op in api)
    # the calendar feed proves itself with the token in its address, not with these
    assert all("security" not in op for op in document["paths"]["/feed/{token}.ics"].values())


def test_local_mode_declares_no_authentication(database_url: str) -> None:
    from tests.conftest import make_app

    local = make_app(database_url)
    document = Browser(local).client.get("/api/openapi.json").json()
    assert "securitySchemes" not in document.get("components", {})
    local.close()


def test_a_disabled_accounts_token_opens_nothing(app: App) -> None:
    import re

    from kithkin.services.accounts import set_disabled

    ann = logged_in(app, "ann")
    onboard(ann)
    page = ann.post("/settings/account/tokens", {"label": "script", "scope": "read-write"})
    found = re.search(r'<code id="new-token">([^<]+)</code>', page.text)
    assert found
    auth = {"authorization": f"Bearer {found.group(1)}"}
    bare = Browser(app).client
    assert bare.get("/api/account", headers=auth).status_code == 200
    set_disabled(store=app.accounts, name="ann", disabled=True)
    assert bare.get("/api/account", headers=auth).status_code == 401
    set_disabled(store=app.accounts, name="ann", disabled=False)
    assert bare.get("/api/account", headers=auth).status_code == 200
