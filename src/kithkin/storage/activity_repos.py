"""What the days produce: interactions (with their per-day counts), follow-ups and check-ins.
Every query is scoped to one owner."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    and_,
    case,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from kithkin.domain.model import (
    CheckIn,
    FollowUp,
    Interaction,
)
from kithkin.domain.timeutil import as_utc
from kithkin.services.ports import ClientIdTaken
from kithkin.storage.engine import violates_unique
from kithkin.storage.owner_lock import lock_owner
from kithkin.storage.repositories import _chunks, _Repo, require_own_people
from kithkin.storage.rows import checkin as _checkin
from kithkin.storage.rows import followup as _followup
from kithkin.storage.shapes import PLAN_FOLLOWUP_FIELDS
from kithkin.storage.tables import (
    checkins,
    day_stats,
    followups,
    interaction_people,
    interactions,
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


CLIENT_INDEX = "ix_interactions_owner_client"
CLIENT_COLUMNS = ("owner_id", "client_id")


class InteractionRepo(_Repo):
    def _row(
        self, item: Interaction, created_at: datetime, client_id: str | None = None
    ) -> dict[str, Any]:
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
            "client_id": client_id,
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

    def add(
        self, interaction: Interaction, *, created_at: datetime, client_id: str | None = None
    ) -> Interaction:
        """Store one interaction. With a ``client_id`` the insert runs in a savepoint: when
        another request stored the same id first (two tabs, or a tab and the service worker,
        sending one queued log at once), only that unique index's violation is caught, the
        savepoint is rolled back (the transaction stays usable, on PostgreSQL too) and
        :class:`ClientIdTaken` is raised; any other integrity error is left as it is. Every
        person linked must be this owner's."""
        require_own_people(self.conn, self.owner_id, interaction.person_ids)
        stmt = insert(interactions).values(self._row(interaction, created_at, client_id))
        if client_id is None:
            new_id = self.conn.execute(stmt).inserted_primary_key[0]  # type: ignore[index]
        else:
            try:
                with self.conn.begin_nested():
                    new_id = self.conn.execute(stmt).inserted_primary_key[0]  # type: ignore[index]
            except IntegrityError as error:
                if not violates_unique(error, CLIENT_INDEX, "interactions", CLIENT_COLUMNS):
                    raise
                raise ClientIdTaken(client_id) from None
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

    def by_client_id(self, client_id: str) -> Interaction | None:
        """The interaction a browser sent with this id before (an offline log replayed)."""
        found = self.conn.execute(
            select(interactions.c.id).where(
                interactions.c.owner_id == self.owner_id, interactions.c.client_id == client_id
            )
        ).scalar()
        return None if found is None else self.get(found)

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
                    # ``owner_id + 0``: the same rows, but a term SQLite cannot answer from an
                    # index, so it reads the few links by interaction id (the primary key)
                    # instead of scanning every link of the owner (``ix_interaction_people_
                    # owner_time``), which it picks without statistics: 10 s for 1,000,000.
                    interaction_people.c.owner_id + 0 == self.owner_id,
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
        lock_owner(self.conn, self.owner_id)  # PostgreSQL: one writer of this account at a time
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
        require_own_people(self.conn, self.owner_id, [followup.person_id])
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

    def open_for_plan(self) -> list[FollowUp]:
        """The open follow-ups as the planner reads them (``shapes.PLAN_FOLLOWUP_FIELDS``: no
        ``created_at``, which the plan never reads), in :meth:`find`'s order. Parsing each
        creation instant cost the plan more than the rest of the read (docs/performance.md)."""
        stmt = (
            select(*(followups.c[f] for f in PLAN_FOLLOWUP_FIELDS))
            .where(followups.c.owner_id == self.owner_id, followups.c.done.is_(False))
            .order_by(followups.c.due.is_(None), followups.c.due, followups.c.id)
        )
        return [
            FollowUp(person_id=pid, text=text, due=due, id=fid)
            for fid, pid, text, due in self.conn.execute(stmt)
        ]


DAY_INDEX = "uq_checkins_owner_day"


class CheckInRepo(_Repo):
    def get(self, day: date) -> CheckIn | None:
        row = self.conn.execute(
            select(checkins).where(checkins.c.owner_id == self.owner_id, checkins.c.day == day)
        ).first()
        return None if row is None else _checkin(row)

    def updated_at(self, day: date) -> datetime | None:
        """When the day's check-in last changed (for a queued one: when it was made)."""
        value = self.conn.execute(
            select(checkins.c.updated_at).where(
                checkins.c.owner_id == self.owner_id, checkins.c.day == day
            )
        ).scalar()
        return None if value is None else as_utc(value)

    def by_client_id(self, client_id: str) -> CheckIn | None:
        """The check-in a browser sent with this id before (an offline check-in replayed)."""
        row = self.conn.execute(
            select(checkins).where(
                checkins.c.owner_id == self.owner_id, checkins.c.client_id == client_id
            )
        ).first()
        return None if row is None else _checkin(row)

    def upsert(self, checkin: CheckIn, *, now: datetime, client_id: str | None = None) -> bool:
        """Store the day's check-in; True when it was new, False when it replaced one. A
        ``client_id`` (made by the browser) is kept on the row; None leaves the stored one.
        When another request inserts the day's row between the update and the insert, that
        unique constraint's violation is caught in a savepoint and this one updates it."""
        values: dict[str, Any] = {
            "mood": checkin.mood,
            "stress": checkin.stress,
            "energy": checkin.energy,
            "sleep_hours": checkin.sleep_hours,
            "note": checkin.note,
            "updated_at": now,
        }
        if client_id is not None:
            values["client_id"] = client_id
        done = self.conn.execute(
            update(checkins)
            .where(checkins.c.owner_id == self.owner_id, checkins.c.day == checkin.day)
            .values(**values)
        )
        if done.rowcount:
            return False
        try:  # another request may store the day's first check-in in between (two tabs)
            with self.conn.begin_nested():
                self.conn.execute(
                    insert(checkins).values(owner_id=self.owner_id, day=checkin.day, **values)
                )
        except IntegrityError as error:
            if not violates_unique(error, DAY_INDEX, "checkins", ("owner_id", "day")):
                raise
            return self.upsert(checkin, now=now, client_id=client_id)  # now an update
        return True

    def find(self, *, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        stmt = select(checkins).where(checkins.c.owner_id == self.owner_id)
        if since is not None:
            stmt = stmt.where(checkins.c.day >= since)
        if until is not None:
            stmt = stmt.where(checkins.c.day <= until)
        return [_checkin(r) for r in self.conn.execute(stmt.order_by(checkins.c.day))]
