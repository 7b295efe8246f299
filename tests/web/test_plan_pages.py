"""Today's plan on the Today page (done, skip, snooze as htmx partials), the Plan page and the
Actions page, in-process on both backends."""

from __future__ import annotations

import pytest

from tests.web.conftest import WebClient, add_person
from tests.web.html import parse

PEOPLE = ("Ada Lovelace", "Bo Berg", "Cy Chen", "Di Diaz")


@pytest.fixture
def people(web: WebClient) -> WebClient:
    for name in PEOPLE:
        add_person(web, name)
    return web


def _plan(web: WebClient) -> list[dict]:
    return web.client.get("/api/plan/today").json()["suggestions"]


def _count(web: WebClient) -> int:
    return web.client.get("/api/today").json()["count"]


def test_today_shows_the_stored_plan_with_the_power_of_one_pick_first(people: WebClient):
    page = people.page("/")
    cards = page.select("#plan article.suggestion")
    plan = _plan(people)
    assert len(cards) == len(plan) == 3
    first = cards[0]
    assert first.get("id") == "suggestion-1"
    assert first.one(".pick").text
    assert first.one("h3").text == plan[0]["title"]
    assert first.one(".meta a.who").text == plan[0]["person"]["name"]
    assert f"{plan[0]['minutes']} min" in first.one(".meta").text
    assert first.one(".why").text.endswith(plan[0]["reason"])
    assert not cards[1].select(".pick")
    form = first.one("details.done-form form")
    assert form.get("hx-post") == "/plan/today/1/done"
    assert form.one("input[name=minutes]").get("value") == str(plan[0]["minutes"])
    for control in form.select("input"):
        if control.get("type") != "hidden":
            assert form.select(f"label[for={control.get('id')}]"), control.attrs
    assert first.one("form.snooze select[name=days] option[selected]").get("value") == "3"
    assert _plan(people) == plan  # stable: stored on first sight


def test_done_swaps_the_card_and_updates_power_of_one_out_of_band(people: WebClient):
    assert people.page("/").one("#power .status").get("data-status") == "open"
    data = {"minutes": "12", "quality": "5", "mood_before": "5", "mood_after": "8", "note": "hi"}
    response = people.post("/plan/today/1/done", data, htmx=True)
    assert response.status_code == 200
    part = parse(response.text)
    card = part.one("article#suggestion-1")
    assert card.get("data-status") == "done"
    assert card.one(".state.done").text
    # the idea is closed: no Done or Skip any more, only the confirmation's Undo
    assert [form.get("action") for form in card.select("form")] == ["/undo"]
    power = part.one("section#power")
    assert power.get("hx-swap-oob") == "true"
    assert power.one(".status").get("data-status") == "met"
    assert _count(people) == 1
    assert _plan(people)[0]["status"] == "done"
    interactions = people.client.get("/api/people/1").json()
    assert interactions["timeline"][0]["minutes"] == 12


def test_done_without_htmx_redirects_back_to_the_card(people: WebClient):
    response = people.post("/plan/today/2/done", {"minutes": ""})
    assert (response.status_code, response.headers["location"]) == (303, "/#suggestion-2")
    assert _plan(people)[1]["status"] == "done"


@pytest.mark.parametrize(
    ("field", "value"),
    [("quality", "9"), ("mood_before", "0"), ("mood_after", "abc"), ("minutes", "5000")],
)
def test_bad_done_details_reopen_the_form_with_the_message_and_write_nothing(
    people: WebClient, field: str, value: str
):
    response = people.post("/plan/today/1/done", {field: value}, htmx=True)
    assert response.status_code == 422
    card = parse(response.text).one("article#suggestion-1")
    assert card.one("details.done-form").get("open") is not None
    assert card.one(f"#e1-{field}").text
    assert card.one(f"#d1-{field}").get("aria-invalid") == "true"
    assert card.one(f"#d1-{field}").get("value") == value
    assert _count(people) == 0
    assert _plan(people)[0]["status"] == "open"


def test_bad_done_without_htmx_renders_today_with_the_card_error(people: WebClient):
    response = people.post("/plan/today/1/done", {"when": "not a time"})
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one("#power-h").text == "Power of One"
    assert page.one("#suggestion-1 #e1-when").text
    assert _count(people) == 0


def test_skip_and_snooze_swap_their_cards(people: WebClient):
    skipped = parse(people.post("/plan/today/2/skip", {}, htmx=True).text)
    card = skipped.one("article#suggestion-2")
    assert card.get("data-status") == "skipped"
    assert not card.select("form.snooze")
    assert card.select("details.done-form")  # done after all is still possible
    response = people.post("/plan/today/3/snooze", {"days": "7"}, htmx=True)
    card = parse(response.text).one("article#suggestion-3")
    assert card.get("data-status") == "snoozed"
    assert "3 Dec" in card.one(".state").text
    statuses = [s["status"] for s in _plan(people)]
    assert statuses == ["open", "skipped", "snoozed"]
    assert _plan(people)[2]["snoozed_until"] == "2026-12-03"


def test_snoozing_a_done_suggestion_rerenders_it_with_the_message_and_409(people: WebClient):
    people.post("/plan/today/1/done", {}, htmx=True)
    for action, data in (("snooze", {"days": "2"}), ("skip", {}), ("done", {})):
        response = people.post(f"/plan/today/1/{action}", data, htmx=True)
        assert response.status_code == 409
        card = parse(response.text).one("article#suggestion-1")
        assert card.one("#s1-message").text
        assert card.get("data-status") == "done"
    assert _count(people) == 1


