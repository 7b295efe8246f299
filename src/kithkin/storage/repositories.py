"""Repositories: SQL in, domain dataclasses out. Every query is scoped to one owner.

This module holds the shared base and the profile and circles; `people_repos` and `activity_repos`
hold the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    insert,
    select,
    update,
)

from kithkin.domain.contacts import contact_key
from kithkin.domain.errors import PersonNotFound
from kithkin.domain.model import (
    Barrier,
    Circle,
    ContactPoint,
    Profile,
)
from kithkin.storage.engine import WRITE_COUNT
from kithkin.storage.tables import (
    circles,
    people,
    profiles,
)

CHUNK = 500  # bound on the number of bound parameters in one IN (...) list


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def normalise_contact(kind: str, value: str) -> str:
    """The form a contact point is matched on: the same rule as the import's merge
    (:func:`kithkin.domain.contacts.contact_key`), so stored and imported values compare."""
    return contact_key(ContactPoint(kind, value))


def require_own_people(conn: Connection, owner_id: int, person_ids: Iterable[int]) -> None:
    """Raise :class:`PersonNotFound` for an id that is not one of ``owner_id``'s people: a row of
    this owner's never points at another account's person (one indexed read per 500 ids)."""
    wanted = set(person_ids)
    found: set[int] = set()
    for chunk in _chunks(sorted(wanted)):
        found.update(
            conn.execute(
                select(people.c.id).where(people.c.owner_id == owner_id, people.c.id.in_(chunk))
            ).scalars()
        )
    missing = sorted(wanted - found)
    if missing:
        raise PersonNotFound(id=missing[0])


class _Repo:
    def __init__(self, conn: Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id


class _Memo:
    """What a repository read last, kept while its transaction has written nothing since.

    A unit of work asks for the profile and the circles several times (a first Today page read
    the profile four times); each repository belongs to one unit of work. Any writing statement
    on the connection (``engine.WRITE_COUNT``), or ``forget()`` when the unit of work commits
    and a new transaction begins, makes the next read go to the database."""

    __slots__ = ("value", "writes")

    def __init__(self) -> None:
        self.writes = -1
        self.value: Any = None

    def fresh(self, conn: Connection) -> bool:
        return self.writes == int(conn.info.get(WRITE_COUNT, 0))

    def keep(self, conn: Connection, value: Any) -> None:
        self.writes, self.value = conn.info.get(WRITE_COUNT, 0), value

    def forget(self) -> None:
        self.writes = -1


_PROFILE = select(profiles).where(profiles.c.owner_id == bindparam("owner"))
_CIRCLES = (
    select(circles)
    .where(circles.c.owner_id == bindparam("owner"))
    .order_by(circles.c.position, circles.c.name)
)


class ProfileRepo(_Repo):
    def __init__(self, conn: Connection, owner_id: int) -> None:
        super().__init__(conn, owner_id)
        self._memo = _Memo()

    def forget(self) -> None:
        """Read afresh next time (a new transaction may see other writers' commits)."""
        self._memo.forget()

    def get(self) -> Profile | None:
        if self._memo.fresh(self.conn):
            found: Profile | None = self._memo.value
            return found
        profile = self._read()
        self._memo.keep(self.conn, profile)
        return profile

    def _read(self) -> Profile | None:
        row = self.conn.execute(_PROFILE, {"owner": self.owner_id}).first()
        if row is None:
            return None
        barriers = frozenset(Barrier(b) for b in row.barriers.split(",") if b)
        return Profile(
            timezone=row.timezone,
            daily_goal=row.daily_goal,
            rest_days_per_week=row.rest_days_per_week,
            weekday_minutes=row.weekday_minutes,
            weekend_minutes=row.weekend_minutes,
            barriers=barriers,
            waking_start_hour=row.waking_start_hour,
            waking_end_hour=row.waking_end_hour,
            started_on=row.started_on,
        )

    def save(self, profile: Profile) -> None:
        values: dict[str, Any] = {
            "timezone": profile.timezone,
            "daily_goal": profile.daily_goal,
            "rest_days_per_week": profile.rest_days_per_week,
            "weekday_minutes": profile.weekday_minutes,
            "weekend_minutes": profile.weekend_minutes,
            "barriers": ",".join(sorted(b.value for b in profile.barriers)),
            "waking_start_hour": profile.waking_start_hour,
            "waking_end_hour": profile.waking_end_hour,
            "started_on": profile.started_on,
        }
        done = self.conn.execute(
            update(profiles).where(profiles.c.owner_id == self.owner_id).values(**values)
        )
        if done.rowcount == 0:
            self.conn.execute(insert(profiles).values(owner_id=self.owner_id, **values))


class CircleRepo(_Repo):
    def __init__(self, conn: Connection, owner_id: int) -> None:
        super().__init__(conn, owner_id)
        self._memo = _Memo()

    def forget(self) -> None:
        """Read afresh next time (a new transaction may see other writers' commits)."""
        self._memo.forget()

    def find(self) -> list[Circle]:
        if not self._memo.fresh(self.conn):
            rows = self.conn.execute(_CIRCLES, {"owner": self.owner_id})
            self._memo.keep(
                self.conn, [Circle(r.name, r.cadence_days, r.position, r.id) for r in rows]
            )
        return list(self._memo.value)

    def get(self, name: str) -> Circle | None:
        row = self.conn.execute(
            select(circles).where(circles.c.owner_id == self.owner_id, circles.c.name == name)
        ).first()
        return None if row is None else Circle(row.name, row.cadence_days, row.position, row.id)

    def save(self, circle: Circle) -> Circle:
        existing = self.get(circle.name)
        values = {"cadence_days": circle.cadence_days, "position": circle.position}
        if existing is not None:
            self.conn.execute(update(circles).where(circles.c.id == existing.id).values(values))
            return Circle(circle.name, circle.cadence_days, circle.position, existing.id)
        new_id = self.conn.execute(
            insert(circles).values(owner_id=self.owner_id, name=circle.name, **values)
        ).inserted_primary_key[0]  # type: ignore[index]
        return Circle(circle.name, circle.cadence_days, circle.position, new_id)

    def ids_by_name(self) -> dict[str, int]:
        rows = self.conn.execute(
            select(circles.c.name, circles.c.id).where(circles.c.owner_id == self.owner_id)
        )
        return {r.name: r.id for r in rows}
