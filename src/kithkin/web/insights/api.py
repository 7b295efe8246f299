"""The JSON API for insights and the connection experiment (the pages' data, as JSON)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import Field

from kithkin.services import experiments
from kithkin.services.insights import message_text, personal_insights
from kithkin.web import schemas as s
from kithkin.web.deps import Now, ReadUow, WriteUow, api_router

router = api_router("insights")


class ExperimentIn(s.Strict):
    consent: bool = Field(description="Explicit agreement to take part; required to be true.")
    days: int | None = Field(
        None,
        ge=14,
        le=366,
        description="Length in days; default: the days for 80% power (/api/experiment/plan).",
    )
    seed: int | None = Field(None, description="Seed for the coin flips (reproducible).")


@router.get(
    "/insights",
    summary="Your patterns: mood and stress on social days, by kind, dose and person",
    description=(
        "Comparisons carry a status: `not_enough_data` (no estimates, only day counts), "
        "`early` (label `rough`) or `ok`. Differences are patterns, not proof of cause."
    ),
)
def api_insights(uow: ReadUow, now: Now) -> dict[str, Any]:
    return personal_insights(uow=uow, now=now).as_dict()


@router.get(
    "/experiment/plan",
    summary="Days needed to find a 1-point mood difference with 80% power, and the default length",
)
def api_experiment_plan(uow: ReadUow, now: Now) -> dict[str, Any]:
    return experiments.length_plan(uow=uow, now=now).as_dict()


@router.get("/experiment", summary="The current (or last) experiment and today's assignment")
def api_experiment(uow: ReadUow, now: Now) -> dict[str, Any]:
    return experiments.status(uow=uow, now=now).as_dict()


@router.get(
    "/experiment/report",
    summary="The experiment's estimate, randomization p-value and what its design can say",
)
def api_experiment_report(uow: ReadUow, now: Now) -> dict[str, Any]:
    result = experiments.report(uow=uow, now=now)
    data = result.as_dict()
    data["report"]["messages"] = [
        {**m.as_dict(), "text": message_text(m)} for m in result.report.messages
    ]
    return data


@router.post(
    "/experiment",
    status_code=201,
    summary="Start an experiment (consent required; 409 while one is running)",
)
def api_experiment_start(body: ExperimentIn, uow: WriteUow, now: Now) -> dict[str, Any]:
    view = experiments.start(uow=uow, now=now, consent=body.consent, days=body.days, seed=body.seed)
    return view.as_dict()


@router.post("/experiment/stop", summary="Stop the running experiment (404 when none runs)")
def api_experiment_stop(uow: WriteUow, now: Now) -> dict[str, Any]:
    return experiments.stop(uow=uow, now=now).as_dict()


def install(web: FastAPI) -> None:
    web.include_router(router)