def test_snooze_out_of_range_is_422_and_unknown_number_is_an_error_page(people: WebClient):
    response = people.post("/plan/today/2/snooze", {"days": "0"}, htmx=True)
    assert response.status_code == 422
    assert parse(response.text).one("#s2-message").text
    assert _plan(people)[1]["status"] == "open"
    response = people.post("/plan/today/9/skip", {})
    assert response.status_code == 422
    assert parse(response.text).one(".error-message").text


def test_plan_forms_refuse_a_missing_csrf_token(people: WebClient):
    for path in ("/plan/today/1/done", "/plan/today/1/skip", "/plan/today/1/snooze"):
        response = people.client.post(path, data={"days": "2"}, follow_redirects=False)
        assert response.status_code == 403
    assert [s["status"] for s in _plan(people)] == ["open", "open", "open"]


def test_without_people_the_plan_offers_weak_ties_and_done_still_counts(web: WebClient):
    cards = web.page("/").select("#plan article.suggestion")
    assert cards
    assert not cards[0].select("a.who")
    assert cards[0].one("span.who").text == "someone new or a community"
    response = web.post("/plan/today/1/done", {}, htmx=True)
    assert parse(response.text).one("#power .status").get("data-status") == "met"
    assert _count(web) == 1


def test_plan_page_shows_the_week_and_suggests_for_the_minutes_given(people: WebClient):
    page = people.page("/plan")
    days = page.select("section.day")
    assert len(days) == 7
    assert days[0].one("h3").text == "Thursday 26 November"
    assert page.one("form.suggest-form").get("hx-get") == "/plan/suggest"
    assert page.select("#suggest-result #suggested") == []
    page = people.page("/plan?minutes=5")
    idea = page.one("#suggested li.idea")
    expected = people.client.get("/api/suggest?minutes=5").json()
    assert idea.one("strong").text == expected["title"]
    part = parse(people.client.get("/plan/suggest?minutes=2", headers={"HX-Request": "1"}).text)
    assert part.one("div#suggest-result")
    bad = people.client.get("/plan?minutes=0")
    assert bad.status_code == 422
    assert parse(bad.text).one("#e-minutes").text


def test_actions_page_lists_the_catalogue_and_adds_a_custom_action(people: WebClient):
    page = people.page("/actions")
    assert len(page.select(".actions-list li")) >= 50
    form = page.one("form[action=/actions]")
    for control in form.select("input") + form.select("select") + form.select("textarea"):
        if control.get("type") != "hidden":
            assert form.select(f"label[for={control.get('id')}]"), control.attrs
    data = {
        "id": "call_mum",
        "title": "Call mum",
        "how": "Ring her on the way home.",
        "minutes": "10",
        "channel": "call",
        "kind": "call",
        "social_load": "1",
        "anxiety": "1",
        "group": "one_to_one",
        "selfcare": ["walk"],
    }
    response = people.post("/actions", data)
    assert response.status_code == 303
    page = people.page(response.headers["location"])
    mine = page.one("li#action-call_mum")
    assert mine.get("class") == "custom"
    assert page.one("p.flash").text
    assert people.client.get("/api/actions").json()[-1]["selfcare"] == ["walk"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Bad Id"),
        ("id", "phone_call_catch_up"),
        ("title", ""),
        ("minutes", "11"),
        ("channel", "pigeon"),
        ("anxiety", "7"),
    ],
)
def test_bad_custom_action_is_shown_beside_its_field_and_not_saved(
    people: WebClient, field: str, value: str
):
    builtin = people.client.get("/api/actions").json()
    data = {
        "id": "my_thing",
        "title": "My thing",
        "how": "Do it.",
        "minutes": "5",
        "channel": "call",
        "kind": "call",
    }
    if field == "id" and value == "phone_call_catch_up":
        value = builtin[0]["id"]  # an id that is already taken
    response = people.post("/actions", {**data, field: value})
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one(f"#e-{field}").text
    assert page.one(f"#f-{field}").get("aria-invalid") == "true"
    assert len(people.client.get("/api/actions").json()) == len(builtin)


def test_actions_form_refuses_a_forged_post(people: WebClient):
    response = people.client.post(
        "/actions",
        data={"csrf_token": "forged", "id": "x_y", "title": "t", "how": "h", "minutes": "5"},
    )
    assert response.status_code == 403
    assert not [a for a in people.client.get("/api/actions").json() if a["custom"]]


def test_nav_has_plan_ladder_assess_behind_more_and_marks_the_current_one(web: WebClient):
    page = web.page("/ladder")
    bar = [a.text for a in page.select("nav a")]
    assert bar[:4] == ["Today", "Log", "Check-in", "People"]
    more = page.one("nav li.nav-more details")
    hidden = [a.text for a in more.select("a")]
    assert [t for t in hidden if t in ("Plan", "Ladder", "Assess")] == ["Plan", "Ladder", "Assess"]
    assert more.one("summary").get("class") == "current"
    assert [a.text for a in page.select("nav a[aria-current=page]")] == ["Ladder"]
    assert web.page("/").one("nav li.nav-more summary").get("class") is None
