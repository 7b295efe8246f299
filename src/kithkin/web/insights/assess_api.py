"""The questionnaires' JSON API: history, what is due, the questions, taking one, the schedule."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from kithkin.services import questionnaires as qs
from kithkin.web.deps import AppDep, Now, api_router
from kithkin.web.insights.instruments import local_today, offer
from kithkin.web.plan import schemas as ps
from kithkin.web.plan.deps import PlanReadUow, PlanWriteUow

router = api_router("planner")


@router.get("/assessments", summary="Questionnaires: history, what is due, the schedule")
def api_assessments(
    uow: PlanReadUow,
    now: Now,
    instrument: Annotated[str | None, Query(max_length=20)] = None,
) -> dict[str, Any]:
    return {
        "history": [qs.response_dict(r) for r in qs.history(uow=uow, instrument_id=instrument)],
        "due": [d.as_dict() for d in qs.due(uow=uow, today=local_today(uow, now))],
        "schedule": qs.schedule(uow=uow),
    }


@router.get(
    "/assessments/instruments/{instrument_id}",
    summary="A questionnaire's questions, answer labels and attribution",
)
def api_instrument(instrument_id: str, app: AppDep) -> dict[str, Any]:
    return offer(app.item_places(), instrument_id).as_dict()


@router.post("/assessments", status_code=201, summary="Take a questionnaire: scored, then stored")
def api_assess(body: ps.AssessmentIn, uow: PlanWriteUow, now: Now) -> dict[str, Any]:
    done = qs.take(uow=uow, now=now, instrument_id=body.instrument, answers=body.answers)
    return done.as_dict()


@router.put("/assessments/schedule/{instrument_id}", summary="How often a questionnaire is due")
def api_schedule(instrument_id: str, body: ps.ScheduleIn, uow: PlanWriteUow) -> dict[str, int]:
    return qs.set_schedule(uow=uow, instrument_id=instrument_id, every_days=body.every_days)
