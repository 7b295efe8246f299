"""`kithkin today` names a registered calendar that cannot be read any more, on one line
with the reason; readable calendars say nothing (#12)."""

from __future__ import annotations

import json
from pathlib import Path

from kithkin.messages import text
from tests.cli.conftest import Run, ok

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def _calendar(ready: Run, tmp_path: Path) -> Path:
    path = tmp_path / "family.ics"
    path.write_bytes((FIXTURES / "weekly_berlin_dst.ics").read_bytes())
    ok(ready("calendar", "add", str(path), "--name", "family"))
    return path


def test_today_is_quiet_about_a_calendar_that_reads(ready: Run, tmp_path: Path) -> None:
    _calendar(ready, tmp_path)
    out = ok(ready("today")).stdout
    assert "family" not in out
    assert json.loads(ok(ready("today", "--json")).stdout)["unreadable_calendars"] == []


def test_today_names_an_unreadable_calendar_on_one_line(ready: Run, tmp_path: Path) -> None:
    path = _calendar(ready, tmp_path)
    ok(ready("today"))  # today's plan is made; the next look takes the lean path
    path.write_text("not a calendar any more\n", encoding="utf-8")
    for _ in range(2):  # the lean read, and again
        out = ok(ready("today")).stdout
        line = text("today.calendar_unreadable", name="family", reason=text("calendar.not_ics"))
        assert out.splitlines()[0] == line
        assert out.count("family") == 1
    data = json.loads(ok(ready("today", "--json")).stdout)
    (found,) = data["unreadable_calendars"]
    assert found["name"] == "family"
    assert found["reason"] == text("calendar.not_ics")
    path.unlink()
    (gone,) = json.loads(ok(ready("today", "--json")).stdout)["unreadable_calendars"]
    assert gone["name"] == "family" and gone["reason"]
