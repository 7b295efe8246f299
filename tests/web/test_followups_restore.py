"""Follow-ups (the list page, due dates, open again), restoring a backup, the People page's
triage link and pager, and the check-in page; on both backends."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from kithkin.web.app import create_app
from kithkin.web.data.restore import MAX_BACKUP_BYTES
from tests.conftest import make_app
from tests.web.conftest import WebClient, add_person
from tests.web.html import parse

JSON = {"content-type": "application/json"}


def add_followup(web: WebClient, pid: int, text: str, due: str = "") -> int:
    web.post(f"/people/{pid}/followups", {"text": text, "due": due})
    found = [f for f in web.client.get("/api/followups").json() if f["text"] == text]
    return int(found[0]["id"])


def test_followups_page_lists_every_open_one_soonest_first(web: WebClient):
    ada, grace = add_person(web, "Ada Lovelace"), add_person(web, "Grace Hopper")
    add_followup(web, ada, "no date")
    add_followup(web, grace, "later", "2026-12-20")
    first = add_followup(web, ada, "soon", "2026-11-28")
    assert web.page("/").one("#today-followups a[href=/followups]").text == "All follow-ups"
    page = web.page("/followups")
    items = page.select("#all-followups li")
    texts = [i.select("span")[0].text.split(": ")[1].split(" (")[0] for i in items]
    assert texts == ["soon", "later", "no date"]
    assert items[0].one("a").get("href") == f"/people/{ada}"
    api = web.client.get("/api/followups").json()
    assert [(f["text"], f["due"], f["person"]) for f in api] == [
        ("soon", "2026-11-28", "Ada Lovelace"),
        ("later", "2026-12-20", "Grace Hopper"),
        ("no date", None, "Ada Lovelace"),
    ]
    response = web.post(f"/followups/{first}/done", {"back": "followups"}, htmx=True)
    fragment = parse(response.text)
    assert fragment.select("html") == []
    assert len(fragment.select("#all-followups li")) == 2
    plain = web.post(f"/followups/{first}/done", {"back": "followups"})
    assert plain.headers["location"] == "/followups"


def test_due_date_changes_and_done_ones_open_again(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    fid = add_followup(web, pid, "ask about the engine")
    form = web.page(f"/people/{pid}").one(f"#followup-{fid} details form")
    assert form.get("action") == f"/followups/{fid}/due"
    assert form.one(f"label[for=f-due-{fid}]")
    response = web.post(f"/followups/{fid}/due", {"due": "2026-12-01"}, htmx=True)
    assert response.status_code == 200
    assert "(by Tue 1 Dec)" in parse(response.text).one(f"#followup-{fid}").text  # one format
    bad = web.post(f"/followups/{fid}/due", {"due": "someday"}, htmx=True)
    assert bad.status_code == 422
    item = parse(bad.text).one(f"#followup-{fid}")
    assert item.one("details").get("open") is not None
    assert item.one(f"input#f-due-{fid}").get("aria-invalid") == "true"
    assert item.one(f"p#e-due-{fid}").text
    assert web.client.get("/api/followups").json()[0]["due"] == "2026-12-01"
    web.post(f"/followups/{fid}/due", {"due": ""})
    assert web.client.get("/api/followups").json()[0]["due"] is None
    web.post(f"/followups/{fid}/done", {"back": "person"})
    done = web.page(f"/people/{pid}").one("details.done-followups")
    undo = done.one("form")
    assert undo.one("input[name=undo]").get("value") == "1"
    web.post(undo.get("action"), {"back": "person", "undo": "1"})
    assert [f["id"] for f in web.client.get("/api/followups").json()] == [fid]


def test_api_followup_due(client: TestClient):
    pid = client.post("/api/people", json={"name": "Ada"}).json()["id"]
    fid = client.post(f"/api/people/{pid}/followups", json={"text": "call"}).json()["id"]
    changed = client.patch(f"/api/followups/{fid}", json={"due": "2026-12-24"}).json()
    assert changed["due"] == "2026-12-24"
    assert client.patch(f"/api/followups/{fid}", json={"due": None}).json()["due"] is None
    assert client.patch(f"/api/followups/{fid}", json={"due": "nope"}).status_code == 422
    assert client.patch("/api/followups/999", json={"due": None}).status_code == 404


# --- restore ---


def backup_of_someone(tmp_path: Path) -> bytes:
    """A backup from another, non-empty database (always SQLite: the format is the same)."""
    source = make_app(f"sqlite:///{tmp_path / 'source.db'}")
    try:
        with TestClient(create_app(source, csrf_key=b"k" * 32)) as client:
            client.put("/api/profile", json={"timezone": "Europe/Berlin"})
            pid = client.post("/api/people", json={"name": "Ada Lovelace"}).json()["id"]
            client.post("/api/interactions", json={"kind": "call", "people": [str(pid)]})
            return client.get("/api/export/json").content
    finally:
        source.close()


def test_restore_is_refused_on_a_database_with_data(web: WebClient, tmp_path: Path):
    add_person(web, "Grace Hopper")
    form = web.page("/settings/data").one("#restore form")
    assert (form.get("method"), form.get("enctype")) == ("post", "multipart/form-data")
    assert form.one("input[name=csrf_token]").get("value")
    assert form.one("label[for=f-backup]")
    data = backup_of_someone(tmp_path)
    response = web.post("/restore", {}, files={"backup": ("backup.json", data, "application/json")})
    assert response.status_code == 409
    page = parse(response.text)
    assert page.one("input#f-backup").get("aria-invalid") == "true"
    assert page.one("p#e-backup").text
    people = web.client.get("/api/people").json()["items"]
    assert [p["name"] for p in people] == ["Grace Hopper"]
    api = web.client.post("/api/import/json", content=data, headers=JSON)
    assert (api.status_code, api.json()["error"]["key"]) == (409, "restore_needs_empty")


def test_restore_into_an_empty_database(database_url: str, tmp_path: Path):
    data = backup_of_someone(tmp_path)
    app = make_app(database_url)
    try:
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            web = WebClient(client)
            assert web.page("/welcome").one("a[href=/restore]")
            files = {"backup": ("backup.json", b"{not json", "application/json")}
            bad = web.post("/restore", {}, files=files)
            assert bad.status_code == 422
            assert parse(bad.text).one("p#e-backup").text
            missing = web.post("/restore", {}, files={"backup": ("", b"", "application/json")})
            assert missing.status_code == 422
            files = {"backup": ("backup.json", data, "application/json")}
            response = web.post("/restore", {}, files=files)
            assert response.status_code == 200
            assert parse(response.text).one("#restore-done").text.startswith("Restored")
            people = client.get("/api/people").json()["items"]
            assert [(p["name"], p["days_since"]) for p in people] == [("Ada Lovelace", 0)]
    finally:
        app.close()


def test_api_restore_into_an_empty_database(database_url: str, tmp_path: Path):
    data = backup_of_someone(tmp_path)
    app = make_app(database_url)
    try:
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            assert client.post("/api/import/json", data={"x": "1"}).status_code == 415
            wrong = client.post("/api/import/json", json={"format": "other"})
            assert (wrong.status_code, wrong.json()["error"]["key"]) == (422, "bad_backup")
            big = client.post(
                "/api/import/json",
                content=b" " * (MAX_BACKUP_BYTES + 1),
                headers=JSON,
            )
            assert (big.status_code, big.json()["error"]["key"]) == (413, "backup_too_large")
            done = client.post("/api/import/json", content=data, headers=JSON).json()
            assert done["restored"]["people"] == 1
            assert done["rows"] == sum(done["restored"].values())
            assert client.get("/api/profile").json()["timezone"] == "Europe/Berlin"
    finally:
        app.close()


# --- people page, check-in page ---


def test_people_page_triage_link_and_pager_keep_the_filters(web: WebClient):
    assert web.page("/people").select("#triage-link") == []
    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported {i}\r\nEND:VCARD\r\n" for i in (1, 2)
    )
    web.post(
        "/import",
        {"action": "import", "format": "vcard"},
        files={"file": ("c.vcf", cards.encode(), "text/vcard")},
    )
    link = web.page("/people").one("#triage-link a")
    assert (link.get("href"), link.text.split()[0]) == ("/triage", "2")
    for i in range(55):
        add_person(web, f"Person {i:02d}", circle="close")
    page = web.page("/people?q=person&due=1&circle=close")
    assert page.one("input#f-due").get("checked") is not None
    assert page.one("#list-h").text == "55 people"
    query = parse_qs(urlsplit(page.one(".pager a[rel=next]").get("href")).query)
    assert query == {"q": ["person"], "circle": ["close"], "due": ["1"], "page": ["2"]}
    second = web.page("/people?" + urlsplit(page.one(".pager a[rel=next]").get("href")).query)
    assert [a.text for a in second.select("ul.people a.who")] == [
        f"Person {i}" for i in range(50, 55)
    ]
    assert second.one(".pager a[rel=prev]")


def test_checkin_page_shows_todays_checkin(web: WebClient):
    assert web.page("/checkin").select("#checkin-current") == []
    web.post("/checkin", {"mood": "8", "stress": "2"})
    page = web.page("/checkin")
    assert "8/10" in page.one("#checkin-current").text
    assert page.one("input#c-mood-8").get("checked") is not None
    bad = web.post("/checkin", {"mood": "11", "stress": "2"}, htmx=True)
    assert bad.status_code == 422
    assert parse(bad.text).one("fieldset#f-mood").get("aria-describedby") == "s-mood e-mood"
    assert json.loads(web.client.get("/api/today").text)["checkin"] == {"mood": 8, "stress": 2}
