"""Everything one owner has, as plain JSON-ready rows, and back.

Tables are dumped in the order of :data:`BACKUP_TABLES` (parents before children) with their
primary keys, so links between rows survive; ``owner_id`` is left out and set to the importing
owner. Another module adds its tables with :func:`register` (e.g. the planner's suggestions).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Table, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from kithkin.domain.timeutil import as_utc
from kithkin.services.backup import BadBackup
from kithkin.storage.tables import (
    calendars,
    checkins,
    circles,
    contact_points,
    custom_actions,
    day_stats,
    experiment_days,
    experiments,
    exposure_attempts,
    feed_tokens,
    followups,
    interaction_people,
    interactions,
    ladder_steps,
    ladders,
    people,
    profiles,
    questionnaire_responses,
    questionnaire_schedules,
    recurring_calls,
    reminder_log,
    suggestions,
)

BACKUP_TABLES: list[Table] = [
    profiles,
    circles,
    people,
    contact_points,
    interactions,
    interaction_people,
    day_stats,
    followups,
    checkins,
    calendars,
    recurring_calls,
    feed_tokens,
    reminder_log,
    custom_actions,
    suggestions,
    ladders,
    ladder_steps,
    exposure_attempts,
    questionnaire_responses,
    questionnaire_schedules,
    experiments,
    experiment_days,
]


def register(table: Table, *, after: Table | None = None) -> None:
    """Include ``table`` (it must have an ``owner_id`` column) in backups, after ``after``."""
    if table in BACKUP_TABLES:
        return
    if after is None:
        BACKUP_TABLES.append(table)
    else:
        BACKUP_TABLES.insert(BACKUP_TABLES.index(after) + 1, table)


def _out(value: Any, column: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return as_utc(value).isoformat()
    if isinstance(column.type, Date):
        return value.isoformat()
    if isinstance(column.type, Boolean):
        return bool(value)
    return value


def _in(value: Any, column: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


class BackupStore:
    def __init__(self, conn: Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id

    def is_empty(self) -> bool:
        for table in BACKUP_TABLES:
            found = self.conn.execute(
                select(func.count()).select_from(table).where(table.c.owner_id == self.owner_id)
            ).scalar_one()
            if found:
                return False
        return True

    def dump(self) -> dict[str, list[dict[str, object]]]:
        out: dict[str, list[dict[str, object]]] = {}
        for table in BACKUP_TABLES:
            columns = [c for c in table.columns if c.name != "owner_id"]
            order = list(table.primary_key.columns)
            rows = self.conn.execute(
                select(*columns).where(table.c.owner_id == self.owner_id).order_by(*order)
            )
            out[table.name] = [{c.name: _out(getattr(r, c.name), c) for c in columns} for r in rows]
        return out

    def load(self, tables: dict[str, list[dict[str, object]]]) -> None:
        for table in BACKUP_TABLES:
            rows = tables.get(table.name) or []
            if not rows:
                continue
            try:
                values = [
                    {
                        **{c.name: _in(row.get(c.name), c) for c in table.columns if c.name in row},
                        "owner_id": self.owner_id,
                    }
                    for row in rows
                ]
                self.conn.execute(insert(table), values)
            except (SQLAlchemyError, ValueError, TypeError, AttributeError) as exc:
                # a value out of range, a date that does not exist, a link to a missing row...
                detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                raise BadBackup(reason=f"table {table.name}: {detail}") from None
            if self.conn.dialect.name == "postgresql" and "id" in table.c:
                self.conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608
                        f"(SELECT MAX(id) FROM {table.name}))"
                    )
                )


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently with the online backup API (readers and
    writers may go on meanwhile); a failure leaves no partial file behind."""
    import sqlite3

    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(str(source))
        dst = sqlite3.connect(str(partial))
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
            src.close()
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise OSError(str(exc)) from None
