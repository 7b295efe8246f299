"""The unit of work: one connection, one transaction, the repositories of one owner."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import OperationalError

from kithkin.domain.errors import DatabaseUnavailable
from kithkin.storage import backup, contacts_repos, insights_repos, planning_repos
from kithkin.storage import repositories as repos
from kithkin.storage.engine import WROTE
from kithkin.storage.tables import accounts, data_versions

BUMP = text(
    "INSERT INTO data_versions (owner_id, version) VALUES (:owner, 1) "
    "ON CONFLICT (owner_id) DO UPDATE SET version = data_versions.version + 1"
)

LOCAL_ACCOUNT = "local"


class SqlUnitOfWork:
    """``with SqlUnitOfWork(engine, owner_id=1, write=True) as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` (or with an exception) rolls everything back.
    """

    def __init__(self, engine: Engine, *, owner_id: int, write: bool = False) -> None:
        self.engine = engine
        self.owner_id = owner_id
        self.write = write
        self._conn: Connection | None = None
        self.bumps = 0  # how many times this unit of work has bumped the data version

    def __enter__(self) -> Self:
        try:
            conn = self.engine.connect()
        except OperationalError as exc:
            raise DatabaseUnavailable(
                url=self.engine.url.render_as_string(hide_password=True), reason=exc.orig
            ) from None
        conn.info["kithkin_write"] = self.write
        conn.info[WROTE] = False
        conn.begin()
        self._conn = conn
        owner = self.owner_id
        self.profile = repos.ProfileRepo(conn, owner)
        self.circles = repos.CircleRepo(conn, owner)
        self.people = repos.PeopleRepo(conn, owner)
        self.interactions = repos.InteractionRepo(conn, owner)
        self.day_stats = repos.DayStatsRepo(conn, owner)
        self.followups = repos.FollowUpRepo(conn, owner)
        self.checkins = repos.CheckInRepo(conn, owner)
        self.plan_data = planning_repos.PlanDataRepo(conn, owner)
        self.suggestions = planning_repos.SuggestionRepo(conn, owner)
        self.custom_actions = planning_repos.CustomActionRepo(conn, owner)
        self.ladders = planning_repos.LadderRepo(conn, owner)
        self.questionnaires = insights_repos.QuestionnaireRepo(conn, owner)
        self.experiments = insights_repos.ExperimentRepo(conn, owner)
        self.insights_data = insights_repos.InsightsDataRepo(conn, owner)
        # --- contacts, calendars, reminders ---
        self.contacts = contacts_repos.ContactsRepo(conn, owner)
        self.calendars = contacts_repos.CalendarRepo(conn, owner)
        self.calls = contacts_repos.CallRepo(conn, owner)
        self.feed_tokens = contacts_repos.FeedTokenRepo(conn, owner)
        self.reminders = contacts_repos.ReminderLogRepo(conn, owner)
        self.backup = backup.BackupStore(conn, owner)
        return self

    @property
    def connection(self) -> Connection:
        assert self._conn is not None, "use the unit of work as a context manager"
        return self._conn

    def commit(self) -> None:
        """Commit; when anything was written, bump the owner's data version in the same
        transaction (so a cache keyed on it never outlives a write, from any process)."""
        conn = self.connection
        if conn.info.get(WROTE):
            conn.execute(BUMP, {"owner": self.owner_id})
            self.bumps += 1
        conn.commit()
        conn.info[WROTE] = False
        conn.begin()

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
            conn.close()


def ensure_account(engine: Engine, name: str, *, now: datetime) -> int:
    """The id of the account called ``name``, created on first use."""
    with engine.connect() as conn:
        conn.info["kithkin_write"] = False
        found = conn.execute(select(accounts.c.id).where(accounts.c.name == name)).scalar()
        if found is not None:
            return int(found)
    with engine.connect() as conn:
        conn.info["kithkin_write"] = True
        with conn.begin():
            found = conn.execute(select(accounts.c.id).where(accounts.c.name == name)).scalar()
            if found is None:
                found = conn.execute(
                    insert(accounts).values(name=name, created_at=now)
                ).inserted_primary_key[0]  # type: ignore[index]
        return int(found)
