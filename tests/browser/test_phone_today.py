"""Today on a phone and on a desktop (issue 14): ideas follow events the same day."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.flows import add_person, onboard

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_a_new_person_is_suggested_the_same_day_and_logging_closes_the_idea(
    browser: Browser, live_server: str, artifacts: Path, size: dict[str, int]
) -> None:
    context = browser.new_context(viewport=size)
    page = context.new_page()
    base = live_server
    onboard(page, base)
    add_person(page, base, "Ada Lovelace")
    page.goto(base + "/")
    plan = page.locator("#plan article.suggestion")
    expect(plan.first).to_be_visible()
    expect(page.locator("#plan")).not_to_contain_text("Zoe Quinn")

    add_person(page, base, "Zoe Quinn")
    page.goto(base + "/")
    zoe = page.locator("#plan article.suggestion", has_text="Zoe Quinn")
    expect(zoe).to_have_count(1)
    expect(zoe).to_have_attribute("data-status", "open")
    page.screenshot(path=str(artifacts / f"phone-today-new-person-{size['width']}.png"))

    page.locator("#f-with").fill("Zoe Quinn")
    page.get_by_role("button", name="Log it", exact=True).click()
    page.goto(base + "/")
    zoe = page.locator("#plan article.suggestion", has_text="Zoe Quinn")
    expect(zoe).to_have_attribute("data-status", "done")
    expect(zoe.get_by_role("button", name="Skip")).to_have_count(0)
    expect(zoe.locator("summary", has_text="Done")).to_have_count(0)
    page.screenshot(path=str(artifacts / f"phone-today-idea-closed-{size['width']}.png"))
    context.close()
