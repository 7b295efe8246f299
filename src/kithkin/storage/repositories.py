"""Repositories: SQL in, domain dataclasses out. Every query is scoped to one owner."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    DateTime,
    Integer,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    update,
)

from kithkin.domain.contacts import contact_key
from kithkin.domain.model import (
    Barrier,
    CheckIn,
    Circle,
    ContactPoint,
    FollowUp,
    Interaction,
    Person,
    PersonStatus,
    Profile,
)
from kithkin.domain.names import NameEntry
from kithkin.domain.roster import Member
from kithkin.domain.timeutil import as_utc
from kithkin.services.ports import PeopleQuery
from kithkin.storage import shapes
from kithkin.storage.rows import checkin as _checkin
from kithkin.storage.rows import followup as _followup
from kithkin.storage.rows import members
from kithkin.storage.rows import person as _person
from kithkin.storage.tables import (
    checkins,
    circles,
    contact_points,
    day_stats,
    followups,
    interaction_people,
    interactions,
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


# What the planner and the daily view read of everyone (the lean roster), in this order...
def _selected(fields: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(
        circles.c.name.label(shapes.CIRCLE_NAME) if f == shapes.CIRCLE_NAME else people.c[f]
        for f in fields
    )


PROFILE_COLUMNS = _selected(shapes.ROSTER_FIELDS)
# ...and the rest of a full person record (both declared in ``storage.shapes``).
PERSON_COLUMNS = _selected(shapes.PERSON_FIELDS)


def _epoch_seconds(dialect: str, column: Any) -> Any:
    """Whole Unix seconds of a stored UTC instant, computed by the database."""
    if dialect == "sqlite":
        return cast(func.strftime("%s", column), Integer)
    return cast(func.floor(func.extract("epoch", column)), BigInteger)


_PEOPLE_CIRCLES = people.outerjoin(circles, people.c.circle_id == circles.c.id)


class PeopleRepo(_Repo):
    def _values(self, person: Person) -> dict[str, Any]:
        circle_id = None
        if person.circle is not None:
            circle_id = CircleRepo(self.conn, self.owner_id).ids_by_name().get(person.circle)
        bday = person.birthday
        return {
            "name": person.name,
            "nickname": person.nickname,
            "circle_id": circle_id,
            "cadence_days": person.cadence_days,
            "closeness": person.closeness,
            "feeling": person.feeling.value,
            "timezone": person.timezone,
            "birth_month": bday.month if bday else None,
            "birth_day": bday.day if bday else None,
            "birth_year": bday.year if bday else None,
            "interests": json.dumps(list(person.interests)) if person.interests else "",
            "how_met": person.how_met,
            "notes": person.notes,
            "archived": person.archived,
            "status": person.status.value,
            "uid": person.uid,
            **person.card_fields(),
            "birthday_text": person.birthday_text,
        }

    def _write_contacts(self, person_id: int, contacts: tuple[ContactPoint, ...]) -> None:
        self.conn.execute(delete(contact_points).where(contact_points.c.person_id == person_id))
        if contacts:
            self.conn.execute(
                insert(contact_points),
                [
                    {
                        "owner_id": self.owner_id,
                        "person_id": person_id,
                        "kind": c.kind,
                        "value": c.value,
                        "normalized": normalise_contact(c.kind, c.value),
                        "label": c.label,
                    }
                    for c in contacts
                ],
            )

    def add(self, person: Person) -> Person:
        created = person.created_at
        assert created is not None, "the service stamps created_at"
        new_id = self.conn.execute(
            insert(people).values(
                owner_id=self.owner_id,
                created_at=created,
                last_contact_at=person.last_contact_at,
                **self._values(person),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        self._write_contacts(new_id, person.contacts)
        found = self.get(new_id)
        assert found is not None
        return found

    def update(self, person: Person) -> Person:
        assert person.id is not None
        self.conn.execute(
            update(people)
            .where(people.c.id == person.id, people.c.owner_id == self.owner_id)
            .values(**self._values(person))
        )
        self._write_contacts(person.id, person.contacts)
        found = self.get(person.id)
        assert found is not None
        return found

    def _select(self) -> Any:
        return (
            select(*PERSON_COLUMNS)
            .select_from(people.outerjoin(circles, people.c.circle_id == circles.c.id))
            .where(people.c.owner_id == self.owner_id)
        )

    def get(self, person_id: int) -> Person | None:
        row = self.conn.execute(self._select().where(people.c.id == person_id)).first()
        if row is None:
            return None
        contact_rows = self.conn.execute(
            select(contact_points.c.kind, contact_points.c.value, contact_points.c.label)
            .where(contact_points.c.person_id == person_id)
            .order_by(contact_points.c.id)
        )
        contacts = tuple(ContactPoint(r.kind, r.value, r.label) for r in contact_rows)
        return _person(row, contacts)

    def get_many(self, person_ids: Iterable[int]) -> dict[int, Person]:
        ids = sorted(set(person_ids))
        out: dict[int, Person] = {}
        for chunk in _chunks(ids):
            for row in self.conn.execute(self._select().where(people.c.id.in_(chunk))):
                out[row.id] = _person(row)
        return out

    def _filtered(self, stmt: Any, query: PeopleQuery) -> Any:
        if query.status is not None:
            stmt = stmt.where(people.c.status == query.status)
        if not query.include_archived:
            stmt = stmt.where(people.c.archived.is_(False))
        if query.circle is not None:
            stmt = stmt.where(circles.c.name == query.circle)
        if query.search:
            like = f"%{query.search.strip()}%"
            stmt = stmt.where(or_(people.c.name.ilike(like), people.c.nickname.ilike(like)))
        if query.due_bounds is not None:
            stmt = self._in_plan(self._active(stmt)).where(
                or_(
                    people.c.last_contact_at.is_(None),
                    people.c.last_contact_at < self._due_bound(dict(query.due_bounds)),
                )
            )
        return stmt

    def find(self, query: PeopleQuery = PeopleQuery()) -> list[Person]:  # noqa: B008
        stmt = self._filtered(self._select(), query).order_by(people.c.name, people.c.id)
        if query.limit is not None:
            stmt = stmt.limit(query.limit).offset(query.offset)
        return [_person(row) for row in self.conn.execute(stmt)]

    def count(self, query: PeopleQuery = PeopleQuery()) -> int:  # noqa: B008
        """How many people match. The circles are joined only when the query filters on them:
        without the join, the count is answered from an index (10,000 people: 6 ms -> 1 ms)."""
        needs_circles = query.circle is not None or query.due_bounds is not None
        source = _PEOPLE_CIRCLES if needs_circles else people
        stmt = select(func.count()).select_from(source)
        stmt = self._filtered(stmt.where(people.c.owner_id == self.owner_id), query)
        return int(self.conn.execute(stmt).scalar_one())

    def roster(self) -> list[Member]:
        """Every active, unarchived person (with or without a circle), by name then id, as lean
        :class:`Member` tuples with their phone numbers: one query, nothing validated again.

        ``last_contact_at`` is read as whole Unix seconds computed by the database: parsing
        10,000 date-time strings in Python cost more than the rest of the query.
        """
        return self._members(self._roster_select(), phones=True)

    def own_cadences(self) -> set[int]:
        """The distinct cadences people have of their own (overriding their circle's)."""
        rows = self.conn.execute(
            select(people.c.cadence_days)
            .where(people.c.owner_id == self.owner_id, people.c.cadence_days.is_not(None))
            .distinct()
        )
        return {int(r[0]) for r in rows}

    def _due_bound(self, boundaries: Mapping[int, datetime]) -> Any:
        """Per person, the instant their last contact must reach to be in touch (by cadence)."""
        if not boundaries:
            return null()
        cadence = func.coalesce(people.c.cadence_days, circles.c.cadence_days)
        stamp = DateTime(timezone=True)
        return case({c: literal(b, stamp) for c, b in boundaries.items()}, value=cadence)

    def _in_plan(self, stmt: Any) -> Any:
        return stmt.where(people.c.circle_id.is_not(None))

    def network_counts(self, boundaries: Mapping[int, datetime]) -> tuple[int, int]:
        """(in touch, total) over people in the plan; ``boundaries`` maps each cadence to the
        instant a last contact must be at or after to be within it."""
        in_touch = func.sum(
            case((people.c.last_contact_at >= self._due_bound(boundaries), 1), else_=0)
        )
        stmt = self._in_plan(
            self._active(select(func.count(), in_touch).select_from(_PEOPLE_CIRCLES))
        )
        total, touching = self.conn.execute(stmt).one()
        return int(touching or 0), int(total)

    def due_roster(self, boundaries: Mapping[int, datetime]) -> list[Member]:
        """The people in the plan who are due (see :meth:`network_counts`), by name then id."""
        stmt = self._in_plan(self._roster_select()).where(
            or_(
                people.c.last_contact_at.is_(None),
                people.c.last_contact_at < self._due_bound(boundaries),
            )
        )
        return self._members(stmt)

    def birthday_roster(self, days: Iterable[tuple[int, int]]) -> list[Member]:
        """Active, unarchived people whose birthday (month, day) is one of ``days``."""
        pairs = sorted(set(days))
        if not pairs:
            return []
        stmt = self._roster_select().where(
            or_(*(and_(people.c.birth_month == m, people.c.birth_day == d) for m, d in pairs))
        )
        return self._members(stmt)

    def _active(self, stmt: Any) -> Any:
        return stmt.where(
            people.c.owner_id == self.owner_id,
            people.c.status == PersonStatus.ACTIVE.value,
            people.c.archived.is_(False),
        )

    def _roster_select(self) -> Any:
        stmt = select(
            *PROFILE_COLUMNS,
            _epoch_seconds(self.conn.dialect.name, people.c.last_contact_at),
        ).select_from(_PEOPLE_CIRCLES)
        return self._active(stmt).order_by(people.c.name, people.c.id)

    def _members(self, stmt: Any, *, phones: bool = False) -> list[Member]:
        by_person: dict[int, tuple[ContactPoint, ...]] = {}
        if phones:
            found: dict[int, list[ContactPoint]] = {}
            rows = self.conn.execute(
                select(contact_points.c.person_id, contact_points.c.value, contact_points.c.label)
                .where(contact_points.c.owner_id == self.owner_id, contact_points.c.kind == "phone")
                .order_by(contact_points.c.id)
            )
            for pid, value, label in rows:
                found.setdefault(pid, []).append(ContactPoint("phone", value, label))
            by_person = {pid: tuple(items) for pid, items in found.items()}
        return members(self.conn.execute(stmt).all(), by_person)

    def name_entries(self) -> list[NameEntry]:
        rows = self.conn.execute(
            select(people.c.id, people.c.name, people.c.nickname).where(
                people.c.owner_id == self.owner_id,
                people.c.archived.is_(False),
                people.c.status != PersonStatus.IGNORED.value,
            )
        )
        return [NameEntry(r.id, r.name, r.nickname) for r in rows]

    def refresh_last_contact(self, person_ids: Iterable[int]) -> None:
        """Recompute each person's last meaningful contact from their interactions."""
        latest = (
            select(func.max(interaction_people.c.occurred_at))
            .where(
                interaction_people.c.person_id == people.c.id,
                interaction_people.c.owner_id == self.owner_id,
                interaction_people.c.meaningful.is_(True),
            )
            .scalar_subquery()
        )
        for chunk in _chunks(sorted(set(person_ids))):
            self.conn.execute(
                update(people)
                .where(people.c.owner_id == self.owner_id, people.c.id.in_(chunk))
                .values(last_contact_at=latest)
            )


def _interaction(row: Any, person_ids: tuple[int, ...]) -> Interaction:
    return Interaction(
        id=row.id,
        occurred_at=as_utc(row.occurred_at),
        day=row.day,
        kind=row.kind,
        minutes=row.minutes,
        person_ids=person_ids,
        with_other=row.with_other,
        meaningful=bool(row.meaningful),
        quality=row.quality,
        mood_before=row.mood_before,
        mood_after=row.mood_after,
        note=row.note,
    )


class InteractionRepo(_Repo):
    def _row(self, item: Interaction, created_at: datetime) -> dict[str, Any]:
        return {
            "owner_id": self.owner_id,
            "occurred_at": item.occurred_at,
            "day": item.day,
            "kind": item.kind,
            "minutes": item.minutes,
            "with_other": item.with_other,
            "meaningful": item.meaningful,
            "quality": item.quality,
            "mood_before": item.mood_before,
            "mood_after": item.mood_after,
            "note": item.note,
            "created_at": created_at,
        }

    def _link(self, interaction_id: int, item: Interaction) -> list[dict[str, Any]]:
        return [
            {
                "interaction_id": interaction_id,
                "person_id": pid,
                "owner_id": self.owner_id,
                "occurred_at": item.occurred_at,
                "meaningful": item.meaningful,
            }
            for pid in dict.fromkeys(item.person_ids)
        ]

    def add(self, interaction: Interaction, *, created_at: datetime) -> Interaction:
        new_id = self.conn.execute(
            insert(interactions).values(self._row(interaction, created_at))
        ).inserted_primary_key[0]  # type: ignore[index]
        links = self._link(new_id, interaction)
        if links:
            self.conn.execute(insert(interaction_people), links)
        found = self.get(new_id)
        assert found is not None
        return found

    def add_many(self, items: Sequence[Interaction], *, created_at: datetime) -> int:
        """Bulk insert (demo data, imports). Returns how many were added."""
        for item in items:
            self.add(item, created_at=created_at)
        return len(items)

    def get(self, interaction_id: int) -> Interaction | None:
        row = self.conn.execute(
            select(interactions).where(
                interactions.c.id == interaction_id, interactions.c.owner_id == self.owner_id
            )
        ).first()
        if row is None:
            return None
        return _interaction(row, self._people_of([row.id]).get(row.id, ()))

    def delete(self, interaction_id: int) -> None:
        self.conn.execute(
            delete(interactions).where(
                interactions.c.id == interaction_id, interactions.c.owner_id == self.owner_id
            )
        )

    def _people_of(self, ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {}
        for chunk in _chunks(list(ids)):
            rows = self.conn.execute(
                select(interaction_people.c.interaction_id, interaction_people.c.person_id)
                .where(
                    interaction_people.c.owner_id == self.owner_id,
                    interaction_people.c.interaction_id.in_(chunk),
                )
                .order_by(interaction_people.c.person_id)
            )
            for r in rows:
                out.setdefault(r.interaction_id, []).append(r.person_id)
        return {k: tuple(v) for k, v in out.items()}

    def find(
        self,
        *,
        person_id: int | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Interaction]:
        stmt = select(interactions).where(interactions.c.owner_id == self.owner_id)
        if person_id is not None:
            stmt = stmt.where(
                interactions.c.id.in_(
                    select(interaction_people.c.interaction_id).where(
                        interaction_people.c.owner_id == self.owner_id,
                        interaction_people.c.person_id == person_id,
                    )
                )
            )
        if since is not None:
            stmt = stmt.where(interactions.c.day >= since)
        if until is not None:
            stmt = stmt.where(interactions.c.day <= until)
        stmt = stmt.order_by(interactions.c.occurred_at.desc(), interactions.c.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = list(self.conn.execute(stmt))
        links = self._people_of([r.id for r in rows])
        return [_interaction(r, links.get(r.id, ())) for r in rows]


class DayStatsRepo(_Repo):
    def refresh(self, days: Iterable[date]) -> None:
        """Recompute the per-day counts for ``days`` from the interactions themselves."""
        for day in sorted(set(days)):
            row = self.conn.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(case((interactions.c.meaningful, 1), else_=0)), 0),
                ).where(interactions.c.owner_id == self.owner_id, interactions.c.day == day)
            ).one()
            total, meaningful = int(row[0]), int(row[1])
            key = and_(day_stats.c.owner_id == self.owner_id, day_stats.c.day == day)
            self.conn.execute(delete(day_stats).where(key))
            if total:
                self.conn.execute(
                    insert(day_stats).values(
                        owner_id=self.owner_id,
                        day=day,
                        meaningful_count=meaningful,
                        interaction_count=total,
                    )
                )

    def meaningful_counts(self, *, since: date | None = None) -> dict[date, int]:
        stmt = select(day_stats.c.day, day_stats.c.meaningful_count).where(
            day_stats.c.owner_id == self.owner_id, day_stats.c.meaningful_count > 0
        )
        if since is not None:
            stmt = stmt.where(day_stats.c.day >= since)
        return {r.day: r.meaningful_count for r in self.conn.execute(stmt)}

    def first_day(self) -> date | None:
        value = self.conn.execute(
            select(func.min(day_stats.c.day)).where(day_stats.c.owner_id == self.owner_id)
        ).scalar()
        return value if isinstance(value, date) else None


