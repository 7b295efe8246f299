"""Keep-in-touch cadences: who is due, network health, birthdays coming up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from kithkin.domain.timeutil import local_day

if TYPE_CHECKING:
    from kithkin.domain.model import Person


@dataclass(frozen=True, slots=True)
class Due:
    """A person and where they stand against their cadence on a given day."""

    person: Person
    cadence_days: int
    days_since: int | None  # None: never in touch
    due: bool

    @property
    def overdue_ratio(self) -> float:
        """Days since contact over cadence; never-contacted people rank as twice due."""
        if self.days_since is None:
            return 2.0
        return self.days_since / self.cadence_days


def cadence_of(person: Person, circles: Mapping[str, int]) -> int | None:
    """The person's cadence in days: their own override, else their circle's."""
    if person.cadence_days is not None:
        return person.cadence_days
    if person.circle is None:
        return None
    return circles.get(person.circle)


def standing(person: Person, circles: Mapping[str, int], *, today: date, tz: str) -> Due | None:
    """Where ``person`` stands today, or None when they take no part in cadences."""
    cadence = cadence_of(person, circles)
    if cadence is None or not person.in_plan:
        return None
    if person.last_contact_at is None:
        return Due(person, cadence, None, True)
    since = (today - local_day(person.last_contact_at, tz)).days
    return Due(person, cadence, since, since >= cadence)


def standings(
    people: Iterable[Person], circles: Mapping[str, int], *, today: date, tz: str
) -> list[Due]:
    """Standings of everyone in the plan, most overdue first (ties by name)."""
    out = [s for p in people if (s := standing(p, circles, today=today, tz=tz)) is not None]
    out.sort(key=lambda s: (-s.overdue_ratio, -s.person.closeness, s.person.name.lower()))
    return out


def network_health(all_standings: list[Due]) -> tuple[int, int]:
    """(in touch within cadence, total) over people in the plan."""
    in_touch = sum(1 for s in all_standings if not s.due)
    return in_touch, len(all_standings)


@dataclass(frozen=True, slots=True)
class UpcomingBirthday:
    person: Person
    on: date
    in_days: int
    turns: int | None


def upcoming_birthdays(
    people: Iterable[Person], *, today: date, within_days: int = 7
) -> list[UpcomingBirthday]:
    """Birthdays of active, unarchived people from today through ``within_days`` ahead."""
    out = []
    horizon = today + timedelta(days=within_days)
    for person in people:
        if person.birthday is None or person.archived:
            continue
        on = person.birthday.next_on_or_after(today)
        if on <= horizon:
            out.append(UpcomingBirthday(person, on, (on - today).days, person.birthday.age_on(on)))
    out.sort(key=lambda b: (b.on, b.person.name.lower()))
    return out


def last_contact(current: datetime | None, candidate: datetime) -> datetime:
    """The later of two contact instants (a person's cadence clock only moves forward)."""
    return candidate if current is None or candidate > current else current
