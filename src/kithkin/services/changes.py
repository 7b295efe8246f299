"""Undo: the change journal's entries, and putting one back (see ``kithkin.storage.journal``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from kithkin.domain.errors import ConflictError, NotFoundError
from kithkin.services.plan_events import plan_changed
from kithkin.services.ports import UnitOfWork


class NothingToUndo(NotFoundError):
    """The journal has no change left to undo."""

    key = "undo_nothing"


class ChangeNotFound(NotFoundError):
    """No change of this account has this id (or it has been pruned)."""

    key = "undo_change_not_found"


class ChangeAlreadyUndone(ConflictError):
    """The change has been undone already."""

    key = "undo_already_undone"


class UndoBlocked(ConflictError):
    """A later change touched the same rows: undo that one first."""

    key = "undo_blocked"


@dataclass(frozen=True, slots=True)
class Change:
    id: int
    label: str
    created_at: datetime
    undone_at: datetime | None
    rows: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "created_at": self.created_at.isoformat(),
            "undone_at": None if self.undone_at is None else self.undone_at.isoformat(),
            "rows": self.rows,
        }


class ChangesRepo(Protocol):
    def recent(self, *, limit: int = ..., include_undone: bool = ...) -> list[Any]: ...
    def get(self, change_id: int) -> Any | None: ...
    def conflicts(self, change_id: int) -> list[Any]: ...
    def undo(self, change_id: int, *, now: datetime) -> tuple[set[date], set[int]]: ...


class JournalUnitOfWork(UnitOfWork, Protocol):
    @property
    def changes(self) -> ChangesRepo: ...


def _change(row: Any) -> Change:
    from kithkin.domain.timeutil import as_utc

    undone = None if row.undone_at is None else as_utc(row.undone_at)
    return Change(row.id, row.label, as_utc(row.created_at), undone, row.rows)


def recent_changes(
    *, uow: JournalUnitOfWork, limit: int = 20, include_undone: bool = False
) -> list[Change]:
    """The account's latest changes, newest first."""
    return [_change(r) for r in uow.changes.recent(limit=limit, include_undone=include_undone)]


def undo(*, uow: JournalUnitOfWork, now: datetime, change_id: int | None = None) -> Change:
    """Revert ``change_id`` (default: the latest change not yet undone), recompute the derived
    data it touched, and commit. Refuses when a later change touched the same rows."""
    if change_id is None:
        latest = uow.changes.recent(limit=1)
        if not latest:
            raise NothingToUndo()
        found = latest[0]
    else:
        found = uow.changes.get(change_id)
        if found is None:
            raise ChangeNotFound(id=change_id)
        if found.undone_at is not None:
            raise ChangeAlreadyUndone(id=change_id, label=found.label)
    later = uow.changes.conflicts(found.id)
    if later:
        raise UndoBlocked(label=found.label, later=later[0].label)
    days, persons = uow.changes.undo(found.id, now=now)
    uow.people.refresh_last_contact(persons)
    uow.day_stats.refresh(days)
    plan_changed(uow=uow)  # the plan is derived: remade from what the undo put back
    uow.commit()
    return _change(found)
