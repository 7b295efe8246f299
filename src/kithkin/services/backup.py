"""A whole-account JSON backup, and restoring it into an empty database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kithkin.domain.errors import ConflictError, InputError

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork

FORMAT = "kithkin-backup"
VERSION = 1


class RestoreNeedsEmptyDatabase(ConflictError):
    """A backup is restored only into a database that holds nothing yet."""

    key = "restore_needs_empty"


class BadBackup(InputError):
    """The file is not a kithkin backup this version can read."""

    key = "bad_backup"


def export_backup(*, uow: UnitOfWork) -> dict[str, Any]:
    """Everything the user owns, as one JSON-ready document with a format version."""
    return {"format": FORMAT, "version": VERSION, "tables": uow.backup.dump()}


def import_backup(*, uow: UnitOfWork, document: Any) -> dict[str, int]:
    """Restore a backup into an empty database; returns the rows restored per table."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadBackup(reason="not a kithkin backup")
    if document.get("version") != VERSION:
        raise BadBackup(reason=f"format version {document.get('version')!r}, expected {VERSION}")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BadBackup(reason="no tables")
    if not uow.backup.is_empty():
        raise RestoreNeedsEmptyDatabase()
    uow.backup.load(tables)
    uow.commit()
    return {name: len(rows) for name, rows in tables.items() if rows}
