"""Calendars the user registered, free time from them, recurring calls, and the feed.

Services do not read files: the interface hands in a ``read_busy`` function (built on
``kithkin.formats.icalendar.parse_busy``) that turns a calendar path into busy UTC intervals.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from kithkin.domain.errors import ConflictError, InputError, NotFoundError
from kithkin.domain.timeutil import zone
from kithkin.domain.windows import Interval, WakingHours, free_slots
from kithkin.services.ports import CalendarSource, SavedCall, UnitOfWork
from kithkin.services.profiles import get_profile

# (path, start, end, default time zone) -> busy intervals in UTC
BusyReader = Callable[[str, datetime, datetime, str], list[Interval]]


class CalendarExists(ConflictError):
    """A calendar with this name is already registered."""

    key = "calendar_exists"


class CalendarNotFound(NotFoundError):
    """No calendar has this name."""

    key = "calendar_not_found"


class NoFeedToken(NotFoundError):
    """There is no live feed token."""

    key = "no_feed_token"


class BadEvery(InputError):
    """A repeat such as 2w could not be read."""

    key = "bad_every"


def add_calendar(*, uow: UnitOfWork, now: datetime, name: str, path: str) -> CalendarSource:
    added = uow.calendars.add(name=name, path=path, now=now)
    if added is None:
        raise CalendarExists(name=name)
    uow.commit()
    return added


def remove_calendar(*, uow: UnitOfWork, name: str) -> None:
    if not uow.calendars.remove(name):
        raise CalendarNotFound(name=name)
    uow.commit()


@dataclass(frozen=True, slots=True)
class FreeTime:
    day: date
    slots: list[Interval]

    @property
    def minutes(self) -> int:
        return int(sum(s.minutes for s in self.slots))

    def as_dict(self, tz: str) -> dict[str, Any]:
        local = zone(tz)
        return {
            "date": self.day.isoformat(),
            "free_minutes": self.minutes,
            "slots": [
                {
                    "start": s.start.astimezone(local).isoformat(),
                    "end": s.end.astimezone(local).isoformat(),
                    "minutes": int(s.minutes),
                }
                for s in self.slots
            ],
        }


def busy_between(
    *, uow: UnitOfWork, start: datetime, end: datetime, read_busy: BusyReader, tz: str
) -> list[Interval]:
    busy: list[Interval] = []
    for source in uow.calendars.find():
        busy.extend(read_busy(source.path, start, end, tz))
    return sorted(busy)


def free_slots_for_day(
    *, uow: UnitOfWork, day: date, now: datetime, read_busy: BusyReader, min_minutes: int = 5
) -> FreeTime:
    """The free spans of the user's local ``day`` inside their waking hours, every registered
    calendar's busy time removed (recurring events expanded), the past trimmed by ``now``."""
    profile = get_profile(uow=uow)
    tz = profile.timezone
    local = zone(tz)
    start = datetime(day.year, day.month, day.day, tzinfo=local).astimezone(UTC)
    end = start + timedelta(days=2)
    busy = busy_between(uow=uow, start=start, end=end, read_busy=read_busy, tz=tz)
    hours = WakingHours.from_hours(profile.waking_start_hour, profile.waking_end_hour)
    slots = free_slots(
        day=day, busy=busy, tz=tz, hours=hours, min_minutes=min_minutes, not_before=now
    )
    return FreeTime(day=day, slots=slots)


# --- recurring calls ---


def parse_every(text: str) -> int:
    """``2w`` -> 2 (weeks); ``1w``/``w``/``weekly``."""
    value = text.strip().lower()
    if value in ("weekly", "w"):
        return 1
    if value.endswith("w") and value[:-1].isdigit() and 1 <= int(value[:-1]) <= 8:
        return int(value[:-1])
    raise BadEvery(value=text)


@dataclass(frozen=True, slots=True)
class CallProposal:
    person_id: int
    person_name: str
    weekday: int
    local_time: time
    other_local_time: time
    timezone: str
    other_timezone: str
    minutes: int
    interval_weeks: int
    first_date: date
    occurrences: list[datetime]

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "person": self.person_name,
            "weekday": self.weekday,
            "local_time": self.local_time.strftime("%H:%M"),
            "their_time": self.other_local_time.strftime("%H:%M"),
            "timezone": self.timezone,
            "their_timezone": self.other_timezone,
            "minutes": self.minutes,
            "every_weeks": self.interval_weeks,
            "first_date": self.first_date.isoformat(),
            "occurrences": len(self.occurrences),
        }


