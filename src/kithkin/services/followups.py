"""Follow-ups: what to ask or do for someone, optionally by a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kithkin.domain import limits
from kithkin.domain.errors import FollowUpNotFound
from kithkin.domain.model import FollowUp, Person, check_text
from kithkin.domain.timeutil import local_day, parse_day
from kithkin.services.people import resolve
from kithkin.services.plan_events import plan_changed
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class FollowUpView:
    followup: FollowUp
    person: Person


def add_followup(
    *, uow: UnitOfWork, now: datetime, person: str, text: str, due: str | None = None
) -> FollowUpView:
    profile = get_profile(uow=uow)
    who = resolve(uow=uow, ref=person)
    assert who.id is not None
    due_day = parse_day(due, today=local_day(now, profile.timezone)) if due else None
    stored = uow.followups.add(
        FollowUp(
            person_id=who.id,
            text=check_text("text", text, limit=limits.FOLLOWUP_TEXT),
            due=due_day,
            created_at=now,
        )
    )
    plan_changed(uow=uow)
    uow.commit()
    return FollowUpView(stored, who)


def list_followups(
    *, uow: UnitOfWork, person: str | None = None, include_done: bool = False
) -> list[FollowUpView]:
    person_id = resolve(uow=uow, ref=person).id if person else None
    items = uow.followups.find(open_only=not include_done, person_id=person_id)
    people = uow.people.get_many(f.person_id for f in items)
    return [FollowUpView(f, people[f.person_id]) for f in items if f.person_id in people]


def _owned_person(uow: UnitOfWork, followup_id: int) -> Person:
    """The person of this account's follow-up ``followup_id``; a follow-up that is not this
    account's, or that points at a person who is not (an old restore could leave one), is not
    found."""
    found = uow.followups.get(followup_id)
    person = None if found is None else uow.people.get(found.person_id)
    if person is None:
        raise FollowUpNotFound(id=followup_id)
    return person


def set_followup_due(
    *, uow: UnitOfWork, now: datetime, followup_id: int, due: str | None
) -> FollowUpView:
    """Change when a follow-up is due (``None`` or empty: no date)."""
    person = _owned_person(uow, followup_id)
    today = local_day(now, get_profile(uow=uow).timezone)
    uow.followups.set_due(followup_id, parse_day(due, today=today) if due else None)
    plan_changed(uow=uow)
    uow.commit()
    stored = uow.followups.get(followup_id)
    assert stored is not None
    return FollowUpView(stored, person)


def complete_followup(*, uow: UnitOfWork, followup_id: int, done: bool = True) -> FollowUpView:
    person = _owned_person(uow, followup_id)
    uow.followups.set_done(followup_id, done)
    plan_changed(uow=uow)
    uow.commit()
    stored = uow.followups.get(followup_id)
    assert stored is not None
    return FollowUpView(stored, person)
