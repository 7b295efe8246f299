"""`kithkin checkin` a second time that day changes only what it names (issue #10, point 2)."""

from __future__ import annotations

from tests.cli.conftest import Run, as_json, assert_one_line_error, ok


def test_second_checkin_keeps_energy_sleep_and_note(ready: Run) -> None:
    ok(
        ready(
            "checkin",
            *("--mood", "4", "--stress", "7", "--energy", "5", "--sleep", "7", "--note", "tired"),
        )
    )
    second = as_json(ready("checkin", "--mood", "6", "--stress", "4", "--json"))
    assert second == {
        "date": "2026-11-26",
        "mood": 6,
        "stress": 4,
        "energy": 5,
        "sleep_hours": 7.0,
        "note": "tired",
        "created": False,
    }
    third = as_json(ready("checkin", "--energy", "8", "--json"))
    assert (third["mood"], third["stress"], third["energy"]) == (6, 4, 8)


def test_clear_removes_a_value(ready: Run) -> None:
    ok(ready("checkin", "--mood", "4", "--stress", "7", "--energy", "5", "--note", "tired"))
    data = as_json(ready("checkin", "--clear", "energy", "--clear", "note", "--json"))
    assert (data["mood"], data["energy"], data["note"]) == (4, None, "")


def test_first_checkin_without_mood_is_refused(ready: Run) -> None:
    assert_one_line_error(ready("checkin", "--energy", "5"), 2)


def test_clearing_mood_is_refused(ready: Run) -> None:
    ok(ready("checkin", "--mood", "4", "--stress", "7"))
    assert_one_line_error(ready("checkin", "--clear", "mood"), 2)


def test_help_says_how_to_clear(ready: Run) -> None:
    assert "--clear" in ok(ready("checkin", "--help")).stdout
