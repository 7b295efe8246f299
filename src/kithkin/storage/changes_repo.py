"""The change journal's entries: writing one at commit, listing them, and undo.

:mod:`kithkin.storage.journal` records what a unit of work changes; this module stores that
record (:func:`write_change`, called by ``SqlUnitOfWork.commit`` in the same transaction) and
reads it back (:class:`ChangesRepo`): the owner's recent entries, the later entries an undo
would conflict with, and the undo itself, which puts the before-images back and removes the
rows the action added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from kithkin.storage.journal import (
    JOURNAL,
    Key,
    Recorder,
    _decode,
    _exists,
    _key_of,
    _pk,
    _where_key,
)
from kithkin.storage.tables import changes, interaction_people, interactions, metadata, people


def write_change(
    conn: Connection, recorder: Recorder, *, now: datetime, keep_days: int
) -> int | None:
    """Store what ``recorder`` saw as one journal entry, prune old ones; the entry's id."""
    recorder.paused = True
    try:
        data = recorder.summary(conn)
        recorder.clear()
        if data is None:
            return None
        conn.execute(
            delete(changes).where(
                changes.c.owner_id == recorder.owner_id,
                changes.c.created_at < now - timedelta(days=keep_days),
            )
        )
        new_id = conn.execute(
            insert(changes).values(
                owner_id=recorder.owner_id,
                label=(recorder.label or "change")[:200],
                created_at=now,
                data=json.dumps(data, separators=(",", ":")),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        return int(new_id)
    finally:
        recorder.paused = False


@dataclass(frozen=True, slots=True)
class ChangeRow:
    id: int
    label: str
    created_at: datetime
    undone_at: datetime | None
    rows: int  # how many rows it changed


def _row(r: Any) -> ChangeRow:
    data = json.loads(r.data)
    count = len(data["images"]) + sum(len(v) for v in data["inserted"].values())
    return ChangeRow(r.id, r.label, r.created_at, r.undone_at, count)


class ChangesRepo:
    """The owner's journal entries, and undo."""

    def __init__(self, conn: Connection, owner_id: int) -> None:
        self.conn = conn
        self.owner_id = owner_id

    def recent(self, *, limit: int = 20, include_undone: bool = False) -> list[ChangeRow]:
        stmt = select(changes).where(changes.c.owner_id == self.owner_id)
        if not include_undone:
            stmt = stmt.where(changes.c.undone_at.is_(None))
        stmt = stmt.order_by(changes.c.id.desc()).limit(limit)
        return [_row(r) for r in self.conn.execute(stmt)]

    def get(self, change_id: int) -> ChangeRow | None:
        r = self.conn.execute(
            select(changes).where(changes.c.id == change_id, changes.c.owner_id == self.owner_id)
        ).first()
        return None if r is None else _row(r)

    def clear(self) -> None:
        self.conn.execute(delete(changes).where(changes.c.owner_id == self.owner_id))

    def conflicts(self, change_id: int) -> list[ChangeRow]:
        """Later changes (not undone) that touched the rows of ``change_id``."""
        mine = self._data(change_id)
        keys, touched = _keys(mine), _touched(mine)
        later = self.conn.execute(
            select(changes).where(
                changes.c.owner_id == self.owner_id,
                changes.c.id > change_id,
                changes.c.undone_at.is_(None),
            )
        )
        out = []
        for r in later:
            data = json.loads(r.data)
            if _keys(data) & touched or _touched(data) & keys:
                out.append(_row(r))
        return out

    def _data(self, change_id: int) -> dict[str, Any]:
        raw = self.conn.execute(
            select(changes.c.data).where(
                changes.c.id == change_id, changes.c.owner_id == self.owner_id
            )
        ).scalar_one()
        return dict(json.loads(raw))

    def undo(self, change_id: int, *, now: datetime) -> tuple[set[date], set[int]]:
        """Put back what ``change_id`` changed (the caller has checked :meth:`conflicts`);
        returns the local days and the people whose derived data must be recomputed.
        The rows are written with the journal paused: an undo is not itself an action."""
        recorder = self.conn.info.get(JOURNAL)
        if recorder is not None:
            recorder.paused = True
        try:
            days, persons = self._apply(self._data(change_id))
        finally:
            if recorder is not None:
                recorder.paused = False
        self.conn.execute(update(changes).where(changes.c.id == change_id).values(undone_at=now))
        return days, persons

    def _apply(self, data: dict[str, Any]) -> tuple[set[date], set[int]]:
        days: set[date] = set()
        persons: set[int] = set()
        order = {t.name: i for i, t in enumerate(metadata.sorted_tables)}

        def note(name: str, values: Mapping[Any, Any]) -> None:
            if name == interactions.name and values.get("day") is not None:
                day = values["day"]
                days.add(day if isinstance(day, date) else date.fromisoformat(day))
            if name == interaction_people.name:
                persons.add(int(values["person_id"]))
            if name == people.name:
                persons.add(int(values["id"]))

        for name in sorted(data["inserted"], key=lambda n: -order[n]):  # children first
            table = metadata.tables[name]
            for key in data["inserted"][name]:
                where = _where_key(table, key)
                if name in (interactions.name, people.name):
                    for row in self.conn.execute(select(table).where(where)):
                        note(name, row._mapping)
                        if name == interactions.name:
                            links = select(interaction_people.c.person_id).where(
                                interaction_people.c.interaction_id == row.id
                            )
                            persons.update(int(p) for p in self.conn.execute(links).scalars())
                if name == interaction_people.name:
                    note(name, dict(zip(_pk(table), key, strict=True)))
                self.conn.execute(delete(table).where(where))
        images = sorted(
            enumerate(data["images"]), key=lambda item: (order[item[1][0]], item[0])
        )  # parents first, then in the order they were seen
        for _, (name, image) in images:
            table = metadata.tables[name]
            values = {c.name: _decode(image.get(c.name), c) for c in table.columns}
            key = _key_of(table, image)
            note(name, image)
            if name == interactions.name:
                current = self.conn.execute(
                    select(interactions.c.day).where(_where_key(table, key))
                ).scalar()
                if current is not None:
                    days.add(current)
            if _exists(self.conn, table, key):
                self.conn.execute(update(table).where(_where_key(table, key)).values(values))
            else:
                self.conn.execute(insert(table).values(values))
        persons = {
            p
            for p in persons
            if self.conn.execute(select(people.c.id).where(people.c.id == p)).scalar()
        }
        return days, persons


def _keys(data: Mapping[str, Any]) -> set[tuple[str, Key]]:
    out = {(name, tuple(key)) for name, keys in data["inserted"].items() for key in keys}
    for name, image in data["images"]:
        out.add((name, _key_of(metadata.tables[name], image)))
    return out


def _touched(data: Mapping[str, Any]) -> set[tuple[str, Key]]:
    return _keys(data) | {(name, tuple(key)) for name, key in data["refs"]}
