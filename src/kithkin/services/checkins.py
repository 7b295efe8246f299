"""The daily check-in: one per local day; a second one that day updates it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kithkin.domain.model import CheckIn
from kithkin.domain.timeutil import local_day, past_day
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class CheckInResult:
    checkin: CheckIn
    created: bool


def check_in(
    *,
    uow: UnitOfWork,
    now: datetime,
    mood: int,
    stress: int,
    energy: int | None = None,
    sleep_hours: float | None = None,
    note: str = "",
    day: str | None = None,
) -> CheckInResult:
    profile = get_profile(uow=uow)
    today = local_day(now, profile.timezone)
    on = past_day(day, today=today) if day else today
    checkin = CheckIn(
        day=on, mood=mood, stress=stress, energy=energy, sleep_hours=sleep_hours, note=note.strip()
    )
    created = uow.checkins.upsert(checkin, now=now)
    uow.commit()
    return CheckInResult(checkin, created)


def todays_checkin(*, uow: UnitOfWork, now: datetime) -> CheckIn | None:
    """Today's check-in (the user's local day), if there is one: a single small read."""
    return uow.checkins.get(local_day(now, get_profile(uow=uow).timezone))
