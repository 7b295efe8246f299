"""Every command, in its text and --json forms."""

from __future__ import annotations

from pathlib import Path

from kithkin.storage.revision import HEAD
from tests.cli.conftest import Run, as_json, db_rows, ok


def test_init_interactive_asks_and_stores(run: Run) -> None:
    result = ok(run("init", input="Europe/Berlin\n2\n20\n60\nintroversion\n"))
    assert "time zone" in result.stdout
    profile = as_json(run("init", "--yes", "--json"))
    assert profile == {
        "timezone": "Europe/Berlin",
        "daily_goal": 2,
        "rest_days_per_week": 1,
        "weekday_minutes": 20,
        "weekend_minutes": 60,
        "barriers": ["introversion"],
        "started_on": "2026-11-26",
    }


def test_init_with_flags_and_yes(run: Run) -> None:
    data = as_json(
        run(
            "init",
            "--yes",
            "--json",
            "--timezone",
            "Asia/Tokyo",
            "--goal",
            "3",
            "--rest-days",
            "2",
            "--weekday-minutes",
            "10",
            "--weekend-minutes",
            "30",
            "--barrier",
            "little-time",
            "--barrier",
            "social_anxiety",
        )
    )
    assert data == {
        "timezone": "Asia/Tokyo",
        "daily_goal": 3,
        "rest_days_per_week": 2,
        "weekday_minutes": 10,
        "weekend_minutes": 30,
        "barriers": ["little_time", "social_anxiety"],
        "started_on": "2026-11-26",
    }
    assert "All set" in ok(run("init", "--yes")).stdout


def test_people_add_list_show_edit_archive(ready: Run) -> None:
    added = as_json(
        ready(
            "people",
            "add",
            "Alan Turing",
            "--json",
            "--circle",
            "friends",
            "--closeness",
            "4",
            "--feeling",
            "energising",
            "--timezone",
            "Europe/London",
            "--birthday",
            "1912-06-23",
            "--interest",
            "running",
            "--interest",
            "chess",
            "--email",
            "alan@example.com",
            "--phone",
            "+44 1234",
            "--handle",
            "@alan",
            "--how-met",
            "Bletchley",
            "--notes",
            "likes puzzles",
        )
    )
    assert added["name"] == "Alan Turing"
    assert added["birthday"] == "1912-06-23"
    assert added["interests"] == ["running", "chess"]
    assert [c["kind"] for c in added["contacts"]] == ["email", "phone", "handle"]
    assert "Added Joan Clarke (friends)" in ok(ready("people", "add", "Joan Clarke")).stdout

    listed = as_json(ready("people", "list", "--json"))
    assert [p["name"] for p in listed] == [
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
        "Grace Kelly",
        "Joan Clarke",
    ]
    assert [p["name"] for p in as_json(ready("people", "list", "--json", "--circle", "Inner"))] == [
        "Ada Lovelace"
    ]
    assert len(as_json(ready("people", "list", "--json", "--search", "grace"))) == 2
    assert len(as_json(ready("people", "list", "--json", "--due"))) == 5
    assert len(as_json(ready("people", "list", "--json", "--limit", "2", "--offset", "4"))) == 1
    assert as_json(ready("people", "list", "--json", "--triage")) == []
    table = ok(ready("people", "list")).stdout
    assert "Ada Lovelace" in table and "not yet in touch" in table

    shown = as_json(ready("people", "show", "turing", "--json"))
    assert shown["how_met"] == "Bletchley"
    text = ok(ready("people", "show", "#1")).stdout
    assert "Ada Lovelace (#1)" in text and "'Ada'" in text

    edited = as_json(
        ready("people", "edit", "alan", "--json", "--circle", "inner", "--email", "a@b.org")
    )
    assert edited["circle"] == "inner"
    assert [c["value"] for c in edited["contacts"]] == ["a@b.org"]
    assert "Updated Alan" in ok(ready("people", "edit", "alan", "--notes", "x")).stdout

    archived = as_json(ready("people", "archive", "alan", "--json"))
    assert archived == {"id": added["id"], "name": "Alan Turing", "archived": True}
    assert "Alan Turing" not in [p["name"] for p in as_json(ready("people", "list", "--json"))]
    assert "Alan Turing" in ok(ready("people", "list", "--archived")).stdout
    back = as_json(ready("people", "archive", f"#{added['id']}", "--undo", "--json"))
    assert back["archived"] is False


def test_circles_list_and_set(ready: Run) -> None:
    assert as_json(ready("circles", "--json")) == [
        {"name": "inner", "cadence_days": 7},
        {"name": "close", "cadence_days": 14},
        {"name": "friends", "cadence_days": 30},
        {"name": "wider", "cadence_days": 90},
    ]
    assert as_json(ready("circles", "set", "Running", "10", "--json")) == {
        "name": "running",
        "cadence_days": 10,
    }
    assert "inner: every 5 days" in ok(ready("circles", "set", "inner", "5")).stdout
    assert "running" in ok(ready("circles")).stdout


