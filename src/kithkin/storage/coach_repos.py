"""Coach sharing (#16): what each client shares with which coach, and every view by a coach.

Spans owners like ``accounts_repos`` (a coach reads the list of its clients); every query
names the client (``owner_id``) or the coach explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from kithkin.domain.timeutil import as_utc
from kithkin.services.coaching import CoachShare, CoachView
from kithkin.storage.tables import accounts, coach_shares, coach_views


def _shares(raw: str) -> frozenset[str]:
    return frozenset(s for s in raw.split(",") if s)


def _share(row: Any) -> CoachShare:
    return CoachShare(
        id=row.id,
        client_id=row.owner_id,
        client=row.client,
        coach_id=row.coach_id,
        coach=row.coach,
        shares=_shares(row.shares),
        created_at=as_utc(row.created_at),
    )


class CoachRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _select(self) -> Any:
        client, coach = accounts.alias("client"), accounts.alias("coach")
        return (
            select(coach_shares, client.c.name.label("client"), coach.c.name.label("coach"))
            .join(client, client.c.id == coach_shares.c.owner_id)
            .join(coach, coach.c.id == coach_shares.c.coach_id)
        )

    def set_share(self, client_id: int, coach_id: int, shares: str, now: datetime) -> None:
        found = self.conn.execute(
            select(coach_shares.c.id).where(
                coach_shares.c.owner_id == client_id, coach_shares.c.coach_id == coach_id
            )
        ).scalar()
        if found is None:
            self.conn.execute(
                insert(coach_shares).values(
                    owner_id=client_id, coach_id=coach_id, shares=shares, created_at=now
                )
            )
        else:
            self.conn.execute(
                update(coach_shares).where(coach_shares.c.id == found).values(shares=shares)
            )

    def remove_share(self, client_id: int, share_id: int) -> bool:
        result = self.conn.execute(
            delete(coach_shares).where(
                coach_shares.c.owner_id == client_id, coach_shares.c.id == share_id
            )
        )
        return bool(result.rowcount)

    def shares_of_client(self, client_id: int) -> list[CoachShare]:
        rows = self.conn.execute(
            self._select().where(coach_shares.c.owner_id == client_id).order_by(coach_shares.c.id)
        )
        return [_share(r) for r in rows]

    def clients_of_coach(self, coach_id: int) -> list[CoachShare]:
        rows = self.conn.execute(
            self._select().where(coach_shares.c.coach_id == coach_id).order_by(coach_shares.c.id)
        )
        return [_share(r) for r in rows]

    def share(self, client_id: int, coach_id: int) -> CoachShare | None:
        row = self.conn.execute(
            self._select().where(
                coach_shares.c.owner_id == client_id, coach_shares.c.coach_id == coach_id
            )
        ).first()
        return None if row is None else _share(row)

    def add_view(self, client_id: int, coach_id: int, shares: str, now: datetime) -> None:
        self.conn.execute(
            insert(coach_views).values(
                owner_id=client_id, coach_id=coach_id, shares=shares, viewed_at=now
            )
        )

    def views_of_client(self, client_id: int, limit: int = 50) -> list[CoachView]:
        rows = self.conn.execute(
            select(coach_views, accounts.c.name.label("coach"))
            .outerjoin(accounts, accounts.c.id == coach_views.c.coach_id)
            .where(coach_views.c.owner_id == client_id)
            .order_by(coach_views.c.viewed_at.desc(), coach_views.c.id.desc())
            .limit(limit)
        )
        return [CoachView(r.coach, _shares(r.shares), as_utc(r.viewed_at)) for r in rows]


class CoachStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def open(self, *, write: bool = False) -> Iterator[CoachRepo]:
        with self.engine.connect() as conn:
            conn.info["kithkin_write"] = write
            with conn.begin():
                yield CoachRepo(conn)
                if not write:
                    conn.rollback()
