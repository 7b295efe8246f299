"""Small phone defects of issue 14 at 360 px: a quick log refused on Today stays on Today."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE
from tests.browser.flows import add_person, onboard

pytestmark = pytest.mark.browser


def test_a_refused_quick_log_shows_its_error_on_today_with_the_form_kept(
    browser: Browser, live_server: str, artifacts: Path
) -> None:
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    base = live_server
    onboard(page, base)
    add_person(page, base, "Ada Lovelace")
    page.goto(base + "/")
    page.locator("label.person-chip", has_text="Ada Lovelace").click()
    page.locator("label[for=k-coffee]").click()
    page.locator("#quick-log .someone-else > summary").click()
    page.locator("#f-with").fill("Nobody Atall")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(page.locator("h1.today-date")).to_be_visible()  # Today, not the Log form
    expect(page.locator("#quick-log #e-with")).to_be_visible()
    expect(page.locator("#quick-log #f-with")).to_have_value("Nobody Atall")
    expect(page.locator("#people-chips input:checked")).to_have_count(1)
    expect(page.locator("#k-coffee")).to_be_checked()
    page.screenshot(path=str(artifacts / "polish-quick-log-error-360.png"))
    summary.locator("a").click()  # the link leads to the field, beside its message
    expect(page.locator("#f-with")).to_be_focused()
    header = page.locator("header.top").bounding_box()
    field = page.locator("#f-with").bounding_box()
    assert header is not None and field is not None
    assert field["y"] >= header["y"] + header["height"]  # not hidden under the sticky header
    expect(page.locator("nav [aria-current=page]")).to_have_text("Today")
    page.screenshot(path=str(artifacts / "polish-quick-log-error-field-360.png"))

    page.locator("#f-with").fill("")  # Ada alone now: logged, back on Today
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    expect(page.locator("p.flash")).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    ("locale", "heading"),
    [("en-US", "Thursday, November 26"), ("de-DE", "Thursday 26 November")],
)
def test_dates_follow_the_browsers_language(
    browser: Browser, live_server: str, artifacts: Path, locale: str, heading: str
) -> None:
    context = browser.new_context(viewport=PHONE, bypass_csp=True, locale=locale)
    page = context.new_page()
    onboard(page, live_server)
    page.goto(live_server + "/")
    expect(page.locator("h1.today-date")).to_have_text(heading)
    page.screenshot(path=str(artifacts / f"polish-today-date-{locale}-360.png"))
    context.close()
