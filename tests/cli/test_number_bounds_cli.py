"""The CLI refuses whole numbers beyond the stored range and arguments that are not UTF-8 with
one line and exit 2, writing nothing (issue #10.7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithkin.messages import error_text
from tests.cli.conftest import Run, assert_one_line_error, db_rows

HUGE = str(2**63)


@pytest.mark.parametrize(
    "args",
    [
        ("people", "list", "--offset", HUGE),
        ("people", "list", "--limit", "9" * 40),
        ("people", "add", "Zed", "--cadence-days", HUGE),
        ("log", "call", "--with", "Ada", "--minutes", HUGE),
        ("checkin", "--mood", HUGE, "--stress", "3"),
        ("insights", "experiment", "start", "--seed", "-" + str(2**63 + 1)),
    ],
)
def test_whole_numbers_beyond_storage_are_refused(ready: Run, db_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    before = db_rows(db_path)
    line = assert_one_line_error(ready(*args), 2)
    assert "something unexpected" not in line
    assert db_rows(db_path) == before


@pytest.mark.parametrize("ref", [HUGE, "#" + "9" * 40, "9" * 10_000])
def test_a_person_id_beyond_storage_is_not_found(ready: Run, db_path: Path, ref: str) -> None:
    before = db_rows(db_path)
    for args in (("people", "show", ref), ("log", "call", "--with", ref)):
        line = assert_one_line_error(ready(*args), 1)
        assert "something unexpected" not in line
    assert db_rows(db_path) == before


def test_an_argument_that_is_not_utf8_is_refused(ready: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    bad = b"Ad\xffa".decode("utf-8", "surrogateescape")
    line = assert_one_line_error(ready("people", "add", bad), 2)
    assert line == "Error: " + error_text("argument_not_utf8", position=3)
    line = assert_one_line_error(ready("log", "call", "--note", bad), 2)
    assert db_rows(db_path) == before


def test_an_interaction_more_than_a_year_ago_needs_yes(ready: Run, db_path: Path) -> None:
    before = db_rows(db_path)
    line = assert_one_line_error(ready("log", "call", "--with", "Ada", "--at", "2020-05-01"), 2)
    assert line == "Error: " + error_text("old_interaction", value="2020-05-01")
    assert_one_line_error(ready("log", "call", "--with", "Ada", "--at", "1969-07-20", "--yes"), 2)
    assert db_rows(db_path) == before
    done = ready("log", "call", "--with", "Ada", "--at", "2020-05-01", "--yes")
    assert done.exit_code == 0, done.output
