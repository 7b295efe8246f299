"""Passkeys in the web (#16): Settings > Account makes, lists and removes them; the login page
logs in with one. The software device's answers are verified by py_webauthn for real."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.services.accounts import set_disabled
from tests.passkey_device import Device
from tests.web.hosted import (  # noqa: F401 - fast_hashes is an autouse fixture
    Browser,
    fast_hashes,
    hosted_app,
    new_account,
)
from tests.web.html import parse


def select_one(html: str, selector: str) -> Any:
    return parse(html).one(selector)


def select(html: str, selector: str) -> list[Any]:
    return parse(html).select(selector)


LOCAL = "http://localhost:8203"  # a secure context for browsers: passkeys work here


@pytest.fixture
def app(database_url: str) -> Iterator[App]:
    application = hosted_app(database_url, signup="closed")
    new_account(application, "ann")
    new_account(application, "bob")
    yield application
    application.close()


def _browser(app: App, base_url: str = LOCAL) -> Browser:
    return Browser(app, base_url=base_url)


def _json(browser: Browser, path: str, body: dict[str, Any], **headers: str) -> Any:
    headers = {"x-csrf-token": browser.csrf(), "accept": "application/json", **headers}
    return browser.client.post(path, json=body, headers=headers)


def _add_passkey(browser: Browser, device: Device, name: str = "My phone") -> Any:
    options = _json(browser, "/settings/account/passkeys/options", {})
    assert options.status_code == 200, options.text
    assert options.headers["cache-control"] == "no-store"
    answer = device.create(options.json())
    return _json(browser, "/settings/account/passkeys", {"credential": answer, "name": name})


def _passkey_login(browser: Browser, device: Device, next_: str = "/") -> Any:
    options = _json(browser, "/login/passkey/options", {})
    assert options.status_code == 200, options.text
    return _json(
        browser, "/login/passkey", {"credential": device.get(options.json()), "next": next_}
    )


def _logged_in(app: App, name: str) -> Browser:
    browser = _browser(app)
    assert browser.login(name).status_code == 303
    return browser


def test_make_a_passkey_log_out_and_log_in_with_it(app: App) -> None:
    ann = _logged_in(app, "ann")
    page = ann.client.get("/settings/account")
    form = select_one(page.text, "#passkeys form#passkey-add")
    assert "hidden" in form.attrs  # shown by passkeys.js only where passkeys work
    assert select_one(page.text, "#passkeys script").get("src") == "/static/passkeys.js"
    device = Device(LOCAL)
    added = _add_passkey(ann, device, name="Ann's phone")
    assert added.status_code == 200, added.text
    shown = ann.client.get(added.json()["next"])
    assert select_one(shown.text, "p.flash").text.strip()
    item = select_one(shown.text, "ul.passkeys li")
    assert "Ann's phone" in item.text
    assert ann.post("/logout").status_code == 303

    visitor = _browser(app)
    login = visitor.client.get("/login?next=%2Fpeople")
    box = select_one(login.text, "#passkey-login")
    assert "hidden" in box.attrs and box.get("data-next") == "/people"
    done = _passkey_login(visitor, device, next_="/people")
    assert done.status_code == 200, done.text
    assert done.json() == {"next": "/people"}
    cookies = done.headers.get_list("set-cookie")
    assert any(c.startswith("kithkin_session=") and "HttpOnly" in c for c in cookies)
    assert any(c.startswith("kithkin_csrf=") for c in cookies)  # a new CSRF id, as at login
    assert visitor.client.get("/api/account").json()["name"] == "ann"
    listed = visitor.client.get("/settings/account").text
    assert "not used yet" not in select_one(listed, "ul.passkeys li").text
    [as_json] = visitor.client.get("/api/account/passkeys").json()  # the list's JSON twin
    assert as_json["name"] == "Ann's phone" and as_json["site"] == "localhost"
    assert as_json["last_used_at"] is not None
    bob = _logged_in(app, "bob")
    assert bob.client.get("/api/account/passkeys").json() == []


def test_a_passkey_login_returns_only_to_local_paths(app: App) -> None:
    ann = _logged_in(app, "ann")
    device = Device(LOCAL)
    _add_passkey(ann, device, name="  ")  # no name: a plain one is given
    listed = select(ann.client.get("/settings/account").text, "ul.passkeys li strong")
    assert [n.text for n in listed] == ["Passkey 1"]
    done = _passkey_login(_browser(app), device, next_="https://evil.example/")
    assert done.json() == {"next": "/"}


def test_the_ceremonies_need_json_and_the_pages_csrf_token(app: App) -> None:
    ann = _logged_in(app, "ann")
    for path in ("/settings/account/passkeys/options", "/login/passkey/options"):
        no_token = ann.client.post(path, json={})
        assert no_token.status_code == 403, path
        as_form = ann.client.post(path, data={"csrf_token": ann.csrf()})
        assert as_form.status_code == 415, path
    # making a passkey needs a session: a visitor is sent to log in
    visitor = _browser(app)
    answer = visitor.client.post(
        "/settings/account/passkeys/options",
        json={},
        headers={"x-csrf-token": visitor.csrf()},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_removing_a_passkey_needs_the_form_token_and_stops_it_working(app: App) -> None:
    ann = _logged_in(app, "ann")
    device = Device(LOCAL)
    _add_passkey(ann, device)
    form = select_one(ann.client.get("/settings/account").text, "ul.passkeys form")
    action = form.get("action")
    assert ann.client.post(action, data={}).status_code == 403
    assert _passkey_login(_browser(app), device).status_code == 200
    removed = ann.post(action)
    assert removed.status_code == 200
    assert select(removed.text, "#passkeys ul.passkeys") == []
    refused = _passkey_login(_browser(app), device)
    assert refused.status_code == 401
    assert refused.json()["error"]["key"] == "passkey_failed"
    assert ann.post(action).status_code == 404  # gone


def test_a_disabled_account_and_another_accounts_passkey(app: App) -> None:
    ann, bob = _logged_in(app, "ann"), _logged_in(app, "bob")
    ann_device, bob_device = Device(LOCAL), Device(LOCAL)
    _add_passkey(ann, ann_device)
    _add_passkey(bob, bob_device)
    as_bob = _browser(app)
    assert _passkey_login(as_bob, bob_device).status_code == 200
    assert as_bob.client.get("/api/account").json()["name"] == "bob"
    set_disabled(store=app.accounts, name="ann", disabled=True)
    assert _passkey_login(_browser(app), ann_device).status_code == 401
    # Bob's page cannot remove Ann's passkey (404, exactly as for one that does not exist)
    set_disabled(store=app.accounts, name="ann", disabled=False)
    ann_again = _logged_in(app, "ann")
    action = select_one(ann_again.client.get("/settings/account").text, "ul.passkeys form")
    assert bob.post(action.get("action")).status_code == 404


def test_no_passkeys_where_browsers_refuse_them(app: App) -> None:
    """On a plain-HTTP name other than localhost, or an IP address, the page offers no
    passkey (the password form is all there is) and the ceremony says why."""
    for base in ("http://testserver", "http://127.0.0.1:8203"):
        browser = _browser(app, base_url=base)
        login = browser.client.get("/login")
        assert select(login.text, "main form[action=/login]")
        assert select(login.text, "#passkey-login") == select(login.text, "main script") == []
        refused = _json(browser, "/login/passkey/options", {})
        assert refused.status_code == 422
        assert refused.json()["error"]["key"] == "passkeys_unavailable"
        assert browser.login("ann").status_code == 303
        page = browser.client.get("/settings/account").text
        assert select(page, "#passkeys form#passkey-add") == []
        assert select(page, "#passkeys p.hint")


@pytest.mark.parametrize(
    ("base", "settings", "origin"),
    [
        ("https://kithkin.example.org", {}, "https://kithkin.example.org"),
        ("https://kithkin.example.org:8443", {}, "https://kithkin.example.org:8443"),
        ("http://localhost", {}, "http://localhost"),
    ],
)
def test_the_site_is_the_host_the_request_came_to(
    database_url: str, base: str, settings: dict[str, Any], origin: str
) -> None:
    app = hosted_app(database_url, allowed_hosts=("kithkin.example.org",), **settings)
    try:
        new_account(app, "ann")
        ann = _browser(app, base_url=base)
        assert ann.login("ann").status_code == 303
        options = _json(ann, "/settings/account/passkeys/options", {}).json()
        host = base.split("://")[1].split(":", maxsplit=1)[0]
        assert options["rp"]["id"] == host
        device = Device(origin)
        made = ann.client.post(
            "/settings/account/passkeys",
            json={"credential": device.create(options), "name": "x"},
            headers={"x-csrf-token": ann.csrf()},
        )
        assert made.status_code == 200, made.text
        wrong = Device("https://elsewhere.example.org")
        options = _json(ann, "/settings/account/passkeys/options", {}).json()
        refused = ann.client.post(
            "/settings/account/passkeys",
            json={"credential": wrong.create(options), "name": "y"},
            headers={"x-csrf-token": ann.csrf()},
        )
        assert refused.status_code == 422
    finally:
        app.close()


def test_a_plain_http_name_is_no_site_for_passkeys(database_url: str) -> None:
    app = hosted_app(database_url, allowed_hosts=("kithkin.example.org",))
    try:
        new_account(app, "ann")
        client = TestClient(Browser(app).client.app, base_url="http://kithkin.example.org")
        page = client.get("/login")
        assert page.status_code == 200 and select(page.text, "#passkey-login") == []
    finally:
        app.close()


@pytest.mark.parametrize(
    ("scheme", "host", "secure_cookies", "site"),
    [
        ("https", "kithkin.example.org", False, "https://kithkin.example.org"),
        ("https", "kithkin.example.org:443", False, "https://kithkin.example.org"),
        ("http", "localhost:80", False, "http://localhost"),
        # behind a proxy that does not say it is HTTPS
        ("http", "kithkin.example.org", True, "https://kithkin.example.org"),
        ("http", "kithkin.example.org", False, None),  # browsers refuse: not a secure page
        ("https", "127.0.0.1", False, None),  # an IP address is never a passkey's site
        ("https", "[::1]:8443", False, None),
        ("https", "elsewhere.example.org", False, None),  # not a name the host check accepts
    ],
)
def test_the_site_of_a_request(
    database_url: str, scheme: str, host: str, secure_cookies: bool, site: str | None
) -> None:
    from starlette.requests import Request

    from kithkin.web.accounts.context import passkey_site

    app = hosted_app(
        database_url, allowed_hosts=("kithkin.example.org",), secure_cookies=secure_cookies
    )
    try:
        web = Browser(app).client.app
        scope = {
            "type": "http",
            "scheme": scheme,
            "method": "GET",
            "path": "/login",
            "query_string": b"",
            "headers": [(b"host", host.encode())],
            "app": web,
        }
        found = passkey_site(Request(scope))
        assert (found.origin if found else None) == site
        if found is not None:
            assert found.rp_id == host.rsplit(":", 1)[0]
    finally:
        app.close()
