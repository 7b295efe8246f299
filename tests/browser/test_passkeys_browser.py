"""Passkeys in a real Chromium (#16): a virtual authenticator (Chrome DevTools Protocol:
a platform authenticator with resident keys and user verification) makes a passkey on
Settings > Account; after logging out, "Log in with a passkey" logs in with it. Without
JavaScript the passkey button stays hidden and the password form works. At 360 px.

Passkeys need a secure page: http://localhost is one (an IP address is not a passkey's site),
so the browser goes to localhost, which it is told is 127.0.0.1 where the server listens."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from kithkin.config import with_overrides
from kithkin.services.accounts import add_account
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.browser.flows import axe_problems
from tests.conftest import FIXED_NOW, make_app

pytestmark = pytest.mark.browser
PASSWORD = "a long enough password"


@pytest.fixture
def localhost_browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    args = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from kithkin.web.app import create_app

    app = make_app(f"sqlite:///{tmp_path / 'kithkin.db'}")
    app.settings = with_overrides(app.settings, hosted=True, signup="closed")
    add_account(store=app.accounts, name="ann", password=PASSWORD, now=FIXED_NOW)
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
    yield f"http://localhost:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.close()


def _password_login(page: Page, base: str) -> None:
    page.goto(base + "/login?next=%2Fsettings%2Faccount")
    page.get_by_label("Login name").fill("ann")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(base + "/settings/account")


def test_make_a_passkey_log_out_and_log_in_with_it(
    localhost_browser: Browser, server: str, artifacts: Path
) -> None:
    base = server
    context = localhost_browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]

    page.goto(base + "/login")
    passkey_button = page.get_by_role("button", name="Log in with a passkey")
    expect(passkey_button).to_be_visible()  # this browser can use passkeys
    page.screenshot(path=str(artifacts / "passkeys-login-360.png"), full_page=True)

    _password_login(page, base)
    section = page.locator("#passkeys")
    expect(section.get_by_text("No passkeys yet.")).to_be_visible()
    expect(page.locator("#passkey-missing")).to_be_hidden()
    section.get_by_label("Name for a new passkey").fill("Ann's phone")
    section.get_by_role("button", name="Add a passkey").click()
    expect(page).to_have_url(base + "/settings/account?notice=passkey_added#passkeys")
    expect(page.locator("p.flash")).to_contain_text("Passkey added")
    expect(section.locator("ul.passkeys li")).to_have_count(1)
    expect(section.locator("ul.passkeys li")).to_contain_text("Ann's phone")
    expect(section.locator("ul.passkeys li")).to_contain_text("not used yet")
    section.scroll_into_view_if_needed()
    section.screenshot(path=str(artifacts / "passkeys-section-360.png"))
    held = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(held) == 1 and held[0]["isResidentCredential"] and held[0]["rpId"] == "localhost"

    page.get_by_role("button", name="Log out", exact=True).click()
    expect(page).to_have_url(base + "/login?notice=logged_out")
    page.get_by_role("button", name="Log in with a passkey").click()
    expect(page).not_to_have_url(base + "/login?notice=logged_out")
    page.goto(base + "/settings/account")
    expect(page.locator("main")).to_contain_text("Logged in as ann")
    expect(page.locator("#passkeys ul.passkeys li")).not_to_contain_text("not used yet")

    # removed, it logs in no more: the browser's passkey is refused with a sentence
    page.get_by_role("button", name="Remove the passkey Ann's phone").click()
    expect(page.locator("p.flash")).to_contain_text("Passkey removed")
    page.get_by_role("button", name="Log out", exact=True).click()
    page.get_by_role("button", name="Log in with a passkey").click()
    expect(page.locator("#passkey-login [role=alert]")).to_contain_text("did not work")
    expect(page).to_have_url(base + "/login?notice=logged_out")
    page.screenshot(path=str(artifacts / "passkeys-login-refused-360.png"), full_page=True)
    context.close()


def test_without_javascript_the_password_form_is_all_there_is(
    localhost_browser: Browser, server: str
) -> None:
    base = server
    context = localhost_browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/login")
    expect(page.get_by_role("button", name="Log in with a passkey")).to_be_hidden()
    _password_login(page, base)
    expect(page.get_by_role("button", name="Add a passkey")).to_be_hidden()
    expect(page.locator("#passkey-missing")).to_be_visible()
    context.close()


def test_the_passkey_parts_have_no_serious_accessibility_problems(
    localhost_browser: Browser, server: str
) -> None:
    base = server
    # axe is injected as an inline script, which kithkin's CSP rightly forbids: bypass it here.
    context = localhost_browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.goto(base + "/login")
    expect(page.get_by_role("button", name="Log in with a passkey")).to_be_visible()
    problems = {"/login": axe_problems(page)}
    _password_login(page, base)
    expect(page.get_by_role("button", name="Add a passkey")).to_be_visible()
    problems["/settings/account"] = axe_problems(page)
    assert problems == {"/login": [], "/settings/account": []}
    context.close()
