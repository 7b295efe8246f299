"""Request models of the planner, ladder and questionnaire API; ranges match the domain's."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt

from kithkin.domain import limits
from kithkin.domain.catalogue import CHANNELS, GROUPS, MINUTES, NEEDS, OCCASIONS, SELFCARE
from kithkin.web.schemas import Strict

_SNOOZE = limits.SNOOZE_DAYS
_SUDS = limits.SUDS
_BELIEF = limits.BELIEF


class DoneIn(Strict):
    """Optional details; anything left out is taken from the suggestion."""

    minutes: int | None = Field(None, ge=limits.MINUTES[0], le=limits.MINUTES[1])
    quality: int | None = Field(None, ge=limits.SCALE_1_5[0], le=limits.SCALE_1_5[1])
    mood_before: int | None = Field(None, ge=limits.SCALE_1_10[0], le=limits.SCALE_1_10[1])
    mood_after: int | None = Field(None, ge=limits.SCALE_1_10[0], le=limits.SCALE_1_10[1])
    note: str = Field("", max_length=limits.NOTE)
    when: str | None = Field(None, max_length=limits.WHEN, examples=["18:30"])


class SnoozeIn(Strict):
    days: int = Field(3, ge=_SNOOZE[0], le=_SNOOZE[1])


class ActionIn(Strict):
    id: str = Field(
        pattern=rf"^[a-z][a-z0-9_]{{0,{limits.ACTION_ID - 1}}}$",
        max_length=limits.ACTION_ID,
        examples=["call_mum"],
    )
    title: str = Field(min_length=1, max_length=limits.ACTION_TITLE)
    how: str = Field(min_length=1, max_length=limits.ACTION_HOW)
    minutes: int = Field(description=f"One of {', '.join(map(str, MINUTES))}.")
    channel: Literal[CHANNELS]  # type: ignore[valid-type]
    kind: str = Field(min_length=1, max_length=limits.ACTION_KIND, examples=["call"])
    social_load: int = Field(1, ge=limits.SOCIAL_LOAD[0], le=limits.SOCIAL_LOAD[1])
    anxiety: int = Field(1, ge=limits.SCALE_1_5[0], le=limits.SCALE_1_5[1])
    group: Literal[GROUPS] = "one_to_one"  # type: ignore[valid-type]
    selfcare: list[Literal[SELFCARE]] = Field(default_factory=list)  # type: ignore[valid-type]
    needs: list[Literal[NEEDS]] = Field(default_factory=list)  # type: ignore[valid-type]
    weak_tie: bool = False
    occasion: Literal[OCCASIONS] = ""  # type: ignore[valid-type]


class StepIn(Strict):
    description: str = Field(min_length=1, max_length=limits.STEP_DESCRIPTION)
    feared_prediction: str = Field("", max_length=limits.FEARED_PREDICTION)
    predicted_anxiety: int = Field(ge=_SUDS[0], le=_SUDS[1])


class LadderIn(Strict):
    goal: str = Field(min_length=1, max_length=limits.LADDER_GOAL)
    steps: list[StepIn] = Field(
        min_length=limits.LADDER_STEPS[0], max_length=limits.LADDER_STEPS[1]
    )


class BeforeIn(Strict):
    step: int = Field(ge=1, le=limits.LADDER_STEPS[1], description="1-based.")
    prediction: str = Field(min_length=1, max_length=limits.PREDICTION)
    belief: int = Field(
        ge=_BELIEF[0], le=_BELIEF[1], description="How much you believe it, 0-100 %."
    )
    predicted_peak: int = Field(
        ge=_SUDS[0], le=_SUDS[1], description="Expected anxiety peak, 0-100."
    )


class AfterIn(Strict):
    peak: int = Field(ge=_SUDS[0], le=_SUDS[1])
    happened: str = Field("", max_length=limits.ATTEMPT_TEXT)
    came_true: Literal["yes", "partly", "no"]
    belief_after: int = Field(ge=_BELIEF[0], le=_BELIEF[1])
    learned: str = Field("", max_length=limits.ATTEMPT_TEXT)


class AssessmentIn(Strict):
    instrument: str = Field(min_length=1, max_length=limits.INSTRUMENT_ID, examples=["who5"])
    answers: list[StrictInt] = Field(
        min_length=1, max_length=limits.ANSWERS, examples=[[3, 3, 2, 2, 3]]
    )


class ScheduleIn(Strict):
    every_days: int = Field(
        ge=limits.EVERY_DAYS[0],
        le=limits.EVERY_DAYS[1],
        description="Days between reminders; 0 turns off.",
    )
