"""What a person's page and the follow-ups list show (shared by their routes)."""

from __future__ import annotations

from typing import Any

from kithkin.domain.model import KINDS
from kithkin.domain.openers import draft_opener
from kithkin.domain.timeutil import local_day
from kithkin.services.followups import list_followups
from kithkin.services.people import person_detail
from kithkin.services.ports import UnitOfWork
from kithkin.services.profiles import get_profile

DONE_SHOWN = 5


def followups_context(uow: UnitOfWork) -> dict[str, Any]:
    return {"items": list_followups(uow=uow)}


def person_context(uow: UnitOfWork, person_id: int, now: Any) -> dict[str, Any]:
    detail = person_detail(uow=uow, ref=person_id, now=now)
    today = local_day(now, get_profile(uow=uow).timezone)
    last = next((i for i in detail.timeline if i.meaningful), None)
    opener = draft_opener(
        person=detail.row.person,
        today=today,
        last_kind=last.kind if last else None,
        last_day=last.day if last else None,
    ).text
    done = [v.followup for v in list_followups(uow=uow, person=str(person_id), include_done=True)]
    return {
        "detail": detail,
        "today": today,
        "opener": opener,
        "done_followups": sorted((f for f in done if f.done), key=lambda f: -(f.id or 0))[
            :DONE_SHOWN
        ],
        "errors": {},
        "values": {},
        "due_errors": {},
        "due_values": {},
        "kinds": KINDS,
        "flash": None,
    }
