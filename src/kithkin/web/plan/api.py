"""The planner's JSON API: today's plan and its actions, the week, "suggest now", the action
catalogue and the exposure ladder. Same services as the pages and the CLI."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from kithkin.domain.catalogue import action_to_mapping
from kithkin.services import ladders
from kithkin.services.people import interaction_dict
from kithkin.services.planning import add_action, load_actions
from kithkin.services.serial.ladder import attempt_after_dict, attempt_before_dict
from kithkin.services.suggestions import mark_done, skip, snooze, suggest, todays_plan, week_plan
from kithkin.web import schemas as s
from kithkin.web.deps import Now, api_router
from kithkin.web.plan import schemas as ps
from kithkin.web.plan.deps import PlanReadUow, PlanWriteUow

router = api_router("planner")


@router.get("/plan/today", summary="Today's plan (stored on first sight, then stable)")
def api_plan_today(uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    return todays_plan(uow=uow, now=now).as_dict()


@router.post(
    "/plan/today/{number}/done",
    summary="Mark suggestion N done: logs it as a meaningful interaction",
    responses={409: {"model": s.ErrorOut, "description": "Already done"}},
)
def api_done(
    number: int, uow: PlanWriteUow, now: Now, body: ps.DoneIn | None = None
) -> dict[str, Any]:
    details = body or ps.DoneIn.model_validate({})
    result = mark_done(uow=uow, now=now, number=number, **details.model_dump())
    view, item = result.suggestion, result.interaction
    names = {view.person.id: view.person.display_name} if view.person and view.person.id else {}
    return {"suggestion": view.as_dict(), "interaction": interaction_dict(item, names)}


@router.post(
    "/plan/today/{number}/skip",
    summary="Set suggestion N aside today",
    responses={409: {"model": s.ErrorOut, "description": "Already done"}},
)
def api_skip(number: int, uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    return skip(uow=uow, now=now, number=number).as_dict()


@router.post(
    "/plan/today/{number}/snooze",
    summary="Hide suggestion N's person from the plan for a few days",
    responses={409: {"model": s.ErrorOut, "description": "Already done"}},
)
def api_snooze(
    number: int, uow: PlanWriteUow, now: Now, body: ps.SnoozeIn | None = None
) -> dict[str, Any]:
    days = (body or ps.SnoozeIn.model_validate({})).days
    return snooze(uow=uow, now=now, number=number, days=days).as_dict()


@router.get("/plan/week", summary="Ideas for the next seven days (not stored)")
def api_week(uow: PlanReadUow, now: Now) -> list[dict[str, Any]]:
    return [day.as_dict() for day in week_plan(uow=uow, now=now)]


@router.get("/suggest", summary="The best thing to do now with the minutes you have (or null)")
def api_suggest(
    uow: PlanReadUow, now: Now, minutes: Annotated[int, Query(ge=1, le=600)] = 5
) -> dict[str, Any] | None:
    found = suggest(uow=uow, now=now, minutes=minutes)
    return None if found is None else found.as_dict()


@router.get("/actions", summary="The action catalogue and your own actions")
def api_actions(uow: PlanReadUow) -> list[dict[str, Any]]:
    return [{**action_to_mapping(a), "custom": a.custom} for a in load_actions(uow=uow)]


@router.post("/actions", status_code=201, summary="Add your own action")
def api_action_add(body: ps.ActionIn, uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    action = add_action(uow=uow, now=now, fields=body.model_dump())
    return {**action_to_mapping(action), "custom": True}


@router.get(
    "/ladder",
    summary="Your exposure ladder: steps, current level, attempts, predicted vs actual",
)
def api_ladder(uow: PlanReadUow) -> dict[str, Any]:
    return ladders.show_ladder(uow=uow).as_dict()


@router.post("/ladder", status_code=201, summary="Build a new ladder (8-15 steps), easiest first")
def api_ladder_create(body: ps.LadderIn, uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    steps = [
        ladders.checked_step(x.description, x.feared_prediction, x.predicted_anxiety)
        for x in body.steps
    ]
    view = ladders.create_ladder_from_steps(uow=uow, now=now, goal=body.goal, steps=steps)
    return view.as_dict()


@router.post("/ladder/attempts", status_code=201, summary="Before an attempt: your prediction")
def api_before(body: ps.BeforeIn, uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    attempt_id = ladders.record_before(uow=uow, now=now, **body.model_dump())
    return attempt_before_dict(attempt_id, body.step)


@router.post(
    "/ladder/attempts/{attempt_id}/after",
    summary="After an attempt: what happened (also logs an interaction)",
    responses={409: {"model": s.ErrorOut, "description": "Already recorded"}},
)
def api_after(attempt_id: int, body: ps.AfterIn, uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    done = ladders.record_after(uow=uow, now=now, attempt_id=attempt_id, **body.model_dump())
    return attempt_after_dict(done)


@router.post(
    "/ladder/up",
    summary="Take the offered next step (never forced)",
    responses={409: {"model": s.ErrorOut, "description": "The next step is not offered yet"}},
)
def api_ladder_up(uow: PlanWriteUow) -> dict[str, Any]:
    return ladders.move_up(uow=uow).as_dict()


@router.post("/ladder/back", summary="Go back one step (always fine)")
def api_ladder_back(uow: PlanWriteUow) -> dict[str, Any]:
    return ladders.move_back(uow=uow).as_dict()
