"""Read busy times from an iCalendar file, and write kithkin's plans as one.

Reading expands recurring events (RRULE, RDATE, EXDATE and moved or cancelled occurrences by
RECURRENCE-ID) with ``recurring-ical-events``. Events marked TRANSP:TRANSPARENT and cancelled
events are not busy. Floating times (no zone) are read in ``default_tz``; an all-day event makes
the whole local day busy in ``default_tz``.

Writing produces one VEVENT per planned connection, recurring call (RRULE with TZID and its
VTIMEZONE) and yearly birthday (all-day), each with a VALARM. UIDs derive from the caller's
stable ``key``, and DTSTAMP is the ``stamp`` passed in, so exporting the same events twice gives
the same text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kithkin.domain.model import Birthday
from kithkin.domain.timeutil import to_utc, zone
from kithkin.formats.contacts import Problem
from kithkin.messages import TEXT

PRODID = "-//kithkin//kithkin calendar export//EN"
_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_PAD = timedelta(days=2)  # floating and all-day events are placed after the library's window


@dataclass(frozen=True, slots=True)
class BusyInterval:
    """A stretch of time the user is busy, in UTC."""

    start_utc: datetime
    end_utc: datetime
    summary: str
    all_day: bool


@dataclass(frozen=True, slots=True)
class PlannedConnection:
    """A one-off planned moment of connection at an instant (timezone-aware)."""

    key: str
    summary: str
    start: datetime
    minutes: int
    description: str = ""
    alarm_minutes: int = 15


@dataclass(frozen=True, slots=True)
class RecurringCall:
    """A regular call: ``first_start`` is a naive wall time in ``timezone``.

    ``frequency`` is DAILY, WEEKLY, MONTHLY or YEARLY; a start inside a daylight-saving gap
    raises :class:`kithkin.domain.errors.NonexistentLocalTime` when written.
    """

    key: str
    summary: str
    first_start: datetime
    timezone: str
    minutes: int
    frequency: str = "WEEKLY"
    interval: int = 1
    description: str = ""
    alarm_minutes: int = 10
    until: date | None = None  # the last local day of the series (RRULE UNTIL), or open-ended


@dataclass(frozen=True, slots=True)
class BirthdayEvent:
    """Someone's birthday, every year, all day; the alarm default is 09:00 the day before."""

    key: str
    name: str
    birthday: Birthday
    alarm_minutes: int = 15 * 60


CalendarEvent = PlannedConnection | RecurringCall | BirthdayEvent


def parse_busy(
    ics_text: str | bytes, *, start: datetime, end: datetime, default_tz: str = "UTC"
) -> tuple[list[BusyInterval], list[Problem]]:
    """The busy intervals overlapping ``[start, end)`` (aware datetimes), sorted by start."""
    import icalendar

    try:
        text = ics_text.decode("utf-8-sig") if isinstance(ics_text, bytes) else ics_text
    except UnicodeDecodeError as exc:
        assert isinstance(ics_text, bytes)
        line = ics_text.count(b"\n", 0, exc.start) + 1
        return [], [Problem(line, None, "calendar.unreadable", "not UTF-8 text")]
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        return [], [Problem(1, None, "calendar.unreadable", str(exc)[:200])]
    occurrences, problems = _expand(calendar, text, start - _PAD, end + _PAD)
    busy: list[BusyInterval] = []
    for event in occurrences:
        interval = _interval(event, default_tz)
        if interval is not None and interval.start_utc < end and interval.end_utc > start:
            busy.append(interval)
    busy.sort(key=lambda item: (item.start_utc, item.end_utc, item.summary))
    return busy, problems


# Expansion is bounded: a series repeating every second or minute is cut at this many
# occurrences from its start (else FREQ=SECONDLY means 86,400 events a day, generated one by
# one from a start that may lie years back), and no calendar yields more than this many.
MAX_OCCURRENCES = 10_000
_FAST = {"SECONDLY": timedelta(seconds=1), "MINUTELY": timedelta(minutes=1)}


def _cap_fast_rules(calendar: Any) -> list[Problem]:
    """Bound every sub-hourly RRULE to ``MAX_OCCURRENCES`` (COUNT); a note for each one cut."""
    problems: list[Problem] = []
    for event in calendar.walk("VEVENT"):
        try:
            cut = _cap_rules_of(event)
        except Exception:  # noqa: S112 - a broken rule is reported when its series is expanded
            continue
        if cut:
            problems.append(Problem(1, None, "calendar.cut", str(event.get("SUMMARY", ""))[:100]))
    return problems


