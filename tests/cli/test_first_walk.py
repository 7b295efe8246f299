"""What a brand-new user meets first (#15): next steps after init, an empty day and an empty
list that say what to do, days and kinds in words, hints that can be copied as they are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kithkin.cli.views import day_words
from kithkin.domain.reason import Reason
from kithkin.messages import error_text, text
from tests.cli.conftest import Run, as_json, assert_one_line_error, ok


def flat(output: str) -> str:
    return " ".join(output.split())


def test_init_says_what_comes_next_and_today_asks_for_people(run: Run) -> None:
    first = ok(run("init", "--yes", "--timezone", "Europe/Berlin")).stdout
    assert flat(text("init.next")) in flat(first)
    day = flat(ok(run("today")).stdout)
    assert flat(text("today.no_people")) in day
    assert flat(text("today.nothing_due")) not in day  # not 'everyone is in rhythm' with no one
    assert flat(text("people.none_yet")) in flat(ok(run("people", "list")).stdout)
    ok(run("people", "add", "Ada Lovelace", "--circle", "inner"))
    assert flat(text("init.next")) not in flat(ok(run("init", "--yes")).stdout)
    assert flat(text("today.no_people")) not in flat(ok(run("today")).stdout)
    assert text("people.none_match") in ok(run("people", "list", "--circle", "close")).stdout


def test_init_offers_the_system_time_zone(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    asked = ok(run("init", input="\n1\n15\n45\nn\n"))
    assert "[Asia/Tokyo]" in asked.stdout
    assert as_json(run("init", "--yes", "--json"))["timezone"] == "Asia/Tokyo"


def test_init_asks_again_for_minutes_the_profile_would_refuse(run: Run) -> None:
    asked = ok(run("init", input="Europe/Berlin\n1\n700\n20\n45\nn\n"))
    assert text("prompt.number", low=0, high=600) in asked.stderr  # asked again, at once
    assert as_json(run("init", "--yes", "--json"))["weekday_minutes"] == 20


def test_birthdays_in_today_read_as_words(ready: Run) -> None:
    ok(ready("people", "edit", "Ada", "--birthday", "11-28"))  # two days after the fixed now
    shown = ok(ready("today")).stdout
    assert day_words(date(2026, 11, 28)) == "Sat 28 Nov"  # the web's format, in the locale's order
    assert "Sat 28 Nov" in shown and "2026-11-28" not in shown


def test_people_show_names_the_kind(ready: Run) -> None:
    ok(ready("log", "call", "--with", "Ada"))
    shown = ok(ready("people", "show", "Ada")).stdout
    assert "phone call" in shown
    listed = ok(ready("people", "list")).stdout
    assert "0d ago" not in listed and text("people.last_today") in listed


def test_a_hint_with_a_two_word_name_can_be_copied(ready: Run) -> None:
    result = ready("call", "plan", "Grace Hopper")
    assert result.exit_code == 1
    assert "kithkin people edit 'Grace Hopper' --timezone" in result.stderr


def test_reasons_say_today_and_yesterday() -> None:
    base = {"cadence": 7}
    assert Reason("plan.reason.in_rhythm", {**base, "days": 0}).text == text(
        "plan.reason.in_rhythm#0", **base
    )
    assert "yesterday" in Reason("plan.reason.in_rhythm", {**base, "days": 1}).text
    assert Reason("plan.reason.in_rhythm", {**base, "days": 5}).text == text(
        "plan.reason.in_rhythm", **base, days=5
    )
    assert Reason("plan.reason.birthday_soon", {"days": 1}).text == "birthday tomorrow"
    assert "0 days ago" not in Reason("plan.reason.in_rhythm", {**base, "days": 0}).text


def test_export_to_a_folder_asks_for_a_file_name(ready: Run, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for command, name in (("json", "kithkin.json"), ("vcard", "kithkin.vcf")):
        result = ready("export", command, str(folder))
        line = assert_one_line_error(result, 2)
        assert str(folder / name) in line and "--force" not in line
        # and --force does not try to overwrite the folder either
        assert_one_line_error(ready("export", command, str(folder), "--force"), 2)
    assert_one_line_error(ready("export", "ics", str(folder)), 2)
    assert list(folder.iterdir()) == []


def test_backup_into_a_folder_writes_a_dated_copy(ready: Run, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    said = ok(ready("backup", str(folder), "--json"))
    [made] = list(folder.iterdir())
    assert made.suffix == ".db" and str(made) in said.stdout


def test_a_file_that_cannot_be_written_is_not_called_unreadable(ready: Run, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.json"
    line = assert_one_line_error(ready("export", "json", str(target)), 1)
    assert line.startswith("Error: " + error_text("file_unwritable", path=target, reason="")[:12])


def test_insights_on_day_one_explain_instead_of_empty_tables(ready: Run) -> None:
    ok(ready("checkin", "--mood", "6", "--stress", "4"))
    shown = ok(ready("insights")).stdout
    assert "not enough data" not in shown
    assert text("insights.by_mode_header") not in shown
    assert shown.strip()  # the summary still says what it takes


def test_empty_lists_say_how_to_start(ready: Run) -> None:
    assert text("log.none") in ok(ready("log", "list")).stdout
    assert text("checkin.none") in ok(ready("checkin", "list")).stdout
    assert as_json(ready("log", "list", "--json")) == []
    ok(ready("log", "call", "--with", "Ada", "--at", "yesterday"))
    assert text("log.none_since") in ok(ready("log", "list", "--since", "today")).stdout
    assert "Ada" in ok(ready("log", "list")).stdout


def test_logging_someone_new_says_how_to_add_them(ready: Run) -> None:
    line = assert_one_line_error(ready("log", "call", "--with", "Bob Smith"), 2)
    assert "kithkin people add 'Bob Smith'" in line and "--with-other 'Bob Smith'" in line
    assert as_json(ready("log", "list", "--json")) == []
    typo = assert_one_line_error(ready("log", "call", "--with", "Gx"), 2)
    assert "Grace Hopper" in typo  # the 'did you mean' stays


def test_init_questions_come_from_the_catalogue(run: Run) -> None:
    asked = ok(run("init", input="UTC\n1\n15\n45\nn\n")).stdout
    for key in ("init.ask_zone", "init.ask_goal", "init.ask_weekday", "init.ask_weekend"):
        assert text(key) in asked


def test_a_questionnaire_without_its_questions_is_not_suggested_in_today(ready: Run) -> None:
    """`today` suggests what can be taken now, as the web does (#14): PSS-10 waits for the
    user's copy of its questions (`kithkin assess pss10` says where it goes)."""
    day = flat(ok(ready("today")).stdout)
    assert "kithkin assess who5" in day  # WHO-5 ships: the plain line
    assert "pss10" not in day
    assert "items" in flat(ready("assess", "pss10").output)  # where the questions go
