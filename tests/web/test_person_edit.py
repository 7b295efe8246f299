"""The person page's changes: edit every field, archive and bring back, quick log, delete a
moment; their JSON twins (PATCH, archive, unarchive, DELETE) on both backends."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import WebClient, add_person
from tests.web.html import Node, parse

JSON = {"content-type": "application/json"}
HOSTILE = '<script>alert("x")</script>'
EVERY_FIELD = {
    "name": "Ada King " + HOSTILE,
    "nickname": "Ada",
    "circle": "close",
    "cadence_days": "10",
    "closeness": "5",
    "feeling": "energising",
    "timezone": "Europe/London",
    "birthday": "12-10",
    "interests": "engines, poetry, " + HOSTILE,
    "how_met": "At Babbage's salon",
    "notes": "Loves <b>maths</b>\nAsk about the engine",
    "emails": "ada@example.com #work\nada@home.example",
    "phones": "+44 20 7946 0000",
    "handles": "@ada",
}


def labelled(form: Node) -> None:
    """Every visible control of ``form`` has a <label for=...>."""
    for control in form.select("input") + form.select("select") + form.select("textarea"):
        if control.get("type") in ("hidden", "submit"):
            continue
        assert form.select(f"label[for={control.get('id')}]"), control.attrs


def stored(web: WebClient, pid: int) -> dict:
    return web.client.get(f"/api/people/{pid}").json()


def test_edit_form_is_prefilled_and_every_control_labelled(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    page = web.page(f"/people/{pid}")
    assert page.one(f"a[href=/people/{pid}/edit]").text == "Edit"
    form = web.page(f"/people/{pid}/edit").one(f"form[action=/people/{pid}/edit]")
    assert form.get("method") == "post"
    assert form.one("input[name=csrf_token]").get("value")
    assert form.one("input#f-name").get("value") == "Ada Lovelace"
    assert form.one("select#f-circle option[selected]").get("value") == "inner"
    assert form.one("select#f-closeness option[selected]").get("value") == "3"
    assert form.one("input#f-timezone").get("list") == "timezones"
    assert "Europe/Berlin" in {o.get("value") for o in form.select("datalist#timezones option")}
    labelled(form)


def test_edit_every_field_and_hostile_input_is_escaped(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    response = web.post(f"/people/{pid}/edit", EVERY_FIELD)
    assert (response.status_code, response.headers["location"]) == (
        303,
        f"/people/{pid}?saved=edited",
    )
    data = stored(web, pid)
    assert data["name"] == "Ada King " + HOSTILE
    assert (data["nickname"], data["circle"], data["cadence_days"]) == ("Ada", "close", 10)
    assert (data["closeness"], data["feeling"]) == (5, "energising")
    assert data["timezone"] == "Europe/London"
    assert data["birthday"] == "--12-10"
    assert data["interests"] == ["engines", "poetry", HOSTILE.lower()]
    assert data["how_met"] == "At Babbage's salon"
    assert data["notes"] == "Loves <b>maths</b>\nAsk about the engine"
    assert data["contacts"] == [
        {"kind": "email", "value": "ada@example.com", "label": "work"},
        {"kind": "email", "value": "ada@home.example", "label": ""},
        {"kind": "phone", "value": "+44 20 7946 0000", "label": ""},
        {"kind": "handle", "value": "@ada", "label": ""},
    ]
    raw = web.client.get(f"/people/{pid}?saved=edited").text
    assert "<script>alert" not in raw and "<b>maths" not in raw
    page = parse(raw)
    assert page.select("main script") == [] and page.select("main b") == []
    assert page.one("p.flash").text
    assert "Ada King" in page.one("h1 small").text
    form = web.page(f"/people/{pid}/edit").one("form")
    assert form.one("textarea#f-emails").text == "ada@example.com #work ada@home.example"
    assert form.one("input#f-birthday").get("value") == "12-10"
    assert page.one("dl.facts").text.count("10 December") == 1


def test_emptied_fields_clear_what_was_stored(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    web.post(f"/people/{pid}/edit", EVERY_FIELD)
    cleared = dict.fromkeys(EVERY_FIELD, "") | {
        "name": "Ada",
        "circle": "none",
        "closeness": "2",
        "feeling": "draining",
    }
    assert web.post(f"/people/{pid}/edit", cleared).status_code == 303
    data = stored(web, pid)
    assert data["circle"] is None
    assert [data[k] for k in ("cadence_days", "timezone", "birthday")] == [None, None, None]
    assert [data[k] for k in ("nickname", "how_met", "notes")] == ["", "", ""]
    assert (data["interests"], data["contacts"]) == ([], [])
    assert (data["closeness"], data["feeling"]) == (2, "draining")


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("name", "   ", "empty_value"),
        ("birthday", "31-31", "bad_date"),
        ("birthday", "02-30", "out_of_range"),
        ("timezone", "Mars/Olympus", "unknown_timezone"),
        ("cadence_days", "soon", "not_a_number"),
        ("cadence_days", "0", "out_of_range"),
        ("closeness", "9", "out_of_range"),
        ("feeling", "sad", "bad_choice"),
        ("circle", "strangers", "circle_not_found"),
        ("phones", "   \n", None),
    ],
)
def test_invalid_edit_is_422_beside_the_field_and_writes_nothing(
    web: WebClient, field: str, value: str, key: str | None
):
    pid = add_person(web, "Ada Lovelace")
    before = stored(web, pid)
    response = web.post(f"/people/{pid}/edit", {**EVERY_FIELD, field: value})
    if key is None:  # blank lines are simply skipped
        assert response.status_code == 303
        return
    assert response.status_code == 422
    page = parse(response.text)
    control = page.one(f"#f-{field}")
    assert control.get("aria-invalid") == "true"
    assert f"e-{field}" in control.get("aria-describedby").split()
    assert page.one(f"p#e-{field}.error").text
    assert page.one("input#f-nickname").get("value") == "Ada"  # what was typed is kept
    assert stored(web, pid) == before


def test_archive_and_bring_back(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    add_person(web, "Grace Hopper")
    confirm = web.page(f"/people/{pid}").one("#archive details.confirm")
    assert confirm.one("summary").text.startswith("Archive")
    assert confirm.one("form").get("action") == f"/people/{pid}/archive"
    refused = web.client.post(f"/people/{pid}/archive", follow_redirects=False)
    assert refused.status_code == 403
    response = web.post(f"/people/{pid}/archive", {})
    assert response.headers["location"] == f"/people/{pid}?saved=archived"
    page = web.page(f"/people/{pid}?saved=archived")
    assert page.one("#archived-tag").text == "archived"
    assert page.one("#archive form").get("action") == f"/people/{pid}/unarchive"
    listed = [a.text for a in web.page("/people").select("ul.people a.who")]
    assert listed == ["Grace Hopper"]
    assert stored(web, pid)["archived"] is True
    web.post(f"/people/{pid}/unarchive", {})
    assert stored(web, pid)["archived"] is False
    assert web.page(f"/people/{pid}").select("#archived-tag") == []


def test_quick_log_from_the_person_page_returns_there(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    form = web.page(f"/people/{pid}").one("#quick-log form")
    assert form.one("input[name=with]").get("value") == f"#{pid}"
    labelled(form)
    response = web.post("/log", {"with": f"#{pid}", "next": f"/people/{pid}", "kind": "call"})
    assert response.headers["location"] == f"/people/{pid}?saved=logged"
    page = web.page(response.headers["location"])
    assert page.one("p.flash").text
    assert page.one("#last-contact").get("data-days") == "0"
    sent = {"with": f"#{pid}", "next": f"/people/{pid}", "minutes": "lots", "note": "tea"}
    bad = web.post("/log", {**sent, "kind": "coffee"})
    assert bad.status_code == 422
    page = parse(bad.text)
    assert page.one("input[name=next]").get("value") == f"/people/{pid}"
    # the error where the user looks: Ada's page, summary on top, message beside the field
    assert page.one("h1").text == "Ada Lovelace"
    assert page.one("#error-summary a").get("href") == "#f-minutes"
    assert page.one("#quick-log #f-minutes").get("aria-invalid") == "true"
    assert page.one("#quick-log #e-minutes").text
    assert page.one("#quick-log #f-note").get("value") == "tea"  # the form kept
    assert page.one("#quick-log #f-kind option[selected]").get("value") == "coffee"
    assert f"#{pid}" not in page.one("main").text  # never an internal id shown as a name


def test_deleting_a_moment_recomputes_last_contact(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    web.post("/log", {"with": f"#{pid}", "kind": "walk_run", "when": "2026-11-23 10:00"})
    web.post("/log", {"with": f"#{pid}", "kind": "call"})
    page = web.page(f"/people/{pid}")
    assert page.one("#last-contact").text == "in touch today"
    latest = stored(web, pid)["timeline"][0]
    assert latest["kind"] == "call"
    item = page.one(f"li#moment-{latest['id']}")
    form = item.one("details.confirm form")
    assert form.get("action") == f"/interactions/{latest['id']}/delete"
    response = web.post(form.get("action"), {"person": str(pid)})
    assert response.headers["location"] == f"/people/{pid}?saved=deleted"
    page = web.page(response.headers["location"])
    assert page.one("#last-contact").text == "last in touch 3 days ago"
    assert page.select(f"li#moment-{latest['id']}") == []
    missing = web.post(form.get("action"), {"person": str(pid)})
    assert missing.status_code == 404


# --- the JSON API ---


def test_api_patch_changes_only_what_is_sent_and_null_clears(client: TestClient):
    pid = client.post("/api/people", json={"name": "Ada", "birthday": "1915-12-10"}).json()["id"]
    body = {
        "nickname": "Countess",
        "closeness": 4,
        "feeling": "energising",
        "interests": ["engines"],
        "contacts": [{"kind": "email", "value": "ada@example.com", "label": "home"}],
        "cadence_days": 12,
    }
    data = client.patch(f"/api/people/{pid}", json=body).json()
    assert (data["nickname"], data["closeness"], data["cadence_days"]) == ("Countess", 4, 12)
    assert data["birthday"] == "1915-12-10" and data["name"] == "Ada"
    assert data["contacts"] == [{"kind": "email", "value": "ada@example.com", "label": "home"}]
    cleared = client.patch(
        f"/api/people/{pid}", json={"birthday": None, "cadence_days": None, "contacts": None}
    ).json()
    assert (cleared["birthday"], cleared["contacts"]) == (None, [])
    assert cleared["cadence_days"] == 30  # back to the friends circle's cadence
    assert cleared["nickname"] == "Countess"


def test_api_patch_errors(client: TestClient):
    pid = client.post("/api/people", json={"name": "Ada"}).json()["id"]
    assert client.patch("/api/people/999", json={"notes": "x"}).status_code == 404
    for body in ({"closeness": 6}, {"name": None}, {"feeling": "sad"}, {"colour": "red"}):
        assert client.patch(f"/api/people/{pid}", json=body).status_code == 422, body
    refused = client.patch(f"/api/people/{pid}", json={"birthday": "soon"})
    assert (refused.status_code, refused.json()["error"]["key"]) == (422, "bad_date")
    assert client.patch(f"/api/people/{pid}", data={"notes": "x"}).status_code == 415
    assert client.get(f"/api/people/{pid}").json()["birthday"] is None


def test_api_archive_unarchive_and_delete_a_moment(client: TestClient):
    pid = client.post("/api/people", json={"name": "Ada"}).json()["id"]
    assert client.post(f"/api/people/{pid}/archive", json={}).json()["archived"] is True
    assert client.get("/api/people").json()["total"] == 0
    assert client.post(f"/api/people/{pid}/unarchive", json={}).json()["archived"] is False
    assert client.post("/api/people/999/archive", json={}).status_code == 404
    assert client.post(f"/api/people/{pid}/archive").status_code == 415  # JSON only
    logged = client.post("/api/interactions", json={"kind": "call", "people": [str(pid)]})
    assert client.get(f"/api/people/{pid}").json()["days_since"] == 0
    url = f"/api/interactions/{logged.json()['id']}"
    assert client.delete(url, headers=JSON).status_code == 204
    assert client.get(f"/api/people/{pid}").json()["last_contact"] is None
    assert client.delete(url, headers=JSON).status_code == 404


def test_openapi_documents_the_new_routes(client: TestClient):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path, method in [
        ("/api/people/{person_id}", "patch"),
        ("/api/people/{person_id}/archive", "post"),
        ("/api/people/{person_id}/unarchive", "post"),
        ("/api/interactions/{interaction_id}", "delete"),
        ("/api/followups", "get"),
        ("/api/followups/{followup_id}", "patch"),
        ("/api/import/json", "post"),
    ]:
        assert {"404", "409", "422"} <= set(paths[path][method]["responses"]) or path.endswith(
            "json"
        ), path
    assert {"409", "413", "422"} <= set(paths["/api/import/json"]["post"]["responses"])
