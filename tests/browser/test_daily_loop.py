"""The daily loop in a real browser, at phone and desktop widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.flows import add_person, onboard

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_onboard_add_log_and_check_in(
    browser: Browser, live_server: str, artifacts: Path, label: str, viewport: dict
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    base = live_server

    onboard(page, base)
    page.screenshot(path=str(artifacts / f"{label}-01-today-empty.png"), full_page=True)
    add_person(page, base, "Ada Lovelace")
    page.screenshot(path=str(artifacts / f"{label}-02-person.png"), full_page=True)

    page.goto(base + "/")
    due = page.locator("#due .people-due li")
    expect(due).to_have_count(1)
    expect(due.first).to_contain_text("Ada Lovelace")
    expect(page.locator(".power .status")).to_have_attribute("data-status", "open")

    page.goto(base + "/log")
    who = page.get_by_label("Who", exact=True)
    who.fill("Ad")
    expect(page.locator("#people-options-with option")).to_have_count(1)
    who.fill("Ada Lovelace")
    page.get_by_label("How", exact=True).select_option("coffee")
    page.get_by_label("Mood after (1–10)").fill("8")
    page.get_by_label("Note").fill("Talked about the analytical engine")
    page.screenshot(path=str(artifacts / f"{label}-03-log.png"), full_page=True)
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".power .status")).to_have_attribute("data-status", "met")
    expect(page.locator("#streak")).to_have_text("1 day")
    expect(page.locator("#due .people-due li")).to_have_count(0)

    page.goto(base + "/checkin")
    page.locator("label[for=c-mood-7]").click()  # chips: it sends itself once both are chosen
    page.locator("label[for=c-stress-5]").click()
    expect(page.locator("#checkin-saved")).to_be_visible()
    page.screenshot(path=str(artifacts / f"{label}-04-checkin.png"), full_page=True)
    page.goto(base + "/")
    expect(page.locator("#checkin-done")).to_contain_text("mood 7/10")
    page.screenshot(path=str(artifacts / f"{label}-05-today-done.png"), full_page=True)

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"
    assert all(url.startswith(base) for url in requests), "a request left the server"
    assert errors == []
    context.close()


def test_followup_done_swaps_in_place(browser: Browser, live_server: str) -> None:
    page = browser.new_page(viewport=PHONE)
    onboard(page, live_server)
    add_person(page, live_server, "Grace Hopper")
    page.get_by_label("Remember to…").fill("ask about COBOL")
    page.get_by_role("button", name="Add follow-up").click()
    expect(page.locator("#followups > ul.followups > li")).to_have_count(1)
    url_before = page.url
    page.get_by_role("button", name="Done: ask about COBOL").click()
    expect(page.locator("#followups > ul.followups > li")).to_have_count(0)
    assert page.url == url_before
    page.locator("#followups details.done-followups summary").click()
    page.get_by_role("button", name="Open again: ask about COBOL").click()
    expect(page.locator("#followups > ul.followups > li")).to_have_count(1)
    page.close()
