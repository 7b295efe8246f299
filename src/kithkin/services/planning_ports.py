"""What the planner's services need from storage, as protocols (``kithkin.storage`` implements
them in ``storage/planning_repos.py``), and the stored records they exchange."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from kithkin.domain.plan.status import OPEN
from kithkin.services.ports import UnitOfWork

if TYPE_CHECKING:
    from kithkin.domain.ladder import Attempt, Ladder


@dataclass(frozen=True, slots=True)
class StoredSuggestion:
    """One line of a persisted day plan."""

    day: date
    rank: int
    person_id: int | None
    action_id: str
    title: str
    kind: str
    minutes: int
    channel: str
    social_load: int
    reconnect: bool
    reasons: tuple[tuple[str, dict[str, str | int]], ...]
    proposed_time: datetime | None = None
    status: str = OPEN
    snoozed_until: date | None = None
    interaction_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredLadder:
    id: int
    ladder: Ladder
    level: int


@dataclass(frozen=True, slots=True)
class StoredAttempt:
    id: int
    ladder_id: int
    attempt: Attempt
    interaction_id: int | None = None


class PlanDataRepo(Protocol):
    def interaction_kinds(self, *, since: date) -> list[tuple[date, str]]: ...
    def last_meaningful(self, person_id: int) -> tuple[str, date] | None: ...


class SuggestionRepo(Protocol):
    def for_day(self, day: date) -> list[StoredSuggestion]: ...
    def since(self, day: date) -> list[StoredSuggestion]: ...
    def add_many(self, items: Sequence[StoredSuggestion], *, created_at: datetime) -> None: ...
    def delete_open(self, day: date) -> None: ...
    def set_status(
        self,
        suggestion_id: int,
        *,
        status: str,
        snoozed_until: date | None = None,
        interaction_id: int | None = None,
    ) -> None: ...


class CustomActionRepo(Protocol):
    def find(self) -> list[dict[str, object]]: ...
    def add(self, data: dict[str, object], *, created_at: datetime) -> None: ...


class LadderRepo(Protocol):
    def active(self) -> StoredLadder | None: ...
    def create(self, ladder: Ladder, *, created_at: datetime) -> int: ...
    def set_level(self, ladder_id: int, level: int) -> None: ...
    def attempts(self, ladder_id: int) -> list[StoredAttempt]: ...
    def get_attempt(self, attempt_id: int) -> StoredAttempt | None: ...
    def add_attempt(self, ladder_id: int, attempt: Attempt, *, created_at: datetime) -> int: ...
    def complete_attempt(
        self, attempt_id: int, attempt: Attempt, *, interaction_id: int | None
    ) -> None: ...


class PlanningUnitOfWork(UnitOfWork, Protocol):
    """The unit of work with the planner's stores as well."""

    @property
    def plan_data(self) -> PlanDataRepo: ...

    @property
    def suggestions(self) -> SuggestionRepo: ...

    @property
    def custom_actions(self) -> CustomActionRepo: ...

    @property
    def ladders(self) -> LadderRepo: ...
