"""The JSON API for people and their records: list, add, edit, archive; log and delete a
moment; follow-ups (add, done, all open ones, and their due date)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Response

from kithkin.domain import limits
from kithkin.domain.errors import EmptyValue
from kithkin.domain.model import ContactPoint, check_text
from kithkin.services.followups import (
    add_followup,
    complete_followup,
    list_followups,
    set_followup_due,
)
from kithkin.services.interactions import delete_interaction, log_interaction
from kithkin.services.people import (
    add_person,
    archive_person,
    edit_person,
    followup_dict,
    interaction_dict,
    people_page,
    person_detail,
)
from kithkin.services.ports import PeopleQuery
from kithkin.web import schemas as s
from kithkin.web.deps import Now, ReadUow, WriteUow, api_router

router = api_router("kithkin")

NOT_NULL = ("name", "closeness", "feeling")
EMPTY_WHEN_NULL: dict[str, Any] = {
    "nickname": "",
    "how_met": "",
    "notes": "",
    "circle": "none",
    "interests": [],
    "contacts": [],
}


@router.get("/people", summary="People, paginated, with cadence and due status")
def api_people(
    *,
    uow: ReadUow,
    now: Now,
    search: Annotated[str | None, Query(max_length=100)] = None,
    circle: Annotated[str | None, Query(max_length=60)] = None,
    due: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    query = PeopleQuery(circle=circle.lower() if circle else None, search=search)
    found = people_page(uow=uow, now=now, query=query, limit=limit, offset=offset, due_only=due)
    items = [r.as_dict() for r in found.rows]
    return {"items": items, "total": found.total, "limit": limit, "offset": offset}


@router.post("/people", status_code=201, summary="Add someone")
def api_person_add(body: s.PersonIn, uow: WriteUow, now: Now) -> dict[str, Any]:
    fields = body.model_dump(exclude={"name"})
    person = add_person(uow=uow, now=now, name=body.name, **fields)
    assert person.id is not None
    return person_detail(uow=uow, ref=person.id, now=now).as_dict()


@router.get("/people/{person_id}", summary="A person: profile, follow-ups, timeline")
def api_person(person_id: int, uow: ReadUow, now: Now) -> dict[str, Any]:
    return person_detail(uow=uow, ref=person_id, now=now).as_dict()


@router.post(
    "/interactions",
    status_code=201,
    summary="Log an interaction",
    responses={200: {"description": "Sent before with this client_id: the stored one"}},
)
def api_log(body: s.InteractionIn, uow: WriteUow, now: Now, response: Response) -> dict[str, Any]:
    logged = log_interaction(
        uow=uow,
        now=now,
        kind_id=body.kind,
        with_names=body.people,
        with_other=body.with_other,
        minutes=body.minutes,
        meaningful=body.meaningful,
        quality=body.quality,
        mood_before=body.mood_before,
        mood_after=body.mood_after,
        note=body.note,
        when=body.when,
        timezone=body.timezone,
        confirm_old=body.confirm_old,
        client_id=body.client_id,
        queued_at=body.queued_at,
        sent_at=body.sent_at,
    )
    if logged.replayed:
        response.status_code = 200
    names = {p.id: p.display_name for p in logged.people if p.id is not None}
    return interaction_dict(logged.interaction, names)


@router.post("/people/{person_id}/followups", status_code=201, summary="Add a follow-up")
def api_followup_add(person_id: int, body: s.FollowUpIn, uow: WriteUow, now: Now) -> dict[str, Any]:
    view = add_followup(uow=uow, now=now, person=str(person_id), text=body.text, due=body.due)
    return {**followup_dict(view.followup), "person": view.person.display_name}


@router.post("/followups/{followup_id}/done", summary="Mark a follow-up done (or open again)")
def api_followup_done(
    followup_id: int, uow: WriteUow, body: s.FollowUpDoneIn | None = None
) -> dict[str, Any]:
    done = body.done if body is not None else True
    view = complete_followup(uow=uow, followup_id=followup_id, done=done)
    return {**followup_dict(view.followup), "person": view.person.display_name}


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
                ContactPoint(
                    c.kind,
                    check_text("contact value", c.value, limit=limits.CONTACT_VALUE),
                    c.label.strip(),
                )
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
