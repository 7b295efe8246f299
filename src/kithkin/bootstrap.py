"""The composition root: settings -> engine -> units of work. The only real clock lives here."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kithkin.config import Settings, account_folder

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlalchemy import Engine

    from kithkin.formats.questionnaire_items import ItemPlaces
    from kithkin.services.ports import ReminderQueue
    from kithkin.storage.accounts_repos import AccountStore
    from kithkin.storage.coach_repos import CoachStore
    from kithkin.storage.lean import LeanUnitOfWork
    from kithkin.storage.passkey_repos import PasskeyStore
    from kithkin.storage.uow import CommitHooks, DataVersions, JournalSettings, SqlUnitOfWork

Clock = Callable[[], datetime]

# What the user is doing, for the change journal's entry of each write ("log call --with Ann",
# "POST /people/3"): set by the command line and by the web app for each command or request.
ACTION: ContextVar[str] = ContextVar("kithkin_action", default="")
# Whose request this is, in hosted mode: set by the web app's account gate for each request
# (``kithkin.web.auth``); ``App.owner_id`` and so every unit of work of the request follow it.
REQUEST_OWNER: ContextVar[int | None] = ContextVar("kithkin_request_owner", default=None)


class NoRequestOwner(RuntimeError):
    """Hosted mode reached for the owner outside a request that proved its account: a bug,
    never answered with the local account's data."""


def system_clock() -> datetime:
    return datetime.now(UTC)


class App:
    """Everything a command or a request needs, opened lazily and once."""

    def __init__(self, settings: Settings, *, clock: Clock | None = None) -> None:
        self.settings = settings
        fixed = settings.fixed_now
        self.clock = clock or ((lambda: fixed) if fixed is not None else system_clock)
        self._engine: Engine | None = None
        self._owner_id: int | None = None
        self._versions: DataVersions | None = None
        self.backup_made: Path | None = None
        # True in the hosted web app: the owner comes only from REQUEST_OWNER
        self.accounts_required = False
        # What a writing unit of work does at its commits (the web app remakes today's plan and
        # its cached pages there: see ``kithkin.web.cache.writes``); None: the next read does.
        self.commit_hooks: CommitHooks | None = None

    def now(self) -> datetime:
        return self.clock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from kithkin.storage.schema import open_database

            self._engine, self.backup_made = open_database(
                self.settings.database_url, now=self.now()
            )
        return self._engine

    @property
    def owner_id(self) -> int:
        scoped = REQUEST_OWNER.get()
        if scoped is not None:
            return scoped
        if self.accounts_required:
            raise NoRequestOwner()
        if self._owner_id is None:
            from kithkin.storage.uow import ensure_account

            self._owner_id = ensure_account(self.engine, self.settings.account, now=self.now())
        return self._owner_id

    def uow(self, *, write: bool = False, hooks: bool = True) -> SqlUnitOfWork:
        """``hooks``: run ``commit_hooks`` at a write's commits (not for a read that stores the
        day's plan on first sight)."""
        from kithkin.storage.uow import SqlUnitOfWork

        return SqlUnitOfWork(
            self.engine,
            owner_id=self.owner_id,
            write=write,
            journal=self._journal(write),
            hooks=self.commit_hooks if write and hooks else None,
        )

    def _journal(self, write: bool) -> JournalSettings | None:
        """Writes are journaled (for undo) unless the retention is 0 days."""
        if not write or self.settings.journal_days <= 0:
            return None
        from kithkin.storage.uow import JournalSettings

        return JournalSettings(ACTION.get(), self.settings.journal_days, self.clock)

    def lean_uow(self) -> AbstractContextManager[LeanUnitOfWork] | None:
        """For the daily loop's reads on a SQLite file: a read-only unit of work on the standard
        library's sqlite3, without importing SQLAlchemy (see ``kithkin.storage.lean``; it
        raises ``NeedsFullPath`` when a read needs the full unit of work). None for other
        databases."""
        from kithkin.storage.lean import lean_unit_of_work, sqlite_file

        path = sqlite_file(self.settings.database_url)
        return None if path is None else lean_unit_of_work(path, self.settings.account)

    def data_version(self) -> int:
        """This account's data version without a unit of work: one primary-key read (see
        ``storage.uow.DataVersions``). Every committed write, from any process, moves it."""
        if self._versions is None:
            from kithkin.storage.uow import DataVersions

            self._versions = DataVersions(self.engine)
        return self._versions.read(self.owner_id)

    def uow_for(self, owner_id: int, *, write: bool = False) -> SqlUnitOfWork:
        """A unit of work for ``owner_id`` rather than this app's account: the calendar feed
        serves whoever owns the token it was asked with."""
        from kithkin.storage.uow import SqlUnitOfWork

        return SqlUnitOfWork(
            self.engine,
            owner_id=owner_id,
            write=write,
            journal=self._journal(write),
            hooks=self.commit_hooks if write else None,
        )

    @property
    def accounts(self) -> AccountStore:
        """The account tables (hosted mode): logins, sessions, tokens, invites."""
        from kithkin.storage.accounts_repos import AccountStore

        return AccountStore(self.engine)

    @property
    def passkeys(self) -> PasskeyStore:
        """The account tables with passkeys (hosted mode): make, list, remove, log in."""
        from kithkin.storage.passkey_repos import PasskeyStore

        return PasskeyStore(self.engine)

    @property
    def coaching(self) -> CoachStore:
        """Coach sharing (hosted mode): what each client shares with which coach."""
        from kithkin.storage.coach_repos import CoachStore

        return CoachStore(self.engine)

    def item_places(self, owner_id: int | None = None) -> ItemPlaces:
        """Where the questions that kithkin may not ship are read for ``owner_id`` (default:
        this request's or this install's account) and where a pasted copy goes: in hosted mode
        each account's own folder first (see ``formats.questionnaire_items``)."""
        from kithkin.formats.questionnaire_items import ItemPlaces

        return ItemPlaces.of(self.own_folder(owner_id), self.settings.data_dir)

    def own_folder(self, owner_id: int | None = None) -> Path:
        """Where kithkin keeps files of ``owner_id`` (default: this request's or this install's
        account): the data directory in local mode; in hosted mode a folder of the account's
        own, which no other account reads and which goes with the account."""
        if not self.settings.hosted:
            return self.settings.data_dir
        owner = self.owner_id if owner_id is None else owner_id
        return account_folder(self.settings.data_dir, owner)

    def reminder_queue(self) -> ReminderQueue:
        """The reminder queue of every account, for the workers (one transaction per use)."""
        from kithkin.storage.reminder_queue import SqlReminderQueue

        return SqlReminderQueue(self.engine)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._versions = None
