"""A whole-account JSON backup, and restoring it: one validated transaction.

A restore checks the whole document first (format, version, known tables and columns, types,
sizes, links within the backup, and every row through the domain's rules), then writes. Rows
get new ids in the restoring account (a backup's ids are never kept). Over existing data it runs
only when asked to replace, and only after the current data has been saved by ``save_current``
(the interface writes it to a file and returns where). The report is computed before the commit;
anything that fails leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kithkin.domain.backup_rules import BadBackup, check_backup_rows
from kithkin.domain.errors import ConflictError

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork

__all__ = [
    "BadBackup",
    "RestoreNeedsEmptyDatabase",
    "RestoreResult",
    "SaveBeforeRestoreFailed",
    "export_backup",
    "import_backup",
]

FORMAT = "kithkin-backup"
VERSION = 1
CALENDARS = "calendars"  # the table of calendar files (paths on the computer kithkin runs on)


class RestoreNeedsEmptyDatabase(ConflictError):
    """A backup is restored over existing data only when the user asks to replace it."""

    key = "restore_needs_empty"


class SaveBeforeRestoreFailed(ConflictError):
    """The data a restore would replace could not be saved first, so nothing was restored."""

    key = "restore_save_failed"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    counts: dict[str, int]
    """Rows restored per table (tables with rows only)."""
    saved_to: str | None = None
    """Where the data that was replaced was saved, when a restore replaced data."""
    calendars_left_out: int = 0
    """Calendar files named in the backup and not restored (a hosted server reads no files of
    an account's: a path there would name the server's own files)."""

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def export_backup(*, uow: UnitOfWork) -> dict[str, Any]:
    """Everything the user owns, as one JSON-ready document with a format version."""
    return {"format": FORMAT, "version": VERSION, "tables": uow.backup.dump()}


def import_backup(
    *,
    uow: UnitOfWork,
    document: Any,
    replace: bool = False,
    save_current: Callable[[dict[str, Any]], str] | None = None,
    files_allowed: bool = True,
) -> RestoreResult:
    """Restore a backup document into the owner's account, all or nothing.

    Into an empty account it simply restores. Over existing data it raises
    :class:`RestoreNeedsEmptyDatabase` unless ``replace`` is set; then ``save_current`` is
    called with a backup of the current data first (required), and that data is replaced.
    Without ``files_allowed`` (hosted mode) the calendar files the backup names are left out.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadBackup(reason="not a kithkin backup")
    version = document.get("version")
    if type(version) is not int or version != VERSION:
        raise BadBackup(reason=f"format version {str(version)[:20]!r}, expected {VERSION}")
    unknown = sorted(str(k)[:40] for k in document if k not in ("format", "version", "tables"))
    if unknown:
        raise BadBackup(reason=f"unknown field '{unknown[0]}'")
    tables, left_out = document.get("tables"), 0
    if not files_allowed and isinstance(tables, dict) and isinstance(tables.get(CALENDARS), list):
        left_out = len(tables[CALENDARS])
        tables = {**tables, CALENDARS: []}
    prepared = uow.backup.prepare(tables)
    check_backup_rows(prepared)
    saved_to = None
    if not uow.backup.is_empty():
        if not replace:
            raise RestoreNeedsEmptyDatabase()
        if save_current is None:
            raise ValueError("replacing data needs somewhere to save it first")
        saved_to = save_current(export_backup(uow=uow))
        uow.backup.clear()
    counts = uow.backup.load(prepared)
    result = RestoreResult(counts=counts, saved_to=saved_to, calendars_left_out=left_out)
    uow.commit()
    return result