def test_log_kinds_and_today(ready: Run) -> None:
    kinds = as_json(ready("kinds", "--json"))
    assert {"id": "coffee", "label": "coffee", "mode": "in_person"} in kinds
    assert "walk_run" in ok(ready("kinds")).stdout

    before = as_json(ready("today", "--json"))
    assert (before["status"], before["met"], before["due_total"]) == ("open", False, 3)

    logged = as_json(
        ready(
            "log",
            "coffee",
            "--json",
            "--with",
            "ada",
            "-w",
            "hopper",
            "--minutes",
            "45",
            "--quality",
            "5",
            "--mood-before",
            "5",
            "--mood-after",
            "8",
            "--note",
            "the engine",
            "--at",
            "today 08:30",
        )
    )
    assert logged["at"] == "2026-11-26T07:30:00+00:00"
    assert logged["day"] == "2026-11-26"
    assert {p["name"] for p in logged["people"]} == {"Ada", "Grace Hopper"}
    assert (logged["minutes"], logged["quality"], logged["note"]) == (45, 5, "the engine")

    travelled = as_json(
        ready(
            "log", "call", "--json", "-w", "kelly", "--at", "2026-11-20T08:00", "--tz", "Asia/Tokyo"
        )
    )
    assert (travelled["at"], travelled["day"]) == ("2026-11-19T23:00:00+00:00", "2026-11-20")
    weak = ok(ready("log", "small_talk", "--with-other", "barista", "--not-meaningful"))
    assert "barista" in weak.stdout and "counts" not in weak.stdout
    assert "counts for today" in ok(ready("log", "text", "-w", "ada")).stdout

    after = as_json(ready("today", "--json"))
    assert (after["status"], after["met"], after["count"], after["streak"]) == ("met", True, 2, 1)
    assert after["due_total"] == 0
    assert after["network_health"] == {"in_touch": 3, "total": 3, "share": 1.0}
    text = ok(ready("today")).stdout
    assert "Power of One" in text and "Thursday 26 November" in text


def test_checkin_creates_then_updates(ready: Run) -> None:
    first = as_json(ready("checkin", "--mood", "4", "--stress", "7", "--json"))
    assert first["created"] is True and first["date"] == "2026-11-26"
    second = as_json(
        ready(
            "checkin",
            "--mood",
            "7",
            "--stress",
            "3",
            "--energy",
            "6",
            "--sleep",
            "7.5",
            "--note",
            "walked",
            "--json",
        )
    )
    assert second == {
        "date": "2026-11-26",
        "mood": 7,
        "stress": 3,
        "energy": 6,
        "sleep_hours": 7.5,
        "note": "walked",
        "created": False,
    }
    assert "Updated your check-in" in ok(ready("checkin", "--mood", "6", "--stress", "3")).stdout
    assert "saved" in ok(ready("checkin", "--mood", "6", "--stress", "3", "--date", "-1")).stdout
    assert as_json(ready("today", "--json"))["checkin"] == {"mood": 6, "stress": 3}


def test_followup_add_list_done(ready: Run) -> None:
    added = as_json(
        ready("followup", "add", "ada", "ask about the engine", "--due", "today", "--json")
    )
    assert added["person"] == "Ada" and added["due"] == "2026-11-26" and added["done"] is False
    assert "Follow-up #2" in ok(ready("followup", "add", "hopper", "send COBOL notes")).stdout
    assert [f["id"] for f in as_json(ready("followup", "list", "--json"))] == [added["id"], 2]
    assert len(as_json(ready("followup", "list", "--json", "--person", "ada"))) == 1
    assert "engine" in ok(ready("followup", "list")).stdout
    done = as_json(ready("followup", "done", str(added["id"]), "--json"))
    assert done["done"] is True
    assert "done" in ok(ready("followup", "done", "2")).stdout
    assert as_json(ready("followup", "list", "--json")) == []
    assert len(as_json(ready("followup", "list", "--all", "--json"))) == 2
    assert as_json(ready("followup", "done", "2", "--undo", "--json"))["done"] is False


def test_demo_fills_an_empty_database(run: Run) -> None:
    summary = as_json(
        run("demo", "--json", "--days", "30", "--seed", "1", "--timezone", "Europe/Berlin")
    )
    assert summary["people"] == 60
    assert summary["interactions"] > 20
    view = as_json(run("today", "--json"))
    assert view["network_health"]["total"] == 60
    assert len(view["due_people"]) <= 5


def test_demo_text_output(run: Run) -> None:
    assert "Demo life ready: 60 people" in ok(run("demo", "--days", "14")).stdout


def test_db_upgrade_on_a_new_file(run: Run, db_path: Path) -> None:
    result = ok(run("db", "upgrade"))
    assert HEAD in result.stdout
    assert db_rows(db_path)["alembic_version"] == [(HEAD,)]
    ok(run("db", "upgrade"))  # idempotent


def test_help_lists_every_command(run: Run) -> None:
    out = ok(run("--help")).stdout
    for name in (
        "init",
        "today",
        "log",
        "kinds",
        "checkin",
        "demo",
        "followup",
        "db",
        "people",
        "circles",
    ):
        assert name in out