class FollowUpRepo(_Repo):
    def add(self, followup: FollowUp) -> FollowUp:
        new_id = self.conn.execute(
            insert(followups).values(
                owner_id=self.owner_id,
                person_id=followup.person_id,
                text=followup.text,
                due=followup.due,
                done=followup.done,
                created_at=followup.created_at,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        found = self.get(new_id)
        assert found is not None
        return found

    def get(self, followup_id: int) -> FollowUp | None:
        row = self.conn.execute(
            select(followups).where(
                followups.c.id == followup_id, followups.c.owner_id == self.owner_id
            )
        ).first()
        return None if row is None else _followup(row)

    def set_done(self, followup_id: int, done: bool) -> None:
        self.conn.execute(
            update(followups)
            .where(followups.c.id == followup_id, followups.c.owner_id == self.owner_id)
            .values(done=done)
        )

    def set_due(self, followup_id: int, due: date | None) -> None:
        self.conn.execute(
            update(followups)
            .where(followups.c.id == followup_id, followups.c.owner_id == self.owner_id)
            .values(due=due)
        )

    def find(
        self, *, open_only: bool = True, person_id: int | None = None, due_by: date | None = None
    ) -> list[FollowUp]:
        stmt = select(followups).where(followups.c.owner_id == self.owner_id)
        if open_only:
            stmt = stmt.where(followups.c.done.is_(False))
        if due_by is not None:
            stmt = stmt.where(followups.c.due.is_not(None), followups.c.due <= due_by)
        if person_id is not None:
            stmt = stmt.where(followups.c.person_id == person_id)
        stmt = stmt.order_by(followups.c.due.is_(None), followups.c.due, followups.c.id)
        return [_followup(r) for r in self.conn.execute(stmt)]


class CheckInRepo(_Repo):
    def get(self, day: date) -> CheckIn | None:
        row = self.conn.execute(
            select(checkins).where(checkins.c.owner_id == self.owner_id, checkins.c.day == day)
        ).first()
        return None if row is None else _checkin(row)

    def upsert(self, checkin: CheckIn, *, now: datetime) -> bool:
        """Store the day's check-in; True when it was new, False when it replaced one."""
        values = {
            "mood": checkin.mood,
            "stress": checkin.stress,
            "energy": checkin.energy,
            "sleep_hours": checkin.sleep_hours,
            "note": checkin.note,
            "updated_at": now,
        }
        done = self.conn.execute(
            update(checkins)
            .where(checkins.c.owner_id == self.owner_id, checkins.c.day == checkin.day)
            .values(**values)
        )
        if done.rowcount:
            return False
        self.conn.execute(
            insert(checkins).values(owner_id=self.owner_id, day=checkin.day, **values)
        )
        return True

    def find(self, *, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        stmt = select(checkins).where(checkins.c.owner_id == self.owner_id)
        if since is not None:
            stmt = stmt.where(checkins.c.day >= since)
        if until is not None:
            stmt = stmt.where(checkins.c.day <= until)
        return [_checkin(r) for r in self.conn.execute(stmt.order_by(checkins.c.day))]
