"""Installable and offline, dark mode, Undo in every toast (issue 14; Undo from issue 15), on
Debian's Chromium at 360 and 1280 px. Screenshots go to test-artifacts/."""

from __future__ import annotations

import sqlite3
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE
from tests.browser.flows import add_person, axe_problems, onboard
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.browser
SIZES = pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
# The live server's clock is FIXED_NOW: the page's clock an hour before it, so what the phone
# queues happened in the past for the server too.
PAGE_NOW = FIXED_NOW - timedelta(hours=1)


def _rows(tmp_path: Path, table: str) -> int:
    with sqlite3.connect(f"file:{tmp_path / 'kithkin.db'}?mode=ro", uri=True) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _context(browser: Browser, size: dict[str, int]) -> BrowserContext:
    # axe is injected as an inline script, which kithkin's CSP rightly forbids: bypass it here.
    return browser.new_context(viewport=size, bypass_csp=True)


def _worker_ready(page: Page) -> str:
    return str(page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)"))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@SIZES
def test_the_manifest_is_valid_and_chromium_finds_it_installable(
    live_server: str, tmp_path: Path, size: dict[str, int]
) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    # A profile on disk: Chromium never offers to install from an incognito context.
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport=size,
        )
        try:
            _check_installable(context, live_server)
        finally:
            context.close()


def _check_installable(context: BrowserContext, live_server: str) -> None:
    page = context.new_page()
    onboard(page, live_server)
    response = page.request.get(live_server + "/manifest.webmanifest")
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["display"] == "standalone"
    assert (manifest["start_url"], manifest["scope"]) == ("/", "/")
    assert manifest["name"] and manifest["short_name"]
    assert manifest["theme_color"] == "#2f6b5b" and manifest["background_color"] == "#fbf7f0"
    seen = set()
    for icon in manifest["icons"]:
        got = page.request.get(live_server + icon["src"])
        assert got.headers["content-type"] == "image/png"
        width, height = _png_size(got.body())
        assert f"{width}x{height}" == icon["sizes"]
        seen.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= seen
    worker = page.request.get(live_server + "/sw.js")
    assert worker.headers["service-worker-allowed"] == "/"
    assert "javascript" in worker.headers["content-type"]

    assert _worker_ready(page) == "activated"
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []


@SIZES
def test_pages_seen_before_open_offline_and_others_fall_back(
    browser: Browser, live_server: str, artifacts: Path, size: dict[str, int]
) -> None:
    context = _context(browser, size)
    page = context.new_page()
    onboard(page, live_server)
    _worker_ready(page)
    page.goto(live_server + "/")  # now under the worker: kept for offline
    page.goto(live_server + "/people")
    context.set_offline(True)
    page.goto(live_server + "/")
    expect(page.locator("#quick-log")).to_be_visible()
    page.goto(live_server + "/insights")  # never seen
    expect(page.locator("#offline-page")).to_be_visible()
    page.screenshot(path=str(artifacts / f"pwa-offline-page-{size['width']}.png"))
    context.close()


@SIZES
def test_offline_log_and_checkin_are_kept_on_the_phone_and_synced_once(
    browser: Browser, live_server: str, artifacts: Path, tmp_path: Path, size: dict[str, int]
) -> None:
    context = _context(browser, size)
    page = context.new_page()
    page.clock.set_fixed_time(PAGE_NOW)
    onboard(page, live_server)
    add_person(page, live_server, "Zoe Quinn")
    page.goto(live_server + "/")
    _worker_ready(page)

    context.set_offline(True)
    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Zoe Quinn")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    status = page.locator("#offline-status")
    expect(status).to_have_text("Saved on this phone, will sync when you are back online.")
    page.locator("label[for=c-mood-7]").click()
    page.locator("label[for=c-stress-3]").click()  # the check-in sends itself: queued
    expect(page.locator("#checkin")).to_be_visible()
    queued = page.evaluate("kithkinOffline.pending()")
    assert sorted(item["kind"] for item in queued) == ["checkin", "log"], queued
    assert all(len(item["client_id"]) == 36 for item in queued)  # crypto.randomUUID
    assert (_rows(tmp_path, "interactions"), _rows(tmp_path, "checkins")) == (0, 0)
    page.screenshot(path=str(artifacts / f"pwa-offline-queued-{size['width']}.png"))

    context.set_offline(False)  # the "online" event sends the queue
    expect(status).to_have_text("Synced what you saved on this phone. Thank you.")
    assert page.evaluate("kithkinOffline.pending()") == []
    assert (_rows(tmp_path, "interactions"), _rows(tmp_path, "checkins")) == (1, 1)
    with sqlite3.connect(tmp_path / "kithkin.db") as db:
        mood, stress = db.execute("SELECT mood, stress FROM checkins").fetchone()
        (client_ids,) = db.execute("SELECT count(client_id) FROM interactions").fetchone()
    assert (mood, stress, client_ids) == (7, 3, 1)

    # The same queue sent again (an answer lost on the way back): nothing new.
    again = page.evaluate(
        "async (items) => { for (const i of items) await kithkinOffline.put(i);"
        " return kithkinOffline.sync(); }",
        queued,
    )
    assert again == {"sent": 2, "refused": 0, "waiting": 0}
    assert (_rows(tmp_path, "interactions"), _rows(tmp_path, "checkins")) == (1, 1)
    page.goto(live_server + "/people/1")
    expect(page.locator("#last-contact")).to_contain_text("today")
    page.screenshot(path=str(artifacts / f"pwa-synced-{size['width']}.png"))
    context.close()


