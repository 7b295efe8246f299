"""Records and store protocols for questionnaires, insights and experiments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A completed questionnaire as stored: answers in item order, its score and local day."""

    instrument_id: str
    answers: tuple[int, ...]
    raw: int
    percent: int | None
    band: str | None
    flags: tuple[str, ...]
    completed_at: datetime
    day: date
    version: int = 1
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Experiment:
    """A connection experiment: coin-flipped days from ``start_day``, with consent recorded."""

    start_day: date
    days: int
    seed: int
    consented_at: datetime
    active: bool = True
    stopped_at: datetime | None = None
    id: int | None = None


class QuestionnaireRepo(Protocol):
    def add(self, response: StoredResponse) -> StoredResponse: ...
    def find(self, *, instrument_id: str | None = None) -> list[StoredResponse]: ...
    def last_done(self) -> dict[str, date]: ...
    def schedules(self) -> dict[str, int]: ...
    def set_schedule(self, instrument_id: str, every_days: int) -> None: ...


class ExperimentRepo(Protocol):
    def active(self) -> Experiment | None: ...
    def latest(self) -> Experiment | None: ...
    def add(self, experiment: Experiment, assignments: Mapping[date, bool]) -> Experiment: ...
    def assignments(self, experiment_id: int) -> dict[date, bool]: ...
    def stop(self, experiment_id: int, *, now: datetime) -> None: ...


class InsightsDataRepo(Protocol):
    def contacts(self) -> list[tuple[int, datetime]]: ...
    def checkin_moods(self, *, until: date) -> dict[date, tuple[float, float]]: ...
    def day_kinds(self, *, until: date) -> list[tuple[date, str, int]]: ...
    def interaction_moods(self, *, until: date) -> list[tuple[int, int, int]]: ...
