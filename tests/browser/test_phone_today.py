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
    context = browser.new_context(viewport=size, bypass_csp=True)
    page = context.new_page()
    base = live_server
    onboard(page, base)
    add_person(page, base, "Ada Lovelace")
    page.goto(base + "/")
    plan = page.locator("article.suggestion")
    expect(plan.first).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Zoe Quinn")

    add_person(page, base, "Zoe Quinn")
    page.goto(base + "/")
    zoe = page.locator("article.suggestion", has_text="Zoe Quinn")
    expect(zoe).to_have_count(1)
    expect(zoe).to_have_attribute("data-status", "open")
    page.screenshot(path=str(artifacts / f"phone-today-new-person-{size['width']}.png"))

    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Zoe Quinn")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    expect(page.locator("p.flash")).to_be_visible()
    page.goto(base + "/")
    zoe = page.locator("article.suggestion", has_text="Zoe Quinn")
    expect(zoe).to_have_attribute("data-status", "done")
    expect(zoe.get_by_role("button", name="Skip")).to_have_count(0)
    expect(zoe.locator("summary", has_text="Done")).to_have_count(0)
    page.screenshot(path=str(artifacts / f"phone-today-idea-closed-{size['width']}.png"))
    context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_two_person_log_in_four_taps_and_check_in_in_two(
    browser: Browser, live_server: str, artifacts: Path, size: dict[str, int]
) -> None:
    from tests.browser.flows import axe_problems

    context = browser.new_context(viewport=size, bypass_csp=True)
    page = context.new_page()
    base = live_server
    onboard(page, base)
    for name in ("Bea Berg", "Zoe Quinn"):
        add_person(page, base, name)
    page.goto(base + "/")
    page.screenshot(path=str(artifacts / f"phone-today-top-{size['width']}.png"))
    page.screenshot(path=str(artifacts / f"phone-today-full-{size['width']}.png"), full_page=True)
    assert axe_problems(page) == []
    expect(page.locator("#power .status")).not_to_contain_text(" of 1")
    expect(page.locator("#power-explain")).to_be_visible()
    checked = page.locator("#checkin input:checked")
    expect(checked).to_have_count(0)

    taps = 0
    page.locator("label[for=c-mood-7]").click()
    taps += 1
    page.locator("label[for=c-stress-3]").click()
    taps += 1
    expect(page.locator("#checkin-saved")).to_be_visible()
    assert taps == 2

    page.goto(base + "/")
    taps = 0
    page.locator("#quick-log label.person-chip", has_text="Bea Berg").click()
    taps += 1
    page.locator("#quick-log label.person-chip", has_text="Zoe Quinn").click()
    taps += 1
    page.locator("#quick-log label[for=k-coffee]").click()
    taps += 1
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    taps += 1
    assert taps <= 4
    expect(page.locator("p.flash")).to_be_visible()
    expect(page.locator("#power .status")).to_have_attribute("data-status", "met")
    expect(page.locator("#checkin-done")).to_contain_text("mood 7/10, stress 3/10")
    page.screenshot(path=str(artifacts / f"phone-today-after-log-{size['width']}.png"))
    for name in ("Bea Berg", "Zoe Quinn"):
        page.goto(base + "/people")
        page.get_by_role("link", name=name).first.click()
        expect(page.locator("ol.timeline li").first).to_contain_text("coffee")
    expect(page.locator("ol.timeline li").first).to_contain_text("min with Bea Berg")
    page.screenshot(path=str(artifacts / f"phone-person-timeline-{size['width']}.png"))
    context.close()


def test_an_error_summary_takes_focus_and_keeps_the_form(
    browser: Browser, live_server: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    base = live_server
    onboard(page, base)
    page.goto(base + "/")
    page.locator("#quick-log .someone-else > summary").click()
    page.locator("#f-with").fill("Nobody Known")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(page.locator("#f-with")).to_have_value("Nobody Known")
    page.screenshot(path=str(artifacts / "phone-error-summary-360.png"))
    context.close()