def _inside(instant: datetime, minutes: int, tz: str, hours: WakingHours) -> bool:
    local = instant.astimezone(zone(tz))
    start = local.hour * 60 + local.minute
    end_local = (instant + timedelta(minutes=minutes)).astimezone(zone(tz))
    return (
        hours.start <= start and start + minutes <= hours.end and end_local.date() == local.date()
    )


def occurrences(
    *, first: date, at: time, tz: str, interval_weeks: int, until: date
) -> list[datetime]:
    """Every start, in UTC, of a call at local ``at`` in ``tz`` (wall time kept across DST)."""
    out = []
    day = first
    while day <= until:
        out.append(datetime.combine(day, at, tzinfo=zone(tz)).astimezone(UTC))
        day += timedelta(weeks=interval_weeks)
    return out


def plan_call(
    *,
    uow: UnitOfWork,
    now: datetime,
    person_id: int,
    person_name: str,
    other_tz: str,
    minutes: int,
    interval_weeks: int,
    weeks: int = 52,
    busy: Sequence[Interval] = (),
) -> CallProposal | None:
    """The first weekly slot (weekday + the user's local time, in 15-minute steps) whose every
    occurrence over ``weeks`` lies inside both waking windows and outside ``busy``."""
    profile = get_profile(uow=uow)
    tz = profile.timezone
    hours = WakingHours.from_hours(profile.waking_start_hour, profile.waking_end_hour)
    today = now.astimezone(zone(tz)).date() + timedelta(days=1)
    until = today + timedelta(weeks=weeks)
    for offset in range(7):
        first = today + timedelta(days=offset)
        for minute in range(hours.start, hours.end - minutes + 1, 15):
            at = time(minute // 60, minute % 60)
            starts = occurrences(
                first=first, at=at, tz=tz, interval_weeks=interval_weeks, until=until
            )
            if all(
                _inside(s, minutes, tz, hours)
                and _inside(s, minutes, other_tz, hours)
                and not _clash(s, minutes, busy)
                for s in starts
            ):
                other = starts[0].astimezone(zone(other_tz))
                return CallProposal(
                    person_id=person_id,
                    person_name=person_name,
                    weekday=first.weekday(),
                    local_time=at,
                    other_local_time=other.time().replace(tzinfo=None),
                    timezone=tz,
                    other_timezone=other_tz,
                    minutes=minutes,
                    interval_weeks=interval_weeks,
                    first_date=first,
                    occurrences=starts,
                )
    return None


def _clash(start: datetime, minutes: int, busy: Sequence[Interval]) -> bool:
    end = start + timedelta(minutes=minutes)
    return any(b.start < end and start < b.end for b in busy)


def _last_day(proposal: CallProposal) -> date | None:
    """The user's local day of the last occurrence whose windows were checked."""
    if not proposal.occurrences:
        return None
    last = proposal.occurrences[-1]
    return last.astimezone(zone(proposal.timezone)).date() if last.tzinfo else last.date()


def save_call(*, uow: UnitOfWork, now: datetime, proposal: CallProposal) -> SavedCall:
    saved = uow.calls.add(
        SavedCall(
            person_id=proposal.person_id,
            weekday=proposal.weekday,
            local_time=proposal.local_time.strftime("%H:%M"),
            timezone=proposal.timezone,
            minutes=proposal.minutes,
            interval_weeks=proposal.interval_weeks,
            first_date=proposal.first_date,
            checked_until=_last_day(proposal),
        ),
        now=now,
    )
    uow.commit()
    return saved


# --- feed tokens ---


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_feed_token(*, uow: UnitOfWork, now: datetime, rotate: bool = False) -> str:
    """A new secret token for the calendar feed (only its hash is stored); ``rotate`` revokes
    the others first."""
    if rotate:
        uow.feed_tokens.revoke_all(now=now)
    token = secrets.token_urlsafe(32)
    uow.feed_tokens.add(_hash(token), now=now)
    uow.commit()
    return token


def revoke_feed_tokens(*, uow: UnitOfWork, now: datetime) -> int:
    count = uow.feed_tokens.revoke_all(now=now)
    if not count:
        raise NoFeedToken()
    uow.commit()
    return count


def resolve_feed_token(*, uow: UnitOfWork, token: str) -> int | None:
    """The owner of a live feed token, or None. The lookup spans all owners, so the web app may
    open ``uow`` for any owner (e.g. owner_id=0) before it knows whose feed is asked for."""
    if not token or len(token) > 200:
        return None
    return uow.feed_tokens.owner_for(_hash(token))
