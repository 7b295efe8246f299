"""Request and error models of the JSON API; limits read from ``kithkin.domain.limits``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from kithkin.domain import limits
from kithkin.domain.model import Barrier, Feeling

# The limits of the domain (kithkin.domain.limits): the API accepts exactly what it accepts.
_CADENCE = limits.CADENCE_DAYS
_MOOD = limits.SCALE_1_10
_REST = limits.REST_DAYS_PER_WEEK
_DAY_MIN = limits.DAY_MINUTES


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _booleans_are_not_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        """JSON ``true``/``false`` is refused where a number is expected (not read as 1/0)."""
        if isinstance(value, bool) and info.field_name is not None:
            annotation = cls.model_fields[info.field_name].annotation
            if not _allows_bool(annotation):
                raise ValueError("a boolean (true/false) is not a number")
        return value


def _allows_bool(annotation: Any) -> bool:
    if annotation is bool or annotation is Any:
        return True
    return any(_allows_bool(a) for a in get_args(annotation))


def _client_id() -> Any:
    return Field(
        None,
        min_length=1,
        max_length=limits.CLIENT_ID,
        pattern=r"^[A-Za-z0-9_-]+$",
        description=(
            "An id the client makes (a UUID) for a write it may send again, as a phone does "
            "when its offline queue syncs: a repeat returns the stored record (200) and "
            "stores nothing new."
        ),
    )


def _within_years(value: datetime) -> datetime:
    low, high = limits.DEVICE_CLOCK_YEARS
    if not low <= value.year <= high:
        raise ValueError(f"a moment from {low} to {high}")
    return value


DeviceInstant = Annotated[AwareDatetime, AfterValidator(_within_years)]


def _queued_at() -> Any:
    return Field(
        None,
        description=(
            "For a write from an offline queue: when it was queued, on the device's clock "
            "(ISO 8601 with an offset). With sent_at, corrected by how far that clock is off."
        ),
    )


def _sent_at() -> Any:
    return Field(
        None,
        description=(
            "For a write from an offline queue: the device's clock when it sent it (ISO 8601 "
            "with an offset). The server corrects the queued moment by the difference with its "
            "own clock, and never refuses a queued write as being in the future."
        ),
    )


class InteractionIn(Strict):
    kind: str = Field(min_length=1, max_length=limits.KIND_ID, examples=["coffee"])
    people: list[str] = Field(
        default_factory=list,
        max_length=limits.LIST_ITEMS,
        description="Names or ids ('#12' or '12').",
    )
    with_other: str = Field("", max_length=limits.NAME)
    minutes: int | None = Field(None, ge=limits.MINUTES[0], le=limits.MINUTES[1])
    meaningful: bool = True
    quality: int | None = Field(None, ge=limits.SCALE_1_5[0], le=limits.SCALE_1_5[1])
    mood_before: int | None = Field(None, ge=_MOOD[0], le=_MOOD[1])
    mood_after: int | None = Field(None, ge=_MOOD[0], le=_MOOD[1])
    confirm_old: bool = Field(False, description="Needed for a moment more than a year ago.")
    note: str = Field("", max_length=limits.NOTE)
    when: str | None = Field(None, max_length=limits.WHEN, examples=["yesterday 18:30"])
    timezone: str | None = Field(None, max_length=limits.TIMEZONE)
    client_id: str | None = _client_id()
    queued_at: DeviceInstant | None = _queued_at()
    sent_at: DeviceInstant | None = _sent_at()


class CheckInIn(Strict):
    """A field left out keeps the day's stored value; ``null`` removes it (energy, sleep, note)."""

    mood: int | None = Field(
        None, ge=_MOOD[0], le=_MOOD[1], description="Needed on the day's first check-in."
    )
    stress: int | None = Field(
        None, ge=_MOOD[0], le=_MOOD[1], description="Needed on the day's first check-in."
    )
    energy: int | None = Field(None, ge=_MOOD[0], le=_MOOD[1])
    sleep_hours: float | None = Field(None, ge=limits.SLEEP_HOURS[0], le=limits.SLEEP_HOURS[1])
    note: str | None = Field(None, max_length=limits.NOTE)
    date: str | None = Field(None, max_length=limits.DATE_TEXT)
    client_id: str | None = _client_id()
    queued_at: DeviceInstant | None = _queued_at()
    sent_at: DeviceInstant | None = _sent_at()


