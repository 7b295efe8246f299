"""Insights and the connection experiment, in-process on both backends."""

from __future__ import annotations

import pytest

from kithkin.bootstrap import App
from kithkin.services.demo import fill_demo
from tests.conftest import FIXED_NOW
from tests.web.conftest import WebClient


@pytest.fixture
def demo(app: App) -> App:
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
    return app


def test_fresh_database_shows_progress_and_no_numbers(web: WebClient):
    page = web.page("/insights")
    social = page.one("section#social")
    assert len(social.select(".not-yet[data-status=not_enough_data]")) == 2
    assert social.select(".estimate") == []
    assert social.select("svg") == []
    assert social.select("progress")[0].get("max") == "14"
    for table in ("table#mode-table", "table#dose-table"):
        rows = page.one(table).select("tbody tr")
        assert rows and all(r.get("data-status") == "not_enough_data" for r in rows)
        assert all(not r.select("td.delta") for r in rows)
    assert page.one("#next-day").select(".estimate") == []
    assert page.one("#by-person").select("li") == []
    data = web.client.get("/api/insights").json()
    assert [c["status"] for c in data["social"]] == ["not_enough_data"] * 2
    assert all(c["delta"] is None for c in data["social"])


def test_demo_data_shows_a_positive_mood_difference_with_evidence(demo: App, web: WebClient):
    page = web.page("/insights")
    mood = page.one("#social .measure[data-measure=mood] .estimate")
    assert mood.get("data-status") in ("ok", "early")
    delta = float(mood.get("data-delta"))
    assert delta > 0
    api = web.client.get("/api/insights").json()
    assert api["social"][0]["delta"] == pytest.approx(delta, abs=0.01)
    level = api["social"][0]["ci_level"] * 100
    assert mood.one(".range").text.startswith(f"({level:.1f}% range")
    chart = page.one("#social svg")
    assert chart.get("role") == "img"
    assert chart.one("title").text and chart.one("desc").text
    citations = page.select("#evidence .evidence-card cite")
    assert citations and all(c.text for c in citations)
    assert {c.get("data-card") for c in page.select("#evidence .evidence-card")} == set(
        api["evidence_ids"]
    )
    summary = page.select("#summary p")
    assert [p.text for p in summary] == [m["text"] for m in api["summary"]]
    people = page.select("#by-person tbody tr")
    assert [r.one("a").text for r in people] == [p["name"] for p in api["by_person"]]
    for row, person in zip(people, api["by_person"], strict=True):  # never "better" when lower
        assert row.get("data-claimed") == ("yes" if person["effect_claimed"] else "no")
    assert "better" not in page.one("#person-h").text
    assert page.select("#weekly svg") and page.select("#by-mode svg")


def test_experiment_needs_consent_then_runs_reports_and_stops(app: App, web: WebClient):
    assert web.client.get("/api/experiment").status_code == 404
    first = web.page("/insights/experiment")
    start = first.one("form[action=/insights/experiment/start]")
    assert start.one("input#f-consent").get("type") == "checkbox"
    plan = web.client.get("/api/experiment/plan").json()
    assert "80% power" in first.one("#experiment-plan").text
    assert start.one("input#f-days").get("value") == str(plan["default_days"])
    refused = web.post("/insights/experiment/start", {"days": "28"})
    assert refused.status_code == 422
    assert web.client.get("/api/experiment").status_code == 404
    from tests.web.html import parse

    assert parse(refused.text).one("#e-consent").text

    started = web.post("/insights/experiment/start", {"days": "28", "consent": "on"})
    assert (started.status_code, started.headers["location"]) == (
        303,
        "/insights/experiment?saved=started",
    )
    page = web.page("/insights/experiment?saved=started")
    status = web.client.get("/api/experiment").json()
    assignment = page.one("#experiment-status .assignment")
    assert assignment.get("data-challenge") == ("yes" if status["challenge_today"] else "no")
    assert page.select("#experiment-start") == []
    report = page.one("#experiment-report")
    assert len(report.select("p.design")) == 3
    assert report.select("dd.p-value") == []  # no numbers before enough days

    stopped = web.post("/insights/experiment/stop", {})
    assert stopped.status_code == 303
    assert web.client.get("/api/experiment").json()["active"] is False


def test_experiment_api_consent_conflict_and_report(web: WebClient):
    client = web.client
    refused = client.post("/api/experiment", json={"consent": False})
    assert refused.status_code == 422
    assert refused.json()["error"]["key"] == "experiment_consent_required"
    made = client.post("/api/experiment", json={"consent": True, "days": 14, "seed": 3})
    assert made.status_code == 201 and made.json()["days"] == 14
    again = client.post("/api/experiment", json={"consent": True})
    assert again.status_code == 409
    report = client.get("/api/experiment/report").json()
    assert report["report"]["status"] == "not_enough_data"
    assert all(m["text"] for m in report["report"]["messages"])
    assert client.post("/api/experiment/stop", json={}).status_code == 200
    assert client.post("/api/experiment/stop", json={}).status_code == 404


def test_experiment_forms_need_csrf(web: WebClient):
    response = web.client.post(
        "/insights/experiment/start", data={"consent": "on"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert web.client.get("/api/experiment").status_code == 404


def test_insights_in_nav_and_openapi(web: WebClient):
    nav = [a.get("href") for a in web.page("/insights").select("nav a")]
    assert "/insights" in nav and "/import" in nav
    spec = web.client.get("/api/openapi.json").json()
    assert {"/api/insights", "/api/experiment", "/api/experiment/report"} <= set(spec["paths"])
    assert "422" in spec["paths"]["/api/experiment"]["post"]["responses"]


def test_mood_over_time_window_is_checked(web: WebClient):
    page = web.page("/insights?window=365")
    assert "last 365 days" in page.one("#time-h").text
    assert page.select("#over-time svg") == []  # no check-ins yet: no empty chart (one <title>)
    assert page.one("#over-time p.quiet").text
    bad = web.client.get("/insights?window=7")
    assert bad.status_code in (400, 422)
    assert "30, 90, 365" in bad.text
