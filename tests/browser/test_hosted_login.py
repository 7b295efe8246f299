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
from tests.browser.flows import onboard
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
