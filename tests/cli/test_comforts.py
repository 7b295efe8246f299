"""The command line's ordinary comforts (#15): --version, -h, completion, prompts that re-ask,
checkin that asks, log that needs a who, duplicate warnings, words instead of keys."""

from __future__ import annotations

from pathlib import Path

from kithkin.cli.ask import system_zone
from kithkin.cli.people import birthday_words
from kithkin.messages import TEXT, error_text, text
from tests.cli.conftest import Run, as_json, ok


def test_version_and_short_help(run: Run) -> None:
    assert ok(run("--version")).stdout.startswith("kithkin ")
    assert "Usage: kithkin" in ok(run("-h")).stdout
    assert "Usage: kithkin log" in ok(run("log", "-h")).stdout
    assert "--install-completion" in ok(run("--help")).stdout


def test_checkin_asks_and_re_asks_at_once(ready: Run) -> None:
    done = ok(ready("checkin", input="eleven\n11\n6\n0\n4\n"))
    assert text("prompt.number", low=1, high=10) in done.stderr
    assert as_json(ready("checkin", "list", "--json"))[0]["mood"] == 6
    assert as_json(ready("checkin", "list", "--json"))[0]["stress"] == 4
    ok(ready("checkin", "--mood", "3", "--stress", "2"))  # the old flags still work


def test_log_needs_someone_or_alone(ready: Run) -> None:
    bare = ready("log", "call")
    assert bare.exit_code == 2 and error_text("log_needs_who") in bare.stderr
    assert as_json(ready("log", "list", "--json")) == []
    ok(ready("log", "walk_run", "--alone"))
    ok(ready("log", "coffee", "--with-other", "barista"))


def test_people_add_warns_about_a_likely_duplicate(ready: Run) -> None:
    ok(ready("people", "add", "Alan Turing", "--email", "alan@example.com"))
    for args in (("ada",), ("Ada  lovelace",), ("Someone", "--email", "ALAN@example.com")):
        result = ready("people", "add", *args)
        assert result.exit_code == 1, args
        assert "--force" in result.stderr
    ok(ready("people", "add", "Ada Byron"))  # another surname: not the same person
    ok(ready("people", "add", "Ada", "--force"))


def test_init_re_asks_and_takes_shortcuts(run: Run) -> None:
    done = ok(run("init", input="Mars/Base\nEurope/Paris\n0\n2\n20\n60\nq\ns\n"))
    assert "Mars/Base" in done.stderr
    profile = as_json(run("init", "--yes", "--json"))
    assert profile["timezone"] == "Europe/Paris"
    assert profile["daily_goal"] == 2
    assert profile["barriers"] == ["social_anxiety"]


def test_system_zone(tmp_path: Path) -> None:
    assert system_zone({"TZ": "Asia/Tokyo"}) == "Asia/Tokyo"
    assert system_zone({"TZ": "Not/AZone"}, localtime=str(tmp_path / "none")) == "UTC"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Europe/Lisbon")
    assert system_zone({}, localtime=str(link)) == "Europe/Lisbon"


def test_words_not_keys(ready: Run) -> None:
    assert birthday_words("--05-04") == "4 May"
    assert birthday_words("1990-05-04") == "4 May 1990"
    ok(ready("people", "edit", "Ada", "--birthday", "05-04", "--timezone", "Asia/Tokyo"))
    shown = ok(ready("people", "show", "Ada")).stdout
    assert "birthday: 4 May" in shown and "--05-04" not in shown
    planned = ok(ready("call", "plan", "Ada"))
    assert TEXT["call.not_saved"] in planned.stdout.replace("\n", " ") or "--save" in planned.stdout
