"""The JSON API: each page's data, from the same services, as their ``as_dict()``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from kithkin.domain.model import Profile
from kithkin.services.checkins import check_in
from kithkin.services.followups import add_followup, complete_followup
from kithkin.services.interactions import log_interaction
from kithkin.services.people import (
    add_person,
    followup_dict,
    interaction_dict,
    list_circles,
    people_page,
    person_detail,
    set_circle,
)
from kithkin.services.ports import PeopleQuery
from kithkin.services.profiles import get_profile, init_profile
from kithkin.services.today import today
from kithkin.web import schemas as s
from kithkin.web.deps import AppDep, Now, ReadUow, WriteUow
from kithkin.web.today_cache import ViewCache


def json_writes_only(request: Request) -> None:
    """Writes must be JSON: a cross-origin page cannot send that without a CORS preflight."""
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HTTPException(415, "Send a JSON body (Content-Type: application/json).")


router = APIRouter(
    prefix="/api",
    tags=["kithkin"],
    responses={**s.ERRORS, 415: {"description": "The body is not JSON"}},
    dependencies=[Depends(json_writes_only)],
)


def profile_dict(profile: Profile) -> dict[str, Any]:
    return {
        "timezone": profile.timezone,
        "daily_goal": profile.daily_goal,
        "rest_days_per_week": profile.rest_days_per_week,
        "weekday_minutes": profile.weekday_minutes,
        "weekend_minutes": profile.weekend_minutes,
        "barriers": sorted(b.value for b in profile.barriers),
        "started_on": profile.started_on.isoformat() if profile.started_on else None,
    }


@router.get("/today", summary="Today: Power of One, follow-ups, birthdays, who is due")
def api_today(request: Request, app: AppDep, now: Now) -> Response:
    cache: ViewCache = request.app.state.today_cache
    body = cache.get(owner=app.owner_id, kind="api", version=app.data_version(), now=now)
    if body is not None:
        return Response(body, media_type="application/json")
    with app.uow() as uow:
        version = uow.data_version()
        view = today(uow=uow, now=now)
        body = bytes(JSONResponse(view.as_dict()).body)
        if uow.data_version() == version:  # nothing committed meanwhile
            cache.put(
                owner=uow.owner_id,
                kind="api",
                version=version,
                day=view.day,
                timezone=view.profile.timezone,
                value=body,
            )
    return Response(body, media_type="application/json")


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


@router.post("/interactions", status_code=201, summary="Log an interaction")
def api_log(body: s.InteractionIn, uow: WriteUow, now: Now) -> dict[str, Any]:
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
    )
    names = {p.id: p.display_name for p in logged.people if p.id is not None}
    return interaction_dict(logged.interaction, names)


@router.post(
    "/checkins",
    summary="Save today's check-in (a second one changes only the fields it names)",
    description=(
        "The day's first check-in needs mood and stress. Later ones change only the fields "
        "present in the body; a field set to null removes the stored value (energy, "
        "sleep_hours, note)."
    ),
)
def api_checkin(body: s.CheckInIn, uow: WriteUow, now: Now, response: Response) -> dict[str, Any]:
    nulls = {name for name in body.model_fields_set if getattr(body, name) is None}
    clear = sorted({"sleep_hours": "sleep"}.get(name, name) for name in nulls - {"date"})
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
    )
    c = result.checkin
    response.status_code = 201 if result.created else 200
    return {
        "date": c.day.isoformat(),
        "mood": c.mood,
        "stress": c.stress,
        "energy": c.energy,
        "sleep_hours": c.sleep_hours,
        "note": c.note,
        "created": result.created,
    }


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


@router.get("/profile", summary="Your profile")
def api_profile(uow: ReadUow) -> dict[str, Any]:
    return profile_dict(get_profile(uow=uow))


@router.put("/profile", summary="Create or change your profile (onboarding)")
def api_profile_put(body: s.ProfileIn, uow: WriteUow, now: Now) -> dict[str, Any]:
    from kithkin.services.profiles import parse_barriers

    fields = body.model_dump(exclude={"barriers"})
    barriers = parse_barriers(b.value for b in body.barriers)
    return profile_dict(init_profile(uow=uow, now=now, barriers=barriers, **fields))


@router.get("/circles", summary="Circles and their keep-in-touch cadence")
def api_circles(uow: ReadUow) -> list[dict[str, Any]]:
    return [{"name": c.name, "cadence_days": c.cadence_days} for c in list_circles(uow=uow)]


@router.put("/circles/{name}", summary="Create a circle or change its cadence")
def api_circle_put(name: str, body: s.CircleIn, uow: WriteUow) -> dict[str, Any]:
    circle = set_circle(uow=uow, name=name, cadence_days=body.cadence_days)
    return {"name": circle.name, "cadence_days": circle.cadence_days}