def _cap_rules_of(event: Any) -> bool:
    rules = event.get("RRULE")
    cut = False
    for rule in rules if isinstance(rules, list) else [rules] if rules else []:
        freq = str((rule.get("FREQ") or [""])[0]).upper()
        count = rule.get("COUNT")
        if freq in _FAST and not (count and int(count[0]) <= MAX_OCCURRENCES):
            rule.pop("UNTIL", None)
            rule["COUNT"] = [MAX_OCCURRENCES]
            cut = True
    return cut


def _expand(
    calendar: Any, text: str, start: datetime, end: datetime
) -> tuple[list[Any], list[Problem]]:
    """All occurrences (at most ``MAX_OCCURRENCES``); when the whole calendar cannot be
    expanded, one event series at a time."""
    cut = _cap_fast_rules(calendar)
    found, problems = _expand_all(calendar, text, start, end)
    if len(found) > MAX_OCCURRENCES:
        found = found[:MAX_OCCURRENCES]
        cut.append(Problem(1, None, "calendar.cut", ""))
    return found, [*cut, *problems]


def _expand_all(
    calendar: Any, text: str, start: datetime, end: datetime
) -> tuple[list[Any], list[Problem]]:
    import icalendar
    import recurring_ical_events

    try:
        return list(recurring_ical_events.of(calendar).between(start, end)), []
    except Exception:  # noqa: S110 - retried below, series by series, to find the bad one
        pass
    timezones = calendar.walk("VTIMEZONE")
    series: dict[str, list[Any]] = {}
    for event in calendar.walk("VEVENT"):
        series.setdefault(str(event.get("UID", id(event))), []).append(event)
    found: list[Any] = []
    problems: list[Problem] = []
    for uid, events in series.items():
        single = icalendar.Calendar()
        for component in [*timezones, *events]:
            single.add_component(component)
        try:
            found.extend(recurring_ical_events.of(single).between(start, end))
        except Exception as exc:  # any failure in the library is one unreadable event
            problems.append(Problem(_line_of(text, uid), None, "calendar.bad_event", str(exc)))
    return found, problems


def _line_of(text: str, uid: str) -> int:
    at = text.find(f"UID:{uid}")
    return 1 if at < 0 else text.count("\n", 0, text.rfind("BEGIN:VEVENT", 0, at)) + 1


def _interval(event: Any, default_tz: str) -> BusyInterval | None:
    if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return None
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    begin = event["DTSTART"].dt
    finish = event["DTEND"].dt if "DTEND" in event else None
    if finish is None and "DURATION" in event:
        finish = begin + event["DURATION"].dt
    summary = str(event.get("SUMMARY", ""))
    if not isinstance(begin, datetime):
        last = finish if isinstance(finish, date) and finish > begin else begin + timedelta(1)
        return BusyInterval(
            _day_start(begin, default_tz), _day_start(last, default_tz), summary, all_day=True
        )
    start_utc = _utc(begin, default_tz)
    end_utc = _utc(finish, default_tz) if isinstance(finish, datetime) else start_utc
    if end_utc <= start_utc:
        return None
    return BusyInterval(start_utc, end_utc, summary, all_day=False)


def _utc(moment: datetime, default_tz: str) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(default_tz))
    return moment.astimezone(UTC)


def _day_start(day: date, tz: str) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone(tz)).astimezone(UTC)


def write_calendar(events: Iterable[CalendarEvent], *, stamp: datetime) -> str:
    """An iCalendar file with one VEVENT (and VALARM) per event, in the order given."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    items = list(events)
    for item in items:
        calendar.add_component(_vevent(item, stamp.astimezone(UTC)))
    first, last = _zone_span(items, stamp)
    for tz in sorted({i.timezone for i in items if isinstance(i, RecurringCall)}):
        calendar.add_component(_vtimezone(tz, first, last))
    calendar.add_missing_timezones(first, last)
    return str(calendar.to_ical().decode("utf-8"))


def _zone_span(items: list[CalendarEvent], stamp: datetime) -> tuple[date, date]:
    """The dates the VTIMEZONE blocks must cover: from the first recurring call's start to the
    last one's end (an open-ended series: ten years past the export), with a year either side."""
    calls = [i for i in items if isinstance(i, RecurringCall)]
    if not calls:
        return date(1970, 1, 1), date(2038, 1, 1)
    first = min(c.first_start.date() for c in calls)
    ends = [c.until or stamp.date().replace(year=stamp.year + 10) for c in calls]
    return first.replace(year=first.year - 1, day=1), max(ends).replace(
        year=max(ends).year + 1, day=1
    )


