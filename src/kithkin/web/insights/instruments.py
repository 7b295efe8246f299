"""Which questionnaires the Assess page offers, with their questions (the rule itself, shared
with the CLI, is :mod:`kithkin.formats.questionnaire_items`)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from kithkin.domain import questionnaires as q
from kithkin.domain.timeutil import local_day
from kithkin.formats.questionnaire_items import Offer, item_path, offer, only_takeable
from kithkin.services.ports import UnitOfWork
from kithkin.services.profiles import get_profile

__all__ = ["Offer", "item_path", "local_today", "offer", "offers", "only_takeable"]


def offers(data_dir: Path) -> list[Offer]:
    return [offer(data_dir, instrument_id) for instrument_id in q.INSTRUMENTS]


def local_today(uow: UnitOfWork, now: datetime) -> date:
    """The user's local date at ``now`` (questionnaire schedules count in local days)."""
    return local_day(now, get_profile(uow=uow).timezone)
