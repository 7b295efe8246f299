"""The JSON API of the daily loop: Today and the check-in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from kithkin.formats.questionnaire_items import only_takeable
from kithkin.services.checkins import check_in, cleared_on_the_web
from kithkin.services.ports import UnitOfWork
from kithkin.services.serial.checkin import checkin_dict
from kithkin.services.today import today
from kithkin.web import schemas as s
from kithkin.web.cache.registry import JSON, always, cached
from kithkin.web.cache.store import Rendered, cached_response
from kithkin.web.deps import Now, WriteUow, api_router


def _today_json(request: Request, uow: UnitOfWork, _placeholder: str, now: datetime) -> Rendered:
    view = today(uow=uow, now=now)
    if view.questionnaires_due:  # suggested only when it can be taken, as on the page
        view = only_takeable(view, request.app.state.kithkin.item_places())
    return Rendered(JSONResponse(view.as_dict()), view.day, view.profile.timezone)


TODAY_JSON = cached(
    "/api/today", key=always("api"), media_type=JSON, with_query=False, page=_today_json
)
router = api_router("kithkin")


@router.get("/today", summary="Today: Power of One, follow-ups, birthdays, who is due")
def api_today(request: Request, now: Now) -> Response:
    return cached_response(request, TODAY_JSON, now=now)


@router.post(
    "/checkins",
    summary="Save today's check-in (a second one changes only the fields it names)",
    description=(
        "The day's first check-in needs mood and stress. Later ones change only the fields "
        "present in the body; a field set to null removes the stored value (energy, "
        "sleep_hours, note). A check-in from an offline queue (queued_at) older than the "
        "day's last change is not applied: the stored one is answered (200) with "
        "superseded: true."
    ),
)
def api_checkin(body: s.CheckInIn, uow: WriteUow, now: Now, response: Response) -> dict[str, Any]:
    clear = cleared_on_the_web({name: getattr(body, name) for name in body.model_fields_set})
    result = check_in(
        uow=uow,
        now=now,
        mood=body.mood,
        stress=body.stress,
        energy=body.energy,
        sleep_hours=body.sleep_hours,
        note=body.note,
        day=body.date,
        clear=clear,
        client_id=body.client_id,
        queued_at=body.queued_at,
        sent_at=body.sent_at,
    )
    response.status_code = 201 if result.created else 200
    return checkin_dict(result)
