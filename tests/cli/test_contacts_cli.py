"""CLI: import, triage, export, backup, calendars, calls, feed, remind; errors write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kithkin.cli import app

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


@pytest.fixture
def run(tmp_path: Path):
    env = {
        "KITHKIN_DATABASE_URL": f"sqlite:///{tmp_path}/k.db",
        "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
        "KITHKIN_CONFIG": "/proc/kithkin-absent",
        "KITHKIN_DATA_DIR": str(tmp_path),
    }
    runner = CliRunner()

    def invoke(*args: str, code: int = 0, stdin: str | None = None):
        result = runner.invoke(app, list(args), env=env, input=stdin)
        assert result.exit_code == code, (result.output, result.exception)
        return result

    invoke("init", "--yes", "--timezone", "Europe/Berlin")
    return invoke


def _json(result) -> object:
    return json.loads(result.stdout)


def test_import_reimport_and_triage(run) -> None:
    first = _json(run("import", "vcard", str(FIXTURES / "apple_contacts_ios17.vcf"), "--json"))
    assert first["created"] == 3 and first["applied"]
    again = _json(run("import", "vcard", str(FIXTURES / "apple_contacts_ios17.vcf"), "--json"))
    assert again["created"] == 0 and again["unchanged"] == 3
    waiting = _json(run("triage", "--list", "--json"))
    assert len(waiting) == 3
    run("triage", "--keep", waiting[0]["name"], "--circle", "close")
    run("triage", "--ignore", waiting[1]["name"])
    run("triage", stdin="w\n")
    assert _json(run("triage", "--list", "--json")) == []
    run("triage", "--keep", waiting[0]["name"], "--circle", "close", code=2)


def test_csv_formats_and_bad_format(run) -> None:
    out = _json(
        run(
            "import",
            "csv",
            str(FIXTURES / "outlook.csv"),
            "--format",
            "outlook",
            "--json",
            "--skip-bad",
        )
    )
    assert out["created"] >= 1
    run("import", "csv", str(FIXTURES / "outlook.csv"), "--format", "myspace", code=2)


def test_malformed_refused_then_skip_bad(run) -> None:
    refused = run("import", "vcard", str(FIXTURES / "malformed.vcf"), "--json", code=1)
    report = _json(refused)
    assert not report["applied"] and {p["line"] for p in report["problems"]} >= {7, 10, 20}
    assert _json(run("triage", "--list", "--json")) == []
    dry = _json(
        run("import", "vcard", str(FIXTURES / "malformed.vcf"), "--skip-bad", "--dry-run", "--json")
    )
    assert dry["created"] == 3 and _json(run("triage", "--list", "--json")) == []
    done = _json(run("import", "vcard", str(FIXTURES / "malformed.vcf"), "--skip-bad", "--json"))
    assert done["created"] == 3 and done["skipped"] == 4
    run("import", "vcard", "/nonexistent.vcf", code=2)


def test_exports_backup_and_restore(run, tmp_path: Path) -> None:
    run("import", "vcard", str(FIXTURES / "google_contacts.vcf"))
    run("export", "vcard", str(tmp_path / "out.vcf"))
    run("export", "vcard", str(tmp_path / "out.vcf"), code=1)  # exists, no --force
    run("export", "json", str(tmp_path / "b.json"))
    run("import", "json", str(tmp_path / "b.json"), code=1)  # not empty
    run("export", "ics", str(tmp_path / "c.ics"))
    assert "BEGIN:VCALENDAR" in (tmp_path / "c.ics").read_text()
    copy = _json(run("backup", str(tmp_path / "copy.db"), "--json"))
    assert Path(copy["path"]).stat().st_size > 0
    import sqlite3

    with sqlite3.connect(copy["path"]) as copied:  # a consistent, complete copy
        assert copied.execute("SELECT count(*) FROM people").fetchone()[0] == 2
    copied.close()
    run("backup", str(tmp_path / "copy.db"), code=1)  # exists
    run("backup", str(tmp_path / "copy.db"), "--force")
    run("backup", str(tmp_path / "no" / "such" / "copy.db"), code=2)
    assert not (tmp_path / "no").exists()  # no folder made that the user did not ask for
    fresh = CliRunner().invoke(
        app,
        ["import", "json", str(tmp_path / "b.json")],
        env={
            "KITHKIN_DATABASE_URL": f"sqlite:///{tmp_path}/fresh.db",
            "KITHKIN_CONFIG": "/proc/kithkin-absent",
            "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
        },
    )
    assert fresh.exit_code == 0, fresh.output


def test_calendar_call_feed_and_remind(run, tmp_path: Path, monkeypatch) -> None:
    run("calendar", "add", str(FIXTURES / "weekly_berlin_dst.ics"), "--name", "work")
    run("calendar", "add", str(FIXTURES / "weekly_berlin_dst.ics"), "--name", "work", code=1)
    run("calendar", "add", str(FIXTURES / "google.csv"), code=2)  # not a calendar: refused
    run("calendar", "add", str(tmp_path / "missing.ics"), code=2)
    assert _json(run("calendar", "list", "--json"))[0]["name"] == "work"
    free = _json(run("calendar", "free", "--date", "2026-11-27", "--json"))
    assert free["free_minutes"] == 13 * 60
    run("people", "add", "Maya Ruiz", "--timezone", "Australia/Sydney")
    run("people", "add", "Noa Tz")
    run("call", "plan", "Noa", code=1)
    plan = _json(run("call", "plan", "Maya", "--every", "2w", "--save", "--json"))
    assert plan["saved"] and plan["occurrences"] >= 26
    run("call", "plan", "Maya", "--every", "fortnightly", code=2)
    assert len(_json(run("call", "list", "--json"))) == 1
    assert "token" in run("feed", "token").stdout
    run("feed", "revoke")
    run("feed", "revoke", code=1)
    run("calendar", "remove", "work")
    run("calendar", "remove", "work", code=1)
    # 10:00 in Berlin: the 08:00 morning plan and the 09:00 questionnaires (a first WHO-5) are
    # due; with an unusable URL each delivery fails and is kept for a later try (exit 1: cron
    # sees it).
    monkeypatch.setenv("KITHKIN_NOTIFY_URLS", "nosuchscheme://nowhere")
    status = _json(run("remind", "--json", code=1))
    assert status["queued"] == 2 and len(status["failed"]) == 2
    assert {f["kind"] for f in status["failed"]} == {"morning", "questionnaires"}
    assert _json(run("remind", "--json"))["queued"] == 0
    log = _json(run("remind", "--status", "--json"))
    assert {e["status"] for e in log} == {"failed"} and {e["attempts"] for e in log} == {1}


def test_remind_without_destinations_says_where_to_set_them(run, tmp_path: Path) -> None:
    """No notification URL: one plain line naming what to set and where, exit 1 (cron shows the
    run), no "failed, will retry" and nothing queued (a later set-up sends no backlog)."""
    run("init", "--yes", "--timezone", "Europe/Berlin")
    for args in (("remind",), ("remind", "--json")):
        result = run(*args, code=1)
        assert result.stdout == ""
        line = result.stderr.strip()
        assert "\n" not in line and "Traceback" not in line
        assert "notify_urls" in line and "Settings > Reminders" in line
        assert "KITHKIN_NOTIFY_URLS" in line and "retry" not in line
    assert _json(run("remind", "--status", "--json")) == []
