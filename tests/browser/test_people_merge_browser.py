"""Merging two cards of one person at phone width: choose, see the result, confirm; and
axe-core on the merge pages: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE
from tests.browser.flows import add_person, axe_problems, onboard

pytestmark = pytest.mark.browser


def test_merge_two_cards_at_phone_width(
    browser: Browser, live_server: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    onboard(page, live_server)
    add_person(page, live_server, "Jonathan Smith")
    add_person(page, live_server, "Jon Smith")
    page.goto(live_server + "/people/1")
    page.locator("#merge-link").click()
    expect(page.locator("h1")).to_have_text("Merge someone into Jonathan Smith")
    assert axe_problems(page) == []
    page.get_by_label("Who is the same person?").select_option(label="Jon Smith")
    page.get_by_role("button", name="Show the result").click()
    expect(page.locator("#m-name")).to_have_text("Jonathan Smith")
    assert axe_problems(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    page.screenshot(path=str(artifacts / "phone-merge-preview.png"), full_page=True)
    page.get_by_role("button", name="Merge Jon Smith into Jonathan Smith").click()
    expect(page.locator("p.flash")).to_be_visible()
    expect(page).to_have_url(live_server + "/people/1?saved=merged")
    page.goto(live_server + "/people/2")
    expect(page.locator("h1")).not_to_contain_text("Jon Smith")
    context.close()
