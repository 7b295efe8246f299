"""Insights on a demo database, importing a small vCard and triaging someone, in a real
browser at phone and desktop widths; axe-core on each new page (no serious or critical
violations)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from kithkin.services.demo import fill_demo
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.flows import axe_problems
from tests.conftest import FIXED_NOW, make_app

pytestmark = pytest.mark.browser
VCARD = Path(__file__).parents[1] / "formats" / "fixtures" / "vcard4.vcf"


def _fill_demo(tmp_path: Path) -> None:
    """The live server's database file, filled before its first request."""
    app = make_app(f"sqlite:///{tmp_path / 'kithkin.db'}")
    try:
        with app.uow(write=True) as uow:
            fill_demo(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
    finally:
        app.close()


@pytest.mark.parametrize(("label", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_insights_import_and_triage(
    browser: Browser,
    live_server: str,
    tmp_path: Path,
    artifacts: Path,
    label: str,
    viewport: dict,
) -> None:
    _fill_demo(tmp_path)
    # axe is injected as an inline script, which kithkin's CSP rightly forbids: bypass it here.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    base = live_server
    problems: dict[str, list[str]] = {}

    page.goto(base + "/insights")
    mood = page.locator("#social .measure[data-measure=mood] .estimate")
    expect(mood).to_be_visible()
    assert float(mood.get_attribute("data-delta") or "0") > 0
    expect(page.locator("#evidence cite").first).to_be_visible()
    expect(page.locator("#social svg title")).to_have_count(1)
    page.screenshot(path=str(artifacts / f"{label}-10-insights.png"), full_page=True)
    problems["/insights"] = axe_problems(page)

    page.goto(base + "/insights/experiment")
    problems["/insights/experiment"] = axe_problems(page)

    page.goto(base + "/import")
    page.get_by_label("File (up to 10 MB)").set_input_files(str(VCARD))
    page.get_by_role("button", name="Check the file").click()
    report = page.locator("#import-report .report")
    expect(report).to_have_attribute("data-dry-run", "yes")
    created = int(page.locator("#n-created").inner_text())
    assert created > 0
    page.screenshot(path=str(artifacts / f"{label}-11-import-checked.png"), full_page=True)
    problems["/import"] = axe_problems(page)
    page.locator("button.confirm").click()
    expect(report).to_have_attribute("data-applied", "yes")

    page.get_by_role("link", name="Choose who joins your circles").click()
    rows = page.locator("#triage li.triage-row:not(.done)")
    expect(rows).to_have_count(created)
    page.screenshot(path=str(artifacts / f"{label}-12-triage.png"), full_page=True)
    problems["/triage"] = axe_problems(page)
    first = rows.first
    name = first.locator(".who").inner_text()
    first.locator("select").select_option("inner")
    first.get_by_role("button", name=f"Keep {name} in the chosen circle").click()
    done = page.locator("#triage li.done")
    expect(done).to_have_attribute("data-action", "keep")
    expect(done).to_contain_text(name)
    expect(page.locator("#triage li.triage-row:not(.done)")).to_have_count(created - 1)

    page.goto(base + "/settings/data")
    problems["/settings/data"] = axe_problems(page)
    context.close()
    assert {k: v for k, v in problems.items() if v} == {}
    assert errors == []