def _vtimezone(tz: str, first: date, last: date) -> Any:
    """A VTIMEZONE for ``tz`` from the zone database: one STANDARD or DAYLIGHT block per offset
    change between ``first`` and ``last`` (found day by day, then to the minute), so it holds for
    every date the events use, past 2038 too."""
    import icalendar

    local = zone(tz)
    timezone = icalendar.Timezone()
    timezone.add("tzid", tz)
    moment = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC)
    before = moment.astimezone(local)
    found = 0
    while moment < end:
        step = moment + timedelta(days=1)
        after = step.astimezone(local)
        if after.utcoffset() != before.utcoffset():
            low, high = moment, step
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(local).utcoffset() == before.utcoffset():
                    low = middle
                else:
                    high = middle
            changed = high.astimezone(local)
            timezone.add_component(_zone_block(before, changed))
            found += 1
            before = changed
        moment = step
    if not found:  # a zone without changes in the span: one STANDARD block
        timezone.add_component(_zone_block(before, before))
    return timezone


def _zone_block(before: datetime, after: datetime) -> Any:
    import icalendar

    block = icalendar.TimezoneDaylight() if after.dst() else icalendar.TimezoneStandard()
    offset_from, offset_to = before.utcoffset(), after.utcoffset()
    assert offset_from is not None and offset_to is not None
    wall = (after.astimezone(UTC) + offset_from).replace(tzinfo=None, second=0, microsecond=0)
    block.add("dtstart", wall)
    block.add("tzoffsetfrom", offset_from)
    block.add("tzoffsetto", offset_to)
    block.add("tzname", after.tzname() or "")
    return block


def _vevent(item: CalendarEvent, stamp: datetime) -> Any:
    import icalendar

    event = icalendar.Event()
    event.add("dtstamp", stamp)
    if isinstance(item, PlannedConnection):
        event.add("uid", f"planned-{item.key}@kithkin")
        event.add("summary", item.summary)
        event.add("dtstart", item.start.astimezone(UTC))
        event.add("dtend", item.start.astimezone(UTC) + timedelta(minutes=item.minutes))
        _describe(event, item.description)
    elif isinstance(item, RecurringCall):
        to_utc(item.first_start, item.timezone)  # a wall time in a DST gap is refused
        start = item.first_start.replace(tzinfo=zone(item.timezone))
        event.add("uid", f"call-{item.key}@kithkin")
        event.add("summary", item.summary)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=item.minutes))
        rule: dict[str, Any] = {
            "FREQ": _frequency(item.frequency),
            "INTERVAL": max(1, item.interval),
        }
        if item.until is not None:  # the end of the last local day, in UTC (RFC 5545 3.3.10)
            last = datetime.combine(item.until, datetime.max.time().replace(microsecond=0))
            rule["UNTIL"] = last.replace(tzinfo=zone(item.timezone)).astimezone(UTC)
        event.add("rrule", rule)
        _describe(event, item.description)
    else:
        _birthday(event, item)
    event.add_component(_alarm(str(event["SUMMARY"]), item.alarm_minutes))
    return event


def _describe(event: Any, description: str) -> None:
    if description:
        event.add("description", description)


def _frequency(value: str) -> str:
    frequency = value.strip().upper()
    if frequency not in _FREQUENCIES:
        raise ValueError(value)
    return frequency


def _birthday(event: Any, item: BirthdayEvent) -> None:
    birthday = item.birthday
    # A stored year outside any plausible life (an old import, 9999) must not break the export:
    # the series then starts in 2000, a leap year, so 29 February exists.
    year = birthday.year if birthday.year and 1800 <= birthday.year <= 2200 else 2000
    first = date(year, birthday.month, birthday.day)
    event.add("uid", f"birthday-{item.key}@kithkin")
    event.add("summary", TEXT["calendar.birthday"].format(name=item.name))
    event.add("dtstart", first)
    event.add("dtend", first + timedelta(days=1))
    if (birthday.month, birthday.day) == (2, 29):
        # The last day of February: the 29th in leap years, the 28th otherwise.
        event.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 2, "BYMONTHDAY": -1})
    else:
        event.add("rrule", {"FREQ": "YEARLY"})
    event.add("transp", "TRANSPARENT")


def _alarm(summary: str, minutes_before: int) -> Any:
    import icalendar

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(minutes=-minutes_before))
    return alarm
