"""The JSON API for changing people and their records: edit, archive, delete a moment,
follow-ups (all open ones, and their due date)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Response

from kithkin.domain.errors import EmptyValue
from kithkin.domain.model import ContactPoint, check_text
from kithkin.services.followups import list_followups, set_followup_due
from kithkin.services.interactions import delete_interaction
from kithkin.services.people import archive_person, edit_person, followup_dict, person_detail
from kithkin.web import schemas as s
from kithkin.web.api import json_writes_only
from kithkin.web.deps import Now, ReadUow, WriteUow

router = APIRouter(
    prefix="/api",
    tags=["kithkin"],
    responses={**s.ERRORS, 415: {"description": "The body is not JSON"}},
    dependencies=[Depends(json_writes_only)],
)

NOT_NULL = ("name", "closeness", "feeling")
EMPTY_WHEN_NULL: dict[str, Any] = {
    "nickname": "",
    "how_met": "",
    "notes": "",
    "circle": "none",
    "interests": [],
    "contacts": [],
}


def patch_changes(body: s.PersonPatch) -> dict[str, Any]:
    """The fields sent, as :func:`kithkin.services.people.edit_person` arguments."""
    changes: dict[str, Any] = {}
    clear: list[str] = []
    for name in body.model_fields_set:
        value = getattr(body, name)
        if value is None and name in NOT_NULL:
            raise EmptyValue(field=name)
        if value is None and name in EMPTY_WHEN_NULL:
            value = EMPTY_WHEN_NULL[name]
        if value is None:
            clear.append(name)
        elif name == "contacts":
            changes[name] = [
                ContactPoint(c.kind, check_text("contact value", c.value), c.label.strip())
                for c in body.contacts or []
            ]
        else:
            changes[name] = value
    return {**changes, "clear": clear}


@router.patch("/people/{person_id}", summary="Change what you remember about someone")
def api_person_patch(
    person_id: int, body: s.PersonPatch, uow: WriteUow, now: Now
) -> dict[str, Any]:
    edit_person(uow=uow, ref=person_id, now=now, **patch_changes(body))
    return person_detail(uow=uow, ref=person_id, now=now).as_dict()


@router.post("/people/{person_id}/archive", summary="Archive someone (their history stays)")
def api_person_archive(person_id: int, uow: WriteUow, now: Now) -> dict[str, Any]:
    archive_person(uow=uow, ref=person_id, archived=True)
    return person_detail(uow=uow, ref=person_id, now=now).as_dict()


@router.post("/people/{person_id}/unarchive", summary="Bring an archived person back")
def api_person_unarchive(person_id: int, uow: WriteUow, now: Now) -> dict[str, Any]:
    archive_person(uow=uow, ref=person_id, archived=False)
    return person_detail(uow=uow, ref=person_id, now=now).as_dict()


@router.delete(
    "/interactions/{interaction_id}",
    status_code=204,
    summary="Delete a logged moment (last contact and daily counts are recomputed)",
)
def api_interaction_delete(interaction_id: int, uow: WriteUow) -> Response:
    delete_interaction(uow=uow, interaction_id=interaction_id)
    return Response(status_code=204)


@router.get("/followups", summary="Every open follow-up, soonest first (undated last)")
def api_followups(uow: ReadUow) -> list[dict[str, Any]]:
    return [
        {**followup_dict(v.followup), "person": v.person.display_name}
        for v in list_followups(uow=uow)
    ]


@router.patch("/followups/{followup_id}", summary="Change when a follow-up is due")
def api_followup_patch(
    followup_id: int, body: s.FollowUpPatch, uow: WriteUow, now: Now
) -> dict[str, Any]:
    view = set_followup_due(uow=uow, now=now, followup_id=followup_id, due=body.due)
    return {**followup_dict(view.followup), "person": view.person.display_name}


def install(web: FastAPI) -> None:
    web.include_router(router)
