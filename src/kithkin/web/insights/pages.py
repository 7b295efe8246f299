"""HTML pages for insights (your patterns, with charts and evidence) and the connection
experiment (start with consent, today's assignment, the report, stop)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response

from kithkin.domain.errors import InputError
from kithkin.domain.model import check_choice
from kithkin.messages import text
from kithkin.services import experiments
from kithkin.services.experiments import plan_message
from kithkin.services.insights import WINDOWS, message_text, personal_insights
from kithkin.web import forms
from kithkin.web.deps import Form, Now, ReadUow, WriteUow, checked_form
from kithkin.web.insights.view import page_context, signed
from kithkin.web.render import add_nav, redirect, render

router = APIRouter(include_in_schema=False)

EXPERIMENT_FIELDS = {"experiment days": "days", "days": "days", "consent": "consent"}
FLASH = {
    "started": "web.experiment.started",
    "stopped": "web.experiment.stopped",
    "undone": "web.flash.undone",  # the flash's Undo comes back here
}


@router.get("/insights")
def insights_page(request: Request, uow: ReadUow, now: Now) -> Response:
    raw = request.query_params.get("window", "90")
    check_choice("window", raw, [str(w) for w in WINDOWS])  # before any work: a 4xx, not a 500
    result = personal_insights(uow=uow, now=now)  # once per request: numpy work
    return render(request, "insights.html", page_context(result, window=int(raw)))


def _experiment_context(uow: Any, now: Any) -> dict[str, Any]:
    plan = experiments.length_plan(uow=uow, now=now)
    plan_line = message_text(plan_message(plan))
    try:
        result = experiments.report(uow=uow, now=now)
    except experiments.NoExperiment:
        return {
            "status": None,
            "report": None,
            "messages": [],
            "plan": plan,
            "plan_line": plan_line,
        }
    return {
        "status": result.status,
        "report": result.report,
        "messages": [message_text(m) for m in result.report.messages],
        "plan": plan,
        "plan_line": plan_line,
    }


@router.get("/insights/experiment")
def experiment_page(request: Request, uow: ReadUow, now: Now) -> Response:
    context = _experiment_context(uow, now)
    flash = FLASH.get(request.query_params.get("saved", ""))
    return render(
        request,
        "experiment.html",
        {**context, "flash": flash, "errors": {}, "values": {"days": context["plan"].default_days}},
    )


@router.post("/insights/experiment/start")
def experiment_start(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    values = forms.values(form)
    try:
        experiments.start(
            uow=uow,
            now=now,
            consent=forms.checked(form, "consent"),
            days=forms.opt_int(form, "days", label="days"),
        )
    except InputError as exc:
        errors = forms.field_errors(exc, EXPERIMENT_FIELDS, fallback="consent")
        if isinstance(exc, experiments.ConsentRequired):
            errors = {"consent": exc.message}
        context = {**_experiment_context(uow, now), "flash": None}
        return render(
            request,
            "experiment.html",
            {**context, "errors": errors, "values": values},
            status=422,
        )
    return redirect("/insights/experiment?saved=started")


@router.post("/insights/experiment/stop", dependencies=[Depends(checked_form)])
def experiment_stop(uow: WriteUow, now: Now) -> Response:
    experiments.stop(uow=uow, now=now)
    return redirect("/insights/experiment?saved=stopped")


def install(web: FastAPI) -> None:
    web.state.templates.env.filters["signed"] = signed
    web.include_router(router)
    add_nav(web, text("nav.insights"), "/insights")
