"""Triage: deciding, person by person, what happens to people an import brought in."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from kithkin.domain.errors import CircleNotFound, InputError
from kithkin.domain.model import Person, PersonStatus
from kithkin.services.people import resolve
from kithkin.services.plan_events import plan_changed
from kithkin.services.ports import PeopleQuery, UnitOfWork

WIDER = "wider"


class TriageAction(StrEnum):
    """What the user decided for one imported person."""

    KEEP = "keep"  # into a circle of the user's choosing
    WIDER = "wider"  # into the wider network: known, rarely planned
    IGNORE = "ignore"  # never suggested; kept so a re-import does not bring them back


class NotInTriage(InputError):
    """The person is not awaiting triage."""

    key = "not_in_triage"


def triage_list(*, uow: UnitOfWork) -> list[Person]:
    """People awaiting triage, by name."""
    return uow.people.find(PeopleQuery(status=PersonStatus.TRIAGE.value))


def triage_page(*, uow: UnitOfWork, limit: int, offset: int = 0) -> tuple[list[Person], int]:
    """One page of the people awaiting triage (by name), and how many are waiting in all."""
    waiting = PeopleQuery(status=PersonStatus.TRIAGE.value)
    page = PeopleQuery(status=PersonStatus.TRIAGE.value, limit=limit, offset=offset)
    return uow.people.find(page), uow.people.count(waiting)


def triage_person(
    *, uow: UnitOfWork, ref: str | int, action: TriageAction, circle: str | None = None
) -> Person:
    """Apply one decision (``circle`` is needed to keep someone) and commit it."""
    person = _triaged(uow, ref)
    if action is TriageAction.IGNORE:
        updated = replace(person, status=PersonStatus.IGNORED, circle=None)
    else:
        name = (circle or "").strip().lower() if action is TriageAction.KEEP else WIDER
        names = [c.name for c in uow.circles.find()]
        if name not in names:
            raise CircleNotFound(name=name or "(none)", allowed=", ".join(names))
        updated = replace(person, status=PersonStatus.ACTIVE, circle=name)
    saved = uow.people.update(updated)
    plan_changed(uow=uow)
    uow.commit()
    return saved


def _triaged(uow: UnitOfWork, ref: str | int) -> Person:
    text = str(ref).strip()
    if not text.lstrip("#").isdigit():
        waiting = [p for p in triage_list(uow=uow) if p.name.casefold() == text.casefold()]
        if len(waiting) == 1:
            return waiting[0]
    person = resolve(uow=uow, ref=ref)
    if person.status is not PersonStatus.TRIAGE:
        raise NotInTriage(name=person.name)
    return person
