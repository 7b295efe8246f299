"""Follow-ups, with the one edit the web's person page needs beyond done/undone: the due date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from kithkin.storage import repositories as repos
from kithkin.storage.tables import followups


class FollowUpRepo(repos.FollowUpRepo):
    def set_due(self, followup_id: int, due: date | None) -> None:
        self.conn.execute(
            update(followups)
            .where(followups.c.id == followup_id, followups.c.owner_id == self.owner_id)
            .values(due=due)
        )
