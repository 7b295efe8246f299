"""Time zones, local days and the forgiving date parser. ``now`` is always an argument."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kithkin.domain.errors import BadDate, InFuture, NonexistentLocalTime, UnknownTimezone

CLOCK_SKEW = timedelta(minutes=10)  # a little slack for clocks that disagree


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``, or :class:`UnknownTimezone`."""
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError, OSError):
        raise UnknownTimezone(value=name) from None


def local_day(instant: datetime, tz: str | tzinfo) -> date:
    """The calendar day ``instant`` falls on in ``tz``."""
    zone_info = zone(tz) if isinstance(tz, str) else tz
    return instant.astimezone(zone_info).date()


def to_utc(local: datetime, tz: str) -> datetime:
    """Interpret a naive local wall time in ``tz`` and return it in UTC.

    Raises :class:`NonexistentLocalTime` for a time inside a spring-forward gap. An ambiguous time
    (the repeated hour in autumn) is read as its first occurrence.
    """
    zone_info = zone(tz)
    aware = local.replace(tzinfo=zone_info)
    round_trip = aware.astimezone(UTC).astimezone(zone_info)
    if round_trip.replace(tzinfo=None) != local:
        raise NonexistentLocalTime(value=local.strftime("%Y-%m-%d %H:%M"), timezone=tz)
    return aware.astimezone(UTC)


def day_start_utc(day: date, tz: str) -> datetime:
    """The UTC instant at which local ``day`` begins in ``tz``."""
    return datetime.combine(day, time(0), tzinfo=zone(tz)).astimezone(UTC)


def parse_day(value: str, *, today: date) -> date:
    """Parse a day: ``YYYY-MM-DD``, ``today``, ``yesterday`` or ``-N`` (N days ago)."""
    text = value.strip().lower()
    if text == "today":
        return today
    if text == "yesterday":
        return today - timedelta(days=1)
    try:
        if text.startswith("-") and text[1:].isdigit():
            return today - timedelta(days=int(text[1:]))
        return date.fromisoformat(text)
    except (ValueError, OverflowError):
        raise BadDate(value=value, what="a date") from None


def past_day(value: str, *, today: date) -> date:
    """:func:`parse_day`, refusing days after ``today``."""
    day = parse_day(value, today=today)
    if day > today:
        raise InFuture(value=day.isoformat())
    return day


def past_when(value: str, *, now: datetime, tz: str) -> datetime:
    """:func:`parse_when` for something that has happened: never later than ``now``.

    A bare date of today means "today, now" rather than noon, which may still be ahead.
    """
    instant = parse_when(value, now=now, tz=tz)
    if instant > now + CLOCK_SKEW:
        if len(value.strip()) == 10 and local_day(instant, tz) == local_day(now, tz):
            return now.astimezone(UTC)
        raise InFuture(value=instant.astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M"))
    return instant


def device_moment(instant: datetime, *, sent_at: datetime | None, now: datetime) -> datetime:
    """An ``instant`` read on a device's clock (a phone's offline queue), on the server's.

    ``sent_at`` is the device's clock when it sent the write, ``now`` the server's on receipt:
    their difference is how far the device's clock is off, and ``instant`` is moved by it
    (never later than ``now``). Without ``sent_at`` only the "never later" holds."""
    skew = timedelta(0) if sent_at is None else now - sent_at
    return min(instant + skew, now)


def queued_when(
    value: str | None,
    *,
    queued_at: datetime | None,
    sent_at: datetime | None,
    now: datetime,
    tz: str,
) -> datetime:
    """When something logged in a device's offline queue happened, on the server's clock.

    Nothing is refused for being "in the future": the device's clock may be wrong, and the
    person cannot type an offline log again. The moment it was queued (``queued_at``, or
    ``now``) is corrected by :func:`device_moment`; a ``value`` left out (or ``now``) means
    that moment; an instant with a UTC offset was read on the device's clock and is corrected
    the same way; any other value ("18:30", "yesterday") is read as by :func:`past_when`
    against the moment it was queued, in ``tz``."""
    made = now if queued_at is None else device_moment(queued_at, sent_at=sent_at, now=now)
    text = (value or "").strip()
    if not text or text.lower() == "now":
        return made
    if _has_offset(text):
        return device_moment(parse_when(text, now=made, tz=tz), sent_at=sent_at, now=now)
    return past_when(text, now=made, tz=tz)


def _has_offset(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def parse_when(value: str, *, now: datetime, tz: str) -> datetime:
    """Parse when something happened, in the user's zone, and return a UTC instant.

    Accepts an ISO date-time with or without offset, a bare date (noon that day), ``HH:MM``
    (today), ``today``/``yesterday`` optionally followed by ``HH:MM``, and ``now``.
    """
    text = value.strip().lower()
    if text in ("", "now"):
        return now.astimezone(UTC)
    today = local_day(now, tz)
    words = text.split()
    try:
        if words[0] in ("today", "yesterday"):
            day = parse_day(words[0], today=today)
            clock = time.fromisoformat(words[1]) if len(words) > 1 else time(12)
            return to_utc(datetime.combine(day, clock), tz)
        if ":" in text and "-" not in text:
            return to_utc(datetime.combine(today, time.fromisoformat(text)), tz)
        if len(text) == 10:
            return to_utc(datetime.combine(date.fromisoformat(text), time(12)), tz)
        parsed = datetime.fromisoformat(value.strip())
    except (ValueError, IndexError):
        raise BadDate(value=value, what="a date and time") from None
    if parsed.tzinfo is None:
        return to_utc(parsed, tz)
    return parsed.astimezone(UTC)


def as_utc(instant: datetime) -> datetime:
    """Make an instant read back from storage timezone-aware UTC (SQLite drops the zone)."""
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


def days_between(earlier: date, later: date) -> int:
    return (later - earlier).days
