"""What goes into the calendar export and the subscribable feed, as plain records.

Rendering to iCalendar happens in :mod:`kithkin.formats.feed`; the web app serves that behind a
secret token (see :func:`kithkin.services.calendars.resolve_feed_token`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from kithkin.domain.model import Birthday, PersonStatus
from kithkin.domain.timeutil import local_day, zone
from kithkin.services.ports import PeopleQuery, UnitOfWork
from kithkin.services.profiles import get_profile

PLANNED_AT = time(12, 0)  # a follow-up's day has no time: noon local, with an alarm before
PLANNED_MINUTES = 15


@dataclass(frozen=True, slots=True)
class PlannedItem:
    key: str
    name: str
    text: str
    start: datetime
    minutes: int


@dataclass(frozen=True, slots=True)
class CallItem:
    key: str
    name: str
    first_start: datetime  # naive wall time in ``timezone``
    timezone: str
    minutes: int
    interval_weeks: int
    until: date | None = None  # the last local day checked; the series ends there


@dataclass(frozen=True, slots=True)
class BirthdayItem:
    key: str
    name: str
    birthday: Birthday


@dataclass(frozen=True, slots=True)
class FeedEntries:
    planned: list[PlannedItem] = field(default_factory=list)
    calls: list[CallItem] = field(default_factory=list)
    birthdays: list[BirthdayItem] = field(default_factory=list)


def planned_connections(*, uow: UnitOfWork, now: datetime) -> list[PlannedItem]:
    """Upcoming planned moments of connection. For now: open follow-ups with a due date from
    today on. The planner's persisted suggestions are to be added here when it is merged."""
    profile = get_profile(uow=uow)
    today = local_day(now, profile.timezone)
    open_items = [f for f in uow.followups.find(open_only=True) if f.due and f.due >= today]
    people = uow.people.get_many(f.person_id for f in open_items)
    out = []
    for f in open_items:
        assert f.due is not None
        who = people.get(f.person_id)
        start = datetime.combine(f.due, PLANNED_AT, tzinfo=zone(profile.timezone))
        out.append(
            PlannedItem(
                key=f"followup-{f.id}",
                name=who.display_name if who else "",
                text=f.text,
                start=start.astimezone(UTC),
                minutes=PLANNED_MINUTES,
            )
        )
    return out


def feed_entries(*, uow: UnitOfWork, now: datetime) -> FeedEntries:
    """Planned connections, recurring calls and the birthdays of the user's active people."""
    active = uow.people.find(PeopleQuery(status=PersonStatus.ACTIVE.value))
    names = {p.id: p.display_name for p in active}
    calls = []
    for call in uow.calls.find():
        hour, minute = (int(x) for x in call.local_time.split(":"))
        first = datetime.combine(call.first_date, time(hour, minute))
        calls.append(
            CallItem(
                key=str(call.id),
                name=names.get(call.person_id, ""),
                first_start=first,
                timezone=call.timezone,
                minutes=call.minutes,
                interval_weeks=call.interval_weeks,
                until=call.checked_until,
            )
        )
    birthdays = [
        BirthdayItem(key=str(p.id), name=p.display_name, birthday=p.birthday)
        for p in active
        if p.birthday is not None
    ]
    return FeedEntries(
        planned=planned_connections(uow=uow, now=now), calls=calls, birthdays=birthdays
    )


def upcoming_window(now: datetime) -> tuple[datetime, datetime]:
    return now, now + timedelta(days=365)
