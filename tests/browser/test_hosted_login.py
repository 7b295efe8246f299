"""Hosted mode on a phone (#16): sign up, onboarding makes the new account's profile, log out,
log in again; at 360 px."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from kithkin.config import with_overrides
from tests.browser.conftest import PHONE
from tests.browser.flows import add_person, onboard
from tests.browser.test_pwa import PAGE_NOW, _rows, _worker_ready
from tests.conftest import make_app

pytestmark = pytest.mark.browser
PASSWORD = "a long enough password"


@pytest.fixture
def hosted_server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from kithkin.web.app import create_app

    app = make_app(f"sqlite:///{tmp_path / 'kithkin.db'}")
    app.settings = with_overrides(app.settings, hosted=True, signup="open")
    web = create_app(app, csrf_key=b"browser-test-key" * 2)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(web, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.close()


def _sign_up(page: object, base: str, name: str) -> None:
    page.goto(base + "/signup")  # type: ignore[attr-defined]
    page.get_by_label("Login name").fill(name)  # type: ignore[attr-defined]
    page.get_by_label("Password").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Create my account").click()  # type: ignore[attr-defined]


def test_sign_up_onboard_log_out_and_in_on_a_phone(
    browser: Browser, hosted_server: str, artifacts: Path
) -> None:
    base = hosted_server
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(base + "/people")
    expect(page).to_have_url(base + "/login?next=%2Fpeople")
    page.screenshot(path=str(artifacts / "hosted-login-360.png"))
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Login name").fill("ann")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page).to_have_url(base + "/welcome")
    onboard(page, base)  # the new account's profile
    page.goto(base + "/settings/account")
    expect(page.locator("main")).to_contain_text("Logged in as ann")
    page.get_by_role("button", name="Log out", exact=True).click()
    expect(page).to_have_url(base + "/login?notice=logged_out")
    page.get_by_label("Login name").fill("ann")
    page.get_by_label("Password").fill("not the password!")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("[role=alert]").first).to_contain_text("do not match")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#power-h")).to_have_text("Power of One")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_an_offline_log_syncs_with_the_session_and_its_csrf_token(
    browser: Browser, hosted_server: str, tmp_path: Path
) -> None:
    """Hosted mode asks a cookie-authenticated API write for the CSRF token: the offline queue
    sends it, and the log arrives once, in this account."""
    base = hosted_server
    page = browser.new_context(viewport=PHONE).new_page()
    page.clock.set_fixed_time(PAGE_NOW)
    _sign_up(page, base, "ann")
    onboard(page, base)
    add_person(page, base, "Zoe Quinn")
    page.goto(base + "/")
    _worker_ready(page)
    page.context.set_offline(True)
    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Zoe Quinn")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    status = page.locator("#offline-status")
    expect(status).to_have_text("Saved on this phone, will sync when you are back online.")
    assert _rows(tmp_path, "interactions") == 0
    page.context.set_offline(False)
    expect(status).to_have_text("Synced what you saved on this phone. Thank you.")
    assert _rows(tmp_path, "interactions") == 1


def test_an_offline_log_waits_for_login_when_the_session_ended(
    browser: Browser, hosted_server: str, tmp_path: Path
) -> None:
    """Sent while logged out (401), the queued log is kept, and sent after logging in again."""
    base = hosted_server
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(PAGE_NOW)
    _sign_up(page, base, "ann")
    onboard(page, base)
    add_person(page, base, "Zoe Quinn")
    page.goto(base + "/")
    _worker_ready(page)
    context.set_offline(True)
    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Zoe Quinn")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    expect(page.locator("#offline-status")).to_have_text(
        "Saved on this phone, will sync when you are back online."
    )
    context.clear_cookies(name="kithkin_session")  # the session ended meanwhile
    context.set_offline(False)
    result = page.evaluate("kithkinOffline.sync()")
    assert result["waiting"] == 1 and result["refused"] == 0, result
    assert _rows(tmp_path, "interactions") == 0
    page.goto(base + "/login")
    page.get_by_label("Login name").fill("ann")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#offline-status")).to_have_text(
        "Synced what you saved on this phone. Thank you."
    )
    assert _rows(tmp_path, "interactions") == 1
