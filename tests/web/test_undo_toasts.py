"""Every confirmation offers Undo (issue 14's toast, issue 15's undo), full pages and htmx
fragments alike; an htmx fragment's Undo goes back to the page that asked for it."""

from __future__ import annotations

from tests.web.conftest import WebClient, add_person
from tests.web.html import Node, parse


def _undo_next(page: Node) -> str:
    form = page.one("form[action=/undo]")
    return str(form.one("input[name=next]").get("value"))


def _htmx(web: WebClient, path: str, data: dict[str, str], here: str) -> Node:
    response = web.client.post(
        path,
        data={"csrf_token": web.token, **data},
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{here}"},
    )
    assert response.status_code == 200, response.text[:500]
    return parse(response.text)


def test_settings_flash_offers_undo_back_to_settings(web: WebClient) -> None:
    done = web.post("/settings/circles", {"name": "inner", "cadence_days": "10"})
    assert done.headers["location"] == "/settings?saved=circle"
    assert _undo_next(web.page("/settings?saved=circle")) == "/settings"
    undone = web.post("/undo", {"next": "/settings"})
    assert undone.headers["location"] == "/settings?saved=undone"
    page = web.page("/settings?saved=undone")
    assert "Undone" in page.one("p.flash").text
    assert not page.select("form[action=/undo]")


def test_the_checkin_fragment_offers_undo_back_to_today(web: WebClient) -> None:
    fragment = _htmx(web, "/checkin", {"mood": "6", "stress": "4"}, here="/")
    assert fragment.select("#checkin-saved")
    assert _undo_next(fragment) == "/"
    assert not fragment.select("#undo-button")  # ids stay unique on the page it lands in


def test_a_skipped_idea_offers_undo_and_a_plain_look_does_not(web: WebClient) -> None:
    add_person(web, "Ada Lovelace")
    web.page("/")  # the day's plan is made on the first look
    fragment = _htmx(web, "/plan/today/1/skip", {}, here="/?x=1")
    assert fragment.one("article").get("data-status") == "skipped"
    assert _undo_next(fragment) == "/?x=1"  # the query goes when the undo redirects
    today = web.page("/")
    assert not today.select("#suggestion-1 form[action=/undo]")  # no Undo on an old state


def test_pages_show_undone_after_their_undo(web: WebClient) -> None:
    for path in ("/assess", "/ladder", "/insights/experiment", "/settings/data"):
        page = web.page(f"{path}?saved=undone")
        assert "Undone" in page.one("p.flash").text, path
        assert not page.select("form[action=/undo]"), path
    assert "schedule" not in web.page("/assess?saved=undone").one("p.flash").text.lower()
