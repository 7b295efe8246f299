"""The mark that today's stored plan is out of date: one row per owner while it is."""

from __future__ import annotations

from sqlalchemy import delete, select, text

from kithkin.storage.repositories import _Repo
from kithkin.storage.tables import plan_marks

_MARK = text("INSERT INTO plan_marks (owner_id) VALUES (:owner) ON CONFLICT (owner_id) DO NOTHING")


class PlanMarkRepo(_Repo):
    def mark(self) -> None:
        self.conn.execute(_MARK, {"owner": self.owner_id})

    def is_marked(self) -> bool:
        found = self.conn.execute(
            select(plan_marks.c.owner_id).where(plan_marks.c.owner_id == self.owner_id)
        ).first()
        return found is not None

    def clear(self) -> None:
        self.conn.execute(delete(plan_marks).where(plan_marks.c.owner_id == self.owner_id))
