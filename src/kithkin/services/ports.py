"""What the services need from storage, as protocols. ``kithkin.storage`` implements them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

if TYPE_CHECKING:
    from kithkin.domain.model import (
        CheckIn,
        Circle,
        ContactPoint,
        FollowUp,
        Interaction,
        Person,
        Profile,
    )
    from kithkin.domain.names import NameEntry
    from kithkin.domain.roster import Member, RankingRows
    from kithkin.services.insights_ports import ExperimentRepo, InsightsDataRepo, QuestionnaireRepo


@dataclass(frozen=True, slots=True)
class PeopleQuery:
    """Filters for listing people. ``status`` None means active; archived people are left out
    unless asked for."""

    status: str | None = "active"
    circle: str | None = None
    search: str | None = None
    include_archived: bool = False
    limit: int | None = None
    offset: int = 0
    # Only people in the plan who are due: (cadence, instant a last contact must reach) pairs,
    # see kithkin.services.people.due_bounds.
    due_bounds: tuple[tuple[int, datetime], ...] | None = None


class ProfileRepo(Protocol):
    def get(self) -> Profile | None: ...
    def save(self, profile: Profile) -> None: ...


class CircleRepo(Protocol):
    def find(self) -> list[Circle]: ...
    def get(self, name: str) -> Circle | None: ...
    def save(self, circle: Circle) -> Circle: ...


class PeopleRepo(Protocol):
    def add(self, person: Person) -> Person: ...
    def update(self, person: Person) -> Person: ...
    def get(self, person_id: int) -> Person | None: ...
    def get_many(self, person_ids: Iterable[int]) -> dict[int, Person]: ...
    def find(self, query: PeopleQuery = ...) -> list[Person]: ...
    def count(self, query: PeopleQuery = ...) -> int: ...
    def name_entries(self) -> list[NameEntry]: ...
    def roster(self) -> list[Member]: ...
    def ranking_roster(self) -> RankingRows: ...
    def roster_of(self, person_ids: Iterable[int]) -> dict[int, Member]: ...
    def own_cadences(self) -> set[int]: ...
    def network_counts(self, boundaries: Mapping[int, datetime]) -> tuple[int, int]: ...
    def due_roster(self, boundaries: Mapping[int, datetime]) -> list[Member]: ...
    def birthday_roster(self, days: Iterable[tuple[int, int]]) -> list[Member]: ...
    def refresh_last_contact(self, person_ids: Iterable[int]) -> None: ...


class ClientIdTaken(Exception):
    """Raised by :meth:`InteractionRepo.add` when the owner already has an interaction with
    this client id: another request (a second tab, the service worker) sending the same queued
    log stored it between the look-up and the insert. Nothing was written; the transaction
    stays usable."""

    def __init__(self, client_id: str) -> None:
        super().__init__(client_id)
        self.client_id = client_id


class InteractionRepo(Protocol):
    def add(
        self, interaction: Interaction, *, created_at: datetime, client_id: str | None = None
    ) -> Interaction:
        """Store one interaction; :class:`ClientIdTaken` when ``client_id`` is stored already."""
        ...

    def by_client_id(self, client_id: str) -> Interaction | None: ...
    def add_many(self, items: Sequence[Interaction], *, created_at: datetime) -> int: ...
    def get(self, interaction_id: int) -> Interaction | None: ...
    def delete(self, interaction_id: int) -> None: ...
    def find(
        self,
        *,
        person_id: int | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Interaction]: ...


class DayStatsRepo(Protocol):
    def refresh(self, days: Iterable[date]) -> None: ...
    def meaningful_counts(self, *, since: date | None = None) -> dict[date, int]: ...
    def first_day(self) -> date | None: ...


class FollowUpRepo(Protocol):
    def add(self, followup: FollowUp) -> FollowUp: ...
    def get(self, followup_id: int) -> FollowUp | None: ...
    def set_done(self, followup_id: int, done: bool) -> None: ...
    def set_due(self, followup_id: int, due: date | None) -> None: ...
    def find(
        self, *, open_only: bool = True, person_id: int | None = None, due_by: date | None = None
    ) -> list[FollowUp]: ...
    def open_for_plan(self) -> list[FollowUp]: ...


class CheckInRepo(Protocol):
    def get(self, day: date) -> CheckIn | None: ...
    def updated_at(self, day: date) -> datetime | None: ...
    def by_client_id(self, client_id: str) -> CheckIn | None: ...
    def upsert(self, checkin: CheckIn, *, now: datetime, client_id: str | None = None) -> bool: ...
    def find(self, *, since: date | None = None, until: date | None = None) -> list[CheckIn]: ...


# --- contacts, calendars, reminders ---


@dataclass(frozen=True, slots=True)
class CalendarSource:
    """A local iCalendar file the user registered; re-read whenever free time is needed."""

    id: int
    name: str
    path: str


@dataclass(frozen=True, slots=True)
class SavedCall:
    """An accepted recurring call: every ``interval_weeks`` on ``weekday`` at ``local_time``
    (HH:MM) in ``timezone`` (the user's), from ``first_date``."""

    person_id: int
    weekday: int
    local_time: str
    timezone: str
    minutes: int
    interval_weeks: int
    first_date: date
    id: int | None = None
    checked_until: date | None = None  # the last day checked; the exported RRULE ends there


@dataclass(frozen=True, slots=True)
class ReminderEntry:
    """One logged reminder: pending, failed (to retry) or sent."""

    id: int
    kind: str
    occurrence: str
    status: str
    title: str
    body: str
    attempts: int
    last_error: str
    next_attempt_at: datetime | None
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class ClaimedReminder:
    """A reminder a worker holds (status "sending") until ``hold_until``."""

    id: int
    owner_id: int
    kind: str
    occurrence: str
    title: str
    body: str
    attempts: int
    hold_until: datetime


class ReminderQueue(Protocol):
    """Every account's reminders as the workers see them; one transaction per ``with``."""

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def accounts(self) -> dict[int, str]: ...
    def timezones(self) -> dict[int, str]: ...
    def claim(
        self,
        *,
        now: datetime,
        hold_until: datetime,
        worker: str,
        limit: int,
        owners: Collection[int] | None = None,
        skip_owners: Collection[int] = (),
    ) -> list[ClaimedReminder]: ...
    def mark_sent(self, entry_id: int, *, worker: str, now: datetime) -> bool: ...
    def mark_failed(
        self, entry_id: int, *, worker: str, error: str, retry_at: datetime
    ) -> bool: ...
    def release(self, ids: Collection[int], *, worker: str, now: datetime) -> int: ...


class ContactsRepo(Protocol):
    def load_all(self) -> list[Person]: ...
    def insert_people(self, persons: Sequence[Person], *, now: datetime) -> list[int]: ...
    def update_fields(self, persons: Sequence[Person]) -> None: ...
    def add_points(self, items: Sequence[tuple[int, Sequence[ContactPoint]]]) -> None: ...
    def history_counts(self, person_id: int) -> dict[str, int]: ...
    def move_history(self, *, keep_id: int, other_id: int) -> None: ...


class CalendarRepo(Protocol):
    def add(self, *, name: str, path: str, now: datetime) -> CalendarSource | None: ...
    def find(self) -> list[CalendarSource]: ...
    def remove(self, name: str) -> bool: ...


class CallRepo(Protocol):
    def add(self, call: SavedCall, *, now: datetime) -> SavedCall: ...
    def find(self) -> list[SavedCall]: ...


class FeedTokenRepo(Protocol):
    def add(self, token_hash: str, *, now: datetime) -> None: ...
    def revoke_all(self, *, now: datetime) -> int: ...
    def owner_for(self, token_hash: str) -> int | None: ...


class ReminderLogRepo(Protocol):
    def record_due(
        self, *, kind: str, occurrence: str, title: str, body: str, now: datetime
    ) -> bool: ...
    def claim_next(self, *, now: datetime, hold_until: datetime) -> ReminderEntry | None: ...
    def mark_sent(self, entry_id: int, *, now: datetime) -> ReminderEntry | None: ...
    def mark_failed(
        self, entry_id: int, *, error: str, retry_at: datetime
    ) -> ReminderEntry | None: ...
    def find(self, *, since: date | None = None, limit: int = 50) -> list[ReminderEntry]: ...


class BackupStore(Protocol):
    def is_empty(self) -> bool: ...
    def dump(self) -> dict[str, list[dict[str, object]]]: ...
    def prepare(self, tables: object) -> dict[str, list[dict[str, Any]]]: ...
    def clear(self) -> None: ...
    def load(self, prepared: dict[str, list[dict[str, Any]]]) -> dict[str, int]: ...


# --- end contacts, calendars, reminders ---


class PlanMarkRepo(Protocol):
    """Whether today's stored plan is out of date (see ``services.plan_events``)."""

    def mark(self) -> None: ...
    def is_marked(self) -> bool: ...
    def clear(self) -> None: ...


class UnitOfWork(Protocol):
    """One transaction over the stores of one owner. Leaving the block without ``commit()``
    rolls everything back."""

    owner_id: int

    @property
    def profile(self) -> ProfileRepo: ...

    @property
    def circles(self) -> CircleRepo: ...

    @property
    def people(self) -> PeopleRepo: ...

    @property
    def interactions(self) -> InteractionRepo: ...

    @property
    def day_stats(self) -> DayStatsRepo: ...

    @property
    def followups(self) -> FollowUpRepo: ...

    @property
    def checkins(self) -> CheckInRepo: ...

    @property
    def questionnaires(self) -> QuestionnaireRepo: ...

    @property
    def experiments(self) -> ExperimentRepo: ...

    @property
    def insights_data(self) -> InsightsDataRepo: ...

    @property
    def contacts(self) -> ContactsRepo: ...

    @property
    def calendars(self) -> CalendarRepo: ...

    @property
    def calls(self) -> CallRepo: ...

    @property
    def feed_tokens(self) -> FeedTokenRepo: ...

    @property
    def reminders(self) -> ReminderLogRepo: ...

    @property
    def backup(self) -> BackupStore: ...

    @property
    def plan_marks(self) -> PlanMarkRepo: ...

    def commit(self) -> None: ...
    def data_version(self) -> int:
        """A per-owner counter that every committed write moves (for caches)."""
        ...

    def touch(self) -> None:
        """Move the data version at the next commit though no row changed (a file the pages
        show changed beside the database)."""
        ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
