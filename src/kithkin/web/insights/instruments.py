"""Which questionnaires the Assess page offers, with their questions (the rule itself, shared
with the CLI, is :mod:`kithkin.formats.questionnaire_items`)."""

from __future__ import annotations

from datetime import date, datetime

from kithkin.domain import questionnaires as q
from kithkin.domain.timeutil import local_day
from kithkin.formats.questionnaire_items import ItemPlaces, Offer, item_path, offer, only_takeable
from kithkin.services.ports import UnitOfWork
from kithkin.services.profiles import get_profile

__all__ = ["ItemPlaces", "Offer", "item_path", "local_today", "offer", "offers", "only_takeable"]


def offers(places: ItemPlaces) -> list[Offer]:
    return [offer(places, instrument_id) for instrument_id in q.INSTRUMENTS]


def local_today(uow: UnitOfWork, now: datetime) -> date:
    """The user's local date at ``now`` (questionnaire schedules count in local days)."""
    return local_day(now, get_profile(uow=uow).timezone)
