"""Files kithkin reads are capped in size (configurable) and read as UTF-8 with the line of any
bad byte; a local calendar's recurrences are bounded (issue #10.7 and #10.9)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kithkin.cli import app
from kithkin.formats.icalendar import MAX_OCCURRENCES
from kithkin.messages import error_text, text
from tests.cli.conftest import NOW, Run, as_json, assert_one_line_error, db_rows, ok


def _run_capped(db_path: Path, limit_mb: str) -> Run:
    runner = CliRunner(
        env={
            "KITHKIN_DATABASE_URL": f"sqlite:///{db_path}",
            "KITHKIN_NOW": NOW,
            "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
            "KITHKIN_MAX_FILE_MB": limit_mb,
            "KITHKIN_DEBUG": None,
        }
    )

    def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]  # noqa: A002
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def test_an_endless_file_is_refused_at_the_cap_with_the_cap_in_the_message(
    ready: Run, db_path: Path
) -> None:
    capped = _run_capped(db_path, "1")
    before = db_rows(db_path)
    for args in (
        ("import", "vcard", "/dev/zero"),
        ("import", "csv", "/dev/zero", "--format", "google"),
        ("import", "json", "/dev/zero"),
        ("assess", "pss4", "--items", "/dev/zero"),
    ):
        line = assert_one_line_error(capped(*args), 2)
        assert line == "Error: " + error_text("file_too_large", path="/dev/zero", limit_mb=1)
    assert db_rows(db_path) == before


def test_a_calendar_over_the_cap_is_refused(ready: Run, db_path: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.ics"
    big.write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"a" * (1024 * 1024) + b"\r\n")
    line = assert_one_line_error(_run_capped(db_path, "1")("calendar", "add", str(big)), 2)
    assert line == "Error: " + error_text("file_too_large", path=str(big), limit_mb=1)


def test_a_bad_cap_in_the_config_is_refused(ready: Run, db_path: Path) -> None:
    assert_one_line_error(_run_capped(db_path, "0")("today"), 2)


def test_an_items_file_that_is_not_utf8_names_the_file_and_line(
    ready: Run, db_path: Path, tmp_path: Path
) -> None:
    items = tmp_path / "pss4.txt"
    items.write_bytes(b"One?\nTwo?\nThr\xffee?\nFour?\n")
    before = db_rows(db_path)
    line = assert_one_line_error(ready("assess", "pss4", "--items", str(items)), 2)
    assert line == "Error: " + error_text("file_not_utf8", path=str(items), line=3)
    assert db_rows(db_path) == before


SECONDLY = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//test//EN\r
BEGIN:VEVENT\r
UID:spam@example.com\r
DTSTAMP:20260101T000000Z\r
DTSTART:{start}\r
DTEND:{end}\r
RRULE:FREQ=SECONDLY\r
SUMMARY:Every second\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_secondly_rule_is_cut_with_a_note_and_free_still_answers(
    ready: Run, tmp_path: Path
) -> None:
    cal = tmp_path / "spam.ics"
    # Starts at 10:00 Berlin on the day asked: busy for MAX_OCCURRENCES seconds from then.
    cal.write_text(SECONDLY.format(start="20261126T090000Z", end="20261126T090001Z"))
    ok(ready("calendar", "add", str(cal)))
    data = as_json(ready("calendar", "free", "--date", "2026-11-26", "--json"))
    cut = text("calendar.cut", detail="Every second", count=f"{MAX_OCCURRENCES:,}")
    assert data["notes"] == [cut]
    hours = MAX_OCCURRENCES / 3600
    assert all(
        not ("10:00" <= s["start"][11:16] < f"{10 + int(hours):02d}:{int(hours % 1 * 60):02d}")
        for s in data["slots"]
    )
    plain = ok(ready("calendar", "free", "--date", "2026-11-26"))
    assert cut in " ".join(plain.stdout.split())


def test_a_secondly_rule_from_long_ago_does_not_run_away(ready: Run, tmp_path: Path) -> None:
    cal = tmp_path / "old.ics"
    cal.write_text(SECONDLY.format(start="20000101T000000Z", end="20000101T000001Z"))
    ok(ready("calendar", "add", str(cal)))
    data = json.loads(ok(ready("calendar", "free", "--date", "2026-11-26", "--json")).stdout)
    assert len(data["notes"]) == 1 and data["free_minutes"] > 0
