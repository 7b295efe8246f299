"""HTML for the planner: the week, "suggest for N minutes", and the action catalogue with your
own actions (today's cards are in ``web.today.cards``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.catalogue import CHANNELS, GROUPS, MINUTES, NEEDS, SELFCARE
from kithkin.domain.errors import InputError
from kithkin.domain.model import KINDS
from kithkin.services.planning import add_action, load_actions
from kithkin.services.suggestions import suggest, week_plan
from kithkin.web import forms
from kithkin.web.deps import Form, Now
from kithkin.web.plan.deps import PlanReadUow, PlanWriteUow
from kithkin.web.render import redirect, render

router = APIRouter(include_in_schema=False)

SUGGEST_CHOICES = (2, 5, 10, 20, 30, 60)
ACTION_FIELDS = {
    name: name
    for name in (
        "id",
        "title",
        "how",
        "minutes",
        "channel",
        "kind",
        "social_load",
        "anxiety",
        "group",
        "selfcare",
        "needs",
    )
}
ACTION_FIELDS |= {"social load": "social_load"}


def _minutes(request: Request) -> tuple[int | None, str | None]:
    raw = request.query_params.get("minutes", "").strip()
    if not raw:
        return None, None
    if not raw.isdigit() or not 1 <= int(raw) <= 600:
        return None, "web.suggest.bad_minutes"
    return int(raw), None


def _suggest_context(request: Request, uow: PlanReadUow, now: Any) -> tuple[dict[str, Any], int]:
    minutes, problem = _minutes(request)
    found = None if minutes is None else suggest(uow=uow, now=now, minutes=minutes)
    context = {
        "minutes": minutes,
        "asked": minutes is not None,
        "found": found,
        "problem": problem,
        "suggest_choices": SUGGEST_CHOICES,
    }
    return context, 422 if problem else 200


@router.get("/plan")
def plan_page(request: Request, uow: PlanReadUow, now: Now) -> Response:
    context, status = _suggest_context(request, uow, now)
    context["week"] = week_plan(uow=uow, now=now)
    return render(request, "plan.html", context, status=status)


@router.get("/plan/suggest")
def suggest_part(request: Request, uow: PlanReadUow, now: Now) -> Response:
    context, status = _suggest_context(request, uow, now)
    return render(request, "_suggest_result.html", context, status=status)


def _actions_context(uow: Any, values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "actions": load_actions(uow=uow),
        "added": None,
        "values": values,
        "errors": errors,
        "choices": {
            "minutes": MINUTES,
            "channel": CHANNELS,
            "group": GROUPS,
            "selfcare": SELFCARE,
            "needs": NEEDS,
            "kind": KINDS,
        },
    }


NEW_ACTION = {"minutes": "5", "channel": "async_message", "kind": "text", "group": "one_to_one"}


@router.get("/actions")
def actions_page(request: Request, uow: PlanReadUow) -> Response:
    context = _actions_context(uow, dict(NEW_ACTION), {})
    context["added"] = request.query_params.get("added")
    return render(request, "actions.html", context)


def _action_fields(form: Any) -> dict[str, Any]:
    return {
        "id": forms.text(form, "id").lower(),
        "title": forms.text(form, "title"),
        "how": forms.text(form, "how"),
        "minutes": forms.opt_int(form, "minutes"),
        "channel": forms.text(form, "channel"),
        "kind": forms.text(form, "kind"),
        "social_load": forms.req_int(form, "social_load", default=1, label="social load"),
        "anxiety": forms.req_int(form, "anxiety", default=1),
        "group": forms.text(form, "group") or "one_to_one",
        "selfcare": forms.many(form, "selfcare"),
        "needs": forms.many(form, "needs"),
        "weak_tie": forms.checked(form, "weak_tie"),
    }


@router.post("/actions")
def actions_post(request: Request, form: Form, uow: PlanWriteUow, now: Now) -> Response:
    try:
        action = add_action(uow=uow, now=now, fields=_action_fields(form))
    except InputError as exc:
        values: dict[str, Any] = forms.values(form)
        values["selfcare"] = forms.many(form, "selfcare")
        values["needs"] = forms.many(form, "needs")
        errors = forms.field_errors(exc, ACTION_FIELDS, fallback="id")
        return render(request, "actions.html", _actions_context(uow, values, errors), status=422)
    return redirect(f"/actions?added={action.id}#action-{action.id}")
