"""Engines for SQLite (the embedded default) and PostgreSQL (hosted), with safe settings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from kithkin.domain.errors import DatabaseUnavailable

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # crash-safe: a committed transaction survives a power cut
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def normalise_url(url: str) -> str:
    """Accept the common spellings and pick the drivers kithkin ships (pysqlite, psycopg 3)."""
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another backend or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_private(path: Path) -> None:
    """Make a new SQLite file readable by the user only (0600; SQLite gives its WAL and
    shared-memory files the same mode), in a folder only the user can enter (0700) when kithkin
    creates the folder. An existing file is left as it is."""
    import os

    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.chmod(0o700)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError:
        pass  # SQLite says why it cannot open the file, in the usual message


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``. SQLite gets WAL, full sync, foreign keys and a busy timeout."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseUnavailable(url=url, reason=str(exc)) from None
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            create_private(path)
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        _note_writes(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    _note_writes(engine)
    return engine


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")
WROTE = "kithkin_wrote"
WRITE_COUNT = "kithkin_write_count"  # writing statements run on the connection, ever


def _note_writes(engine: Engine) -> None:
    """Mark the connection when a statement changes data, so that the unit of work bumps the
    owner's data version when it commits (see ``SqlUnitOfWork.commit``)."""

    @event.listens_for(engine, "before_cursor_execute")
    def _on_execute(conn: Any, _c: Any, statement: str, _p: Any, _ctx: Any, _m: Any) -> None:
        if statement.lstrip()[:6].upper() in WRITES:
            info = conn.info
            info[WROTE] = True
            info[WRITE_COUNT] = info.get(WRITE_COUNT, 0) + 1


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the lock up front, so it waits (busy timeout) instead of failing later.
        mode = "BEGIN IMMEDIATE" if connection.info.get("kithkin_write") else "BEGIN"
        connection.exec_driver_sql(mode)


def violates_unique(error: IntegrityError, index: str, table: str, columns: Sequence[str]) -> bool:
    """Whether ``error`` is the violation of the unique index ``index`` on ``table``'s
    ``columns`` and nothing else: PostgreSQL names the constraint (psycopg's ``diag``); SQLite
    names the columns in its message."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:
        return getattr(diag, "constraint_name", None) == index
    expected = "UNIQUE constraint failed: " + ", ".join(f"{table}.{c}" for c in columns)
    return str(orig) == expected
