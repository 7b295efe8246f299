"""Request and error models of the JSON API; constraints match the domain's ranges."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kithkin.domain.model import MAX_MINUTES, Barrier, Feeling


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InteractionIn(Strict):
    kind: str = Field(min_length=1, max_length=40, examples=["coffee"])
    people: list[str] = Field(
        default_factory=list, max_length=50, description="Names or ids ('#12' or '12')."
    )
    with_other: str = Field("", max_length=200)
    minutes: int | None = Field(None, ge=0, le=MAX_MINUTES)
    meaningful: bool = True
    quality: int | None = Field(None, ge=1, le=5)
    mood_before: int | None = Field(None, ge=1, le=10)
    mood_after: int | None = Field(None, ge=1, le=10)
    note: str = Field("", max_length=10_000)
    when: str | None = Field(None, max_length=40, examples=["yesterday 18:30"])
    timezone: str | None = Field(None, max_length=64)


class CheckInIn(Strict):
    """A field left out keeps the day's stored value; ``null`` removes it (energy, sleep, note)."""

    mood: int | None = Field(None, ge=1, le=10, description="Needed on the day's first check-in.")
    stress: int | None = Field(None, ge=1, le=10, description="Needed on the day's first check-in.")
    energy: int | None = Field(None, ge=1, le=10)
    sleep_hours: float | None = Field(None, ge=0, le=24)
    note: str | None = Field(None, max_length=10_000)
    date: str | None = Field(None, max_length=20)


class FollowUpIn(Strict):
    text: str = Field(min_length=1, max_length=1000)
    due: str | None = Field(None, max_length=20)


class FollowUpDoneIn(Strict):
    done: bool = True


class PersonIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    nickname: str | None = Field(None, max_length=100)
    circle: str | None = Field("friends", max_length=60)
    cadence_days: int | None = Field(None, ge=1, le=3650)
    closeness: int | None = Field(None, ge=1, le=5)
    feeling: str | None = Field(None, max_length=20)
    timezone: str | None = Field(None, max_length=64)
    birthday: str | None = Field(None, max_length=12)
    interests: list[str] | None = Field(None, max_length=50)
    how_met: str | None = Field(None, max_length=2000)
    notes: str | None = Field(None, max_length=10_000)


class ContactIn(Strict):
    kind: Literal["email", "phone", "handle"]
    value: str = Field(min_length=1, max_length=300)
    label: str = Field("", max_length=60)


class PersonPatch(Strict):
    """Only the fields sent change. ``null`` clears cadence_days, timezone and birthday (and
    circle: no circle); name, closeness and feeling cannot be cleared."""

    name: str | None = Field(None, min_length=1, max_length=200)
    nickname: str | None = Field(None, max_length=100)
    circle: str | None = Field(None, max_length=60)
    cadence_days: int | None = Field(None, ge=1, le=3650)
    closeness: int | None = Field(None, ge=1, le=5)
    feeling: Feeling | None = None
    timezone: str | None = Field(None, max_length=64)
    birthday: str | None = Field(None, max_length=12, examples=["1815-12-10", "12-10"])
    interests: list[str] | None = Field(None, max_length=50)
    how_met: str | None = Field(None, max_length=2000)
    notes: str | None = Field(None, max_length=10_000)
    contacts: list[ContactIn] | None = Field(
        None, max_length=50, description="Replaces every contact point."
    )


class FollowUpPatch(Strict):
    due: str | None = Field(description="A date (YYYY-MM-DD, or 'today'); null: no date.")


class ProfileIn(Strict):
    timezone: str = Field(min_length=1, max_length=64, examples=["Europe/Berlin"])
    daily_goal: int = Field(1, ge=1, le=10)
    rest_days_per_week: int = Field(1, ge=0, le=6)
    weekday_minutes: int = Field(15, ge=0, le=600)
    weekend_minutes: int = Field(45, ge=0, le=600)
    barriers: list[Barrier] = Field(default_factory=list)


class CircleIn(Strict):
    cadence_days: int = Field(ge=1, le=3650)


class ErrorDetail(BaseModel):
    key: str
    message: str
    params: dict[str, Any]


class ErrorOut(BaseModel):
    error: ErrorDetail


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed request body"},
    404: _error("Not found"),
    409: _error("Conflicts with what is stored (for example: no profile yet)"),
    422: {"description": "Invalid input (field constraints, or a value the domain refuses)"},
}
