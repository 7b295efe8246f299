"""The records of personal insights: daily rows, comparisons, the next-day estimate, per-person
mood changes, summary messages, and the gating constants (:mod:`kithkin.domain.insights`
computes them; it re-exports every name here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from kithkin.domain import budget
from kithkin.domain.errors import InputError
from kithkin.domain.model import Mode, check_choice

_MODE_VALUES = frozenset(m.value for m in Mode)

MIN_DAYS = 14  # days with the measure before anything is shown
MIN_PER_GROUP = 5  # days in each group before anything is shown
EARLY_BELOW = 60  # results are "rough" until this many days with the measure
MIN_PERSON_OBS = 5  # interactions with mood before and after, per person
MEASURES = ("mood", "stress")
MODE_EVIDENCE = {"in_person": "power_of_one", "call": "call_not_text", "message": "reaching_out"}


class DuplicateDay(InputError):
    """Two daily rows were given for the same day."""

    key = "duplicate_day"


class Status(StrEnum):
    NOT_ENOUGH_DATA = "not_enough_data"
    EARLY = "early"
    OK = "ok"
    IN_PROGRESS = "in_progress"  # an experiment before its planned end: progress only


@dataclass(frozen=True, slots=True)
class DayRow:
    """One local day: evening check-in (None when missing) and that day's connection."""

    day: date
    mood: float | None
    stress: float | None
    meaningful_count: int
    modes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.modes and not self.modes <= _MODE_VALUES:  # the cheap check first: one per day
            for mode in self.modes:
                check_choice("mode", mode, [m.value for m in Mode])

    @property
    def social(self) -> bool:
        return self.meaningful_count >= 1

    @property
    def no_contact(self) -> bool:
        return self.meaningful_count == 0 and not self.modes


@dataclass(frozen=True, slots=True)
class InteractionMood:
    """Mood just before and after one interaction with one person."""

    person_id: int
    mood_before: float | None
    mood_after: float | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Mean of ``measure`` on ``group`` days minus on ``baseline`` days, in raw units.

    ``n_social`` / ``n_non_social`` count the days with the measure in the group and in the
    baseline. With status ``not_enough_data`` every estimate is None.
    """

    measure: str
    group: str
    baseline: str
    status: Status
    n_social: int
    n_non_social: int
    delta: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    mean_social: float | None = None
    mean_non_social: float | None = None
    effect_claimed: bool = False
    se: float | None = None
    df: float | None = None
    p_value: float | None = None
    ci_level: float = 0.95
    item: str = ""

    @property
    def label(self) -> str | None:
        return "rough" if self.status is Status.EARLY else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "status": self.status.value, "label": self.label}


@dataclass(frozen=True, slots=True)
class NextDay:
    """``mood_t = a + b social_t + c social_{t-1} + u_t`` (AR(1) ``u``): the estimate of ``c``."""

    status: Status
    n: int
    coef: float | None = None
    se: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    effect_claimed: bool = False
    df: float | None = None
    p_value: float | None = None
    ci_level: float = 0.95
    item: str = "next_day.mood"

    @property
    def label(self) -> str | None:
        return "rough" if self.status is Status.EARLY else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "status": self.status.value, "label": self.label}


@dataclass(frozen=True, slots=True)
class PersonMood:
    """Average mood change (after minus before) around interactions with one person.

    The interval is Student's t over the person's interactions (``n - 1`` degrees of freedom);
    after the error budget ``ci_low``/``ci_high`` are at level ``ci_level`` and
    ``effect_claimed`` is True exactly when they leave out zero.
    """

    person_id: int
    mean_change: float
    n: int
    se: float = 0.0
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float = 0.95
    p_value: float | None = None
    effect_claimed: bool = False

    @property
    def item(self) -> str:
        return f"by_person.{self.person_id}"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "item": self.item}


@dataclass(frozen=True, slots=True)
class Message:
    """A message key for :mod:`kithkin.messages` ``TEXT`` and its parameters.

    ``item`` names the estimate a sentence claims a difference for (its ``effect_claimed`` is
    True); None for sentences that claim nothing.
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()
    item: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "params": dict(self.params), "item": self.item}


@dataclass(frozen=True, slots=True)
class Insights:
    """Everything the insights page shows, JSON-friendly through :meth:`as_dict`."""

    n_days: int
    social: tuple[Comparison, ...]  # mood, stress
    next_day: NextDay
    by_mode: tuple[Comparison, ...]
    by_dose: tuple[Comparison, ...]
    by_person: tuple[PersonMood, ...]
    summary: tuple[Message, ...] = field(default=())
    evidence_ids: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_days": self.n_days,
            "social": [c.as_dict() for c in self.social],
            "next_day": self.next_day.as_dict(),
            "by_mode": [c.as_dict() for c in self.by_mode],
            "by_dose": [c.as_dict() for c in self.by_dose],
            "by_person": [p.as_dict() for p in self.by_person],
            "summary": [m.as_dict() for m in self.summary],
            "evidence_ids": list(self.evidence_ids),
            "error_budget": budget.describe(),
        }
