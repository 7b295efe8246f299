"""Everything one owner has, as plain JSON-ready rows, and back.

Tables are dumped in the order of :data:`BACKUP_TABLES` (parents before children) with their
primary keys, so links between rows survive; ``owner_id`` is left out. A restore is checked
whole first (:func:`prepare_tables`); rows are then inserted into the restoring owner's account
with NEW ids (a backup's ids are never kept, so no row can point at another account's), and
derived data (day stats, last contact) is worked out again from the restored rows. Another
module adds its tables with :func:`register` (e.g. the planner's suggestions).
"""

from __future__ import annotations

import difflib
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    Table,
    delete,
    func,
    insert,
    select,
)
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

    def prepare(self, tables: object) -> dict[str, list[dict[str, Any]]]:
        return prepare_tables(tables)

    def clear(self) -> None:
        """Delete every row the owner has in backed-up tables (children first)."""
        for table in reversed(BACKUP_TABLES):
            self.conn.execute(delete(table).where(table.c.owner_id == self.owner_id))

    def load(self, prepared: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
        """Insert rows checked by :func:`prepare_tables` into this owner's account, each with a
        new id (links follow the new ids), then work out the derived data again. Returns the
        rows restored per table (only tables with rows)."""
        new_ids: dict[str, dict[int, int]] = {}
        copies = {
            r["id"]: {"occurred_at": r["occurred_at"], "meaningful": r["meaningful"]}
            for r in prepared.get("interactions", [])
        }
        counts: dict[str, int] = {}
        for table in BACKUP_TABLES:
            rows = prepared.get(table.name) or []
            if not rows or table.name in DERIVED:
                continue
            refs = _references(table)
            values: list[dict[str, Any]] = []
            for row in rows:
                value = {k: v for k, v in row.items() if k != "id"}
                if table.name == "interaction_people":
                    value.update(copies[row["interaction_id"]])
                for name, target in refs.items():
                    if value.get(name) is not None:
                        value[name] = new_ids[target.name][value[name]]
                value["owner_id"] = self.owner_id
                values.append(value)
            try:
                made = self._insert(table, values)
            except SQLAlchemyError as exc:
                # a second check-in on one day, two circles of one name...
                detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                raise BadBackup(reason=f"table {table.name}: {detail[:200]}") from None
            if made is not None:
                new_ids[table.name] = {r["id"]: new for r, new in zip(rows, made, strict=True)}
            counts[table.name] = len(rows)
        self._derive(new_ids.get("people", {}).values(), counts)
        return counts

    def _insert(self, table: Table, values: list[dict[str, Any]]) -> list[int] | None:
        """Insert in runs of rows with the same columns; the new ids in order, if any."""
        made: list[int] = []
        has_id = "id" in table.c
        start = 0
        while start < len(values):
            keys = values[start].keys()
            end = start + 1
            while end < len(values) and values[end].keys() == keys:
                end += 1
            run = values[start:end]
            if has_id:
                stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                made.extend(int(r[0]) for r in self.conn.execute(stmt, run))
            else:
                self.conn.execute(insert(table), run)
            start = end
        return made if has_id else None

    def _derive(self, person_ids: Any, counts: dict[str, int]) -> None:
        from kithkin.storage.activity_repos import DayStatsRepo
        from kithkin.storage.people_repos import PeopleRepo

        days = self.conn.execute(
            select(interactions.c.day).where(interactions.c.owner_id == self.owner_id).distinct()
        ).scalars()
        DayStatsRepo(self.conn, self.owner_id).refresh(list(days))
        PeopleRepo(self.conn, self.owner_id).refresh_last_contact(list(person_ids))
        made = self.conn.execute(
            select(func.count()).select_from(day_stats).where(day_stats.c.owner_id == self.owner_id)
        ).scalar_one()
        if made:
            counts["day_stats"] = int(made)


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently with the online backup API (readers and
    writers may go on meanwhile); a failure leaves no partial file behind."""
    import os
    import sqlite3

    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
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


# --- trust-a: a restore checked whole, then loaded with new ids ---

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
TEXT_LIMIT = 100_000  # characters in one free-text value of a backup
MAX_ROWS = 500_000  # rows in one table of a backup
EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
# Derived data: checked like any table, then worked out again from the restored rows.
DERIVED = frozenset({"day_stats"})
# Copies of their interaction's values, taken from the interaction, not from the document.
COPIED = {"interaction_people": ("occurred_at", "meaningful")}


def _bad(table: str, index: int | None, reason: str) -> BadBackup:
    where = f"table {table}" if index is None else f"table {table}, row {index + 1}"
    return BadBackup(reason=f"{where}: {reason}")


def _check_text(value: str, limit: int) -> str | None:
    if len(value) > limit:
        return f"longer than {limit} characters"
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode text"
    return None


Typed = tuple[Any, str | None]


def _bool(value: object, _column: Any) -> Typed:
    return (value, None) if isinstance(value, bool) else (None, "must be true or false")


def _int(value: object, column: Any) -> Typed:
    low, high = INT64 if isinstance(column.type, BigInteger) else INT32
    if type(value) is not int:
        return None, "must be a whole number"
    if not low <= value <= high:
        return None, f"must be between {low} and {high}"
    return value, None


def _float(value: object, _column: Any) -> Typed:
    if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
        return None, "must be a number"
    return float(value), None  # type: ignore[arg-type]


def _instant(value: object, _column: Any) -> Typed:
    if not isinstance(value, str):
        return None, "must be text"
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        return None, f"'{value[:40]}' is not an ISO date and time"
    if instant.tzinfo is None:
        return None, f"'{value[:40]}' has no UTC offset"
    if not EARLIEST <= instant.date() <= LATEST:
        return None, f"{value[:40]} is outside {EARLIEST.year}-{LATEST.year}"
    return as_utc(instant), None


def _day(value: object, _column: Any) -> Typed:
    if not isinstance(value, str):
        return None, "must be text"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None, f"'{value[:40]}' is not an ISO date"
    if not EARLIEST <= day <= LATEST:
        return None, f"{value} is outside {EARLIEST.year}-{LATEST.year}"
    return day, None


def _str(value: object, column: Any) -> Typed:
    if not isinstance(value, str):
        return None, "must be text"
    problem = _check_text(value, getattr(column.type, "length", None) or TEXT_LIMIT)
    return (None, problem) if problem else (value, None)


# Most specific first: a BigInteger is an Integer, a DateTime is not a Date.
_CONVERT: tuple[tuple[type, Any], ...] = (
    (Boolean, _bool),
    (Integer, _int),
    (Float, _float),
    (DateTime, _instant),
    (Date, _day),
)


def _typed(value: object, column: Any) -> Typed:
    """The column's Python value for a JSON value, or a reason it does not fit."""
    for kind, convert in _CONVERT:
        if isinstance(column.type, kind):
            result: Typed = convert(value, column)
            return result
    return _str(value, column)


def _references(table: Table) -> dict[str, Table]:
    """The table's columns that hold another backed-up row's id, with the table they point at."""
    out: dict[str, Table] = {}
    for fk in table.foreign_keys:
        if fk.parent.name != "owner_id":
            out[fk.parent.name] = fk.column.table
    return out


def _nearest(name: object, known: list[str]) -> str:
    nearest = difflib.get_close_matches(str(name), known, n=1)
    return f"'{str(name)[:60]}'" + (f" (did you mean {nearest[0]}?)" if nearest else "")


def _prepare_row(table: Table, index: int, row: object, ids: dict[str, set[int]]) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise _bad(table.name, index, "must be an object of columns")
    columns = {c.name: c for c in table.columns if c.name != "owner_id"}
    values: dict[str, Any] = {}
    for key, value in row.items():
        column = columns.get(key)
        if column is None:
            raise _bad(table.name, index, f"unknown column {_nearest(key, list(columns))}")
        if value is None:
            if not column.nullable or column.primary_key:
                raise _bad(table.name, index, f"{key} must have a value")
            values[key] = None
            continue
        typed, problem = _typed(value, column)
        if problem:
            raise _bad(table.name, index, f"{key} {problem}")
        values[key] = typed
    copied = COPIED.get(table.name, ())
    for column in columns.values():
        needed = not column.nullable and column.server_default is None
        if needed and column.name not in copied and column.name not in values:
            raise _bad(table.name, index, f"{column.name} is missing")
    for name, target in _references(table).items():
        value = values.get(name)
        if value is not None and value not in ids.get(target.name, set()):
            reason = f"{name} {value} is not a {target.name} row of this backup"
            raise _bad(table.name, index, reason)
    return values


def prepare_tables(tables: object) -> dict[str, list[dict[str, Any]]]:
    """Check a backup's ``tables`` completely against the schema, writing nothing.

    Every table is known, every row an object with known columns of the right type and size,
    every required column present, ids whole numbers unique in their table, and every link
    pointing at a row of the same backup. Returns the rows with Python values (dates, instants),
    keyed by table, in :data:`BACKUP_TABLES` order; raises :class:`BadBackup` naming the first
    problem.
    """
    if not isinstance(tables, dict):
        raise BadBackup(reason="'tables' must be an object of tables")
    known = [t.name for t in BACKUP_TABLES]
    for name in tables:
        if name not in known:
            raise BadBackup(reason=f"unknown table {_nearest(name, known)}")
    ids: dict[str, set[int]] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for table in BACKUP_TABLES:
        raw = tables.get(table.name) or []
        if not isinstance(raw, list):
            raise _bad(table.name, None, "must be a list of rows")
        if len(raw) > MAX_ROWS:
            raise _bad(table.name, None, f"more than {MAX_ROWS} rows")
        rows = [_prepare_row(table, index, row, ids) for index, row in enumerate(raw)]
        if "id" in table.c:
            seen: set[int] = set()
            for index, row in enumerate(rows):
                if row["id"] in seen:
                    raise _bad(table.name, index, f"id {row['id']} appears twice")
                seen.add(row["id"])
            ids[table.name] = seen
            rows.sort(key=lambda r: r["id"])  # new ids are given in the old ids' order
        out[table.name] = rows
    return out


def save_before_restore(data_dir: Path, stamp: datetime, document: dict[str, Any]) -> str:
    """Write ``document`` (the data a restore is about to replace) to a new file in
    ``data_dir``, readable by the user only (0600); returns its path."""
    import json
    import os

    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    content = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode()
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = data_dir / f"kithkin-before-restore-{stamp:%Y%m%dT%H%M%S}{suffix}.json"
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        return str(target)
    raise OSError(f"could not name a new file in {data_dir}")
