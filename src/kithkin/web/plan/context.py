"""What a suggestion card needs, and the plan section of the Today page."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kithkin.domain.model import KINDS
from kithkin.domain.questionnaires import INSTRUMENTS
from kithkin.services.planning_ports import PlanningUnitOfWork
from kithkin.services.profiles import get_profile
from kithkin.services.suggestions import todays_plan

SNOOZE_CHOICES = (1, 2, 3, 7, 14, 30)


def card_choices(uow: PlanningUnitOfWork) -> dict[str, Any]:
    """What every suggestion card needs besides the suggestion: choices, and the user's clock."""
    zone = ZoneInfo(get_profile(uow=uow).timezone)

    def local_time(at: datetime) -> str:
        return at.astimezone(zone).strftime("%H:%M")

    return {"snooze_choices": SNOOZE_CHOICES, "kinds": KINDS, "local_time": local_time}


def today_extras(*, uow: PlanningUnitOfWork, now: datetime) -> dict[str, Any]:
    """The Today page's plan section (today's plan is stored on first sight)."""
    plan = todays_plan(uow=uow, now=now)
    return {"plan": plan, "cards": {}, "instruments": INSTRUMENTS, **card_choices(uow)}
