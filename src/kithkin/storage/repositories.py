"""Repositories: SQL in, domain dataclasses out. Every query is scoped to one owner.

This module holds the shared base and the profile and circles; `people_repos` and `activity_repos`
hold the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
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


class ProfileRepo(_Repo):
    def get(self) -> Profile | None:
        row = self.conn.execute(
            select(profiles).where(profiles.c.owner_id == self.owner_id)
        ).first()
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
    def find(self) -> list[Circle]:
        rows = self.conn.execute(
            select(circles)
            .where(circles.c.owner_id == self.owner_id)
            .order_by(circles.c.position, circles.c.name)
        )
        return [Circle(r.name, r.cadence_days, r.position, r.id) for r in rows]

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
