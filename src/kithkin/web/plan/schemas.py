"""Request models of the planner, ladder and questionnaire API; ranges match the domain's."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt

from kithkin.domain import limits
from kithkin.domain.catalogue import CHANNELS, GROUPS, MINUTES, NEEDS, OCCASIONS, SELFCARE
from kithkin.domain.ladder import MAX_STEPS, MIN_STEPS
from kithkin.web.schemas import Strict

MAX_SNOOZE = 60


class DoneIn(Strict):
    """Optional details; anything left out is taken from the suggestion."""

    minutes: int | None = Field(None, ge=limits.MINUTES[0], le=limits.MINUTES[1])
    quality: int | None = Field(None, ge=limits.SCALE_1_5[0], le=limits.SCALE_1_5[1])
    mood_before: int | None = Field(None, ge=limits.SCALE_1_10[0], le=limits.SCALE_1_10[1])
    mood_after: int | None = Field(None, ge=limits.SCALE_1_10[0], le=limits.SCALE_1_10[1])
    note: str = Field("", max_length=limits.NOTE)
    when: str | None = Field(None, max_length=40, examples=["18:30"])


class SnoozeIn(Strict):
    days: int = Field(3, ge=1, le=MAX_SNOOZE)


class ActionIn(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$", examples=["call_mum"])
    title: str = Field(min_length=1, max_length=120)
    how: str = Field(min_length=1, max_length=1000)
    minutes: int = Field(description=f"One of {', '.join(map(str, MINUTES))}.")
    channel: Literal[CHANNELS]  # type: ignore[valid-type]
    kind: str = Field(min_length=1, max_length=40, examples=["call"])
    social_load: int = Field(1, ge=1, le=3)
    anxiety: int = Field(1, ge=1, le=5)
    group: Literal[GROUPS] = "one_to_one"  # type: ignore[valid-type]
    selfcare: list[Literal[SELFCARE]] = Field(default_factory=list)  # type: ignore[valid-type]
    needs: list[Literal[NEEDS]] = Field(default_factory=list)  # type: ignore[valid-type]
    weak_tie: bool = False
    occasion: Literal[OCCASIONS] = ""  # type: ignore[valid-type]


class StepIn(Strict):
    description: str = Field(min_length=1, max_length=300)
    feared_prediction: str = Field("", max_length=500)
    predicted_anxiety: int = Field(ge=0, le=100)


class LadderIn(Strict):
    goal: str = Field(min_length=1, max_length=300)
    steps: list[StepIn] = Field(min_length=MIN_STEPS, max_length=MAX_STEPS)


class BeforeIn(Strict):
    step: int = Field(ge=1, le=MAX_STEPS)
    prediction: str = Field(min_length=1, max_length=1000)
    belief: int = Field(ge=0, le=100, description="How much you believe it, 0-100 %.")
    predicted_peak: int = Field(ge=0, le=100, description="Expected anxiety peak, 0-100.")


class AfterIn(Strict):
    peak: int = Field(ge=0, le=100)
    happened: str = Field("", max_length=2000)
    came_true: Literal["yes", "partly", "no"]
    belief_after: int = Field(ge=0, le=100)
    learned: str = Field("", max_length=2000)


class AssessmentIn(Strict):
    instrument: str = Field(min_length=1, max_length=20, examples=["who5"])
    answers: list[StrictInt] = Field(min_length=1, max_length=20, examples=[[3, 3, 2, 2, 3]])


class ScheduleIn(Strict):
    every_days: int = Field(ge=0, le=3650, description="Days between reminders; 0 turns off.")
