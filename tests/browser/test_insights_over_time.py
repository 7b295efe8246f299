"""The mood-over-time view on a 360 px phone: 12 px text or more, the app palette, a table."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from kithkin.formats.svg import PALETTE
from tests.browser.flows import axe_problems
from tests.browser.test_insights_import import _fill_demo

pytestmark = pytest.mark.browser
NARROW = {"width": 360, "height": 740}

SMALLEST_TEXT = """
svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Math.min(...[...svg.querySelectorAll('text')].map(
    t => parseFloat(t.getAttribute('font-size')) * scale));
}
"""


@pytest.mark.parametrize("window", [30, 90, 365])
def test_mood_over_time_is_readable_at_360_px(
    browser: Browser, live_server: str, tmp_path: Path, artifacts: Path, window: int
) -> None:
    _fill_demo(tmp_path)
    context = browser.new_context(viewport=NARROW, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server}/insights?window={window}")
    section = page.locator("#over-time")
    expect(section.locator("h2")).to_contain_text(f"last {window} days")
    chart = section.locator("svg")
    expect(chart).to_have_attribute("role", "img")
    assert chart.evaluate(SMALLEST_TEXT) >= 12
    marks = section.locator("svg g[aria-label=Connected] rect")
    assert marks.count() > 0  # the demo has social days in every window
    colours = {
        c.lower()
        for c in chart.evaluate(
            "svg => [...svg.querySelectorAll('polyline,rect,circle')]"
            ".map(e => e.getAttribute('stroke') || e.getAttribute('fill'))"
        )
    }
    assert {PALETTE[0], PALETTE[1], PALETTE[2]} <= colours
    section.locator("summary").click()
    rows = section.locator("#time-table tbody tr")
    assert rows.count() == -(-window // 7)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / f"phone-insights-over-time-{window}.png"), full_page=True)
    assert axe_problems(page) == []
    context.close()
