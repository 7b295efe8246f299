"""The calendar export and feed as iCalendar text: :mod:`kithkin.services.feed` entries in,
``formats.icalendar.write_calendar`` out."""

from __future__ import annotations

from datetime import datetime

from kithkin.domain.errors import ConflictError
from kithkin.formats.icalendar import BirthdayEvent, CalendarEvent, PlannedConnection, RecurringCall
from kithkin.messages import text
from kithkin.services.feed import FeedEntries, feed_entries
from kithkin.services.ports import UnitOfWork


def render_feed(entries: FeedEntries, *, stamp: datetime) -> str:
    from kithkin.formats.icalendar import write_calendar

    events: list[CalendarEvent] = [
        PlannedConnection(
            key=p.key,
            summary=text("planned.summary", name=p.name, text=p.text),
            start=p.start,
            minutes=p.minutes,
        )
        for p in entries.planned
    ]
    events += [
        RecurringCall(
            key=c.key,
            summary=text("call.summary", name=c.name),
            first_start=c.first_start,
            timezone=c.timezone,
            minutes=c.minutes,
            interval=c.interval_weeks,
            until=c.until,
        )
        for c in entries.calls
    ]
    events += [
        BirthdayEvent(key=b.key, name=b.name, birthday=b.birthday) for b in entries.birthdays
    ]
    return write_calendar(events, stamp=stamp)


def calendar_feed(*, uow: UnitOfWork, now: datetime) -> str:
    """The whole feed for the owner of ``uow`` as iCalendar text (what the web route serves)."""
    return render_feed(feed_entries(uow=uow, now=now), stamp=now)


class CalendarUnreadable(ConflictError):
    """A registered calendar file can no longer be read: its busy time is unknown, so no time
    is offered as free."""

    key = "calendar_unreadable"


def calendar_trouble(path: str, *, limit_mb: int = 50) -> str | None:
    """Why the calendar file at ``path`` cannot be read (gone, unreadable, no longer a
    calendar, or a calendar that does not parse), or None when it reads."""
    from datetime import UTC

    moment = datetime(2000, 1, 1, tzinfo=UTC)
    try:
        BusyFiles(limit_mb=limit_mb)(path, moment, moment, "UTC")
    except CalendarUnreadable as exc:
        return str(exc.params.get("reason") or text("calendar.not_ics"))
    return None


def busy_reader(path: str, start: datetime, end: datetime, tz: str) -> list:  # type: ignore[type-arg]
    """Busy intervals from a calendar file on disk. A file that is gone, unreadable or no longer
    a calendar raises :class:`CalendarUnreadable`: it never counts as free time."""
    return BusyFiles()(path, start, end, tz)


class BusyFiles:
    """A ``read_busy`` that reads at most ``limit_mb`` per file and keeps the notes of what was
    cut (a repeating event bounded at ``MAX_OCCURRENCES``), for the interface to show. A file
    that is gone, unreadable or no longer a calendar raises :class:`CalendarUnreadable`."""

    def __init__(self, *, limit_mb: int = 50) -> None:
        self.limit_mb = limit_mb
        self.cut: list[str] = []

    def __call__(self, path: str, start: datetime, end: datetime, tz: str) -> list:  # type: ignore[type-arg]
        from kithkin.domain.windows import Interval
        from kithkin.formats.files import FileNotReadable, read_capped
        from kithkin.formats.icalendar import parse_busy

        try:
            data = read_capped(path, limit_mb=self.limit_mb)
        except FileNotReadable as exc:
            reason = str(exc.params.get("reason") or "unreadable")
            raise CalendarUnreadable(path=path, reason=reason) from None
        if b"BEGIN:VCALENDAR" not in data[:4096].upper():
            raise CalendarUnreadable(path=path, reason=text("calendar.not_ics"))
        busy, problems = parse_busy(data, start=start, end=end, default_tz=tz)
        if any(p.message_key == "calendar.unreadable" for p in problems):
            raise CalendarUnreadable(path=path, reason=text("calendar.not_ics"))
        self.cut.extend(p.detail for p in problems if p.message_key == "calendar.cut")
        return [Interval(b.start_utc, b.end_utc) for b in busy]

    def notes(self) -> list[str]:
        """One sentence per repeating event that was cut (each once)."""
        from kithkin.formats.icalendar import MAX_OCCURRENCES

        return [
            text("calendar.cut", detail=detail or "-", count=f"{MAX_OCCURRENCES:,}")
            for detail in dict.fromkeys(self.cut)
        ]
