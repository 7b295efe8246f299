"""Editing a person at phone width (errors beside the field, then saved), a quick log and a
deleted moment from the person page, archive behind a confirmation, follow-ups; and axe-core on
the new pages with their disclosures open: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.flows import add_person, axe_problems, onboard

pytestmark = pytest.mark.browser


def edit_ada(page: Page, base: str, artifacts: Path) -> None:
    page.goto(base + "/people/1")
    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.locator("h1")).to_have_text("Edit Ada Lovelace")
    page.get_by_label("What you call them").fill("Ada")
    page.get_by_label("How close you are (1–5)").select_option("5")
    page.get_by_label("They usually leave you feeling").select_option("energising")
    page.get_by_label("Their time zone (optional)").fill("Europe/London")
    page.get_by_label("Birthday (optional)").fill("31-31")
    page.get_by_label("Interests").fill("engines, poetry")
    page.get_by_label("What matters to them").fill("Her mother's health; the engine")
    page.get_by_label("Emails").fill("ada@example.com #work")
    page.get_by_role("button", name="Save").click()
    birthday = page.get_by_label("Birthday (optional)")
    expect(birthday).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#e-birthday")).to_be_visible()
    expect(page.get_by_label("What you call them")).to_have_value("Ada")
    page.screenshot(path=str(artifacts / "phone-10-edit-error.png"), full_page=True)
    birthday.fill("12-10")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("p.flash")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Ada")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("engines, poetry")
    expect(facts).to_contain_text("ada@example.com")
    expect(facts).to_contain_text("energising")


def test_edit_a_person_at_phone_width(browser: Browser, live_server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=PHONE, locale="en-GB")  # dates day first
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    onboard(page, live_server)
    add_person(page, live_server, "Ada Lovelace")
    edit_ada(page, live_server, artifacts)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]

    quick = page.locator("#quick-log")
    quick.get_by_label("How you connected").select_option("call")
    quick.get_by_label("Note (optional)").fill("about the engine")
    quick.get_by_role("button", name="Log it").click()
    expect(page.locator("#last-contact")).to_have_text("in touch today")
    expect(page.locator("ol.timeline li")).to_have_count(1)

    page.get_by_label("Remember to…").fill("send the notes")
    page.get_by_role("button", name="Add follow-up").click()
    expect(page.locator("#followups ul.followups li")).to_have_count(1)
    page.locator("#followups summary", has_text="Change date").click()
    page.locator("#followups input[type=date]").first.fill("2026-12-01")
    page.get_by_role("button", name="Save date").click()
    expect(page.locator("#followups")).to_contain_text("by Tue 1 Dec")
    page.screenshot(path=str(artifacts / "phone-11-person-edited.png"), full_page=True)

    # Delete the moment with the keyboard: open the disclosure, then confirm.
    summary = page.locator("ol.timeline summary").first
    summary.focus()
    page.keyboard.press("Enter")
    confirm = page.locator("ol.timeline button", has_text="Delete this phone call")
    expect(confirm).to_be_visible()
    confirm.focus()
    page.keyboard.press("Enter")
    expect(page.locator("p.flash")).to_be_visible()
    expect(page.locator("#last-contact")).to_have_text("not yet in touch")

    page.locator("#archive summary").click()
    page.get_by_role("button", name="Yes, archive Ada").click()
    expect(page.locator("#archived-tag")).to_be_visible()
    page.screenshot(path=str(artifacts / "phone-12-archived.png"), full_page=True)
    page.get_by_role("button", name="Bring Ada back").click()
    expect(page.locator("#archived-tag")).to_have_count(0)

    page.goto(live_server + "/")
    page.get_by_role("link", name="All follow-ups").click()
    expect(page.locator("#all-followups li")).to_have_count(1)
    page.screenshot(path=str(artifacts / "phone-13-followups.png"), full_page=True)
    assert all(url.startswith(live_server) for url in requests)
    context.close()


NEW_PAGES = ["/people/1", "/people/1/edit", "/followups", "/settings/data", "/restore", "/people"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_new_pages_have_no_serious_accessibility_violations(
    browser: Browser, live_server: str, viewport: dict
) -> None:
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    onboard(page, live_server)
    add_person(page, live_server, "Ada Lovelace")
    page.goto(live_server + "/log?with=%231")
    page.get_by_role("button", name="Log it").click()
    page.goto(live_server + "/people/1")
    page.get_by_label("Remember to…").fill("ask about the engine")
    page.get_by_role("button", name="Add follow-up").click()
    expect(page.locator("#followups ul.followups li")).to_have_count(1)
    problems = {}
    for path in NEW_PAGES:
        page.goto(live_server + path)
        page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")
        bad = axe_problems(page)
        if bad:
            problems[path] = bad
    # The edit form with its errors showing.
    page.goto(live_server + "/people/1/edit")
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_label("Birthday (optional)").fill("nope")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#e-name")).to_be_visible()
    bad = axe_problems(page)
    if bad:
        problems["/people/1/edit (errors)"] = bad
    page.close()
    assert problems == {}
