"""Waking windows across time zones, and free slots in a day.

A person's waking hours are local wall-clock times (default 08:00-21:00). They are turned into
UTC intervals day by day with :mod:`zoneinfo`, so a day that gains or loses an hour to
daylight saving gets the right length. A wall time that falls in a spring-forward gap is read
with the offset in force before the gap, which lands on the first real moment after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from kithkin.domain.errors import OutOfRange
from kithkin.domain.timeutil import zone

DAY_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class WakingHours:
    """Local hours when someone is happy to talk, in minutes after midnight.

    ``end`` may be 1440 (midnight). When ``end <= start`` the window runs past midnight into the
    next day (a night owl's 10:00-01:00).
    """

    start: int = 8 * 60
    end: int = 21 * 60

    def __post_init__(self) -> None:
        if not 0 <= self.start < DAY_MINUTES:
            raise OutOfRange(
                field="waking start (minutes)", low=0, high=DAY_MINUTES - 1, value=self.start
            )
        if not 0 < self.end <= DAY_MINUTES:
            raise OutOfRange(field="waking end (minutes)", low=1, high=DAY_MINUTES, value=self.end)

    @classmethod
    def from_hours(cls, start: int, end: int) -> WakingHours:
        return cls(start * 60, end * 60)

    def contains_minute(self, minute_of_day: int) -> bool:
        """Whether a local minute of the day lies inside the window (end excluded)."""
        if self.start < self.end:
            return self.start <= minute_of_day < self.end
        return minute_of_day >= self.start or minute_of_day < self.end


DEFAULT_WAKING = WakingHours()


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """A half-open span of UTC time, ``[start, end)``."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60

    def contains(self, start: datetime, end: datetime) -> bool:
        return self.start <= start and end <= self.end


def _wall(day: date, minute: int, tz: tzinfo) -> datetime:
    """The UTC instant of local wall time ``minute`` after midnight of ``day`` in ``tz``."""
    naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)  # noqa: DTZ001
    return naive.replace(tzinfo=tz).astimezone(UTC)


def waking_intervals(
    *, start: datetime, end: datetime, tz: str, hours: WakingHours = DEFAULT_WAKING
) -> list[Interval]:
    """Someone's waking hours in ``tz`` that overlap ``[start, end)``, clipped, in UTC."""
    zone_info = zone(tz)
    first = start.astimezone(zone_info).date() - timedelta(days=1)
    last = end.astimezone(zone_info).date()
    span = (
        hours.end - hours.start
        if hours.start < hours.end
        else DAY_MINUTES - hours.start + hours.end
    )
    out: list[Interval] = []
    day = first
    while day <= last:
        lo = _wall(day, hours.start, zone_info)
        hi = _wall(day, hours.start + span, zone_info)
        lo, hi = max(lo, start), min(hi, end)
        if lo < hi:
            out.append(Interval(lo, hi))
        day += timedelta(days=1)
    return out


def intersect(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """Where two sorted, non-overlapping interval lists overlap."""
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i].start, b[j].start), min(a[i].end, b[j].end)
        if lo < hi:
            out.append(Interval(lo, hi))
        if a[i].end <= b[j].end:
            i += 1
        else:
            j += 1
    return out


def subtract(base: Sequence[Interval], busy: Iterable[Interval]) -> list[Interval]:
    """``base`` with every ``busy`` interval cut out (busy may overlap and be unsorted)."""
    blocks = sorted(busy)
    out: list[Interval] = []
    for piece in base:
        cursor = piece.start
        for block in blocks:
            if block.end <= cursor or block.start >= piece.end:
                continue
            if block.start > cursor:
                out.append(Interval(cursor, block.start))
            cursor = max(cursor, block.end)
        if cursor < piece.end:
            out.append(Interval(cursor, piece.end))
    return out


def shared_windows(
    *,
    start: datetime,
    end: datetime,
    user_tz: str,
    other_tz: str,
    minutes: int,
    user_hours: WakingHours = DEFAULT_WAKING,
    other_hours: WakingHours = DEFAULT_WAKING,
) -> list[Interval]:
    """Spans in ``[start, end)`` inside both people's waking hours, at least ``minutes`` long.

    A call of ``minutes`` may start anywhere in a returned span up to ``minutes`` before its end.
    """
    mine = waking_intervals(start=start, end=end, tz=user_tz, hours=user_hours)
    theirs = waking_intervals(start=start, end=end, tz=other_tz, hours=other_hours)
    return [w for w in intersect(mine, theirs) if w.minutes >= minutes]


def fits_now(
    *,
    now: datetime,
    minutes: int,
    user_tz: str,
    other_tz: str,
    user_hours: WakingHours = DEFAULT_WAKING,
    other_hours: WakingHours = DEFAULT_WAKING,
) -> bool:
    """Whether a call of ``minutes`` starting at ``now`` ends before either side stops waking."""
    end = now + timedelta(minutes=minutes)
    found = shared_windows(
        start=now,
        end=end,
        user_tz=user_tz,
        other_tz=other_tz,
        minutes=minutes,
        user_hours=user_hours,
        other_hours=other_hours,
    )
    return bool(found) and found[0].contains(now, end)


def free_slots(
    *,
    day: date,
    busy: Iterable[Interval],
    tz: str,
    hours: WakingHours = DEFAULT_WAKING,
    min_minutes: int = 5,
    not_before: datetime | None = None,
) -> list[Interval]:
    """Free spans of at least ``min_minutes`` in local ``day``'s waking hours, busy times removed.

    ``busy`` intervals are UTC (from a calendar). ``not_before`` (usually "now") trims the past.
    """
    zone_info = zone(tz)
    day_start = datetime(day.year, day.month, day.day, tzinfo=zone_info).astimezone(UTC)
    nxt = day + timedelta(days=1)
    day_end = datetime(nxt.year, nxt.month, nxt.day, tzinfo=zone_info).astimezone(UTC)
    waking = [
        w
        for w in waking_intervals(
            start=day_start, end=day_end + timedelta(days=1), tz=tz, hours=hours
        )
        if w.start.astimezone(zone_info).date() == day
    ]
    if not_before is not None:
        waking = [Interval(max(w.start, not_before), w.end) for w in waking if w.end > not_before]
    return [s for s in subtract(waking, busy) if s.minutes >= min_minutes]


def earliest_start(
    windows: Sequence[Interval], *, minutes: int, not_before: datetime, step_minutes: int = 5
) -> datetime | None:
    """The first start at or after ``not_before`` where ``minutes`` fit in one window.

    Starts are rounded up to ``step_minutes`` past the hour when that still fits.
    """
    length = timedelta(minutes=minutes)
    for window in windows:
        begin = max(window.start, not_before)
        if begin + length > window.end:
            continue
        rounded = _round_up(begin, step_minutes)
        return rounded if rounded + length <= window.end else begin
    return None


def _round_up(instant: datetime, step: int) -> datetime:
    base = instant.replace(second=0, microsecond=0)
    if base < instant:
        base += timedelta(minutes=1)
    extra = (-base.minute) % step
    return base + timedelta(minutes=extra)
