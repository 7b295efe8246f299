"""Hosted mode (#16): logging in, sessions, cookies, CSRF, rate limits, tokens, sign-up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kithkin.bootstrap import App
from kithkin.services.accounts import create_invite
from tests.conftest import FIXED_NOW
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    PASSWORD,
    Browser,
    fast_hashes,
    hosted_app,
    logged_in,
    new_account,
    onboard,
)
from tests.web.html import parse


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url, signup="invite")
    new_account(application, "ann")
    new_account(application, "bob")
    yield application
    application.close()


def test_without_an_account_pages_go_to_login_and_the_api_answers_401(app: App) -> None:
    client = Browser(app).client
    page = client.get("/people?page=2", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fpeople%3Fpage%3D2"
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    api = client.get("/api/today")
    assert api.status_code == 401
    assert api.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/login").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    for public in ("/manifest.webmanifest", "/sw.js", "/offline"):  # the installable app
        assert client.get(public).status_code == 200, public


def test_login_sets_a_strict_session_cookie_and_returns_to_the_page_asked_for(app: App) -> None:
    browser = Browser(app)
    response = browser.client.post(
        "/login",
        data={"csrf_token": browser.csrf(), "name": "Ann", "password": PASSWORD, "next": "/people"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/people"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("kithkin_session=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert browser.client.get("/settings/account").status_code == 200


def test_the_session_cookie_is_secure_over_https_or_when_set(database_url: str) -> None:
    app = hosted_app(database_url)
    new_account(app, "ann")
    over_https = Browser(app, base_url="https://testserver").login("ann")
    assert "Secure" in over_https.headers["set-cookie"]
    app.settings = app.settings.__class__(
        **{**{f: getattr(app.settings, f) for f in app.settings.__slots__}, "secure_cookies": True}
    )
    assert "Secure" in Browser(app).login("ann").headers["set-cookie"]
    app.close()


def test_login_needs_the_csrf_token(app: App) -> None:
    client = Browser(app).client
    client.get("/login")
    response = client.post(
        "/login", data={"name": "ann", "password": PASSWORD}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "set-cookie" not in response.headers or "kithkin_session" not in response.headers.get(
        "set-cookie", ""
    )


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(app: App) -> None:
    browser = Browser(app)
    wrong = browser.login("ann", "not the password at all")
    unknown = browser.login("nobody", "not the password at all")
    assert wrong.status_code == unknown.status_code == 401
    assert "do not match" in wrong.text and "do not match" in unknown.text


def test_the_eleventh_wrong_password_in_a_minute_is_refused_with_the_wait(app: App) -> None:
    browser = Browser(app)
    for _ in range(10):
        assert browser.login("ann", "wrong password!").status_code == 401
    refused = browser.login("ann", "wrong password!")
    assert refused.status_code == 429
    assert "Please wait 60 seconds" in refused.text
    # refused before the password is even checked: the right one waits too
    assert browser.login("ann").status_code == 429


def test_the_address_limit_covers_guessing_across_accounts(app: App) -> None:
    browser = Browser(app)
    for i in range(10):
        assert browser.login(f"guess{i}", "wrong password!").status_code == 401
    assert browser.login("bob").status_code == 429
    # another address is not held back
    other = Browser(app)
    other.client = other.client.__class__(other.client.app, client=("10.0.0.9", 5000))
    assert other.login("bob").status_code == 303


def test_logout_here_and_everywhere(app: App) -> None:
    phone, laptop = logged_in(app, "ann"), logged_in(app, "ann")
    out = phone.post("/logout")
    assert out.headers["location"].startswith("/login")
    # the browser forgets the pages and offline queue it kept for this account
    assert out.headers["clear-site-data"] == '"cache", "storage"'
    assert phone.client.get("/", follow_redirects=False).status_code == 303
    assert laptop.client.get("/settings/account").status_code == 200
    again = logged_in(app, "ann")
    everywhere = again.post("/logout/everywhere")
    assert everywhere.status_code == 303
    assert "storage" in everywhere.headers["clear-site-data"]
    assert laptop.client.get("/api/account").status_code == 401


def test_the_session_list_shows_each_browser_and_revokes_one(app: App) -> None:
    phone = Browser(app)
    assert phone.login("ann", **{"user-agent": "PhoneBrowser/1"}).status_code == 303
    laptop = logged_in(app, "ann")
    page = laptop.client.get("/settings/account").text
    assert 'title="PhoneBrowser/1"' in page  # the whole string on hover, a plain name shown
    from kithkin.services.accounts import list_sessions

    sessions = list_sessions(store=app.accounts, owner_id=_id(app, "ann"))
    phone_id = next(s.id for s in sessions if s.user_agent == "PhoneBrowser/1")
    assert laptop.post(f"/settings/account/sessions/{phone_id}/revoke").status_code == 200
    assert phone.client.get("/api/account").status_code == 401
    assert laptop.client.get("/api/account").json()["name"] == "ann"


def test_the_session_list_names_browsers_and_times_as_people_do(app: App) -> None:
    """It showed user-agent strings and ISO times in UTC ("2026-11-26 09:00 UTC")."""
    android = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
    phone = Browser(app)
    assert phone.login("ann", **{"user-agent": android}).status_code == 303
    onboard(phone)  # Europe/Berlin
    page = parse(phone.client.get("/settings/account").text)
    shown = [li.text for li in page.select("#sessions li")]
    assert any("Chrome on Android" in s and "today 10:00" in s for s in shown), shown
    assert "UTC" not in page.one("main").text and "2026-11-26" not in page.one("main").text


def test_a_password_change_ends_the_other_sessions(app: App) -> None:
    here, elsewhere = logged_in(app, "ann"), logged_in(app, "ann")
    wrong = here.post(
        "/settings/account/password", {"current": "not it at all", "new": "another password!"}
    )
    assert wrong.status_code == 422
    changed = here.post(
        "/settings/account/password", {"current": PASSWORD, "new": "another password!"}
    )
    assert changed.status_code == 200
    assert here.client.get("/api/account").status_code == 200
    assert elsewhere.client.get("/api/account").status_code == 401
    assert Browser(app).login("ann", "another password!").status_code == 303
    assert Browser(app).login("ann").status_code == 401


def _id(app: App, name: str) -> int:
    from kithkin.services.accounts import list_accounts

    return next(a.id for a in list_accounts(store=app.accounts) if a.name == name)


def _make_token(browser: Browser, scope: str) -> str:
    import re

    page = browser.post("/settings/account/tokens", {"label": "script", "scope": scope})
    assert page.status_code == 200
    found = re.search(r'<code id="new-token">([^<]+)</code>', page.text)
    assert found
    return found.group(1)


def test_tokens_are_shown_once_stored_hashed_and_work_for_the_api_only(app: App) -> None:
    ann = logged_in(app, "ann")
    onboard(ann)
    secret = _make_token(ann, "read-write")
    assert secret not in ann.client.get("/settings/account").text  # shown once
    with app.engine.connect() as conn:
        from sqlalchemy import text

        stored = [r[0] for r in conn.execute(text("SELECT token_hash FROM api_tokens"))]
    assert stored and secret not in stored
    bare = Browser(app).client
    auth = {"authorization": f"Bearer {secret}"}
    assert bare.get("/api/account", headers=auth).json() == {
        "name": "ann",
        "via": "token",
        "scope": "read-write",
    }
    # a write with a token needs no CSRF token
    made = bare.post("/api/people", json={"name": "Ada", "circle": "inner"}, headers=auth)
    assert made.status_code == 201, made.text
    # a token opens no page
    assert bare.get("/", headers=auth, follow_redirects=False).status_code == 401


def test_a_token_request_never_falls_back_to_the_cookie(app: App) -> None:
    ann = logged_in(app, "ann")
    assert ann.client.get("/api/account").status_code == 200
    wrong = ann.client.get("/api/account", headers={"authorization": "Bearer kk_not-a-token"})
    assert wrong.status_code == 401


def test_a_read_token_cannot_write_and_a_revoked_token_is_refused(app: App) -> None:
    ann = logged_in(app, "ann")
    onboard(ann)
    read = _make_token(ann, "read")
    bare = Browser(app).client
    auth = {"authorization": f"Bearer {read}"}
    assert bare.get("/api/people", headers=auth).status_code == 200
    refused = bare.post("/api/people", json={"name": "Ada", "circle": "inner"}, headers=auth)
    assert refused.status_code == 403
    assert "read only" in refused.json()["detail"]
    token_id = bare.get("/api/account/tokens", headers=auth).json()[0]["id"]
    assert ann.post(f"/settings/account/tokens/{token_id}/revoke").status_code == 200
    assert bare.get("/api/people", headers=auth).status_code == 401


def test_a_cookie_api_write_needs_the_csrf_header(app: App) -> None:
    ann = logged_in(app, "ann")
    onboard(ann)
    body = {"name": "Ada", "circle": "inner"}
    assert ann.client.post("/api/people", json=body).status_code == 403
    wrong = ann.client.post("/api/people", json=body, headers={"x-csrf-token": "0" * 64})
    assert wrong.status_code == 403
    assert ann.api("POST", "/api/people", json=body).status_code == 201


def test_a_disabled_account_cannot_log_in_and_its_sessions_end(app: App) -> None:
    from kithkin.services.accounts import set_disabled

    ann = logged_in(app, "ann")
    set_disabled(store=app.accounts, name="ann", disabled=True)
    assert ann.client.get("/api/account").status_code == 401
    assert Browser(app).login("ann").status_code == 401
    set_disabled(store=app.accounts, name="ann", disabled=False)
    assert Browser(app).login("ann").status_code == 303


def _sign_up(browser: Browser, name: str, invite: str = "") -> object:
    return browser.client.post(
        "/signup",
        data={"csrf_token": browser.csrf(), "name": name, "password": PASSWORD, "invite": invite},
        follow_redirects=False,
    )


def test_sign_up_by_invite_then_onboarding_makes_the_new_accounts_profile(app: App) -> None:
    browser = Browser(app)
    assert _sign_up(browser, "cleo").status_code == 422  # no invite
    invite = create_invite(store=app.accounts, now=FIXED_NOW)
    assert invite in browser.client.get(f"/signup?invite={invite}").text
    joined = _sign_up(browser, "cleo", invite)
    assert joined.status_code == 303 and joined.headers["location"] == "/welcome"
    assert browser.client.get("/", follow_redirects=False).headers["location"] == "/welcome"
    onboard(browser)
    assert browser.client.get("/").status_code == 200
    assert browser.client.get("/api/account").json()["name"] == "cleo"
    # the invite is used up
    assert _sign_up(Browser(app), "dora", invite).status_code == 422
    # the others have no profile made for them
    bob = logged_in(app, "bob")
    assert bob.client.get("/", follow_redirects=False).headers["location"] == "/welcome"


def test_sign_up_closed_and_open(database_url: str) -> None:
    closed = hosted_app(database_url)
    assert "Sign-up is closed" in Browser(closed).client.get("/signup").text
    assert _sign_up(Browser(closed), "cleo").status_code == 422
    closed.close()
    opened = hosted_app(database_url, signup="open")
    assert _sign_up(Browser(opened), "cleo").status_code == 303
    assert _sign_up(Browser(opened), "cleo").status_code == 422  # taken
    opened.close()


def test_login_returns_only_to_local_paths(app: App) -> None:
    browser = Browser(app)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        response = browser.client.post(
            "/login",
            data={
                "csrf_token": browser.csrf(),
                "name": "ann",
                "password": PASSWORD,
                "next": target,
            },
            follow_redirects=False,
        )
        location = response.headers["location"]
        # never another site (a backslash arrives percent-encoded, a local path)
        assert location.startswith("/") and not location.startswith(("//", "/\\")), target


def test_each_account_gets_its_own_cached_today_page(app: App) -> None:
    ann, bob = logged_in(app, "ann"), logged_in(app, "bob")
    onboard(ann)
    onboard(bob)
    assert ann.api("POST", "/api/people", json={"name": "Annsfriend", "circle": "inner"}).is_success
    for _ in range(2):  # the second read of each is answered by the fast path
        assert "Annsfriend" in ann.client.get("/people").text
        assert "Annsfriend" not in bob.client.get("/people").text
        assert "Annsfriend" in ann.client.get("/api/today").text + ann.client.get("/").text
        assert "Annsfriend" not in bob.client.get("/api/today").text + bob.client.get("/").text


def test_local_mode_stays_as_it_was(database_url: str) -> None:
    """No accounts, no login: the local account's pages and API, answered without a cookie."""
    from tests.conftest import make_app

    local = make_app(database_url)
    client = Browser(local).client
    assert client.get("/login").status_code == 404
    assert client.get("/", follow_redirects=False).headers["location"] == "/welcome"
    assert client.get("/api/people").status_code in (200, 409)
    assert "Account" not in client.get("/welcome").text
    local.close()


def test_a_session_not_seen_for_a_month_ends(app: App) -> None:
    from datetime import timedelta

    ann = logged_in(app, "ann")
    app.clock = lambda: FIXED_NOW + timedelta(days=29)
    assert ann.client.get("/api/account").status_code == 200  # seen: a month from now
    app.clock = lambda: FIXED_NOW + timedelta(days=29 + 31)
    assert ann.client.get("/api/account").status_code == 401
    from kithkin.services.accounts import list_sessions

    assert list_sessions(store=app.accounts, owner_id=_id(app, "ann")) == []
