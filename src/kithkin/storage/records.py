"""Single records of one owner by kind and id, for corrections (edit, delete) of anything the
user wrote: interactions, check-ins, follow-ups, questionnaire results, ladder attempts, people.

Owner-scoped like every repository: another account's id is simply not found."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update

from kithkin.storage.tables import (
    checkins,
    exposure_attempts,
    followups,
    interaction_people,
    interactions,
    people,
    questionnaire_responses,
)

TABLES: dict[str, Table] = {
    "interaction": interactions,
    "checkin": checkins,
    "followup": followups,
    "result": questionnaire_responses,
    "attempt": exposure_attempts,
    "person": people,
}


class RecordsRepo:
    def __init__(self, conn: Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id

    def _where(self, table: Table, record_id: int) -> Any:
        return (table.c.id == record_id) & (table.c.owner_id == self.owner_id)

    def get(self, kind: str, record_id: int) -> dict[str, Any] | None:
        table = TABLES[kind]
        row = self.conn.execute(select(table).where(self._where(table, record_id))).first()
        return None if row is None else dict(row._mapping)

    def update(self, kind: str, record_id: int, values: Mapping[str, Any]) -> None:
        table = TABLES[kind]
        self.conn.execute(update(table).where(self._where(table, record_id)).values(**values))

    def delete(self, kind: str, record_id: int) -> None:
        table = TABLES[kind]
        self.conn.execute(delete(table).where(self._where(table, record_id)))

    def set_interaction_people(
        self, interaction_id: int, person_ids: list[int], *, occurred_at: Any, meaningful: bool
    ) -> None:
        """Replace an interaction's people (and their copies of its instant and flag)."""
        self.conn.execute(
            delete(interaction_people).where(
                interaction_people.c.interaction_id == interaction_id,
                interaction_people.c.owner_id == self.owner_id,
            )
        )
        if person_ids:
            self.conn.execute(
                insert(interaction_people),
                [
                    {
                        "interaction_id": interaction_id,
                        "person_id": pid,
                        "owner_id": self.owner_id,
                        "occurred_at": occurred_at,
                        "meaningful": meaningful,
                    }
                    for pid in dict.fromkeys(person_ids)
                ],
            )

    def find(self, kind: str, *, limit: int = 50) -> list[dict[str, Any]]:
        table = TABLES[kind]
        rows = self.conn.execute(
            select(table)
            .where(table.c.owner_id == self.owner_id)
            .order_by(table.c.id.desc())
            .limit(limit)
        )
        return [dict(r._mapping) for r in rows]

    def people_with_contact(self, kind: str, value: str) -> list[int]:
        """The ids of people who have this e-mail, phone or handle (compared normalised)."""
        from kithkin.storage.repositories import normalise_contact
        from kithkin.storage.tables import contact_points

        rows = self.conn.execute(
            select(contact_points.c.person_id).where(
                contact_points.c.owner_id == self.owner_id,
                contact_points.c.kind == kind,
                contact_points.c.normalized == normalise_contact(kind, value),
            )
        )
        return sorted({int(r[0]) for r in rows})
