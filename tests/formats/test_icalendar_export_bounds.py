"""Exported recurring calls end where their windows were checked, and the VTIMEZONE covers
the events' dates (from the zone database)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar

from kithkin.formats.icalendar import RecurringCall, parse_busy, write_calendar

STAMP = datetime(2026, 11, 26, 9, tzinfo=UTC)


def test_the_rrule_ends_on_the_last_checked_day() -> None:
    call = RecurringCall(
        key="1",
        summary="Call Kenji",
        first_start=datetime(2026, 12, 3, 19, 0),
        timezone="Europe/Berlin",
        minutes=30,
        until=date(2027, 11, 25),
    )
    text = write_calendar([call], stamp=STAMP)
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert event["RRULE"]["UNTIL"] == [datetime(2027, 11, 25, 22, 59, 59, tzinfo=UTC)]
    busy, problems = parse_busy(
        text, start=datetime(2027, 11, 1, tzinfo=UTC), end=datetime(2028, 2, 1, tzinfo=UTC)
    )
    assert problems == []
    assert [b.start_utc.date() for b in busy] == [
        date(2027, 11, 4),
        date(2027, 11, 11),
        date(2027, 11, 18),
        date(2027, 11, 25),
    ]


def test_the_vtimezone_covers_the_dates_of_the_events() -> None:
    call = RecurringCall(
        key="2",
        summary="Call Ana",
        first_start=datetime(2040, 3, 1, 18, 0),
        timezone="America/Sao_Paulo",
        minutes=30,
        until=date(2045, 6, 1),
    )
    calendar = icalendar.Calendar.from_ical(write_calendar([call], stamp=STAMP))
    (tz,) = calendar.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "America/Sao_Paulo"
    starts = [sub["DTSTART"].dt for sub in tz.subcomponents]
    assert min(starts).year <= 2040
    berlin = RecurringCall(
        key="3",
        summary="Call Jo",
        first_start=datetime(2039, 1, 5, 9, 0),
        timezone="Europe/Berlin",
        minutes=30,
        until=date(2041, 1, 1),
    )
    zone = icalendar.Calendar.from_ical(write_calendar([berlin], stamp=STAMP)).walk("VTIMEZONE")[0]
    years = {sub["DTSTART"].dt.year for sub in zone.subcomponents}
    assert {2039, 2040} <= years  # the 1970-2038 placeholder stopped before the calls began
