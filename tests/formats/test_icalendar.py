"""Busy times from iCalendar files, and kithkin's own calendar export."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from kithkin.domain.errors import NonexistentLocalTime
from kithkin.domain.model import Birthday
from kithkin.formats.icalendar import (
    PRODID,
    BirthdayEvent,
    PlannedConnection,
    RecurringCall,
    parse_busy,
    write_calendar,
)

FIXTURES = Path(__file__).parent / "fixtures"
SPRING = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC))
STAMP = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_weekly_berlin_meeting_across_the_dst_change() -> None:
    text = (FIXTURES / "weekly_berlin_dst.ics").read_text()
    busy, problems = parse_busy(text, start=SPRING[0], end=SPRING[1])
    assert problems == []
    assert [(b.start_utc, b.end_utc, b.summary) for b in busy] == [
        (utc(2026, 3, 12, 9), utc(2026, 3, 12, 10), "Team sync"),  # CET, UTC+1
        # 19 March is an EXDATE
        (utc(2026, 3, 26, 9), utc(2026, 3, 26, 10), "Team sync"),
        # clocks go forward on 29 March: the same 10:00 wall time is an hour earlier in UTC
        (utc(2026, 4, 3, 12), utc(2026, 4, 3, 13), "Team sync (moved to Friday)"),
        # 9 April is cancelled
        (utc(2026, 4, 16, 8), utc(2026, 4, 16, 9), "Team sync"),
    ]
    assert not any(b.all_day for b in busy)


def test_all_day_floating_transparent_and_cancelled() -> None:
    text = (FIXTURES / "all_day_floating_transparent.ics").read_text()
    busy, problems = parse_busy(text, start=SPRING[0], end=SPRING[1], default_tz="Europe/Berlin")
    assert problems == []
    assert [(b.summary, b.start_utc, b.end_utc, b.all_day) for b in busy] == [
        ("Labour Day", utc(2026, 4, 30, 22), utc(2026, 5, 1, 22), True),
        ("Dentist", utc(2026, 5, 5, 7), utc(2026, 5, 5, 7, 30), False),
        ("Standup", utc(2026, 5, 6, 7), utc(2026, 5, 6, 7, 15), False),
    ]


def test_floating_time_follows_the_default_zone() -> None:
    text = (FIXTURES / "all_day_floating_transparent.ics").read_text()
    busy, _ = parse_busy(text, start=SPRING[0], end=SPRING[1], default_tz="America/New_York")
    dentist = next(b for b in busy if b.summary == "Dentist")
    assert dentist.start_utc == utc(2026, 5, 5, 13)


def test_window_keeps_only_overlapping_intervals() -> None:
    text = (FIXTURES / "weekly_berlin_dst.ics").read_text()
    busy, _ = parse_busy(text, start=utc(2026, 3, 26, 9, 30), end=utc(2026, 4, 4))
    assert [b.start_utc for b in busy] == [utc(2026, 3, 26, 9), utc(2026, 4, 3, 12)]


def test_unreadable_calendar_is_a_problem() -> None:
    busy, problems = parse_busy("this is not a calendar", start=SPRING[0], end=SPRING[1])
    assert busy == []
    assert [(p.line, p.message_key) for p in problems] == [(1, "calendar.unreadable")]


def test_one_bad_series_does_not_sink_the_calendar() -> None:
    text = (FIXTURES / "all_day_floating_transparent.ics").read_text()
    bad = (
        "BEGIN:VEVENT\nUID:broken@example.com\nDTSTAMP:20260301T090000Z\n"
        "DTSTART:20260505T090000Z\nRRULE:FREQ=SOMETIMES\nSUMMARY:Broken\nEND:VEVENT\n"
    )
    text = text.replace("END:VCALENDAR", bad + "END:VCALENDAR")
    busy, problems = parse_busy(text, start=SPRING[0], end=SPRING[1])
    assert "Dentist" in {b.summary for b in busy}
    assert [p.message_key for p in problems] == ["calendar.bad_event"]
    assert text.splitlines()[problems[0].line - 1] == "BEGIN:VEVENT"
    assert "UID:broken" in text.splitlines()[problems[0].line]


EVENTS = [
    PlannedConnection(
        "7", "Coffee with Amara", utc(2026, 5, 2, 10), 30, description="Ask about the race"
    ),
    RecurringCall("mum", "Call Mum", datetime(2026, 3, 1, 18, 0), "Europe/Berlin", 20),
    BirthdayEvent("3", "Sven", Birthday(2, 29)),
    BirthdayEvent("4", "Amara", Birthday(3, 14, 1988)),
]


def test_export_is_idempotent_and_has_stable_uids() -> None:
    first = write_calendar(EVENTS, stamp=STAMP)
    assert first == write_calendar(list(EVENTS), stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(first)
    assert str(calendar["PRODID"]) == PRODID
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [
        "planned-7@kithkin",
        "call-mum@kithkin",
        "birthday-3@kithkin",
        "birthday-4@kithkin",
    ]
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_export_rules() -> None:
    calendar = icalendar.Calendar.from_ical(write_calendar(EVENTS, stamp=STAMP))
    planned, call, leap, amara = calendar.walk("VEVENT")
    assert planned["DESCRIPTION"] == "Ask about the race"
    assert call["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert call["RRULE"]["FREQ"] == ["WEEKLY"]
    assert leap["RRULE"]["BYMONTHDAY"] == [-1]
    assert amara["DTSTART"].dt.isoformat() == "1988-03-14"
    assert amara["RRULE"]["FREQ"] == ["YEARLY"]
    assert str(amara["SUMMARY"]).startswith("Amara")


def test_exported_recurring_call_reads_back_across_dst() -> None:
    text = write_calendar(EVENTS, stamp=STAMP)
    busy, problems = parse_busy(text, start=utc(2026, 3, 20), end=utc(2026, 4, 6))
    assert problems == []
    # birthdays are transparent: they do not make the user busy
    assert [b.start_utc for b in busy] == [
        utc(2026, 3, 22, 17),
        utc(2026, 3, 29, 16),
        utc(2026, 4, 5, 16),
    ]


def test_recurring_call_in_the_dst_gap_is_refused() -> None:
    gap = RecurringCall("x", "Call", datetime(2026, 3, 29, 2, 30), "Europe/Berlin", 20)
    with pytest.raises(NonexistentLocalTime):
        write_calendar([gap], stamp=STAMP)