class FollowUpIn(Strict):
    text: str = Field(min_length=1, max_length=limits.FOLLOWUP_TEXT)
    due: str | None = Field(None, max_length=limits.DATE_TEXT)


class FollowUpDoneIn(Strict):
    done: bool = True


class _CardFields(Strict):
    """An address book's own fields of a person, shared by the create and patch models."""

    family_name: str | None = Field(None, max_length=limits.CARD_FIELD)
    given_name: str | None = Field(None, max_length=limits.CARD_FIELD)
    additional_names: str | None = Field(None, max_length=limits.CARD_FIELD)
    name_prefix: str | None = Field(None, max_length=limits.CARD_FIELD)
    name_suffix: str | None = Field(None, max_length=limits.CARD_FIELD)
    organisation: str | None = Field(None, max_length=limits.CARD_FIELD)
    department: str | None = Field(None, max_length=limits.CARD_FIELD)
    job_title: str | None = Field(None, max_length=limits.CARD_FIELD)
    birthday_text: str | None = Field(
        None, max_length=limits.BIRTHDAY_WORDS, examples=["circa 1800"]
    )


class PersonIn(_CardFields):
    name: str = Field(min_length=1, max_length=limits.NAME)
    nickname: str | None = Field(None, max_length=limits.NICKNAME)
    circle: str | None = Field("friends", max_length=limits.CIRCLE_NAME)
    cadence_days: int | None = Field(None, ge=_CADENCE[0], le=_CADENCE[1])
    closeness: int | None = Field(None, ge=limits.SCALE_1_5[0], le=limits.SCALE_1_5[1])
    feeling: str | None = Field(None, max_length=limits.CHOICE)
    timezone: str | None = Field(None, max_length=limits.TIMEZONE)
    birthday: str | None = Field(None, max_length=limits.BIRTHDAY_TEXT)
    interests: list[str] | None = Field(None, max_length=limits.LIST_ITEMS)
    how_met: str | None = Field(None, max_length=limits.HOW_MET)
    notes: str | None = Field(None, max_length=limits.NOTES)


class ContactIn(Strict):
    kind: Literal["email", "phone", "handle"]
    value: str = Field(min_length=1, max_length=limits.CONTACT_VALUE)
    label: str = Field("", max_length=limits.CONTACT_LABEL)


class PersonPatch(_CardFields):
    """Only the fields sent change. ``null`` clears cadence_days, timezone and birthday (and
    circle: no circle); name, closeness and feeling cannot be cleared."""

    name: str | None = Field(None, min_length=1, max_length=limits.NAME)
    nickname: str | None = Field(None, max_length=limits.NICKNAME)
    circle: str | None = Field(None, max_length=limits.CIRCLE_NAME)
    cadence_days: int | None = Field(None, ge=_CADENCE[0], le=_CADENCE[1])
    closeness: int | None = Field(None, ge=limits.SCALE_1_5[0], le=limits.SCALE_1_5[1])
    feeling: Feeling | None = None
    timezone: str | None = Field(None, max_length=limits.TIMEZONE)
    birthday: str | None = Field(
        None, max_length=limits.BIRTHDAY_TEXT, examples=["1815-12-10", "12-10"]
    )
    interests: list[str] | None = Field(None, max_length=limits.LIST_ITEMS)
    how_met: str | None = Field(None, max_length=limits.HOW_MET)
    notes: str | None = Field(None, max_length=limits.NOTES)
    contacts: list[ContactIn] | None = Field(
        None, max_length=limits.LIST_ITEMS, description="Replaces every contact point."
    )


class FollowUpPatch(Strict):
    due: str | None = Field(description="A date (YYYY-MM-DD, or 'today'); null: no date.")


class ProfileIn(Strict):
    timezone: str = Field(min_length=1, max_length=limits.TIMEZONE, examples=["Europe/Berlin"])
    daily_goal: int = Field(1, ge=limits.DAILY_GOAL[0], le=limits.DAILY_GOAL[1])
    rest_days_per_week: int = Field(1, ge=_REST[0], le=_REST[1])
    weekday_minutes: int = Field(15, ge=_DAY_MIN[0], le=_DAY_MIN[1])
    weekend_minutes: int = Field(45, ge=_DAY_MIN[0], le=_DAY_MIN[1])
    barriers: list[Barrier] = Field(default_factory=list)


class CircleIn(Strict):
    cadence_days: int = Field(ge=_CADENCE[0], le=_CADENCE[1])


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
