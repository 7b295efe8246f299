"""The error boundary: one line on stderr, exit 2 for bad input and 1 otherwise, no traceback
unless --debug, and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import Run, as_json, assert_one_line_error, db_rows, make_run, ok

USAGE, OTHER = 2, 1


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a profile, three people, an interaction, a check-in and a follow-up,
    built once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "k.db"
    run = make_run(path)
    ok(run("init", "--yes", "--timezone", "Europe/Berlin"))
    ok(run("people", "add", "Ada Lovelace", "--circle", "inner", "--nickname", "Ada"))
    ok(run("people", "add", "Grace Hopper", "--circle", "close"))
    ok(run("people", "add", "Grace Kelly", "--circle", "wider"))
    ok(run("log", "call", "--with", "ada", "--at", "yesterday"))
    ok(run("checkin", "--mood", "5", "--stress", "5"))
    ok(run("followup", "add", "ada", "ask about the engine"))
    return path


@pytest.fixture
def logged(template: Path, db_path: Path, run: Run) -> Run:
    shutil.copy2(template, db_path)
    return run


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["log", "coffee", "--with", "ada", "--with", "nobody-at-all"], USAGE, "nobody-at-all"),
        (["log", "coffee", "--with", "grace"], USAGE, "Grace Hopper (#2)"),
        (["log", "coffee", "--with", "#99"], OTHER, "99"),
        (["log", "telepathy", "--with", "ada"], USAGE, "coffee"),
        (["log", "coffee", "--with", "ada", "--quality", "9"], USAGE, "between 1 and 5"),
        (["log", "coffee", "--with", "ada", "--mood-after", "0"], USAGE, "between 1 and 10"),
        (["log", "coffee", "--with", "ada", "--minutes", "-3"], USAGE, "minutes"),
        (["log", "coffee", "--with", "ada", "--at", "someday"], USAGE, "YYYY-MM-DD"),
        (["log", "coffee", "--with", "ada", "--at", "2026-03-29T02:30"], USAGE, "daylight"),
        (["log", "coffee", "--with", "ada", "--tz", "Mars/Base"], USAGE, "Europe/Berlin"),
        (["log", "coffee", "--with", "ada", "--at", "2030-01-01 10:00"], USAGE, "still to come"),
        (["log", "coffee", "--with", "ada", "--at", "tomorrow"], USAGE, "YYYY-MM-DD"),
        (["checkin", "--mood", "5", "--stress", "5", "--date", "2027-01-01"], USAGE, "to come"),
        (["checkin", "--mood", "5", "--stress", "5", "--date", "-99999999999"], USAGE, "a date"),
        # a day's first check-in needs both (a later one may change just one: issue #10.2)
        (["checkin", "--mood", "5", "--date", "-3"], USAGE, "stress"),
        (["checkin", "--mood", "11", "--stress", "5"], USAGE, "between 1 and 10"),
        (["checkin", "--mood", "5", "--stress", "5", "--date", "soonish"], USAGE, "YYYY-MM-DD"),
        (["checkin", "--mood", "5", "--stress", "5", "--sleep", "25"], USAGE, "between 0 and 24"),
        (["init", "--yes", "--timezone", "Mars/Base"], USAGE, "a region and a city"),
        (["init", "--yes", "--goal", "11"], USAGE, "between 1 and 10"),
        (["init", "--yes", "--barrier", "shyness"], USAGE, "introversion"),
        (["people", "add", "   "], USAGE, "empty"),
        (["people", "add", "Zed", "--circle", "acquaintances"], USAGE, "inner"),  # #15: exit 2
        (["people", "add", "Zed", "--closeness", "9"], USAGE, "between 1 and 5"),
        (["people", "add", "Zed", "--birthday", "31 May"], USAGE, "YYYY-MM-DD"),
        (["people", "add", "Zed", "--feeling", "grumpy"], USAGE, "energising"),
        (["people", "list", "--circle", "nope"], OTHER, "nope"),
        (["people", "show", "#99"], OTHER, "99"),
        (["people", "show", "nobody-at-all"], USAGE, "nobody-at-all"),
        (["people", "edit", "#99", "--notes", "x"], OTHER, "99"),
        (["people", "edit", "ada", "--cadence", "0"], USAGE, "cadence"),
        (["people", "archive", "grace"], USAGE, "Grace Kelly (#3)"),
        (["circles", "set", "running", "0"], USAGE, "cadence"),
        (["followup", "add", "nobody-at-all", "hi"], USAGE, "nobody-at-all"),
        (["followup", "add", "ada", "  "], USAGE, "empty"),
        (["followup", "add", "ada", "hi", "--due", "soonish"], USAGE, "YYYY-MM-DD"),
        (["followup", "done", "99"], OTHER, "99"),
        (["followup", "list", "--person", "nobody-at-all"], USAGE, "nobody-at-all"),
        (["demo"], OTHER, "empty"),
    ],
)
def test_errors_are_one_line_with_the_right_code_and_write_nothing(
    logged: Run, db_path: Path, args: list[str], code: int, says: str
) -> None:
    before = db_rows(db_path)
    result = logged(*args)
    line = assert_one_line_error(result, code)
    assert says in line
    assert result.stdout == ""
    assert db_rows(db_path) == before


def test_json_errors_still_print_nothing_on_stdout(logged: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    result = logged("log", "coffee", "--json", "--with", "nobody-at-all")
    assert_one_line_error(result, USAGE)
    assert result.stdout == ""
    assert db_rows(db_path) == before


def test_debug_shows_the_traceback_and_keeps_the_exit_code(logged: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    result = logged("--debug", "log", "coffee", "--with", "nobody-at-all")
    assert result.exit_code == USAGE
    assert "Traceback (most recent call last)" in result.stderr
    assert "UnknownName" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")
    assert db_rows(db_path) == before


def test_not_initialised_asks_for_init(run: Run) -> None:
    line = assert_one_line_error(run("today", "--json"), OTHER)
    assert "kithkin init" in line


def test_unexpected_errors_are_one_line_exit_1_and_point_to_debug(
    logged: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kithkin.services.today as today_service

    def broken(**_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(today_service, "today", broken)
    line = assert_one_line_error(logged("today"), OTHER)
    assert "RuntimeError" in line and "--debug" in line
    result = logged("--debug", "today")
    assert result.exit_code == OTHER
    assert "RuntimeError: boom" in result.stderr


def test_click_usage_errors_exit_2(logged: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    for args in (["checkin", "--mood"], ["demo", "--days", "3"], ["checkin", "--mood", "x"]):
        result = logged(*args)
        assert result.exit_code == USAGE
        assert "Traceback" not in result.output
    assert db_rows(db_path) == before


def test_a_good_command_after_errors_still_works(logged: Run) -> None:
    assert_one_line_error(logged("log", "coffee", "--with", "grace"), USAGE)
    view = as_json(logged("today", "--json"))
    assert view["count"] == 0 and view["status"] == "open"


def test_init_rejects_a_bad_flag_before_asking_anything(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from kithkin.cli import app

    env = {
        "KITHKIN_DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}",
        "KITHKIN_NOW": "2026-11-26T09:00:00+00:00",
        "KITHKIN_CONFIG": "/proc/kithkin-absent",
    }
    result = CliRunner().invoke(app, ["init", "--goal", "0"], env=env)
    assert result.exit_code == 2
    assert "Your time zone" not in result.output
    assert "daily goal" in result.output


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://nobody:secret@127.0.0.1:1/x", "nobody:***@"),
        ("sqlite:////proc/nope/k.db", "/proc/nope"),
        ("mysql://x", "MySQLdb"),
        ("not a url", "parse"),
    ],
)
def test_a_database_that_cannot_be_opened_is_one_clear_line(url: str, says: str) -> None:
    from typer.testing import CliRunner

    from kithkin.cli import app

    env = {"KITHKIN_DATABASE_URL": url, "KITHKIN_CONFIG": "/proc/kithkin-absent"}
    result = CliRunner().invoke(app, ["today"], env=env)
    line = assert_one_line_error(result, OTHER)
    assert "Could not open the database" in line and says in line
    assert "secret" not in result.output


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kithkin.cli import app

    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello, not sqlite\n" * 100)
    env = {"KITHKIN_DATABASE_URL": f"sqlite:///{bogus}", "KITHKIN_CONFIG": "/proc/kithkin-absent"}
    line = assert_one_line_error(CliRunner().invoke(app, ["today"], env=env), OTHER)
    assert "not a database" in line
    assert bogus.read_text().startswith("hello")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["people", "add", "x" * 201], "at most 200"),
        (["people", "add", "Zed", "--nickname", "n" * 101], "at most 100"),
        (["people", "add", "Zed", "--birthday", "02-30"], "exists on the calendar"),
        (["circles", "set", "c" * 61, "7"], "at most 60"),
        (["log", "text", "--with-other", "w" * 201], "at most 200"),
    ],
)
def test_too_long_or_impossible_values_are_refused(
    logged: Run, db_path: Path, args: list[str], says: str
) -> None:
    before = db_rows(db_path)
    line = assert_one_line_error(logged(*args), USAGE)
    assert says in line
    assert db_rows(db_path) == before


def test_time_zone_words_carry_no_jargon(run: Run) -> None:
    """The user meets "a region and a city", never "IANA" (#14, plain words)."""
    from typer.testing import CliRunner

    from kithkin.cli import app

    for args in (["init", "--help"], ["people", "add", "--help"], ["people", "edit", "--help"]):
        assert "IANA" not in CliRunner().invoke(app, args).stdout
    result = run("init", "--yes", "--timezone", "Mars/Base")
    assert "IANA" not in result.stderr
