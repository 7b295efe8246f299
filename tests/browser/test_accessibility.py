"""axe-core (vendored) on every page of the daily loop: no serious or critical violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.flows import add_person, axe_problems, onboard

pytestmark = pytest.mark.browser
PAGES = ["/", "/log", "/checkin", "/people", "/people/1", "/settings", "/welcome"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_serious_accessibility_violations(
    browser: Browser, live_server: str, viewport: dict
) -> None:
    # axe is injected as an inline script, which kithkin's CSP rightly forbids: bypass it here.
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    onboard(page, live_server)
    add_person(page, live_server, "Ada Lovelace")
    page.goto(live_server + "/people/1")
    page.get_by_label("Remember to…").fill("ask about the engine")
    page.get_by_role("button", name="Add follow-up").click()
    problems = {}
    for path in PAGES:
        page.goto(live_server + path)
        bad = axe_problems(page)
        if bad:
            problems[path] = bad
    page.close()
    assert problems == {}
