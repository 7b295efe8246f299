"""The HTML pages, in-process, on both backends: what each page shows and what forms do."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.messages import error_text
from kithkin.web.app import create_app
from tests.conftest import make_app
from tests.web.conftest import WebClient, add_person
from tests.web.html import parse


def test_new_user_is_sent_to_onboarding_and_it_creates_the_profile(database_url):
    app = make_app(database_url)
    try:
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            web = WebClient(client)
            first = client.get("/", follow_redirects=False)
            assert (first.status_code, first.headers["location"]) == (303, "/welcome")
            form = web.page("/welcome").one("form[action=/welcome]")
            names = {i.get("name") for i in form.select("input")}
            assert {
                "timezone",
                "daily_goal",
                "rest_days",
                "weekday_minutes",
                "weekend_minutes",
                "barriers",
            } <= names
            for control in form.select("input"):
                if control.get("type") not in ("hidden", "checkbox"):
                    assert form.select(f"label[for={control.get('id')}]"), control.attrs
            response = web.post(
                "/welcome",
                {
                    "timezone": "Europe/Berlin",
                    "daily_goal": "2",
                    "rest_days": "1",
                    "weekday_minutes": "10",
                    "weekend_minutes": "60",
                    "barriers": ["introversion"],
                },
            )
            assert response.status_code == 303
            profile = client.get("/api/profile").json()
            assert profile["daily_goal"] == 2
            assert profile["barriers"] == ["introversion"]
            assert web.page("/").one("h2#power-h").text == "Power of One"
    finally:
        app.close()


def test_today_shows_power_of_one_and_who_is_due(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    page = web.page("/")
    assert page.one(".power .status").get("data-status") == "open"
    assert page.one("#streak").text == "0 days"
    due = page.select("#due .people-due li a.who")
    assert [a.text for a in due] == ["Ada Lovelace"]
    assert due[0].get("href") == f"/people/{pid}"
    assert page.one("meter").get("value") == "0"


def test_quick_log_counts_for_today(web: WebClient):
    add_person(web, "Ada Lovelace")
    response = web.post("/log", {"with": "Ada", "kind": "call", "next": "/"})
    assert (response.status_code, response.headers["location"]) == (303, "/?saved=logged")
    page = web.page("/?saved=logged")
    assert page.one(".power .status").get("data-status") == "met"
    assert page.one("#streak").text == "1 day"
    assert page.one("p.flash").text
    assert page.select("#due .people-due li") == []


def test_log_page_with_every_field(web: WebClient):
    pid = add_person(web, "Grace Hopper")
    form = web.page(f"/log?with=%23{pid}").one("form[action=/log]")
    assert form.one("input#f-with").get("value") == f"#{pid}"
    assert form.one("input#f-with").get("hx-get") == "/people/options"
    response = web.post(
        "/log",
        {
            "with": f"#{pid}",
            "kind": "coffee",
            "minutes": "45",
            "quality": "5",
            "mood_before": "5",
            "mood_after": "8",
            "note": "talked about compilers",
        },
    )
    assert response.status_code == 303
    timeline = web.client.get(f"/api/people/{pid}").json()["timeline"]
    assert [
        (i["kind"], i["minutes"], i["quality"], i["mood_after"], i["note"]) for i in timeline
    ] == [("coffee", 45, 5, 8, "talked about compilers")]


def test_people_picker_options_search(web: WebClient):
    add_person(web, "Ada Lovelace")
    add_person(web, "Grace Hopper")
    options = parse(web.client.get("/people/options?with=gra").text).select("option")
    assert [o.get("value") for o in options] == ["Grace Hopper"]


def test_checkin_saves_and_today_shows_it(web: WebClient):
    page = web.page("/checkin")
    mood = page.select("input[name=mood]")
    assert [i.get("type") for i in mood] == ["radio"] * 10
    assert [
        i for i in mood + page.select("input[name=stress]") if i.get("checked") is not None
    ] == []
    legend = page.one("fieldset#f-stress legend")
    assert legend.text.startswith("Stress")
    assert legend.one("#s-stress").text  # the scale's ends, read with the legend
    response = web.post("/checkin", {"mood": "7", "stress": "3"}, htmx=True)
    assert response.status_code == 200
    assert parse(response.text).one("#checkin-saved")
    assert web.page("/").one("#checkin-done").text.startswith("You checked in today")
    assert web.client.get("/api/today").json()["checkin"] == {"mood": 7, "stress": 3}


def test_people_list_is_paginated_searchable_and_filterable(web: WebClient):
    for i in range(55):
        add_person(web, f"Person {i:02d}", circle="wider" if i % 5 else "close")
    page = web.page("/people")
    assert page.one("#list-h").text == "55 people"
    assert len(page.select("ul.people li")) == 50
    assert page.one(".pager a[rel=next]").get("href").endswith("page=2")
    second = web.page("/people?page=2")
    assert [a.text for a in second.select("ul.people a.who")][-1] == "Person 54"
    assert len(web.page("/people?circle=close").select("ul.people li")) == 11
    found = web.page("/people?q=son 1")
    assert [a.text for a in found.select("ul.people a.who")][:2] == ["Person 10", "Person 11"]
    assert len(web.page("/people?due=1").select("ul.people li")) == 50
    partial = web.client.get("/people?q=Person 07", headers={"HX-Request": "true"})
    fragment = parse(partial.text)
    assert fragment.select("html") == []
    assert [a.text for a in fragment.select("a.who")] == ["Person 07"]


def test_person_page_followups_add_and_done_with_htmx(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    page = web.page(f"/people/{pid}")
    assert page.one("h1").text == "Ada Lovelace"
    response = web.post(
        f"/people/{pid}/followups", {"text": "ask about the engine", "due": "2026-11-26"}, htmx=True
    )
    fragment = parse(response.text)
    assert response.status_code == 200
    assert fragment.select("html") == []
    item = fragment.one("#followups ul.followups li")
    assert "ask about the engine" in item.text
    done_url = item.select("form")[0].get("hx-post")
    today = web.page("/")
    assert "ask about the engine" in today.one("#today-followups").text
    response = web.post(done_url, {"back": "today"}, htmx=True)
    assert parse(response.text).select("#today-followups ul.followups li") == []
    assert web.client.get(f"/api/people/{pid}").json()["followups"] == []


def test_person_page_shows_timeline(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    web.post("/log", {"with": "Ada", "kind": "walk_run", "note": "by the river"})
    page = web.page(f"/people/{pid}")
    entry = page.one("ol.timeline li")
    assert "walk or run together" in entry.text
    assert entry.one("p.note").text == "by the river"


def test_settings_profile_and_circles(web: WebClient):
    page = web.page("/settings")
    assert page.one("input#f-circle-inner").get("value") == "7"
    response = web.post("/settings/circles", {"name": "inner", "cadence_days": "5"})
    assert response.status_code == 303
    assert web.page("/settings").one("input#f-circle-inner").get("value") == "5"
    response = web.post("/settings/circles", {"name": "book club", "cadence_days": "21"})
    assert {"name": "book club", "cadence_days": 21} in web.client.get("/api/circles").json()
    response = web.post(
        "/settings/profile",
        {
            "timezone": "Asia/Tokyo",
            "daily_goal": "3",
            "rest_days": "2",
            "weekday_minutes": "20",
            "weekend_minutes": "30",
            "barriers": ["little_time", "social_anxiety"],
        },
    )
    assert response.status_code == 303
    profile = web.client.get("/api/profile").json()
    assert (profile["timezone"], profile["daily_goal"], profile["barriers"]) == (
        "Asia/Tokyo",
        3,
        ["little_time", "social_anxiety"],
    )
    checked = web.page("/settings").select("input[name=barriers][checked]")
    assert sorted(c.get("value") for c in checked) == ["little_time", "social_anxiety"]


def test_unknown_person_is_a_404_page(web: WebClient):
    page = web.page("/people/999", status=404)
    assert page.one(".error-message").get("data-status") == "404"
    assert web.page("/no/such/page", status=404).one(".error-message")


def test_every_page_has_the_navigation_and_marks_the_current_one(web: WebClient):
    for path, label in [
        ("/", "Today"),
        ("/log", "Log"),
        ("/checkin", "Check-in"),
        ("/people", "People"),
        ("/settings", "Settings"),
    ]:
        current = web.page(path).select("nav a[aria-current=page]")
        assert [a.text for a in current] == [label]


@pytest.mark.parametrize("fields", [{"text": ""}, {"text": "ask", "due": "2026-02-30"}])
def test_a_bad_followup_without_javascript_is_a_422_page(web: WebClient, fields: dict) -> None:
    pid = add_person(web, "Ada Lovelace")
    response = web.post(f"/people/{pid}/followups", fields)
    assert response.status_code == 422
    assert web.page(f"/people/{pid}").select("#followups ul.followups li") == []


def test_checkin_without_a_chosen_mood_is_refused_not_saved_as_five(web: WebClient):
    response = web.post("/checkin", {"stress": "3"}, htmx=True)
    assert response.status_code == 422
    form = parse(response.text)
    assert form.one("#e-mood").text == error_text("choice_missing", field="mood", low=1, high=10)
    assert form.one("input#c-stress-3").get("checked") is not None  # the form is kept
    assert web.client.get("/api/today").json()["checkin"] is None


def test_an_empty_first_checkin_names_both_scales_at_once(web: WebClient):
    response = web.post("/checkin", {}, htmx=False)
    assert response.status_code == 422
    page = parse(response.text)
    for field in ("mood", "stress"):
        expected = error_text("choice_missing", field=field, low=1, high=10)
        assert page.one(f"#e-{field}").text == expected
    links = [a.get("href") for a in page.select("#error-summary a")]
    assert links == ["#f-mood", "#f-stress"]


def test_checkin_more_saves_energy_and_sleep(web: WebClient, app: App):
    response = web.post(
        "/checkin", {"mood": "6", "stress": "4", "energy": "7", "sleep_hours": "7,5"}, htmx=True
    )
    assert response.status_code == 200
    with app.uow() as uow:
        (item,) = uow.checkins.find()
    assert (item.energy, item.sleep_hours) == (7, 7.5)


def test_today_quick_log_with_two_people_chips(web: WebClient):
    ada, bea = add_person(web, "Ada Lovelace"), add_person(web, "Bea Berg")
    page = web.page("/")
    chips = page.select("#people-chips input[name=with]")
    assert {c.get("value") for c in chips} == {f"#{ada}", f"#{bea}"}
    assert page.one("#k-coffee").get("type") == "radio"
    response = web.post("/log", {"with": [f"#{ada}", f"#{bea}"], "kind": "coffee", "next": "/"})
    assert response.status_code == 303
    (moment,) = web.client.get(f"/api/people/{ada}").json()["timeline"]
    assert moment["kind"] == "coffee"
    assert web.client.get(f"/api/people/{bea}").json()["timeline"][0]["id"] == moment["id"]


def test_a_log_with_an_unknown_name_shows_the_error_summary_and_keeps_the_form(web: WebClient):
    add_person(web, "Ada Lovelace")
    response = web.post("/log", {"with": "Nobody Atall", "kind": "coffee", "note": "kept"})
    assert response.status_code == 422
    page = parse(response.text)
    summary = page.one("#error-summary")
    assert summary.get("tabindex") == "-1"
    assert summary.one("a").get("href") == "#f-with"
    assert page.one("#e-with").text == summary.one("a").text
    assert page.one("textarea#f-note").text == "kept"


def test_a_quick_log_error_on_today_stays_on_today_with_the_form_kept(web: WebClient):
    """From Today (next=/), a refused quick log answers Today itself: the error summary at the
    top, the message beside the search, the ticked chips, the kind and the typed name kept."""
    ada, _bea = add_person(web, "Ada Lovelace"), add_person(web, "Bea Berg")
    sent = {"with": [f"#{ada}", "Nobody Atall"], "kind": "walk_run", "next": "/"}
    response = web.post("/log", sent)
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one("h1.today-date").text  # Today's page, not the Log form
    assert page.select("form.quick-log")
    summary = page.one("#error-summary")
    assert summary.get("tabindex") == "-1"
    assert summary.one("a").get("href") == "#f-with"
    assert page.one("#quick-log #e-with").text == summary.one("a").text
    assert page.one("#quick-log #f-with").get("value") == "Nobody Atall"
    assert page.one("#quick-log details.someone-else").get("open") is not None
    ticked = [
        c.get("value")
        for c in page.select("#people-chips input[name=with]")
        if c.get("checked") is not None
    ]
    assert ticked == [f"#{ada}"]
    assert page.one("#k-walk_run").get("checked") is not None
    assert page.one("#k-text").get("checked") is None
    with_api = web.client.get(f"/api/people/{ada}").json()["timeline"]
    assert with_api == []  # nothing written


def test_dates_follow_the_browsers_locale_also_from_the_cache(web: WebClient):
    """One date format in the reader's order: Accept-Language picks it, per browser, even
    though Today is cached (the order is part of the cache key) (#14)."""
    add_person(web, "Ada Lovelace")
    us = {"Accept-Language": "en-US,en;q=0.9"}
    gb = {"Accept-Language": "en-GB"}
    for _ in range(2):  # the second round is answered from the cache
        assert web.page("/", headers=us).one("h1.today-date").text == "Thursday, November 26"
        assert web.page("/", headers=gb).one("h1.today-date").text == "Thursday 26 November"
        assert web.page("/", headers={"Accept-Language": "sv-SE"}).one("h1.today-date").text == (
            "Thursday 2026-11-26"
        )
    assert web.page("/").one("h1.today-date").text == "Thursday 26 November"  # no header
    plan_days = web.page("/plan", headers=us).select("section.day h3")
    assert plan_days and plan_days[0].text == "Thursday, November 26"


def test_the_locale_setting_wins_over_the_browser(database_url: str, tmp_path):
    from fastapi.testclient import TestClient

    from kithkin.bootstrap import App
    from kithkin.config import load_settings
    from kithkin.services.profiles import init_profile
    from kithkin.web.app import create_app
    from tests.conftest import FIXED_NOW

    settings = load_settings(
        {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml", "KITHKIN_LOCALE": "en_US"},
        {"database_url": database_url, "data_dir": str(tmp_path), "allowed_hosts": "testserver"},
    )
    app = App(settings, clock=lambda: FIXED_NOW)
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            page = parse(client.get("/", headers={"Accept-Language": "en-GB"}).text)
            assert page.one("h1.today-date").text == "Thursday, November 26"
    finally:
        app.close()


def test_a_quick_log_with_nobody_chosen_is_refused_on_today(web: WebClient):
    """A stray tap on "Log it" must not count the day's connection: with no chip ticked and no
    name typed, Today answers with the question beside the search, and nothing is written."""
    add_person(web, "Ada Lovelace")
    response = web.post("/log", {"kind": "text", "next": "/"})
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one("#error-summary a").get("href") == "#f-with"
    assert page.one("#quick-log #e-with").text
    assert page.one(".power .status").get("data-status") != "met"
    with_api = web.client.get("/api/people/1").json()["timeline"]
    assert with_api == []
    assert web.page("/").one(".power .status").get("data-status") != "met"


def test_the_log_page_with_nobody_named_is_refused(web: WebClient):
    """The full log page too: no one chosen is a question beside "Who", nothing written."""
    add_person(web, "Ada Lovelace")
    response = web.post("/log", {"kind": "call", "minutes": "20"})
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one("#e-with").text == error_text("log_nobody")
    assert page.one("input[name=minutes]").get("value") == "20"  # the form is kept
    assert web.client.get("/api/people/1").json()["timeline"] == []
    assert web.page("/").one(".power .status").get("data-status") != "met"


def test_the_time_zone_hints_speak_plainly(web: WebClient):
    """No jargon ("IANA name") where a person types their time zone (#14)."""
    pid = add_person(web, "Ada Lovelace")
    for path in ("/settings", f"/people/{pid}/edit"):
        page = web.page(path)
        assert page.one("#h-timezone").text.startswith("A region and a city")
        assert "IANA" not in web.client.get(path).text


def test_the_weeks_plan_says_a_standing_note_once(web: WebClient):
    """A brand-new user's week: "Add a few people ..." once, not under each of the seven days."""
    page = web.page("/plan")
    assert len(page.select("section.day")) == 7
    notes = [n.text for n in page.select("section.day p.plan-note")]
    assert notes and len(notes) == len(set(notes))


def test_the_reminders_section_points_at_its_own_form_not_the_config_file(web: WebClient):
    """Reminders are set in the form on the same page (#14): the words say so."""
    page = web.page("/settings/data")
    section = page.one("#reminders")
    assert page.one("#reminders form") is not None
    words = " ".join(section.text.split())
    assert "notify_urls" not in words and "to your config file" not in words
