"""The unit of work: one connection, one transaction, the repositories of one owner."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, overload

from sqlalchemy import Connection, Engine, bindparam, insert, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from kithkin.domain.errors import DatabaseUnavailable
from kithkin.storage import activity_repos, people_repos
from kithkin.storage import repositories as repos
from kithkin.storage.engine import WROTE
from kithkin.storage.owner_lock import HELD
from kithkin.storage.tables import accounts, data_versions

BUMP = text(
    "INSERT INTO data_versions (owner_id, version) VALUES (:owner, 1) "
    "ON CONFLICT (owner_id) DO UPDATE SET version = data_versions.version + 1"
)

LOCAL_ACCOUNT = "local"
JOURNAL = "kithkin_journal"  # the key of the change recorder in a connection's info


@dataclass(frozen=True, slots=True)
class JournalSettings:
    """How a writing unit of work journals its commits (see ``kithkin.storage.journal``)."""

    label: str
    keep_days: int
    clock: Callable[[], datetime]


if TYPE_CHECKING:
    from kithkin.storage.backup import BackupStore
    from kithkin.storage.changes_repo import ChangesRepo
    from kithkin.storage.contacts_repos import (
        CalendarRepo,
        CallRepo,
        ContactsRepo,
        FeedTokenRepo,
        ReminderLogRepo,
    )
    from kithkin.storage.insights_repos import ExperimentRepo, InsightsDataRepo, QuestionnaireRepo
    from kithkin.storage.plan_marks import PlanMarkRepo
    from kithkin.storage.planning_repos import (
        CustomActionRepo,
        LadderRepo,
        PlanDataRepo,
        SuggestionRepo,
    )
    from kithkin.storage.records import RecordsRepo

R = TypeVar("R")


def unavailable(engine: Engine, exc: BaseException) -> DatabaseUnavailable:
    """The error for ``exc`` (SQLAlchemy's, with the driver's inside, or the driver's own)."""
    reason = exc.orig if isinstance(exc, OperationalError) else exc
    return DatabaseUnavailable(url=engine.url.render_as_string(hide_password=True), reason=reason)


class _Lazy(Generic[R]):
    """A repository made (and its module imported) on first use in a unit of work: the daily
    loop touches a handful of the twenty, and every module skipped is start-up time saved."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = f"kithkin.storage.{module}", name
        self.attr = ""

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr = attr

    @overload
    def __get__(self, uow: None, owner: type) -> _Lazy[R]: ...
    @overload
    def __get__(self, uow: SqlUnitOfWork, owner: type) -> R: ...
    def __get__(self, uow: SqlUnitOfWork | None, owner: type) -> Any:
        if uow is None:
            return self
        made = uow.__dict__.get(self.attr)
        if made is None:
            cls = getattr(import_module(self.module), self.name)
            made = uow.__dict__[self.attr] = cls(uow.connection, uow.owner_id)
        return made


class CommitHooks(Protocol):
    """What a writing unit of work does at each commit that wrote (the web app's, see
    ``kithkin.web.cache.writes``; None elsewhere)."""

    def derive(self, uow: SqlUnitOfWork) -> None:
        """Bring derived data up to date in the transaction, before the version moves."""

    def committing(self, uow: SqlUnitOfWork) -> AbstractContextManager[None]:
        """Entered after the version moved in the transaction; the commit runs inside it, so
        it can prepare what becomes true with the commit and publish it once it is made."""


class SqlUnitOfWork:
    """``with SqlUnitOfWork(engine, owner_id=1, write=True) as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` (or with an exception) rolls everything back.
    """

    plan_data: _Lazy[PlanDataRepo] = _Lazy("planning_repos", "PlanDataRepo")
    suggestions: _Lazy[SuggestionRepo] = _Lazy("planning_repos", "SuggestionRepo")
    custom_actions: _Lazy[CustomActionRepo] = _Lazy("planning_repos", "CustomActionRepo")
    ladders: _Lazy[LadderRepo] = _Lazy("planning_repos", "LadderRepo")
    plan_marks: _Lazy[PlanMarkRepo] = _Lazy("plan_marks", "PlanMarkRepo")
    questionnaires: _Lazy[QuestionnaireRepo] = _Lazy("insights_repos", "QuestionnaireRepo")
    experiments: _Lazy[ExperimentRepo] = _Lazy("insights_repos", "ExperimentRepo")
    insights_data: _Lazy[InsightsDataRepo] = _Lazy("insights_repos", "InsightsDataRepo")
    contacts: _Lazy[ContactsRepo] = _Lazy("contacts_repos", "ContactsRepo")
    calendars: _Lazy[CalendarRepo] = _Lazy("contacts_repos", "CalendarRepo")
    calls: _Lazy[CallRepo] = _Lazy("contacts_repos", "CallRepo")
    feed_tokens: _Lazy[FeedTokenRepo] = _Lazy("contacts_repos", "FeedTokenRepo")
    reminders: _Lazy[ReminderLogRepo] = _Lazy("contacts_repos", "ReminderLogRepo")
    backup: _Lazy[BackupStore] = _Lazy("backup", "BackupStore")
    changes: _Lazy[ChangesRepo] = _Lazy("changes_repo", "ChangesRepo")
    records: _Lazy[RecordsRepo] = _Lazy("records", "RecordsRepo")

    def __init__(
        self,
        engine: Engine,
        *,
        owner_id: int,
        write: bool = False,
        journal: JournalSettings | None = None,
        hooks: CommitHooks | None = None,
    ) -> None:
        self.engine = engine
        self.owner_id = owner_id
        self.write = write
        self.journal = journal
        self.hooks = hooks
        self._in_hooks = False
        self.last_change: int | None = None  # the journal entry of the last commit, if any
        self._conn: Connection | None = None
        self.bumps = 0  # how many times this unit of work has bumped the data version

    def __enter__(self) -> Self:
        try:
            conn = self.engine.connect()
        except OperationalError as exc:
            raise unavailable(self.engine, exc) from None
        conn.info["kithkin_write"] = self.write
        conn.info[WROTE] = False
        if self.write and self.journal is not None:
            from kithkin.storage import journal

            journal.install(self.engine)
            conn.info[journal.JOURNAL] = journal.Recorder(self.owner_id, self.journal.label)
        conn.begin()
        self._conn = conn
        owner = self.owner_id
        self.profile = repos.ProfileRepo(conn, owner)
        self.circles = repos.CircleRepo(conn, owner)
        self.people = people_repos.PeopleRepo(conn, owner)
        self.interactions = activity_repos.InteractionRepo(conn, owner)
        self.day_stats = activity_repos.DayStatsRepo(conn, owner)
        self.followups = activity_repos.FollowUpRepo(conn, owner)
        self.checkins = activity_repos.CheckInRepo(conn, owner)
        for lazy in _LAZY:  # repositories of the other areas are made on first use
            self.__dict__.pop(lazy, None)
        return self

    @property
    def connection(self) -> Connection:
        assert self._conn is not None, "use the unit of work as a context manager"
        return self._conn

    def commit(self) -> None:
        """Commit; when anything was written, bump the owner's data version in the same
        transaction (so a cache keyed on it never outlives a write, from any process)."""
        if self._in_hooks:
            raise RuntimeError("a commit inside the commit hooks")
        conn = self.connection
        hooks = self.hooks if conn.info.get(WROTE) else None
        if conn.info.get(WROTE):
            recorder = conn.info.get(JOURNAL)
            if hooks is not None:
                self._derive(hooks, recorder)
            if recorder is not None and self.journal is not None:
                from kithkin.storage.changes_repo import write_change

                self.last_change = write_change(
                    conn, recorder, now=self.journal.clock(), keep_days=self.journal.keep_days
                )
            conn.execute(BUMP, {"owner": self.owner_id})
            self.bumps += 1
        if hooks is None:
            conn.commit()
        else:
            self.hooks = None  # what the hooks run only reads: a commit there is a bug
            self._in_hooks = True
            try:
                with hooks.committing(self):
                    self._in_hooks = False
                    conn.commit()
            finally:
                self.hooks, self._in_hooks = hooks, False
        conn.info[WROTE] = False
        conn.begin()
        self.profile.forget()  # the new transaction may see other writers' commits
        self.circles.forget()

    def _derive(self, hooks: CommitHooks, recorder: Any) -> None:
        """Bring derived data up to date before this commit. Derived rows are not the user's
        action: they are written with the journal paused, as a read that makes them would
        write them unjournaled."""
        was = recorder is not None and recorder.paused
        if recorder is not None:
            recorder.paused = True
        try:
            hooks.derive(self)
        finally:
            if recorder is not None:
                recorder.paused = was

    def touch(self) -> None:
        """Move the owner's data version with this unit of work's commit although no row
        changed: something the pages show changed beside the database (a questionnaire's item
        file), so every process's cached pages are read afresh. Nothing is journalled."""
        conn = self.connection
        wrote = conn.info.get(WROTE)
        conn.execute(BUMP, {"owner": self.owner_id})
        self.bumps += 1
        conn.info[WROTE] = wrote  # the commit adds no change entry and no second bump

    def data_version(self) -> int:
        """The owner's data version: one primary-key read (0 before the first write)."""
        found = self.connection.execute(
            select(data_versions.c.version).where(data_versions.c.owner_id == self.owner_id)
        ).scalar()
        return int(found or 0)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.rollback()
        finally:
            conn.info[WROTE] = False
            conn.info.pop(JOURNAL, None)
            conn.info.pop(HELD, None)  # the account lock ended with the transaction
            conn.close()


_LAZY = tuple(k for k, v in vars(SqlUnitOfWork).items() if isinstance(v, _Lazy))

_VERSION = select(data_versions.c.version).where(data_versions.c.owner_id == bindparam("owner"))


class DataVersions:
    """Reads an owner's data version without a unit of work, for a cache check on every request.

    One primary-key select on a pooled DB-API connection: no SQLAlchemy transaction, no
    repositories. A single statement sees only committed data, and ``SqlUnitOfWork.commit``
    bumps the version in the same transaction as any write, from any process; so the value read
    is the one a unit of work opened at the same moment would read.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sql = _VERSION.compile(dialect=engine.dialect).string  # "?" or "%(owner)s"
        self._positional = engine.dialect.positional
        # PostgreSQL: the one statement outside a transaction (no BEGIN, no ROLLBACK: two round
        # trips fewer; a single statement sees the latest committed state all the same)
        self._autocommit = engine.dialect.name == "postgresql"

    def read(self, owner_id: int) -> int:
        """The owner's data version (0 before the first write)."""
        args: Any = (owner_id,) if self._positional else {"owner": owner_id}
        try:
            conn = self.engine.raw_connection()
        except OperationalError as exc:
            raise unavailable(self.engine, exc) from None
        driver: Any = conn.driver_connection
        try:
            if self._autocommit:
                driver.autocommit = True
            cursor = conn.cursor()
            try:
                cursor.execute(self._sql, args)
                row = cursor.fetchone()
            finally:
                cursor.close()
        except self.engine.dialect.loaded_dbapi.Error as exc:  # locked, I/O, a dropped server
            raise unavailable(self.engine, exc) from None
        finally:
            try:
                if self._autocommit and not driver.closed:
                    driver.autocommit = False
            finally:
                conn.close()  # back to the pool, which rolls back whatever the driver began
        return int(row[0]) if row else 0


def ensure_account(engine: Engine, name: str, *, now: datetime) -> int:
    """The id of the account called ``name``, created on first use."""
    with engine.connect() as conn:
        conn.info["kithkin_write"] = False
        found = conn.execute(select(accounts.c.id).where(accounts.c.name == name)).scalar()
        if found is not None:
            return int(found)
    try:
        with engine.connect() as conn:
            conn.info["kithkin_write"] = True
            with conn.begin():
                found = conn.execute(select(accounts.c.id).where(accounts.c.name == name)).scalar()
                if found is None:
                    found = conn.execute(
                        insert(accounts).values(name=name, created_at=now)
                    ).inserted_primary_key[0]  # type: ignore[index]
            return int(found)
    except IntegrityError:  # PostgreSQL: another process created it at the same moment
        with engine.connect() as conn:
            conn.info["kithkin_write"] = False
            return int(
                conn.execute(select(accounts.c.id).where(accounts.c.name == name)).scalar_one()
            )
