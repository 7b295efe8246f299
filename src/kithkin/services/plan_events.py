"""Today's plan follows what happens: the events that change who and what it would suggest.

A write that changes the plan's inputs (a person added or edited, an interaction logged or
removed, a follow-up added or finished, the profile or its barriers changed) marks the stored
plan out of date in the same transaction; the next read remakes it, keeping what was done,
skipped or snoozed (:func:`kithkin.services.suggestions.todays_plan`). The mark is one row, so
a write costs no planning; a burst of writes costs one plan.

Logging time with someone who has an open idea today closes that idea as done, linked to the
interaction, so the same moment is never counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from kithkin.domain.plan.status import DONE, OPEN
from kithkin.domain.timeutil import local_day
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.domain.model import Interaction
    from kithkin.services.planning_ports import PlanningUnitOfWork
    from kithkin.services.ports import UnitOfWork


def plan_changed(*, uow: UnitOfWork) -> None:
    """Today's plan is remade at its next read (no commit)."""
    uow.plan_marks.mark()


def interactions_logged(*, uow: UnitOfWork, items: Sequence[Interaction], now: datetime) -> None:
    """Close today's open ideas for the people in ``items`` logged today, and mark the plan."""
    plan_changed(uow=uow)
    today = local_day(now, get_profile(uow=uow).timezone)
    by_person = {pid: i for i in items if i.day == today for pid in i.person_ids}
    if not by_person:
        return
    planning = cast("PlanningUnitOfWork", uow)
    for s in planning.suggestions.for_day(today):
        item = by_person.get(s.person_id) if s.person_id is not None else None
        if item is not None and s.status == OPEN and s.id is not None:
            planning.suggestions.set_status(s.id, status=DONE, interaction_id=item.id)
