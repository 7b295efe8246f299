"""Bad input re-renders the form with the message by the field, a 4xx status, nothing written;
hostile input is escaped; forms without a valid CSRF token are refused; headers are set."""

from __future__ import annotations

import pytest

from tests.web.conftest import WebClient, add_person
from tests.web.html import parse


def _interactions(web: WebClient) -> int:
    return web.client.get("/api/today").json()["count"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mood_before", "11"),
        ("mood_after", "0"),
        ("quality", "6"),
        ("minutes", "abc"),
        ("minutes", "2000"),
        ("with", "Nobody Known"),
        ("when", "not a time"),
    ],
)
def test_bad_log_value_is_shown_beside_its_field_and_nothing_is_written(web, field, value):
    add_person(web, "Ada Lovelace")
    data = {"with": "Ada", "kind": "call", field: value}
    response = web.post("/log", data)
    assert response.status_code == 422
    page = parse(response.text)
    assert page.one(f"#e-{field}").text
    assert page.one(f"#f-{field}").get("aria-invalid") == "true"
    assert page.one(f"#f-{field}").get("value") == value
    assert _interactions(web) == 0


def test_bad_checkin_is_422_and_not_saved(web: WebClient):
    response = web.post("/checkin", {"mood": "12", "stress": "3"})
    assert response.status_code == 422
    assert parse(response.text).one("#e-mood").text
    assert web.client.get("/api/today").json()["checkin"] is None


def test_bad_onboarding_answers_are_422(web: WebClient):
    response = web.post("/settings/profile", {"timezone": "Mars/Olympus", "daily_goal": "1"})
    assert response.status_code == 422
    assert parse(response.text).one("#e-timezone").text
    response = web.post("/settings/profile", {"timezone": "UTC", "daily_goal": "11"})
    assert parse(response.text).one("#e-daily_goal").text
    assert web.client.get("/api/profile").json()["timezone"] == "Europe/Berlin"


def test_empty_name_and_empty_followup_are_refused(web: WebClient):
    response = web.post("/people", {"name": "   ", "circle": "inner"})
    assert response.status_code == 422
    assert parse(response.text).one("#e-name").text
    assert web.client.get("/api/people").json()["total"] == 0
    pid = add_person(web, "Ada Lovelace")
    response = web.post(f"/people/{pid}/followups", {"text": ""}, htmx=True)
    assert response.status_code == 422
    assert parse(response.text).one("#followups #e-text").text
    assert web.client.get(f"/api/people/{pid}").json()["followups"] == []


def test_bad_circle_cadence_is_refused(web: WebClient):
    response = web.post("/settings/circles", {"name": "inner", "cadence_days": "0"})
    assert response.status_code == 422
    assert parse(response.text).one("#e-circle-inner").text
    assert {"name": "inner", "cadence_days": 7} in web.client.get("/api/circles").json()


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_names_and_notes_are_escaped(web: WebClient):
    pid = add_person(web, HOSTILE)
    web.post("/log", {"with": f"#{pid}", "kind": "call", "note": HOSTILE})
    web.post(f"/people/{pid}/followups", {"text": HOSTILE})
    for path in ["/", f"/people/{pid}", "/people", "/people/options?q=script"]:
        text = web.client.get(path).text
        assert "<script>alert" not in text
        assert "<img src=x" not in text
        page = parse(text)
        assert all(s.get("src", "").startswith("/static/") for s in page.select("script"))
        assert page.select("img") == []
    assert HOSTILE in web.page(f"/people/{pid}").one("h1").text


def test_form_posts_without_a_valid_csrf_token_are_refused(web: WebClient):
    client = web.client
    _ = web.token
    for data in ({}, {"csrf_token": "forged"}):
        response = client.post("/people", data={"name": "Mallory", **data}, follow_redirects=False)
        assert response.status_code == 403
        assert parse(response.text).one(".error-message").get("data-status") == "403"
    other = type(client)(client.app)
    response = other.post("/people", data={"name": "Mallory", "csrf_token": web.token})
    assert response.status_code == 403
    assert client.get("/api/people").json()["total"] == 0


def test_htmx_posts_may_send_the_token_in_a_header(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    response = web.client.post(
        f"/people/{pid}/followups",
        data={"text": "ask"},
        headers={"HX-Request": "true", "X-CSRF-Token": web.token},
    )
    assert response.status_code == 200


def test_security_headers(web: WebClient):
    response = web.client.get("/")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    cookie = response.headers.get("set-cookie") or web.client.cookies.get("kithkin_csrf")
    assert cookie


def test_pages_load_nothing_from_other_sites(web: WebClient):
    add_person(web, "Ada Lovelace")
    for path in ["/", "/log", "/checkin", "/people", "/people/1", "/settings", "/api/docs"]:
        page = parse(web.client.get(path).text)
        urls = [n.get("src") for n in page.select("[src]")] + [
            n.get("href") for n in page.select("link[href]")
        ]
        assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls), urls