def test_a_log_posted_when_the_server_cannot_be_reached_is_kept_by_the_worker(
    browser: Browser, live_server: str, tmp_path: Path
) -> None:
    context = _context(browser, PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(PAGE_NOW)
    onboard(page, live_server)
    add_person(page, live_server, "Zoe Quinn")
    page.goto(live_server + "/")
    assert _worker_ready(page) == "activated"
    page.reload()  # Today now comes through the worker and is kept for offline
    expect(page.locator("#quick-log")).to_be_visible()

    def unreachable(route) -> None:  # the phone says online; the server does not answer
        route.abort("connectionrefused")

    context.route("**/*", unreachable)
    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Zoe Quinn")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    expect(page).to_have_url(live_server + "/?offline=queued")
    expect(page.locator("#offline-status")).to_have_text(
        "Saved on this phone, will sync when you are back online."
    )
    assert _rows(tmp_path, "interactions") == 0
    (kept,) = page.evaluate("kithkinOffline.pending()")
    assert (kept["kind"], kept["body"]["people"]) == ("log", ["Zoe Quinn"])
    # The worker's clock is the machine's, days after the live server's (FIXED_NOW): a phone
    # clock far ahead, which the server corrects rather than refusing the log.
    context.unroute("**/*", unreachable)
    page.evaluate("kithkinOffline.sync()")
    expect(page.locator("#offline-status")).to_have_text(
        "Synced what you saved on this phone. Thank you."
    )
    assert _rows(tmp_path, "interactions") == 1
    context.close()


def test_a_queue_left_from_before_is_sent_when_a_page_loads(
    browser: Browser, live_server: str, tmp_path: Path
) -> None:
    context = _context(browser, PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(PAGE_NOW)
    onboard(page, live_server)
    context.set_offline(True)
    page.locator("label[for=c-mood-4]").click()
    page.locator("label[for=c-stress-6]").click()
    expect(page.locator("#offline-status")).to_be_visible()
    context.set_offline(False)
    page.close()  # gone before the "online" event could send it? Then the next load does.
    page = context.new_page()
    page.clock.set_fixed_time(PAGE_NOW)
    page.goto(live_server + "/people")
    expect(page.locator("#offline-status")).to_have_text(
        "Synced what you saved on this phone. Thank you."
    )
    assert _rows(tmp_path, "checkins") == 1
    context.close()


def test_a_phone_clock_far_ahead_loses_nothing_queued(
    browser: Browser, live_server: str, tmp_path: Path
) -> None:
    context = _context(browser, PHONE)
    page = context.new_page()
    page.clock.set_fixed_time(FIXED_NOW + timedelta(hours=2))  # two hours ahead of the server
    onboard(page, live_server)
    add_person(page, live_server, "Zoe Quinn")
    page.goto(live_server + "/")
    _worker_ready(page)
    context.set_offline(True)
    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Zoe Quinn")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    page.locator("label[for=c-mood-7]").click()
    page.locator("label[for=c-stress-3]").click()
    expect(page.locator("#offline-status")).to_be_visible()
    assert len(page.evaluate("kithkinOffline.pending()")) == 2
    context.set_offline(False)
    expect(page.locator("#offline-status")).to_have_text(
        "Synced what you saved on this phone. Thank you."
    )
    with sqlite3.connect(tmp_path / "kithkin.db") as db:
        (at,) = db.execute("SELECT occurred_at FROM interactions").fetchone()
        (day,) = db.execute("SELECT day FROM checkins").fetchone()
    # Made and sent at the same moment by the phone's clock: by the server's, FIXED_NOW.
    assert datetime.fromisoformat(at).replace(tzinfo=UTC) == FIXED_NOW
    assert day == FIXED_NOW.date().isoformat()
    context.close()


def _kept_pages(page: Page) -> list[str]:
    return list(
        page.evaluate(
            """async () => {
                const paths = [];
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    for (const r of await cache.keys()) paths.push(new URL(r.url).pathname);
                }
                return paths.filter((p) => !p.startsWith("/static/")).sort();
            }"""
        )
    )


def test_logging_out_clears_the_kept_pages_and_the_queue(
    browser: Browser, live_server: str
) -> None:
    context = _context(browser, PHONE)
    page = context.new_page()
    onboard(page, live_server)
    _worker_ready(page)
    page.goto(live_server + "/")
    page.goto(live_server + "/people")
    assert {"/", "/people"} <= set(_kept_pages(page))
    page.evaluate(
        "kithkinOffline.put({client_id: 'left', kind: 'checkin', queued_at: Date.now(),"
        " body: {mood: 5, stress: 5}})"
    )
    assert len(page.evaluate("kithkinOffline.pending()")) == 1
    # The logout form of hosted mode (another branch); its post is not sent here.
    page.evaluate(
        """() => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/logout";
            form.addEventListener("submit", (event) => event.preventDefault());
            document.body.append(form);
            form.requestSubmit();
        }"""
    )
    for _ in range(100):  # the worker clears in the background: look until it has
        if not page.evaluate("kithkinOffline.pending()") and not {"/", "/people"} & set(
            _kept_pages(page)
        ):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("kithkinOffline.pending()") == []
    assert set(_kept_pages(page)) <= {"/offline", "/manifest.webmanifest"}
    context.close()


PAGES = ["/", "/log", "/checkin", "/people", "/people/1", "/settings", "/plan", "/insights"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_colour_schemes_pass_axe_and_are_photographed(
    browser: Browser, live_server: str, artifacts: Path, scheme: str
) -> None:
    context = _context(browser, PHONE)
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    onboard(page, live_server)
    add_person(page, live_server, "Ada Lovelace")
    page.goto(live_server + "/")
    page.locator("#quick-log .someone-else > summary").click()  # the search, one tap away
    page.locator("#f-with").fill("Ada Lovelace")
    page.locator("#quick-log").get_by_role("button", name="Log it").click()
    expect(page.locator("#undo-button")).to_be_visible()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(21, 25, 23)") == (scheme == "dark")
    problems = {}
    for path in ["/?saved=logged", *PAGES]:
        page.goto(live_server + path)
        bad = axe_problems(page)
        if bad:
            problems[path] = bad
        name = path.strip("/").replace("/", "-").replace("?saved=", "-") or "today"
        page.screenshot(path=str(artifacts / f"pwa-{scheme}-{name}-360.png"), full_page=True)
    assert problems == {}
    context.close()


@SIZES
def test_every_confirmation_offers_undo(
    browser: Browser, live_server: str, size: dict[str, int]
) -> None:
    context = _context(browser, size)
    page = context.new_page()
    onboard(page, live_server)
    add_person(page, live_server, "Ada Lovelace")
    page.goto(live_server + "/")

    # the check-in, answered by htmx in place
    page.locator("label[for=c-mood-6]").click()
    page.locator("label[for=c-stress-4]").click()
    saved = page.locator("#checkin-saved")
    expect(saved).to_be_visible()
    expect(saved.get_by_role("button", name="Undo")).to_be_visible()

    # skipping today's idea, answered by htmx in place
    page.goto(live_server + "/")
    idea = page.locator("#plan article.suggestion").first
    idea.get_by_role("button", name="Skip").first.click()
    expect(idea).to_have_attribute("data-status", "skipped")
    expect(idea.get_by_role("button", name="Undo")).to_be_visible()
    idea.get_by_role("button", name="Undo").click()  # back to the page it was pressed on
    expect(page).to_have_url(live_server + "/?saved=undone")
    expect(page.locator("p.flash")).to_contain_text("Undone")
    expect(page.locator("#plan article.suggestion").first).to_have_attribute("data-status", "open")
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)

    # a page that redirects with a flash: Settings
    page.goto(live_server + "/settings")
    page.locator("form[action='/settings/profile']").get_by_role("button", name="Save").click()
    expect(page.locator("p.flash")).to_be_visible()
    expect(page.locator("#undo-button")).to_be_visible()
    page.locator("#undo-button").click()
    expect(page).to_have_url(live_server + "/settings?saved=undone")
    expect(page.locator("p.flash")).to_contain_text("Undone")
    context.close()
