"""Steps a person takes in the browser, shared by the scenario and accessibility tests."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def axe_problems(page: Page) -> list[str]:
    """The serious and critical accessibility violations axe-core finds on the page as it is."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def onboard(page: Page, base: str) -> None:
    page.goto(base + "/")
    expect(page).to_have_url(base + "/welcome")
    page.get_by_label("Your time zone").fill("Europe/Berlin")
    page.get_by_label("Meaningful connections a day").fill("1")
    page.get_by_label("Little time").check()
    page.get_by_role("button", name="Start").click()
    expect(page.locator("#power-h")).to_have_text("Power of One")


def add_person(page: Page, base: str, name: str, circle: str = "inner") -> None:
    page.goto(base + "/people")
    page.get_by_label("Name", exact=True).fill(name)
    page.locator("#f-circle").select_option(circle)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("h1")).to_contain_text(name)
