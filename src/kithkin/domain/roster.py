"""The daily loop's lean view of people, and what Today computes from it.

``kithkin today``, the Today page and the planner read everyone active at once (10,000 people
in the benchmark). Building a validated :class:`~kithkin.domain.model.Person` for each costs
about 4 µs (frozen-dataclass set-up, ``__post_init__`` checks, a ``Birthday`` and a ``datetime``
each); a :class:`Member` is a named tuple read by position from one query (about 0.3 µs) and is
never validated again: its values were checked when they were stored. Full ``Person`` records
are loaded only for the few people a view shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple, overload

from kithkin.domain.model import ContactPoint, Feeling, Person, PersonStatus
from kithkin.domain.timeutil import zone

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
DAY_SECONDS = 86_400


class Member(NamedTuple):
    """An active, unarchived person as the daily loop reads them (field names match Person)."""

    id: int
    name: str
    nickname: str
    circle: str | None
    cadence_days: int | None  # the person's own cadence, if they have one
    closeness: int
    feeling: Feeling
    timezone: str | None
    birth_month: int | None
    birth_day: int | None
    birth_year: int | None
    interests: tuple[str, ...]
    how_met: str
    last_contact: int | None  # Unix seconds (UTC) of the last meaningful contact
    contacts: tuple[ContactPoint, ...] = ()

    @property
    def display_name(self) -> str:
        return self.nickname or self.name


# A ranking row: what the planner ranks everyone in a circle by, in this order (storage reads it
# as ``storage.shapes.RANKING_FIELDS`` then the last contact in whole Unix seconds).
RANKING_ROW: tuple[str, ...] = (
    "id",
    "circle_id",
    "cadence_days",
    "closeness",
    "feeling",
    "timezone",
    "birth_month",
    "birth_day",
    "last_contact",
)
_FEELINGS = {f.value: f for f in Feeling}


class RankingRows(Sequence[Member]):
    """The ranking roster: everyone the planner ranks, kept as the rows read (:data:`RANKING_ROW`)
    and made into ranking :class:`Member` tuples only when one is asked for (the name, interests,
    birth year and phone numbers left empty). The scoring loop reads :attr:`rows` directly: of
    10,000 people only the few hundred scored in full or near the top become members."""

    __slots__ = ("circle_names", "rows")

    def __init__(self, rows: Sequence[tuple[Any, ...]], circle_names: Mapping[int, str]) -> None:
        self.rows = rows
        self.circle_names = circle_names

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Member: ...
    @overload
    def __getitem__(self, index: slice) -> list[Member]: ...
    def __getitem__(self, index: int | slice) -> Member | list[Member]:
        if isinstance(index, slice):
            return [self._member(row) for row in self.rows[index]]
        return self._member(self.rows[index])

    def __iter__(self) -> Iterator[Member]:
        return map(self._member, self.rows)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same members in the same order (as the list was)."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list

    def __repr__(self) -> str:
        return f"RankingRows({list(self)!r})"

    def _member(self, row: tuple[Any, ...]) -> Member:
        pid, circle, cadence, closeness, feeling, tz, month, day, last = row
        names = self.circle_names
        # A Member from a tuple in Member's order, without the Python-level __new__.
        return _new(
            Member,
            (
                pid,
                "",
                "",
                names.get(circle),
                cadence,
                closeness,
                _FEELINGS[feeling],
                tz,
                month,
                day,
                None,
                (),
                "",
                last,
                (),
            ),
        )


_new = tuple.__new__


def member_of(person: Person) -> Member | None:
    """The lean record of a stored, active, unarchived person (None for anyone else)."""
    if person.id is None or person.archived or person.status is not PersonStatus.ACTIVE:
        return None
    bday = person.birthday
    last = person.last_contact_at
    return Member(
        person.id,
        person.name,
        person.nickname,
        person.circle,
        person.cadence_days,
        person.closeness,
        person.feeling,
        person.timezone,
        bday.month if bday else None,
        bday.day if bday else None,
        bday.year if bday else None,
        person.interests,
        person.how_met,
        None if last is None else int(last.timestamp() // 1),
        person.contacts,
    )


class LocalDays:
    """Local day numbers (days since 1970-01-01 in ``tz``) of Unix instants, exactly.

    The zone's offset is looked up once per UTC day (a few thousand days at most, cached); on a
    day whose offset changes (a DST switch) the instant is converted with the zone itself.
    """

    __slots__ = ("_offsets", "_zone")

    def __init__(self, tz: str) -> None:
        self._zone = zone(tz)
        self._offsets: dict[int, int | None] = {}

    def of(self, seconds: int) -> int:
        utc_day = seconds // DAY_SECONDS
        offsets = self._offsets
        if utc_day in offsets:
            offset = offsets[utc_day]
        else:
            offset = offsets[utc_day] = self._offset(utc_day)
        if offset is None:
            local = datetime.fromtimestamp(seconds, UTC).astimezone(self._zone)
            return local.date().toordinal() - EPOCH_ORDINAL
        return (seconds + offset) // DAY_SECONDS

    def _offset(self, utc_day: int) -> int | None:
        first = datetime.fromtimestamp(utc_day * DAY_SECONDS, UTC).astimezone(self._zone)
        last = datetime.fromtimestamp((utc_day + 1) * DAY_SECONDS - 1, UTC).astimezone(self._zone)
        a, b = first.utcoffset(), last.utcoffset()
        if a is None or a != b:
            return None
        return int(a.total_seconds())


@dataclass(frozen=True, slots=True)
class Standing:
    """A member who is due today, and by how much."""

    member: Member
    cadence_days: int
    days_since: int | None  # None: never in touch

    @property
    def overdue_ratio(self) -> float:
        return 2.0 if self.days_since is None else self.days_since / self.cadence_days


def due_members(
    members: Iterable[Member], circles: Mapping[str, int], *, today: date, tz: str
) -> tuple[list[Standing], int, int]:
    """Who is due (most overdue first, then closeness, then name: as
    :func:`kithkin.domain.cadence.standings`), and (in touch, total in the plan)."""
    days = LocalDays(tz)
    today_day = today.toordinal() - EPOCH_ORDINAL
    due: list[Standing] = []
    total = 0
    for m in members:
        circle = m.circle
        if circle is None:
            continue
        cadence = m.cadence_days if m.cadence_days is not None else circles.get(circle)
        if cadence is None:
            continue
        total += 1
        last = m.last_contact
        if last is None:
            due.append(Standing(m, cadence, None))
            continue
        since = today_day - days.of(last)
        if since >= cadence:
            due.append(Standing(m, cadence, since))
    due.sort(key=lambda s: (-s.overdue_ratio, -s.member.closeness, s.member.name.lower()))
    return due, total - len(due), total


def birthday_table(today: date, within_days: int) -> dict[tuple[int, int], int]:
    """(month, day) -> days until that birthday, for today through ``within_days`` ahead.

    A 29 February birthday falls on the 28th in other years (as ``Birthday.next_on_or_after``).
    """
    table: dict[tuple[int, int], int] = {}
    for ahead in range(within_days + 1):
        day = today + timedelta(days=ahead)
        table.setdefault((day.month, day.day), ahead)
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            table.setdefault((2, 29), ahead)
    return table


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True, slots=True)
class BirthdaySoon:
    member: Member
    on: date
    in_days: int
    turns: int | None


def birthdays_soon(
    members: Iterable[Member], *, today: date, within_days: int = 7
) -> list[BirthdaySoon]:
    """Birthdays from today through ``within_days`` ahead, soonest first (ties by name), as
    :func:`kithkin.domain.cadence.upcoming_birthdays`."""
    table = birthday_table(today, within_days)
    out = []
    for m in members:
        if m.birth_month is None or m.birth_day is None:
            continue
        ahead = table.get((m.birth_month, m.birth_day))
        if ahead is None:
            continue
        on = today + timedelta(days=ahead)
        turns = None if m.birth_year is None else on.year - m.birth_year
        out.append(BirthdaySoon(m, on, ahead, turns))
    out.sort(key=lambda b: (b.on, b.member.name.lower()))
    return out
