"""The people repository: person records, their contact points, the planner's roster and each
person's last contact. Every query is scoped to one owner."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    bindparam,
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

from kithkin.domain.model import (
    ContactPoint,
    Person,
    PersonStatus,
)
from kithkin.domain.names import NameEntry
from kithkin.domain.roster import Member, RankingRows
from kithkin.services.ports import PeopleQuery
from kithkin.storage import shapes
from kithkin.storage.owner_lock import lock_owner
from kithkin.storage.repositories import CircleRepo, _chunks, _Repo, normalise_contact
from kithkin.storage.rows import members
from kithkin.storage.rows import person as _person
from kithkin.storage.tables import (
    circles,
    contact_points,
    interaction_people,
    people,
)


# What the planner and the daily view read of everyone (the lean roster), in this order...
def _selected(fields: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(
        circles.c.name.label(shapes.CIRCLE_NAME) if f == shapes.CIRCLE_NAME else people.c[f]
        for f in fields
    )


PROFILE_COLUMNS = _selected(shapes.ROSTER_FIELDS)
# ...and the rest of a full person record (both declared in ``storage.shapes``).
PERSON_COLUMNS = _selected(shapes.PERSON_FIELDS)
# What the planner ranks everyone by (the ranking roster).
RANKING_COLUMNS = _selected(shapes.RANKING_FIELDS)


# SQLite's unixepoch() (3.38) is CAST(strftime('%s', ...) AS INTEGER) without the text between:
# the same expression in SQLite's date code (iJD/1000 less the epoch), a tenth of the ranking
# read (docs/performance.md, section 16). Older libraries keep the cast.
_UNIXEPOCH = sqlite3.sqlite_version_info >= (3, 38, 0)


def _epoch_seconds(dialect: str, column: Any) -> Any:
    """Whole Unix seconds of a stored UTC instant, computed by the database."""
    if dialect == "sqlite":
        if _UNIXEPOCH:
            return func.unixepoch(column, type_=Integer)
        return cast(func.strftime("%s", column), Integer)
    return cast(func.floor(func.extract("epoch", column)), BigInteger)


@functools.cache
def _roster_select(dialect: str) -> Any:
    """The lean roster's SELECT (``shapes.ROSTER_FIELDS``, then the last contact in whole
    seconds) of the active, unarchived people of the owner bound as ``owner``, by name then id.
    Built once per dialect: the daily view asks for it three times a page."""
    return (
        select(*PROFILE_COLUMNS, _epoch_seconds(dialect, people.c.last_contact_at))
        .select_from(_PEOPLE_CIRCLES)
        .where(
            people.c.owner_id == bindparam("owner"),
            people.c.status == PersonStatus.ACTIVE.value,
            people.c.archived.is_(False),
        )
        .order_by(people.c.name, people.c.id)
    )


# A birthday as one number, month * 100 + day, matched against an expanding list: one statement
# whatever the week (an OR of (month, day) pairs was built and compiled afresh each time).
_BIRTHDAY_CODE = people.c.birth_month * 100 + people.c.birth_day


@functools.cache
def _birthday_select(dialect: str) -> Any:
    return _roster_select(dialect).where(_BIRTHDAY_CODE.in_(bindparam("birthdays", expanding=True)))


def _ranking_select(dialect: str) -> Any:
    """The ranking roster's SELECT (``shapes.RANKING_FIELDS``, then the last contact in whole
    seconds) of the active, unarchived people in a circle of the owner bound as ``owner``."""
    return select(*RANKING_COLUMNS, _epoch_seconds(dialect, people.c.last_contact_at)).where(
        people.c.owner_id == bindparam("owner"),
        people.c.status == PersonStatus.ACTIVE.value,
        people.c.archived.is_(False),
        people.c.circle_id.is_not(None),
    )


_COMPILED: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {}


def _compiled_ranking(dialect: Any) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """The SQL text of :func:`_ranking_select` for ``dialect`` (a positional paramstyle), its
    parameters' names in order and their values but the owner's, compiled once per process."""
    found = _COMPILED.get(dialect.name)
    if found is None:
        compiled = _ranking_select(dialect.name).compile(dialect=dialect)
        names = tuple(compiled.positiontup or ())
        found = _COMPILED[dialect.name] = (str(compiled), names, dict(compiled.params))
    return found


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
        stmt = _birthday_select(self.conn.dialect.name)
        return self._members(stmt, params={"birthdays": [m * 100 + d for m, d in pairs]})

    def _active(self, stmt: Any) -> Any:
        return stmt.where(
            people.c.owner_id == self.owner_id,
            people.c.status == PersonStatus.ACTIVE.value,
            people.c.archived.is_(False),
        )

    def _roster_select(self) -> Any:
        """The lean roster's SELECT, ``owner`` bound by :meth:`_members`."""
        return _roster_select(self.conn.dialect.name)

    def ranking_roster(self, *, fast: bool = True) -> RankingRows:
        """Every active, unarchived person in a circle, as ranking :class:`Member` tuples: only
        what the planner scores by (``shapes.RANKING_FIELDS``), from the people table alone, in
        no particular order; :meth:`roster_of` reads the rest for the few at the top. The rows
        are kept as read (:class:`RankingRows` makes a member of one when asked)."""
        names = dict(
            self.conn.execute(
                select(circles.c.id, circles.c.name).where(circles.c.owner_id == self.owner_id)
            ).all()
        )
        return RankingRows(self._ranking_rows(fast=fast), names)

    def _ranking_rows(self, *, fast: bool) -> list[Any]:
        """The ranking roster's rows. On SQLite, by default, the same compiled statement is
        run on the DBAPI cursor of this connection (same transaction), skipping SQLAlchemy's
        result rows: none of these columns has a result processor there, so the tuples are
        those SQLAlchemy returns (``tests/storage/test_ranking_fast.py``); a third of the
        read's cost for 10,000 people. Any other database goes through SQLAlchemy."""
        dialect = self.conn.dialect
        stmt = _ranking_select(dialect.name)
        if not fast or dialect.name != "sqlite":
            return list(self.conn.execute(stmt, {"owner": self.owner_id}).all())
        sql, names, values = _compiled_ranking(dialect)
        params = {**values, "owner": self.owner_id}
        cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, [params[n] for n in names])
            return cursor.fetchall()  # type: ignore[no-any-return]
        finally:
            cursor.close()

    def roster_of(self, person_ids: Iterable[int]) -> dict[int, Member]:
        """The full roster :class:`Member` (phone numbers included) of each of ``person_ids``
        who is active and unarchived, by id: what :meth:`roster` reads of them."""
        ids = sorted(set(person_ids))
        out: dict[int, Member] = {}
        for chunk in _chunks(ids):
            stmt = self._roster_select().where(people.c.id.in_(chunk))
            out.update((m.id, m) for m in self._members(stmt, phones=True, of=chunk))
        return out

    def _members(
        self,
        stmt: Any,
        *,
        phones: bool = False,
        of: Iterable[int] | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> list[Member]:
        """The lean roster ``stmt`` (made from :meth:`_roster_select`, with ``params``)."""
        by_person: dict[int, tuple[ContactPoint, ...]] = {}
        if phones:
            found: dict[int, list[ContactPoint]] = {}
            query = (
                select(contact_points.c.person_id, contact_points.c.value, contact_points.c.label)
                .where(contact_points.c.owner_id == self.owner_id, contact_points.c.kind == "phone")
                .order_by(contact_points.c.id)
            )
            if of is not None:
                query = query.where(contact_points.c.person_id.in_(list(of)))
            for pid, value, label in self.conn.execute(query):
                found.setdefault(pid, []).append(ContactPoint("phone", value, label))
            by_person = {pid: tuple(items) for pid, items in found.items()}
        bound = {"owner": self.owner_id, **(params or {})}
        return members(self.conn.execute(stmt, bound).all(), by_person)

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
        lock_owner(self.conn, self.owner_id)  # PostgreSQL: one writer of this account at a time
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
