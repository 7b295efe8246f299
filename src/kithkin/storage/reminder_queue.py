"""The reminder queue across accounts, for ``kithkin worker``: claims in short transactions.

A claim marks a batch of due rows "sending", held by one worker (``claimed_by``) until a lease
ends (``next_attempt_at``). PostgreSQL takes the rows with ``FOR UPDATE SKIP LOCKED``, so
concurrent workers never wait on, nor take, each other's rows; SQLite's writer holds the
database lock for the whole claim (``BEGIN IMMEDIATE``), and the UPDATE repeats the condition.
An outcome is recorded only by the worker still holding the claim; a claim whose outcome was
never recorded (the worker died) is claimable again once its lease has passed.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, and_, not_, or_, select, update
from sqlalchemy.exc import OperationalError

from kithkin.domain.timeutil import as_utc
from kithkin.services.ports import ClaimedReminder
from kithkin.storage.tables import accounts, profiles, reminder_log
from kithkin.storage.uow import unavailable

CLAIMABLE = ("pending", "failed", "sending")


class SqlReminderQueue:
    """``with SqlReminderQueue(engine) as q: q.claim(...); q.commit()``: one connection, a
    transaction per ``commit``.

    Not scoped to one owner: it is the workers' view of every account's reminders. Writes here
    do not move an owner's data version (no cached page shows the reminder log)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        try:
            conn = self.engine.connect()
        except OperationalError as exc:
            raise unavailable(self.engine, exc) from None
        conn.info["kithkin_write"] = True  # SQLite: BEGIN IMMEDIATE, so a claim is atomic
        conn.begin()
        self._conn = conn
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.rollback()
            finally:
                conn.close()

    @property
    def conn(self) -> Connection:
        assert self._conn is not None, "use the queue as a context manager"
        return self._conn

    def commit(self) -> None:
        """Commit. The next transaction begins with the next statement, not now: a worker keeps
        this connection while it sends, with no transaction (nor SQLite's write lock) open."""
        self.conn.commit()

    def accounts(self) -> dict[int, str]:
        """Every account with a profile: id -> name."""
        rows = self.conn.execute(
            select(accounts.c.id, accounts.c.name).join(
                profiles, profiles.c.owner_id == accounts.c.id
            )
        )
        return {int(r.id): str(r.name) for r in rows}

    def timezones(self) -> dict[int, str]:
        """Each account's time zone (from its profile)."""
        rows = self.conn.execute(select(profiles.c.owner_id, profiles.c.timezone))
        return {int(r.owner_id): str(r.timezone) for r in rows}

    def claim(
        self,
        *,
        now: datetime,
        hold_until: datetime,
        worker: str,
        limit: int,
        owners: Collection[int] | None = None,
        skip_owners: Collection[int] = (),
    ) -> list[ClaimedReminder]:
        """Claim up to ``limit`` due rows (oldest first) for ``worker`` until ``hold_until``."""
        due = and_(
            reminder_log.c.status.in_(CLAIMABLE),
            or_(reminder_log.c.next_attempt_at.is_(None), reminder_log.c.next_attempt_at <= now),
        )
        if owners is not None:
            due = and_(due, reminder_log.c.owner_id.in_(list(owners)))
        if skip_owners:
            due = and_(due, not_(reminder_log.c.owner_id.in_(list(skip_owners))))
        pick = select(reminder_log.c.id).where(due).order_by(reminder_log.c.id).limit(limit)
        if self.conn.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        ids = [int(i) for i in self.conn.execute(pick).scalars()]
        if not ids:
            return []
        rows = self.conn.execute(
            update(reminder_log)
            .where(reminder_log.c.id.in_(ids), due)  # the condition again: a safe claim anywhere
            .values(status="sending", next_attempt_at=hold_until, claimed_by=worker)
            .returning(*reminder_log.c)
        ).all()
        return sorted((_claimed(r) for r in rows), key=lambda c: c.id)

    def _lazy_commit(self) -> None:
        """PostgreSQL: this transaction's commit does not wait for the disk (the WAL writer
        flushes it within a fraction of a second). A worker killed after it loses nothing; only
        a crash of the database server in that fraction can forget an outcome, and the reminder
        is then sent again after its lease, never lost. Claims keep the normal, durable commit."""
        if self.conn.dialect.name == "postgresql":
            self.conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")

    def _record(self, entry_id: int, worker: str, **values: Any) -> bool:
        self._lazy_commit()
        done = self.conn.execute(
            update(reminder_log)
            .where(
                reminder_log.c.id == entry_id,
                reminder_log.c.status == "sending",
                reminder_log.c.claimed_by == worker,
            )
            .values(attempts=reminder_log.c.attempts + 1, claimed_by=None, **values)
        )
        return bool(done.rowcount)

    def mark_sent(self, entry_id: int, *, worker: str, now: datetime) -> bool:
        """Record a delivery; False when the claim was no longer this worker's."""
        return self._record(
            entry_id, worker, status="sent", sent_at=now, last_error="", next_attempt_at=None
        )

    def mark_failed(self, entry_id: int, *, worker: str, error: str, retry_at: datetime) -> bool:
        return self._record(
            entry_id, worker, status="failed", last_error=error[:2000], next_attempt_at=retry_at
        )

    def release(self, ids: Collection[int], *, worker: str, now: datetime) -> int:
        """Give back claims not yet sent (due again at once, for any worker)."""
        if not ids:
            return 0
        done = self.conn.execute(
            update(reminder_log)
            .where(
                reminder_log.c.id.in_(list(ids)),
                reminder_log.c.status == "sending",
                reminder_log.c.claimed_by == worker,
            )
            .values(status="pending", next_attempt_at=now, claimed_by=None)
        )
        return int(done.rowcount)


def _claimed(r: Any) -> ClaimedReminder:
    return ClaimedReminder(
        id=int(r.id),
        owner_id=int(r.owner_id),
        kind=str(r.kind),
        occurrence=str(r.occurrence),
        title=str(r.title),
        body=str(r.body),
        attempts=int(r.attempts),
        hold_until=as_utc(r.next_attempt_at),
    )
