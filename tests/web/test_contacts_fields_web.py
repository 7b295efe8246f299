"""The person page, edit form and API show and change the structured name, organisation,
department, job title and a birthday in words; the Today page asks afresh whether each
registered calendar reads and shows a calm notice when one does not (#12). Both backends."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.messages import text
from kithkin.services.calendars import add_calendar
from tests.web.conftest import WebClient, add_person
from tests.web.html import parse

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"
JSON = {"content-type": "application/json"}


def test_the_edit_form_keeps_the_name_and_work_fields(web: WebClient) -> None:
    pid = add_person(web, "John Doe")
    form = web.page(f"/people/{pid}/edit").one("form[method=post]")
    for name in ("family_name", "given_name", "name_prefix", "organisation", "birthday_text"):
        assert form.select(f"input[name={name}]"), name
    fields = {
        "name": "John Doe",
        "circle": "inner",
        "closeness": "3",
        "feeling": "neutral",
        "family_name": "Doe",
        "given_name": "John",
        "name_prefix": "Mr.",
        "name_suffix": "III",
        "organisation": "Company, The",
        "department": "TheDepartment",
        "job_title": "Engineer",
        "birthday_text": "circa 1800",
    }
    response = web.post(f"/people/{pid}/edit", fields)
    assert response.status_code == 303, response.text[:500]
    page = web.client.get(f"/people/{pid}").text
    assert "Mr. John Doe III" in page
    assert "Engineer, TheDepartment, Company, The" in page
    assert "circa 1800" in page
    data = web.client.get(f"/api/people/{pid}").json()
    assert (data["family_name"], data["given_name"], data["name_suffix"]) == ("Doe", "John", "III")
    assert (data["organisation"], data["department"]) == ("Company, The", "TheDepartment")
    assert data["birthday_text"] == "circa 1800"


def test_the_api_sets_and_clears_them(client: TestClient) -> None:
    created = client.post("/api/people", json={"name": "Ada", "organisation": "Engines"})
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    assert created.json()["organisation"] == "Engines"
    patch = {"family_name": "Lovelace", "birthday_text": "winter 1815", "organisation": None}
    response = client.patch(f"/api/people/{pid}", json=patch, headers=JSON)
    assert response.status_code == 200, response.text
    data = client.get(f"/api/people/{pid}").json()
    assert (data["family_name"], data["birthday_text"], data["organisation"]) == (
        "Lovelace",
        "winter 1815",
        "",
    )
    too_long = client.patch(f"/api/people/{pid}", json={"department": "x" * 201}, headers=JSON)
    assert too_long.status_code == 422


def test_today_shows_a_calm_notice_for_an_unreadable_calendar(
    app: App, web: WebClient, tmp_path: Path
) -> None:
    web.page("/welcome")
    assert "/today/calendars" not in web.client.get("/").text  # no calendar: nothing asked
    path = tmp_path / "family.ics"
    path.write_bytes((FIXTURES / "weekly_berlin_dst.ics").read_bytes())
    with app.uow(write=True) as uow:
        add_calendar(uow=uow, now=datetime(2026, 11, 26, tzinfo=UTC), name="family", path=str(path))
        uow.commit()
    assert 'hx-get="/today/calendars"' in web.client.get("/").text
    assert web.client.get("/today/calendars").text.strip() == ""
    path.write_text("broken\n", encoding="utf-8")
    notice = parse(web.client.get("/today/calendars").text)
    (p,) = notice.select("p")
    expected = text("today.calendar_unreadable", name="family", reason=text("calendar.not_ics"))
    assert p.text.strip() == expected
    # the cached Today page still asks afresh
    assert 'hx-get="/today/calendars"' in web.client.get("/").text
