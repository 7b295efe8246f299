"""Repositories for imports, calendars, recurring calls, feed tokens and the reminder log.

Imports work in bulk: one query loads every person with their contact points, and new people,
changed fields and new contact points are written with executemany, never a query per record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from kithkin.domain.model import ContactPoint, Person
from kithkin.domain.timeutil import as_utc
from kithkin.services.ports import (
    CalendarSource,
    ReminderEntry,
    SavedCall,
)
from kithkin.storage.people_repos import PERSON_COLUMNS
from kithkin.storage.repositories import normalise_contact, require_own_people
from kithkin.storage.rows import person as _person
from kithkin.storage.tables import (
    calendars,
    circles,
    contact_points,
    feed_tokens,
    followups,
    interaction_people,
    people,
    recurring_calls,
    reminder_log,
    suggestions,
)

# Every table that points at a person, with the column; interaction links are handled apart.
_HISTORY = (("followups", followups), ("calls", recurring_calls), ("suggestions", suggestions))


class _Repo:
    def __init__(self, conn: Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id


def _birthday_values(person: Person) -> dict[str, Any]:
    bday = person.birthday
    return {
        "birth_month": bday.month if bday else None,
        "birth_day": bday.day if bday else None,
        "birth_year": bday.year if bday else None,
        "birthday_text": person.birthday_text,
    }


class ContactsRepo(_Repo):
    """Bulk reads and writes for contact imports."""

    def load_all(self) -> list[Person]:
        """Every person of the owner (archived and ignored too), with contact points."""
        points: dict[int, list[ContactPoint]] = {}
        rows = self.conn.execute(
            select(
                contact_points.c.person_id,
                contact_points.c.kind,
                contact_points.c.value,
                contact_points.c.label,
            )
            .where(contact_points.c.owner_id == self.owner_id)
            .order_by(contact_points.c.id)
        )
        for r in rows:
            points.setdefault(r.person_id, []).append(ContactPoint(r.kind, r.value, r.label))
        stmt = (
            select(*PERSON_COLUMNS)
            .select_from(people.outerjoin(circles, people.c.circle_id == circles.c.id))
            .where(people.c.owner_id == self.owner_id)
            .order_by(people.c.id)
        )
        return [_person(r, tuple(points.get(r.id, ()))) for r in self.conn.execute(stmt)]

    def insert_people(self, persons: Sequence[Person], *, now: datetime) -> list[int]:
        """Insert new (circle-less) people and their contact points; return their ids."""
        if not persons:
            return []
        rows = [
            {
                "owner_id": self.owner_id,
                "name": p.name,
                "nickname": p.nickname,
                "circle_id": None,
                "how_met": p.how_met,
                "notes": p.notes,
                "status": p.status.value,
                "uid": p.uid,
                "created_at": now,
                **_birthday_values(p),
                **p.card_fields(),
            }
            for p in persons
        ]
        if self.conn.dialect.name == "sqlite":
            # SQLite cannot return the ids of a multi-row INSERT in order, so SQLAlchemy would
            # insert one row per statement. A writing transaction holds the database's write
            # lock (BEGIN IMMEDIATE), so the ids SQLite would pick, max + 1 onwards, are given.
            top = self.conn.execute(select(func.max(people.c.id))).scalar()
            ids = list(range(int(top or 0) + 1, int(top or 0) + 1 + len(rows)))
            for row, new_id in zip(rows, ids, strict=True):
                row["id"] = new_id
            self.conn.execute(insert(people), rows)
        else:
            result = self.conn.execute(
                insert(people).returning(people.c.id, sort_by_parameter_order=True), rows
            )
            ids = [int(r[0]) for r in result]
        self.add_points([(pid, p.contacts) for pid, p in zip(ids, persons, strict=True)])
        return ids

    def update_fields(self, persons: Sequence[Person]) -> None:
        """Write the fields an import may fill (nickname, notes, how met, uid, birthday)."""
        for p in persons:
            self.conn.execute(
                update(people)
                .where(people.c.id == p.id, people.c.owner_id == self.owner_id)
                .values(
                    nickname=p.nickname,
                    notes=p.notes,
                    how_met=p.how_met,
                    uid=p.uid,
                    **_birthday_values(p),
                    **p.card_fields(),
                )
            )

    def add_points(self, items: Sequence[tuple[int, Sequence[ContactPoint]]]) -> None:
        require_own_people(self.conn, self.owner_id, [person_id for person_id, _ in items])
        rows = [
            {
                "owner_id": self.owner_id,
                "person_id": person_id,
                "kind": c.kind,
                "value": c.value,
                "normalized": normalise_contact(c.kind, c.value),
                "label": c.label,
            }
            for person_id, points in items
            for c in points
        ]
        if rows:
            self.conn.execute(insert(contact_points), rows)

    def history_counts(self, person_id: int) -> dict[str, int]:
        """How many interactions, follow-ups, recurring calls and suggestions name a person."""
        counts = {
            "interactions": self._count(interaction_people, person_id),
        }
        for name, table in _HISTORY:
            counts[name] = self._count(table, person_id)
        return counts

    def _count(self, table: Any, person_id: int) -> int:
        found = self.conn.execute(
            select(func.count())
            .select_from(table)
            .where(table.c.owner_id == self.owner_id, table.c.person_id == person_id)
        ).scalar()
        return int(found or 0)

    def move_history(self, *, keep_id: int, other_id: int) -> None:
        """Point everything that names ``other_id`` at ``keep_id`` (an interaction they shared
        keeps one link), then delete ``other_id`` with their contact points."""
        shared = (
            select(interaction_people.c.interaction_id)
            .where(
                interaction_people.c.owner_id == self.owner_id,
                interaction_people.c.person_id == keep_id,
            )
            .scalar_subquery()
        )
        mine = and_(
            interaction_people.c.owner_id == self.owner_id,
            interaction_people.c.person_id == other_id,
        )
        self.conn.execute(
            delete(interaction_people).where(mine, interaction_people.c.interaction_id.in_(shared))
        )
        self.conn.execute(update(interaction_people).where(mine).values(person_id=keep_id))
        for _, table in _HISTORY:
            self.conn.execute(
                update(table)
                .where(table.c.owner_id == self.owner_id, table.c.person_id == other_id)
                .values(person_id=keep_id)
            )
        self.conn.execute(
            delete(contact_points).where(
                contact_points.c.owner_id == self.owner_id, contact_points.c.person_id == other_id
            )
        )
        self.conn.execute(
            delete(people).where(people.c.owner_id == self.owner_id, people.c.id == other_id)
        )


class CalendarRepo(_Repo):
    def add(self, *, name: str, path: str, now: datetime) -> CalendarSource | None:
        """Register a calendar; None when the name is taken."""
        try:
            with self.conn.begin_nested():
                new_id = self.conn.execute(
                    insert(calendars).values(
                        owner_id=self.owner_id, name=name, path=path, created_at=now
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
        except IntegrityError:
            return None
        return CalendarSource(id=int(new_id), name=name, path=path)

    def find(self) -> list[CalendarSource]:
        rows = self.conn.execute(
            select(calendars)
            .where(calendars.c.owner_id == self.owner_id)
            .order_by(calendars.c.name)
        )
        return [CalendarSource(id=r.id, name=r.name, path=r.path) for r in rows]

    def remove(self, name: str) -> bool:
        done = self.conn.execute(
            delete(calendars).where(calendars.c.owner_id == self.owner_id, calendars.c.name == name)
        )
        return bool(done.rowcount)


class CallRepo(_Repo):
    def add(self, call: SavedCall, *, now: datetime) -> SavedCall:
        require_own_people(self.conn, self.owner_id, [call.person_id])
        new_id = self.conn.execute(
            insert(recurring_calls).values(
                owner_id=self.owner_id,
                person_id=call.person_id,
                weekday=call.weekday,
                local_time=call.local_time,
                timezone=call.timezone,
                minutes=call.minutes,
                interval_weeks=call.interval_weeks,
                first_date=call.first_date,
                checked_until=call.checked_until,
                created_at=now,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        return SavedCall(
            id=int(new_id),
            person_id=call.person_id,
            weekday=call.weekday,
            local_time=call.local_time,
            timezone=call.timezone,
            minutes=call.minutes,
            interval_weeks=call.interval_weeks,
            first_date=call.first_date,
            checked_until=call.checked_until,
        )

    def find(self) -> list[SavedCall]:
        rows = self.conn.execute(
            select(recurring_calls)
            .where(recurring_calls.c.owner_id == self.owner_id)
            .order_by(recurring_calls.c.id)
        )
        return [
            SavedCall(
                id=r.id,
                person_id=r.person_id,
                weekday=r.weekday,
                local_time=r.local_time,
                timezone=r.timezone,
                minutes=r.minutes,
                interval_weeks=r.interval_weeks,
                first_date=r.first_date,
                checked_until=r.checked_until,
            )
            for r in rows
        ]


class FeedTokenRepo(_Repo):
    def add(self, token_hash: str, *, now: datetime) -> None:
        self.conn.execute(
            insert(feed_tokens).values(
                owner_id=self.owner_id, token_hash=token_hash, created_at=now
            )
        )

    def revoke_all(self, *, now: datetime) -> int:
        done = self.conn.execute(
            update(feed_tokens)
            .where(feed_tokens.c.owner_id == self.owner_id, feed_tokens.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(done.rowcount)

    def owner_for(self, token_hash: str) -> int | None:
        """The owner of a live (unrevoked) feed token, looked up across all owners."""
        found = self.conn.execute(
            select(feed_tokens.c.owner_id).where(
                feed_tokens.c.token_hash == token_hash, feed_tokens.c.revoked_at.is_(None)
            )
        ).scalar()
        return None if found is None else int(found)


def _entry(r: Any) -> ReminderEntry:
    return ReminderEntry(
        id=r.id,
        kind=r.kind,
        occurrence=r.occurrence,
        status=r.status,
        title=r.title,
        body=r.body,
        attempts=r.attempts,
        last_error=r.last_error,
        next_attempt_at=as_utc(r.next_attempt_at) if r.next_attempt_at else None,
        sent_at=as_utc(r.sent_at) if r.sent_at else None,
    )


class ReminderLogRepo(_Repo):
    def record_due(
        self, *, kind: str, occurrence: str, title: str, body: str, now: datetime
    ) -> bool:
        """Log a reminder as pending unless this (kind, occurrence) is already logged."""
        exists = self.conn.execute(
            select(reminder_log.c.id).where(
                reminder_log.c.owner_id == self.owner_id,
                reminder_log.c.kind == kind,
                reminder_log.c.occurrence == occurrence,
            )
        ).first()
        if exists is not None:
            return False
        try:
            with self.conn.begin_nested():
                self.conn.execute(
                    insert(reminder_log).values(
                        owner_id=self.owner_id,
                        kind=kind,
                        occurrence=occurrence,
                        status="pending",
                        title=title,
                        body=body,
                        attempts=0,
                        last_error="",
                        next_attempt_at=now,
                        created_at=now,
                    )
                )
        except IntegrityError:  # another worker logged it first
            return False
        return True

    def claim_next(self, *, now: datetime, hold_until: datetime) -> ReminderEntry | None:
        """Claim the next unsent reminder whose time has come: mark it "sending" until
        ``hold_until`` (the caller commits, sends with no transaction open, then records the
        outcome). A claim left "sending" past its time (the sender died) is claimable again.

        PostgreSQL skips rows another worker holds (FOR UPDATE SKIP LOCKED); SQLite's writer
        already holds the database lock (BEGIN IMMEDIATE).
        """
        stmt = (
            select(reminder_log)
            .where(
                reminder_log.c.owner_id == self.owner_id,
                reminder_log.c.status.in_(("pending", "failed", "sending")),
                or_(
                    reminder_log.c.next_attempt_at.is_(None), reminder_log.c.next_attempt_at <= now
                ),
            )
            .order_by(reminder_log.c.id)
            .limit(1)
        )
        if self.conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        row = self.conn.execute(stmt).first()
        if row is None:
            return None
        self.conn.execute(
            update(reminder_log)
            .where(reminder_log.c.id == row.id)
            .values(status="sending", next_attempt_at=hold_until)
        )
        return _entry(row)

    def _after(self, entry_id: int, **values: Any) -> ReminderEntry | None:
        """Record the outcome of a claim; None when the claim was no longer held."""
        self.conn.execute(
            update(reminder_log)
            .where(
                reminder_log.c.id == entry_id,
                reminder_log.c.owner_id == self.owner_id,
                reminder_log.c.status == "sending",
            )
            .values(attempts=reminder_log.c.attempts + 1, **values)
        )
        row = self.conn.execute(
            select(reminder_log).where(
                reminder_log.c.id == entry_id, reminder_log.c.owner_id == self.owner_id
            )
        ).first()
        return None if row is None else _entry(row)

    def mark_sent(self, entry_id: int, *, now: datetime) -> ReminderEntry | None:
        return self._after(
            entry_id, status="sent", sent_at=now, last_error="", next_attempt_at=None
        )

    def mark_failed(self, entry_id: int, *, error: str, retry_at: datetime) -> ReminderEntry | None:
        return self._after(
            entry_id, status="failed", last_error=error[:2000], next_attempt_at=retry_at
        )

    def find(self, *, since: date | None = None, limit: int = 50) -> list[ReminderEntry]:
        stmt = select(reminder_log).where(reminder_log.c.owner_id == self.owner_id)
        if since is not None:
            stmt = stmt.where(and_(reminder_log.c.occurrence >= since.isoformat()))
        rows = self.conn.execute(stmt.order_by(reminder_log.c.id.desc()).limit(limit))
        return [_entry(r) for r in rows]
