"""The CLI shows dates in the order of the user's locale: the locale setting, else LC_ALL,
LC_TIME or LANG; "today" and "yesterday" for the nearest days (#14)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kithkin.cli import app
from tests.cli.conftest import NOW, Run, make_run, ok


def _run_with(db_path: Path, **env: str | None) -> Run:
    runner = CliRunner(
        env={
            "KITHKIN_DATABASE_URL": f"sqlite:///{db_path}",
            "KITHKIN_NOW": NOW,  # Thursday 26 November 2026, 10:00 in Berlin
            "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
            "KITHKIN_DEBUG": None,
            "LC_ALL": None,
            "LC_TIME": None,
            "LANG": None,
            "KITHKIN_LOCALE": None,
            **env,
        }
    )
    return lambda *args, input=None: runner.invoke(app, list(args), input=input)  # noqa: A006


def test_log_and_check_in_say_today_and_yesterday(ready: Run, db_path: Path) -> None:
    run = _run_with(db_path, LANG="en_US.UTF-8")
    now = ok(run("log", "call", "--with", "Ada")).stdout
    assert ", today." in now and "2026-11-26" not in now
    before = ok(run("log", "coffee", "--with", "Ada", "--at", "yesterday 18:00")).stdout
    assert ", yesterday." in before and "for yesterday" in before
    said = ok(run("checkin", "--mood", "6", "--stress", "3")).stdout
    assert "for today" in said


def test_the_order_follows_lang_lc_time_lc_all_and_the_setting(ready: Run, db_path: Path) -> None:
    ok(make_run(db_path)("log", "call", "--with", "Ada", "--at", "2026-11-20 12:00"))
    cases = [
        ({"LANG": "en_US.UTF-8"}, "Fri, Nov 20"),
        ({"LANG": "en_GB.UTF-8"}, "Fri 20 Nov"),
        ({"LANG": "en_US.UTF-8", "LC_TIME": "de_DE.UTF-8"}, "Fri 20 Nov"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "sv_SE.UTF-8"}, "Fri 2026-11-20"),
        ({"LANG": "en_GB.UTF-8", "KITHKIN_LOCALE": "en_US"}, "Fri, Nov 20"),
        ({"LANG": "C.UTF-8"}, "Fri 20 Nov"),  # no locale: day first
    ]
    for env, shown in cases:
        run = _run_with(db_path, **env)
        said = ok(run("log", "walk_run", "--with", "Ada", "--at", "2026-11-20 18:00")).stdout
        assert f", {shown}." in said, (env, said)
    data = ok(_run_with(db_path, LANG="en_US.UTF-8")("people", "show", "Ada", "--json")).stdout
    assert "2026-11-20" in data and "Nov 20" not in data  # JSON keeps ISO dates


def test_today_and_plan_headings_follow_the_locale_too(ready: Run, db_path: Path) -> None:
    us = _run_with(db_path, LANG="en_US.UTF-8")
    assert "Thursday, November 26" in ok(us("today")).stdout
    assert "Thursday, November 26" in ok(us("plan")).stdout
    assert "Thursday 26 November" in ok(_run_with(db_path, LANG="en_GB.UTF-8")("plan")).stdout


def test_lists_of_logs_check_ins_and_changes_show_days_as_everywhere(
    ready: Run, db_path: Path
) -> None:
    """``log list``, ``checkin list`` and ``undo --list`` showed ISO days and UTC times."""
    ok(make_run(db_path)("log", "call", "--with", "Ada", "--at", "2026-11-20 12:00"))
    ok(make_run(db_path)("log", "coffee", "--with", "Ada"))
    ok(make_run(db_path)("checkin", "--mood", "6", "--stress", "3"))
    us = _run_with(db_path, LANG="en_US.UTF-8", COLUMNS="200")
    logs = ok(us("log", "list")).stdout
    assert "Fri, Nov 20" in logs and "today" in logs and "2026-11-2" not in logs
    checkins = ok(us("checkin", "list")).stdout
    assert "today" in checkins and "2026-11-26" not in checkins
    changes = ok(us("undo", "--list")).stdout
    assert "today 10:00" in changes and "2026-11-26" not in changes  # Berlin time, not UTC
