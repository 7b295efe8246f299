"""`kithkin import ...`, `kithkin export ...` and `kithkin backup`."""

from __future__ import annotations

import contextlib
import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say
from kithkin.domain.errors import ConflictError, InputError, KithkinError
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.domain.contacts import ContactRecord
    from kithkin.formats.contacts import Problem
    from kithkin.services.contacts_import import ImportReport

import_app = typer.Typer(help="Bring contacts or a backup in.", no_args_is_help=True)
export_app = typer.Typer(help="Write your data out.", no_args_is_help=True)

PROGRESS_OVER = 300  # a bar only for imports big enough to take a moment
FileArg = Annotated[Path, typer.Argument(help="The file.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Show what would happen; write nothing.")]
SkipBad = Annotated[
    bool, typer.Option("--skip-bad", help="Import the good records and list the bad ones.")
]


class VCardVersion(StrEnum):
    V3 = "3.0"
    V4 = "4.0"
    V21 = "2.1"


Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


class FileUnreadable(InputError):
    """A file could not be read."""

    key = "file_unreadable"


class FileExists(ConflictError):
    """The output file exists and --force was not given."""

    key = "file_exists"


class FileUnwritable(KithkinError):
    """The output file could not be written."""

    key = "file_unwritable"


class FolderGiven(InputError):
    """A folder where a file name was wanted (``export json ~/backups``)."""

    key = "folder_given"


class BackupSqliteOnly(ConflictError):
    """The online backup copies SQLite databases only."""

    key = "backup_sqlite_only"


def _read(ctx: typer.Context, path: Path) -> bytes:
    """The file's bytes, at most the configured ``max_file_mb``."""
    from kithkin.formats.files import read_capped

    return read_capped(path, limit_mb=_state(ctx).app.settings.max_file_mb)


