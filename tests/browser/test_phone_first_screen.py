"""Today for the thumb (#14): at 360 x 740 the daily actions sit on the first screen, without
scrolling, for a brand-new user and for the demo life; the rest follows below."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE
from tests.browser.flows import onboard
from tests.browser.test_insights_import import _fill_demo

pytestmark = pytest.mark.browser

DAILY_ACTIONS = {
    "status": "#power .status",
    "mood 1": "label[for=c-mood-1]",
    "mood 10": "label[for=c-mood-10]",
    "stress 1": "label[for=c-stress-1]",
    "stress 10": "label[for=c-stress-10]",
    "first kind": "#quick-log .kind-chips label.chip >> nth=0",
    "log it": "#quick-log button[type=submit]",
}
TOP_IDEA = {
    "done": "article.suggestion >> nth=0 >> .done-form > summary",
    "skip": "article.suggestion >> nth=0 >> button.secondary >> nth=0",
}


def _off_screen(page: Page, selectors: dict[str, str]) -> dict[str, object]:
    """Each control whose box is not wholly inside the first screen (no scrolling)."""
    width, height = PHONE["width"], PHONE["height"]
    page.evaluate("window.scrollTo(0, 0)")
    off: dict[str, object] = {}
    for name, selector in selectors.items():
        box = page.locator(selector).bounding_box()
        inside = (
            box is not None
            and box["x"] >= 0
            and box["y"] >= 0
            and box["x"] + box["width"] <= width
            and box["y"] + box["height"] <= height
        )
        if not inside:
            off[name] = box
    return off


def test_a_new_users_daily_actions_fit_the_first_screen(
    browser: Browser, live_server: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    onboard(page, live_server)
    page.goto(live_server + "/")
    page.screenshot(path=str(artifacts / "phone-ux-first-screen-new-360.png"))
    expect(page.locator("#power-explain")).to_be_visible()  # Power of One, explained at once
    expect(page.locator("#quick-log .no-chips a")).to_have_attribute("href", "/people#add")
    assert _off_screen(page, DAILY_ACTIONS | TOP_IDEA) == {}
    context.close()


@pytest.fixture
def demo_server(tmp_path: Path, live_server: str) -> str:
    _fill_demo(tmp_path)
    return live_server


def test_the_demo_lifes_daily_actions_fit_the_first_screen(
    browser: Browser, demo_server: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(demo_server + "/")
    page.screenshot(path=str(artifacts / "phone-ux-first-screen-demo-360.png"))
    page.screenshot(path=str(artifacts / "phone-ux-today-demo-360-full.png"), full_page=True)
    people = {"first person chip": "#people-chips label.person-chip >> nth=0"}
    assert _off_screen(page, DAILY_ACTIONS | TOP_IDEA | people) == {}
    # the rest is below the daily actions, not in their way
    log_it = page.locator("#quick-log button[type=submit]").bounding_box()
    due = page.locator("#due").bounding_box()
    assert log_it is not None and due is not None
    assert due["y"] > log_it["y"]
    context.close()


def test_without_javascript_the_check_in_and_the_quick_log_still_send(
    browser: Browser, demo_server: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server + "/")
    save = page.locator("#checkin button.save")
    expect(save).to_be_visible()  # no automatic sending: the button is there
    page.locator("label[for=c-mood-6]").click()
    page.locator("label[for=c-stress-4]").click()
    save.click()
    page.goto(demo_server + "/")
    expect(page.locator("#checkin-done")).to_contain_text("mood 6/10, stress 4/10")
    page.locator("#people-chips label.person-chip").first.click()
    page.locator("#quick-log label[for=k-call]").click()
    page.locator("#quick-log button[type=submit]").click()
    expect(page.locator("p.flash")).to_be_visible()
    context.close()
