"""The JSON API for undo and corrections: the change journal, undo, and edit/delete of
interactions, check-ins, follow-ups, questionnaire results, ladder attempts and people."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from kithkin.services.changes import recent_changes, undo
from kithkin.services.corrections import (
    delete_record,
    edit_attempt,
    edit_checkin,
    edit_interaction,
    record_dict,
    unignore,
)
from kithkin.web.deps import Now, ReadUow, WriteUow, api_router

router = api_router("kithkin")

# URL segment -> record kind (see kithkin.services.corrections)
KINDS = {
    "interactions": "interaction",
    "checkins": "checkin",
    "followups": "followup",
    "results": "result",
    "attempts": "attempt",
    "people": "person",
}


class UndoBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int | None = Field(None, description="The change to undo; default: the latest.")


class InteractionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str | None = None
    with_: list[str] | None = Field(None, alias="with")
    with_other: str | None = None
    alone: bool = False
    minutes: int | None = None
    quality: int | None = None
    meaningful: bool | None = None
    note: str | None = None
    when: str | None = None


class CheckInPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mood: int | None = None
    stress: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    note: str | None = None


class AttemptPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    learned: str | None = None
    what_happened: str | None = None
    actual_peak: int | None = None
    belief_after: int | None = None


@router.get("/changes", summary="Your recent changes, newest first (for undo)")
def api_changes(
    uow: ReadUow,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    include_undone: bool = False,
) -> list[dict[str, Any]]:
    found = recent_changes(uow=uow, limit=limit, include_undone=include_undone)  # type: ignore[arg-type]
    return [c.as_dict() for c in found]


@router.post("/undo", summary="Undo your last change (or the one given by id)")
def api_undo(uow: WriteUow, now: Now, body: UndoBody | None = None) -> dict[str, Any]:
    change_id = body.id if body is not None else None
    return undo(uow=uow, now=now, change_id=change_id).as_dict()  # type: ignore[arg-type]


def _deleter(segment: str) -> Any:
    def api_delete(record_id: int, uow: WriteUow) -> Response:
        delete_record(uow=uow, kind=KINDS[segment], record_id=record_id)  # type: ignore[arg-type]
        return Response(status_code=204)

    api_delete.__name__ = f"api_{segment}_delete"
    return api_delete


for _segment in ("checkins", "followups", "results", "attempts", "people"):
    router.add_api_route(
        f"/{_segment}/{{record_id}}",
        _deleter(_segment),
        methods=["DELETE"],
        status_code=204,
        summary=f"Delete one of your {_segment} (derived data follows; undo brings it back)",
    )


@router.patch("/interactions/{record_id}", summary="Correct a logged moment")
def api_interaction_patch(
    record_id: int, body: InteractionPatch, uow: WriteUow, now: Now
) -> dict[str, Any]:
    record = edit_interaction(
        uow=uow,  # type: ignore[arg-type]
        now=now,
        interaction_id=record_id,
        kind_id=body.kind,
        with_names=body.with_,
        with_other=body.with_other,
        alone=body.alone,
        minutes=body.minutes,
        quality=body.quality,
        meaningful=body.meaningful,
        note=body.note,
        when=body.when,
    )
    return record_dict(record)


@router.patch("/checkins/{record_id}", summary="Correct a check-in")
def api_checkin_patch(record_id: int, body: CheckInPatch, uow: WriteUow) -> dict[str, Any]:
    fields = body.model_dump(exclude_none=True)
    record = edit_checkin(uow=uow, checkin_id=record_id, **fields)  # type: ignore[arg-type]
    return record_dict(record)


@router.patch("/attempts/{record_id}", summary="Correct a ladder attempt")
def api_attempt_patch(record_id: int, body: AttemptPatch, uow: WriteUow) -> dict[str, Any]:
    fields = body.model_dump(exclude_none=True)
    record = edit_attempt(uow=uow, attempt_id=record_id, **fields)  # type: ignore[arg-type]
    return record_dict(record)


@router.post("/people/{person_id}/unignore", summary="Take someone ignored back into triage")
def api_unignore(person_id: int, uow: WriteUow) -> dict[str, Any]:
    person = unignore(uow=uow, ref=person_id)  # type: ignore[arg-type]
    return {"id": person.id, "name": person.name, "status": person.status.value}


def install(web: FastAPI) -> None:
    web.include_router(router)