def _write(path: Path, content: str, *, force: bool, name: str = "kithkin-export") -> None:
    """Write atomically: a temporary file next to the target, then a rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:  # even looking can fail: a name too long for the file system, say
        if path.is_dir():  # not "exists; pass --force": that would not help
            raise FolderGiven(path=str(path), example=str(path / name))
        if path.exists() and not force:
            raise FileExists(path=str(path))
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise FileUnwritable(path=str(path), reason=exc.strerror or str(exc)) from None


def _run_import(
    ctx: typer.Context,
    records: list[ContactRecord],
    problems: list[Problem],
    *,
    skip_bad: bool,
    dry_run: bool,
    json_out: bool,
    unused_columns: list[str] | None = None,
) -> None:
    from kithkin.formats.contacts import bad_records
    from kithkin.services.contacts_import import import_contacts

    app = _state(ctx).app
    with app.uow(write=not dry_run) as uow, _progress(len(records)) as progress:
        report = import_contacts(
            uow=uow,
            now=app.now(),
            records=records,
            problems=bad_records(problems),
            skip_bad=skip_bad,
            dry_run=dry_run,
            progress=progress,
            unused_columns=unused_columns or (),
        )
    if json_out:
        emit_json(report.as_dict())
    else:
        _show(report)
    if report.refused:
        raise typer.Exit(1)


class _progress:  # noqa: N801 - used as a context manager like a function
    """A rich progress bar on stderr, only at a terminal and for a big file."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Any:
        if self.total <= PROGRESS_OVER or not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("import", total=self.total)
        return lambda done: self.bar.update(task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _show(report: ImportReport) -> None:
    if report.dry_run:
        say(text("import.dry_run"))
    for p in report.problems:
        say(
            text(
                "import.problem",
                line=p.line,
                record=p.record or "-",
                message=p.message,
                detail=p.detail,
            ).strip(),
            style="yellow",
        )
    if report.refused:
        say(text("import.refused", count=len(report.problems)), style="bold")
        return
    for change in report.changes:
        items = ", ".join(f"{c.field} {c.value}" for c in change.changes)
        say(text("import.changed", name=change.name, changes=items))
    for d in report.possible_duplicates:
        other = f"{d.other_name} (#{d.other_id})" if d.other_id else d.other_name
        say(
            text(
                "import.possible_duplicate",
                line=d.line,
                name=d.name,
                other=other,
                field=d.field,
                value=d.value,
            ),
            style="yellow",
        )
    if report.unused_columns:
        say(text("import.unused_columns", columns=", ".join(report.unused_columns)))
    if report.possible_duplicates and report.applied:
        say(text("import.duplicate_hint"))
    say(
        text(
            "import.summary",
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            skipped=report.skipped,
        )
    )
    if report.created and report.applied:
        say(text("import.triage_hint"))


@import_app.command("vcard")
def import_vcard(
    ctx: typer.Context,
    path: FileArg,
    skip_bad: SkipBad = False,
    dry_run: DryRun = False,
    json_out: JsonOpt = False,
) -> None:
    """Import a vCard file (2.1, 3.0 or 4.0: Apple, Google, Android, Outlook)."""
    from kithkin.formats.vcard import parse_vcards

    with _collector_paused():
        records, problems = parse_vcards(_read(ctx, path))
        _run_import(ctx, records, problems, skip_bad=skip_bad, dry_run=dry_run, json_out=json_out)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read and imported: vobject and the import
    make millions of short-lived objects that reference counting frees, and every collection
    re-scanned all the records and people held so far (peak memory is unchanged)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@import_app.command("csv")
def import_csv(
    ctx: typer.Context,
    path: FileArg,
    fmt: Annotated[str, typer.Option("--format", help="google, outlook or linkedin.")],
    skip_bad: SkipBad = False,
    dry_run: DryRun = False,
    json_out: JsonOpt = False,
) -> None:
    """Import a contacts CSV export from Google, Outlook or LinkedIn."""
    from kithkin.formats.contacts_csv import parse_csv, unused_columns

    data, kind = _read(ctx, path), fmt.strip().lower()
    records, problems = parse_csv(data, kind)
    _run_import(
        ctx,
        records,
        problems,
        skip_bad=skip_bad,
        dry_run=dry_run,
        json_out=json_out,
        unused_columns=unused_columns(data, kind),
    )


@import_app.command("json")
def import_json(
    ctx: typer.Context,
    path: FileArg,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace the data already here with the backup; what is here now is saved "
            "to a JSON file in the data folder first (the output names it).",
        ),
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Restore a backup made with 'kithkin export json' (checked whole first, all or nothing).

    Into an empty database it simply restores. Over existing data it stops unless you add
    --replace.
    """
    from kithkin.services.backup import SaveBeforeRestoreFailed, import_backup

    document = parse_backup(_read(ctx, path))
    app = _state(ctx).app

    def save_current(current: dict[str, Any]) -> str:
        from kithkin.storage.backup import save_before_restore

        try:
            return save_before_restore(app.settings.data_dir, app.now(), current)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise SaveBeforeRestoreFailed(path=str(app.settings.data_dir), reason=reason) from None

    with app.uow(write=True) as uow:
        result = import_backup(
            uow=uow, document=document, replace=replace, save_current=save_current
        )
    if json_out:
        emit_json({"restored": result.counts, "rows": result.rows, "saved_to": result.saved_to})
    elif result.saved_to:
        say(text("backup.replaced", rows=result.rows, path=result.saved_to))
    else:
        say(text("backup.restored", rows=result.rows))


def parse_backup(data: bytes) -> Any:
    """The backup file's JSON (nested too deeply or not JSON: :class:`BadBackup`)."""
    from kithkin.services.backup import BadBackup

    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise BadBackup(reason=str(exc)[:200] or "nested too deeply") from None


@export_app.command("vcard")
def export_vcard(
    ctx: typer.Context,
    path: FileArg,
    force: Force = False,
    json_out: JsonOpt = False,
    vcard_version: Annotated[
        VCardVersion,
        typer.Option("--vcard-version", help="3.0 (most address books), 4.0 or 2.1."),
    ] = VCardVersion.V3,
) -> None:
    """Write your people as vCard (re-importable; 3.0 is what most address books read)."""
    from kithkin.formats.vcard_write import write_vcards
    from kithkin.services.contacts_import import export_records

    app = _state(ctx).app
    with app.uow() as uow:
        records = export_records(uow=uow)
    _write(path, write_vcards(records, vcard_version.value), force=force, name="kithkin.vcf")
    _done(json_out, len(records), "people", path)


@export_app.command("json")
def export_json(
    ctx: typer.Context, path: FileArg, force: Force = False, json_out: JsonOpt = False
) -> None:
    """Write everything you own to one JSON file (restore with 'kithkin import json')."""
    from kithkin.services.backup import export_backup

    app = _state(ctx).app
    with app.uow() as uow:
        document = export_backup(uow=uow)
    content = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    _write(path, content, force=force, name="kithkin.json")
    rows = sum(len(v) for v in document["tables"].values())
    if json_out:
        emit_json({"path": str(path), "rows": rows})
    else:
        say(text("backup.exported", path=str(path), rows=rows))


def _done(json_out: bool, count: int, what: str, path: Path) -> None:
    if json_out:
        emit_json({"path": str(path), "count": count})
    else:
        say(text("export.done", count=count, what=what, path=str(path)))


def backup(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument(help="Target file (default: data dir).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Copy the live SQLite database consistently (the sqlite3 online backup API)."""
    from kithkin.storage.backup import copy_sqlite
    from kithkin.storage.engine import sqlite_path

    app = _state(ctx).app
    source = sqlite_path(app.settings.database_url)
    if source is None:
        raise BackupSqliteOnly()
    default = app.settings.data_dir / f"kithkin-{app.now():%Y%m%dT%H%M%S}.db"
    target = path or default
    if target.is_dir():  # `kithkin backup ~/backups`: a dated file in that folder
        target = target / default.name
    if target.exists() and not force:
        raise FileExists(path=str(target))
    if not target.parent.is_dir():
        if path is not None:  # never create directories the user did not ask for
            raise FileUnreadable(path=str(target.parent), reason="no such folder")
        target.parent.mkdir(parents=True, exist_ok=True)
    app.engine  # noqa: B018 - opens (and if needed upgrades) the database first
    try:
        copy_sqlite(source, target)
    except OSError as exc:
        raise FileUnwritable(path=str(target), reason=exc.strerror or str(exc)) from None
    if json_out:
        emit_json({"path": str(target)})
    else:
        say(text("backup.copied", path=str(target)))


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")
    app.command("backup")(backup)
