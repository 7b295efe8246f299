"""Keeping a database at the schema this version of kithkin expects.

Reading the schema revision costs one query; Alembic (about 0.4 s to import) is loaded only when an
upgrade is really needed, so everyday commands stay fast.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from glob import escape as glob_escape
from pathlib import Path

from sqlalchemy import Engine, text

from kithkin.domain.errors import ConflictError
from kithkin.storage.engine import sqlite_path
from kithkin.storage.revision import HEAD

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaOutdated(ConflictError):
    """A hosted database is behind this version's schema."""

    key = "schema_outdated"


class SchemaNewer(ConflictError):
    """The database was written by a newer kithkin (a revision this version does not know):
    nothing is written to it, nothing is backed up, nothing is downgraded."""

    key = "schema_newer"


def known_revisions() -> set[str]:
    """Every revision this version's migrations know (loads Alembic: only off the daily path)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def refuse_newer(revision: str | None) -> None:
    """Raise :class:`SchemaNewer` when ``revision`` is one this version of kithkin does not
    know (called before any upgrade, backup or write)."""
    if revision is not None and revision != HEAD and revision not in known_revisions():
        raise SchemaNewer(revision=revision)


def current_revision(engine: Engine) -> str | None:
    """The stored Alembic revision, or None for a database without one (one query: this runs
    on every command, so no schema inspection)."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):  # no such table: a new, empty database
            return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic's upgrade on ``engine`` (used by ``kithkin db upgrade`` and on local open).

    A database written by a newer kithkin is refused (:class:`SchemaNewer`) before anything runs.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    refuse_newer(current_revision(engine))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def backup_sqlite(path: Path, *, stamp: datetime, revision: str) -> Path:
    """Copy a SQLite file (checkpointed first) next to itself before an upgrade from
    ``revision``; return the copy. At most one copy per revision: when an upgrade from the
    same revision was tried before (and failed), its copy is kept and returned."""
    earlier = sorted(path.parent.glob(f"{glob_escape(path.name)}.r{revision}.*.bak"))
    if earlier:
        return earlier[0]
    target = path.with_name(f"{path.name}.r{revision}.{stamp:%Y%m%dT%H%M%S}.bak")
    shutil.copy2(path, target)
    target.chmod(0o600)  # mental-health data: the user's alone, whatever the original's mode
    return target


def open_database(url: str, *, now: datetime) -> tuple[Engine, Path | None]:
    """An engine at the current schema, plus the backup made on the way (if any).

    Every way a database can fail to open (a server that is down, a driver that is not
    installed, a path that cannot be created, a file that is not a database) becomes one
    :class:`DatabaseUnavailable` naming the URL (without its password) and the reason.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from kithkin.domain.errors import DatabaseUnavailable
    from kithkin.storage.engine import make_engine

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:
        shown = url
    engine = None
    try:
        engine = make_engine(url)
        return engine, ensure_current(engine, now=now)
    except DatabaseUnavailable:
        raise
    except (SQLAlchemyError, OSError, ImportError, ValueError) as exc:
        if engine is not None:
            engine.dispose()  # do not leak pooled connections
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailable(url=shown, reason=reason or type(exc).__name__) from None
    except BaseException:
        if engine is not None:
            engine.dispose()
        raise


def ensure_current(engine: Engine, *, now: datetime) -> Path | None:
    """Bring a local SQLite database to HEAD (backing it up first if it held data).

    A PostgreSQL database is never upgraded implicitly: it raises :class:`SchemaOutdated` and the
    operator runs ``kithkin db upgrade``. Returns the backup's path, if one was made.
    """
    revision = current_revision(engine)
    if revision == HEAD:
        return None
    refuse_newer(revision)
    path = sqlite_path(str(engine.url))
    if engine.dialect.name != "sqlite":
        raise SchemaOutdated(revision=revision or "empty", head=HEAD)
    backup = None
    if revision is not None and path is not None and path.exists():
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
        backup = backup_sqlite(path, stamp=now, revision=revision)
    upgrade(engine)
    return backup
