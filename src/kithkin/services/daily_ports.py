"""The reads of the daily loop (``kithkin today``), as protocols.

Both units of work satisfy :class:`DailyPlanReads`: the full one (``storage.uow``) and the lean
reader on sqlite3 (``storage.lean``), so mypy checks that the lean reader offers every read
:func:`kithkin.services.today.today` and :func:`kithkin.services.suggestions.stored_plan` make,
with the same types. A read the lean reader cannot answer raises its ``NeedsFullPath``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kithkin.domain.model import CheckIn, Circle, FollowUp, Person, Profile
    from kithkin.domain.roster import Member
    from kithkin.services.insights_ports import Experiment
    from kithkin.services.planning_ports import StoredSuggestion


class DailyProfile(Protocol):
    def get(self) -> Profile | None: ...


class DailyCircles(Protocol):
    def find(self) -> list[Circle]: ...


class DailyPeople(Protocol):
    def get(self, person_id: int) -> Person | None: ...
    def get_many(self, person_ids: Iterable[int]) -> dict[int, Person]: ...
    def own_cadences(self) -> set[int]: ...
    def network_counts(self, boundaries: Mapping[int, datetime]) -> tuple[int, int]: ...
    def due_roster(self, boundaries: Mapping[int, datetime]) -> list[Member]: ...
    def birthday_roster(self, days: Iterable[tuple[int, int]]) -> list[Member]: ...


class DailyDayStats(Protocol):
    def meaningful_counts(self, *, since: date | None = None) -> dict[date, int]: ...
    def first_day(self) -> date | None: ...


class DailyFollowUps(Protocol):
    def find(
        self, *, open_only: bool = True, person_id: int | None = None, due_by: date | None = None
    ) -> list[FollowUp]: ...


class DailyCheckIns(Protocol):
    def get(self, day: date) -> CheckIn | None: ...


class DailyQuestionnaires(Protocol):
    def last_done(self) -> dict[str, date]: ...
    def schedules(self) -> dict[str, int]: ...


class DailyExperiments(Protocol):
    def active(self) -> Experiment | None: ...


class DailySuggestions(Protocol):
    def for_day(self, day: date) -> list[StoredSuggestion]: ...


class DailyPlanMarks(Protocol):
    def is_marked(self) -> bool: ...


class DailyCustomActions(Protocol):
    def find(self) -> list[dict[str, object]]: ...


class DailyPlanData(Protocol):
    def last_meaningful(self, person_id: int) -> tuple[str, date] | None: ...


class DailyReads(Protocol):
    """What :func:`kithkin.services.today.today` reads."""

    @property
    def profile(self) -> DailyProfile: ...
    @property
    def circles(self) -> DailyCircles: ...
    @property
    def people(self) -> DailyPeople: ...
    @property
    def day_stats(self) -> DailyDayStats: ...
    @property
    def followups(self) -> DailyFollowUps: ...
    @property
    def checkins(self) -> DailyCheckIns: ...
    @property
    def questionnaires(self) -> DailyQuestionnaires: ...
    @property
    def experiments(self) -> DailyExperiments: ...


class DailyPlanReads(DailyReads, Protocol):
    """And what reading today's stored plan back reads."""

    @property
    def suggestions(self) -> DailySuggestions: ...
    @property
    def plan_marks(self) -> DailyPlanMarks: ...
    @property
    def custom_actions(self) -> DailyCustomActions: ...
    @property
    def plan_data(self) -> DailyPlanData: ...
