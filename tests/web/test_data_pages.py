"""Import (dry run, all or nothing, skip bad, size limit), triage, exports, settings data."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.web.app import create_app
from kithkin.web.data.pages import redact
from kithkin.web.data.uploads import MAX_UPLOAD_BYTES
from tests.conftest import make_app
from tests.web.conftest import WebClient
from tests.web.html import Node, parse

FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures"
UPLOADER = {"X-Requested-With": "test"}


def upload(web: WebClient, name: str, *, action: str = "check", htmx: bool = False, **fields):
    data = (FIXTURES / name).read_bytes() if (FIXTURES / name).exists() else name.encode()
    return web.post(
        "/import",
        {"action": action, "format": "vcard", **fields},
        htmx=htmx,
        files={"file": (Path(name).name, data, "text/vcard")},
    )


def waiting(web: WebClient) -> int:
    return web.client.get("/api/triage").json()["total"]


def cards(n: int) -> bytes:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i:04d}\r\n"
        f"EMAIL:p{i}@example.com\r\nEND:VCARD\r\n"
        for i in range(n)
    ).encode()


def test_import_page_form(web: WebClient):
    form = web.page("/import").one("form#import-form")
    assert form.get("enctype") == "multipart/form-data"
    assert form.one("input[type=file]").get("name") == "file"
    options = [o.get("value") for o in form.select("select#f-format option")]
    assert options == ["vcard", "google", "outlook", "linkedin"]
    assert form.one("input#f-skip-bad").get("type") == "checkbox"
    assert form.one("button[value=check]")


def test_dry_run_writes_nothing_then_confirm_imports(web: WebClient):
    response = upload(web, "google_contacts.vcf", htmx=True)
    assert response.status_code == 200
    report = parse(response.text).one("#import-report .report")
    assert report.get("data-dry-run") == "yes"
    created = int(report.one("#n-created").text)
    assert created > 0
    assert report.one("button[value=import]")
    assert waiting(web) == 0

    done = upload(web, "google_contacts.vcf", action="import")
    page = parse(done.text)
    assert page.one(".report").get("data-applied") == "yes"
    assert waiting(web) == created
    again = parse(upload(web, "google_contacts.vcf").text)
    assert again.one("#n-created").text == "0"
    assert int(again.one("#n-unchanged").text) == created


def test_malformed_file_imports_nothing_and_shows_line_numbers(web: WebClient):
    page = parse(upload(web, "malformed.vcf", action="import").text)
    assert page.one(".report").get("data-applied") == "no"
    assert page.one(".report .refused").text
    lines = {int(li.get("data-line")) for li in page.select(".problems li")}
    assert {1, 7, 10, 20, 29} <= lines
    assert waiting(web) == 0


def test_skip_bad_imports_the_good_records(web: WebClient):
    page = parse(upload(web, "malformed.vcf", action="import", skip_bad="on").text)
    assert page.one(".report").get("data-applied") == "yes"
    names = {p["name"] for p in web.client.get("/api/triage").json()["items"]}
    assert {"Good One", "Good Two"} <= names
    assert int(page.one("#n-created").text) == len(names)


def test_upload_size_limit(web: WebClient):
    big = b"x" * (MAX_UPLOAD_BYTES + 1)
    response = web.post(
        "/import", {"action": "check"}, files={"file": ("big.vcf", big, "text/vcard")}
    )
    assert response.status_code == 413
    assert "10 MB" in parse(response.text).one("#e-file").text
    api = web.client.post(
        "/api/import/vcard", headers=UPLOADER, files={"file": ("big.vcf", big, "text/vcard")}
    )
    assert (api.status_code, api.json()["error"]["key"]) == (413, "upload_too_large")


def test_missing_file_and_csrf(web: WebClient):
    missing = web.post("/import", {"action": "check"})
    assert missing.status_code == 422
    assert parse(missing.text).one("#e-file").text
    forged = web.client.post(
        "/import",
        data={"action": "import"},
        files={"file": ("a.vcf", cards(2), "text/vcard")},
    )
    assert forged.status_code == 403
    assert waiting(web) == 0


def test_api_import_dry_run_skip_bad_and_csv(web: WebClient):
    client = web.client
    files = {"file": ("m.vcf", (FIXTURES / "malformed.vcf").read_bytes(), "text/vcard")}
    assert client.post("/api/import/vcard", files=files).status_code == 403
    refused = client.post("/api/import/vcard", headers=UPLOADER, files=files)
    assert refused.status_code == 422 and refused.json()["applied"] is False
    assert {p["line"] for p in refused.json()["problems"]} >= {1, 7}
    dry = client.post("/api/import/vcard?dry_run=true&skip_bad=true", headers=UPLOADER, files=files)
    assert dry.json()["dry_run"] is True and waiting(web) == 0
    applied = client.post("/api/import/vcard?skip_bad=true", headers=UPLOADER, files=files)
    assert applied.json()["applied"] is True and waiting(web) == applied.json()["created"]
    csv = {"file": ("c.csv", (FIXTURES / "linkedin_connections.csv").read_bytes(), "text/csv")}
    no_format = client.post("/api/import/csv", headers=UPLOADER, files=csv)
    assert no_format.status_code == 422
    linkedin = client.post("/api/import/csv?format=linkedin", headers=UPLOADER, files=csv)
    assert linkedin.status_code == 200 and linkedin.json()["created"] > 0
    spec = client.get("/api/openapi.json").json()["paths"]["/api/import/{kind}"]["post"]
    assert {"413", "422"} <= set(spec["responses"])
    assert "multipart/form-data" in spec["requestBody"]["content"]


def _triage_rows(page: Node) -> list[Node]:
    return page.select("#triage li.triage-row")


def test_triage_quick_buttons_with_htmx(web: WebClient):
    web.client.post(
        "/api/import/vcard", headers=UPLOADER, files={"file": ("a.vcf", cards(3), "text/vcard")}
    )
    page = web.page("/triage")
    rows = _triage_rows(page)
    assert len(rows) == 3
    ids = [int(r.get("id").removeprefix("t-")) for r in rows]
    assert {b.get("value") for b in rows[0].select("button")} == {"keep", "wider", "ignore"}
    kept = web.post(f"/triage/{ids[0]}", {"action": "keep", "circle": "inner"}, htmx=True)
    assert parse(kept.text).one("li.done").get("data-action") == "keep"
    assert web.client.get(f"/api/people/{ids[0]}").json()["circle"] == "inner"
    wider = web.post(f"/triage/{ids[1]}", {"action": "wider", "page": "1"})
    assert (wider.status_code, wider.headers["location"]) == (303, "/triage?page=1")
    ignored = web.post(f"/triage/{ids[2]}", {"action": "ignore"}, htmx=True)
    assert parse(ignored.text).one("li.done").get("data-action") == "ignore"
    assert waiting(web) == 0
    assert web.page("/triage").select("#triage li.triage-row") == []
    again = web.post(f"/triage/{ids[2]}", {"action": "ignore"})
    assert again.status_code == 422
    assert web.client.post(f"/triage/{ids[0]}", data={"action": "keep"}).status_code == 403


def test_triage_is_paginated(web: WebClient):
    web.client.post(
        "/api/import/vcard", headers=UPLOADER, files={"file": ("a.vcf", cards(120), "text/vcard")}
    )
    first = web.page("/triage")
    assert len(_triage_rows(first)) == 50
    assert first.one(".pager span").text == "Page 1 of 3"
    last = web.page("/triage?page=3")
    assert len(_triage_rows(last)) == 20
    api = web.client.get("/api/triage?limit=10&offset=110").json()
    assert (api["total"], len(api["items"])) == (120, 10)


def test_api_triage_action(web: WebClient):
    web.client.post(
        "/api/import/vcard", headers=UPLOADER, files={"file": ("a.vcf", cards(2), "text/vcard")}
    )
    items = web.client.get("/api/triage").json()["items"]
    kept = web.client.post(
        f"/api/triage/{items[0]['id']}", json={"action": "keep", "circle": "close"}
    )
    assert kept.json() == {
        "id": items[0]["id"],
        "name": items[0]["name"],
        "status": "active",
        "circle": "close",
    }
    no_circle = web.client.post(f"/api/triage/{items[1]['id']}", json={"action": "keep"})
    assert no_circle.status_code == 404
    assert web.client.post(f"/api/triage/{items[1]['id']}", json={"action": "x"}).status_code == 422


def test_exports_download_and_reimport(app: App, web: WebClient, tmp_path: Path):
    web.client.post(
        "/api/import/vcard",
        headers=UPLOADER,
        files={"file": ("a.vcf", (FIXTURES / "vcard4.vcf").read_bytes(), "text/vcard")},
    )
    links = [a.get("href") for a in web.page("/settings/data").select("#exports a[download]")]
    assert links == ["/api/export/json", "/api/export/vcard", "/api/export/ics"]
    vcard = web.client.get("/api/export/vcard")
    assert vcard.headers["content-type"].startswith("text/vcard")
    assert "attachment" in vcard.headers["content-disposition"]
    backup = web.client.get("/api/export/json")
    assert backup.json()["format"] == "kithkin-backup"
    ics = web.client.get("/api/export/ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.startswith("BEGIN:VCALENDAR")

    other = make_app(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        from kithkin.services.backup import import_backup

        with other.uow(write=True) as uow:
            restored = import_backup(uow=uow, document=backup.json())
        assert restored.counts["people"] == waiting(web)
        with TestClient(create_app(other, csrf_key=b"k" * 32)) as client:
            again = client.post(
                "/api/import/vcard?dry_run=true",
                headers=UPLOADER,
                files={"file": ("k.vcf", vcard.content, "text/vcard")},
            ).json()
            assert (again["created"], again["unchanged"]) == (0, waiting(web))
    finally:
        other.close()


def test_settings_data_counts_notify_urls_and_never_shows_them(database_url: str):
    from dataclasses import replace

    app = make_app(database_url)
    app.settings = replace(
        app.settings,
        notify_urls=("mailtos://me:hunter2pw@example.com", "ntfy://topic-xq7"),
        extra={"reminders": {"checkin": "21:15", "morning": "off"}},
    )
    try:
        from kithkin.services.profiles import init_profile
        from tests.conftest import FIXED_NOW

        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            response = client.get("/settings/data")
            assert "hunter2pw" not in response.text and "topic-xq7" not in response.text
            page = parse(response.text)
            assert page.one("#notify-count").get("data-count") == "2"
            times = {
                d.get("data-reminder"): d.one("dd").text
                for d in page.select(".reminder-times div[data-reminder]")
            }
            assert (times["checkin"], times["morning"]) == ("21:15", "off")
            api = client.get("/api/reminders").json()
            assert api["notify_urls_configured"] == 2 and "hunter2pw" not in str(api)
            assert parse(client.get("/settings").text).select("a[href=/settings/data]")
    finally:
        app.close()


def test_redact_removes_urls():
    message = "Failed to send to mailtos://me:pw@example.com: timeout"
    assert "pw@" not in redact(message)
    assert redact(message).endswith("timeout")


def test_a_file_with_bad_records_offers_to_import_the_good_ones_at_once(web: WebClient):
    checked = parse(upload(web, "malformed.vcf", htmx=True).text)
    report = checked.one(".report")
    assert report.get("data-dry-run") == "yes"
    good = int(report.one("#n-created").text) + int(report.one("#n-updated").text)
    assert good > 0 and report.select(".problems li")
    button = report.one("button#import-good")
    assert button.get("value") == "import_good"
    assert str(good) in button.text
    assert waiting(web) == 0
    done = parse(upload(web, "malformed.vcf", action="import_good", htmx=True).text)
    assert done.one(".report").get("data-applied") == "yes"
    assert waiting(web) == good
    assert done.select("button#import-good") == []


def test_the_triage_count_follows_each_choice_out_of_band(web: WebClient):
    web.client.post(
        "/api/import/vcard", headers=UPLOADER, files={"file": ("a.vcf", cards(3), "text/vcard")}
    )
    page = web.page("/triage")
    assert page.one("h1 #triage-count").text == "3 waiting"
    first = _triage_rows(page)[0].get("id").removeprefix("t-")
    kept = parse(web.post(f"/triage/{first}", {"action": "wider"}, htmx=True).text)
    count = kept.one("#triage-count")
    assert (count.get("hx-swap-oob"), count.text) == ("true", "2 waiting")


def test_a_file_error_stands_beside_the_file_field_with_and_without_htmx(web: WebClient):
    page = parse(web.post("/import", {"action": "check", "format": "vcard"}).text)
    field = page.one("#f-file").parent
    assert field is not None and field.one("#file-error #e-file").text
    assert page.one("#error-summary a").get("href") == "#f-file"
    fragment = parse(web.post("/import", {"action": "check", "format": "vcard"}, htmx=True).text)
    oob = fragment.one("#file-error")
    assert oob.get("hx-swap-oob") == "true" and oob.one("#e-file").text


def test_reminders_are_set_in_settings_and_saved_to_the_config_file(
    database_url: str, tmp_path: Path
):
    import tomllib
    from dataclasses import replace

    from kithkin.services.profiles import init_profile
    from tests.conftest import FIXED_NOW

    config = tmp_path / "config.toml"
    config.write_text('account = "local"\n[reminders]\nweekly_review_day = "sat"\n')
    app = make_app(database_url)
    app.settings = replace(app.settings, config_path=config, extra={"account": "local"})
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            web = WebClient(client)
            form = web.page("/settings/data").one("form[action=/settings/reminders]")
            assert form.one("#f-r-checkin").get("type") == "time"
            assert web.page("/settings/data").select("form[action=/settings/reminders/test]") == []
            times = {
                "morning": "",
                "checkin": "21:30",
                "quiet_start": "22:00",
                "quiet_end": "07:00",
            }
            nowhere = web.post("/settings/reminders/test", {})  # no destination: said plainly
            assert nowhere.headers["location"] == "/settings/data?saved=test_failed#reminders"
            bad = web.post("/settings/reminders", {"notify_urls": "not a url", **times})
            assert bad.status_code == 422
            page = parse(bad.text)
            assert page.one("#e-r-notify_urls").text
            assert page.one("#f-r-notify_urls").text == "not a url"  # the form is kept
            late = web.post("/settings/reminders", {"checkin": "25:99"})
            assert parse(late.text).one("#e-r-checkin").text
            saved = web.post("/settings/reminders", {"notify_urls": "ntfys://ntfy.sh/x", **times})
            assert saved.status_code == 303
            stored = tomllib.loads(config.read_text())
            assert stored["notify_urls"] == ["ntfys://ntfy.sh/x"]
            assert stored["reminders"]["checkin"] == "21:30"
            assert stored["reminders"]["morning"] == "off"
            assert stored["reminders"]["weekly_review_day"] == "sat"  # kept
            assert stored["account"] == "local"
            assert config.stat().st_mode & 0o077 == 0
            page = web.page("/settings/data?saved=reminders")
            assert page.one("#notify-count").get("data-count") == "1"  # no restart needed
            assert page.one("form[action=/settings/reminders/test] button").text
    finally:
        app.close()


def test_destinations_set_by_the_environment_are_not_offered_in_settings(
    database_url: str, tmp_path: Path
):
    """KITHKIN_NOTIFY_URLS wins over the config file at every start: a form that saved new
    destinations to the file would seem to work, then be overruled at the next start."""
    import tomllib
    from dataclasses import replace

    from kithkin.config import load_settings
    from kithkin.services.profiles import init_profile
    from tests.conftest import FIXED_NOW

    config = tmp_path / "config.toml"
    config.write_text('account = "local"\n')
    environ = {"KITHKIN_CONFIG": str(config), "KITHKIN_NOTIFY_URLS": "ntfys://ntfy.sh/from-env"}
    loaded = load_settings(environ, {"data_dir": str(tmp_path), "allowed_hosts": "testserver"})
    assert loaded.notify_urls_from == "KITHKIN_NOTIFY_URLS"
    app = make_app(database_url)
    app.settings = replace(
        app.settings,
        config_path=config,
        notify_urls=loaded.notify_urls,
        notify_urls_from=loaded.notify_urls_from,
    )
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        with TestClient(create_app(app, csrf_key=b"k" * 32)) as client:
            web = WebClient(client)
            page = web.page("/settings/data")
            assert "KITHKIN_NOTIFY_URLS" in page.one("#r-urls-fixed").text
            assert page.select("#f-r-notify_urls") == []
            sent = {"notify_urls": "ntfys://ntfy.sh/other", "checkin": "21:30"}
            assert web.post("/settings/reminders", sent).status_code == 303
            stored = tomllib.loads(config.read_text())
            assert "notify_urls" not in stored  # the environment's URLs are not copied there
            assert stored["reminders"]["checkin"] == "21:30"  # the times are saved
            assert app.settings.notify_urls == ("ntfys://ntfy.sh/from-env",)
    finally:
        app.close()
