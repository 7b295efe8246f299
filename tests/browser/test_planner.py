"""The planner, the ladder and questionnaires in a real browser: a suggestion done and another
skipped on Today, a ladder attempt at phone width, and axe-core on the new pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.flows import add_person, axe_problems, onboard

pytestmark = pytest.mark.browser
STEPS = [
    {"description": d, "feared_prediction": f, "predicted_anxiety": a}
    for d, f, a in [
        ("Say good morning to a colleague", "they ignore me", 20),
        ("Ask a colleague how their weekend was", "I run out of things to say", 30),
        ("Sit with the team at lunch", "nobody talks to me", 40),
        ("Share an opinion in a small meeting", "they think it's stupid", 50),
        ("Invite a colleague for coffee", "they say no", 55),
        ("Join the after-work drinks", "I stand alone", 65),
        ("Give a short update to the team", "my voice shakes", 75),
        ("Present at the all-hands", "I freeze", 90),
    ]
]


def _people(page: Page, base: str) -> None:
    onboard(page, base)
    for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
        add_person(page, base, name)


def _ladder(page: Page, base: str) -> None:
    """The ladder is built through the JSON API (its form is covered in-process)."""
    response = page.request.post(
        base + "/api/ladder", data={"goal": "Talk to colleagues", "steps": STEPS}
    )
    assert response.status == 201


def test_today_done_and_skip_then_a_ladder_attempt_on_a_phone(
    browser: Browser, live_server: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None
    )
    base = live_server
    _people(page, base)

    page.goto(base + "/")
    cards = page.locator("article.suggestion")
    expect(cards).to_have_count(3)
    first = page.locator("#suggestion-1")
    expect(first.locator(".pick")).to_be_visible()
    expect(page.locator("#power .status")).to_have_attribute("data-status", "open")
    page.screenshot(path=str(artifacts / "planner-01-today-plan.png"), full_page=True)

    first.locator(".done-form > summary").click()
    expect(first.get_by_label("Minutes")).not_to_have_value("")
    first.get_by_label("How good (1–5)").fill("5")
    first.get_by_label("Mood after (1–10)").fill("8")
    page.screenshot(path=str(artifacts / "planner-02-done-form.png"), full_page=True)
    url = page.url
    first.get_by_role("button", name="Log it as done").click()
    expect(page.locator("#suggestion-1")).to_have_attribute("data-status", "done")
    expect(page.locator("#power .status")).to_have_attribute("data-status", "met")
    expect(page.locator("#streak")).to_have_text("1 day")
    assert page.url == url  # swapped in place

    second = page.locator("#suggestion-2")
    title = second.locator("h3").inner_text()
    second.get_by_role("button", name=f"Skip: {title}").click()
    expect(page.locator("#suggestion-2")).to_have_attribute("data-status", "skipped")
    expect(page.locator("#suggestion-3")).to_have_attribute("data-status", "open")
    page.screenshot(path=str(artifacts / "planner-03-today-after.png"), full_page=True)
    assert errors == []
    context.close()

    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/welcome")  # a new browser: the same local data, a new CSRF cookie
    _ladder(page, base)
    page.goto(base + "/")
    page.locator("nav summary", has_text="More").click()
    page.get_by_role("link", name="Ladder").click()
    expect(page.locator("h1")).to_have_text("Ladder")
    expect(page.locator("ol.steps li[aria-current=step]")).to_contain_text("good morning")
    page.get_by_label("How much I believe it (0–100 %)").fill("70")
    page.get_by_role("button", name="Save my prediction").click()
    expect(page.locator(".flash")).to_be_visible()
    attempt = page.locator("form.attempt")
    expect(attempt).to_have_count(1)
    attempt.get_by_label("Actual anxiety peak (0–100)").fill("25")
    attempt.get_by_label("No", exact=True).check()
    attempt.get_by_label("How much I believe the prediction now (0–100 %)").fill("15")
    attempt.get_by_label("What I learned").fill("They smiled back")
    page.screenshot(path=str(artifacts / "planner-04-ladder-after-form-phone.png"), full_page=True)
    attempt.get_by_role("button", name="Save how it went").click()
    expect(page.locator("table.trend tbody tr")).to_have_count(1)
    expect(page.locator("#keep-going")).to_be_visible()
    expect(page.locator("#step-up")).to_have_count(0)  # one good attempt: not offered yet
    page.screenshot(path=str(artifacts / "planner-05-ladder-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the ladder page scrolls sideways"
    page.goto(base + "/assess/who5")
    page.screenshot(path=str(artifacts / "planner-06-who5-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []
    phone.close()


def test_more_menu_opens_and_closes_on_a_phone(browser: Browser, live_server: str) -> None:
    page = browser.new_page(viewport=PHONE)
    onboard(page, live_server)
    more = page.locator("nav details")
    link = page.get_by_role("link", name="Assess")
    expect(link).to_be_hidden()
    page.locator("nav summary").click()
    expect(link).to_be_visible()
    page.keyboard.press("Escape")
    expect(link).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)
    expect(link).to_be_visible()  # wide screens show every entry inline
    assert more.get_attribute("data-inline") == "1"
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_new_pages_have_no_serious_accessibility_violations(
    browser: Browser, live_server: str, viewport: dict
) -> None:
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    _people(page, live_server)
    page.goto(live_server + "/ladder")
    paths = ["/", "/plan?minutes=5", "/actions", "/ladder"]
    _ladder(page, live_server)
    before = {"step": 1, "prediction": "they ignore me", "belief": 60, "predicted_peak": 40}
    made = page.request.post(live_server + "/api/ladder/attempts", data=before)
    after = {"peak": 20, "came_true": "no", "belief_after": 10}
    page.request.post(
        live_server + f"/api/ladder/attempts/{made.json()['attempt_id']}/after", data=after
    )
    page.request.post(live_server + "/api/ladder/attempts", data=before)  # one left open
    paths += ["/ladder", "/assess", "/assess/who5", "/assess/pss10"]
    problems = {}
    for path in paths:
        page.goto(live_server + path)
        if path == "/":
            page.locator("#suggestion-1 .done-form > summary").click()  # the done form, open
        bad = axe_problems(page)
        if bad:
            problems[path] = bad
    page.goto(live_server + "/assess/who5")
    page.get_by_role("button", name="See my score").click()
    problems["/assess/who5 (errors)"] = axe_problems(page) or None
    page.close()
    assert {k: v for k, v in problems.items() if v} == {}
