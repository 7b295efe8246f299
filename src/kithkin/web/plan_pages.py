"""HTML for the planner: today's suggestion cards (done, skip, snooze), the week, "suggest for
N minutes", and the action catalogue with your own actions."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.catalogue import CHANNELS, GROUPS, MINUTES, NEEDS, SELFCARE
from kithkin.domain.errors import ConflictError, InputError, KithkinError
from kithkin.domain.model import KINDS
from kithkin.domain.questionnaires import INSTRUMENTS
from kithkin.services.planning import add_action, load_actions
from kithkin.services.planning_ports import PlanningUnitOfWork
from kithkin.services.profiles import get_profile
from kithkin.services.suggestions import (
    SuggestionView,
    mark_done,
    skip,
    snooze,
    suggest,
    todays_plan,
    week_plan,
)
from kithkin.services.today import today
from kithkin.web import forms
from kithkin.web.deps import Form, Now
from kithkin.web.errors import status_for
from kithkin.web.pages import redirect, today_context
from kithkin.web.plan_deps import PlanReadUow, PlanWriteUow
from kithkin.web.render import render

router = APIRouter(include_in_schema=False)

SNOOZE_CHOICES = (1, 2, 3, 7, 14, 30)
SUGGEST_CHOICES = (2, 5, 10, 20, 30, 60)
DONE_FIELDS = {
    "minutes": "minutes",
    "quality": "quality",
    "mood before": "mood_before",
    "mood after": "mood_after",
    "when": "when",
}
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


def card_choices(uow: PlanningUnitOfWork) -> dict[str, Any]:
    """What every suggestion card needs besides the suggestion: choices, and the user's clock."""
    zone = ZoneInfo(get_profile(uow=uow).timezone)

    def local_time(at: datetime) -> str:
        return at.astimezone(zone).strftime("%H:%M")

    return {"snooze_choices": SNOOZE_CHOICES, "kinds": KINDS, "local_time": local_time}


def today_extras(*, uow: PlanningUnitOfWork, now: datetime) -> dict[str, Any]:
    """The Today page's plan section (today's plan is stored on first sight)."""
    plan = todays_plan(uow=uow, now=now)
    return {"plan": plan, "cards": {}, "instruments": INSTRUMENTS, **card_choices(uow)}


def _card(
    request: Request,
    uow: Any,
    now: Any,
    s: SuggestionView,
    card: dict[str, Any],
    *,
    status: int = 200,
    power: bool = False,
) -> Response:
    """The card alone for htmx (and the Power of One section out of band after 'done');
    the whole Today page otherwise."""
    if not request.headers.get("hx-request"):
        if status < 400:
            return redirect(f"/#suggestion-{s.rank}")
        context = today_context(request, uow, now)
        context["cards"] = {s.rank: card}
        return render(request, "today.html", context, status=status)
    context = {"s": s, "card": card, **card_choices(uow)}
    if power:
        context["power_view"] = today(uow=uow, now=now, due_shown=0)
    return render(request, "_suggestion.html", context, status=status)


def _failed(
    request: Request, uow: Any, now: Any, number: int, *, exc: KithkinError, card: dict[str, Any]
) -> Response:
    """Re-render the card with the message; an unknown number has no card to show."""
    found = [s for s in todays_plan(uow=uow, now=now).suggestions if s.rank == number]
    if not found:
        raise exc
    return _card(request, uow, now, found[0], card, status=status_for(exc))


@router.post("/plan/today/{number}/done")
def done_post(request: Request, number: int, form: Form, uow: PlanWriteUow, now: Now) -> Response:
    values = forms.values(form)
    try:
        result = mark_done(
            uow=uow,
            now=now,
            number=number,
            minutes=forms.opt_int(form, "minutes"),
            quality=forms.opt_int(form, "quality"),
            mood_before=forms.opt_int(form, "mood_before", label="mood before"),
            mood_after=forms.opt_int(form, "mood_after", label="mood after"),
            note=forms.text(form, "note"),
            when=forms.text(form, "when") or None,
        )
    except InputError as exc:
        errors = forms.field_errors(exc, DONE_FIELDS)
        card = {"errors": errors, "values": values, "open": True}
        return _failed(request, uow, now, number, exc=exc, card=card)
    except ConflictError as exc:
        return _failed(request, uow, now, number, exc=exc, card={"message": exc.message})
    card = {"message_key": "web.plan.done_saved"}
    return _card(request, uow, now, result.suggestion, card, power=True)


@router.post("/plan/today/{number}/skip")
def skip_post(request: Request, number: int, _form: Form, uow: PlanWriteUow, now: Now) -> Response:
    try:
        s = skip(uow=uow, now=now, number=number)
    except (InputError, ConflictError) as exc:
        return _failed(request, uow, now, number, exc=exc, card={"message": exc.message})
    return _card(request, uow, now, s, {})


@router.post("/plan/today/{number}/snooze")
def snooze_post(request: Request, number: int, form: Form, uow: PlanWriteUow, now: Now) -> Response:
    try:
        days = forms.req_int(form, "days", default=3)
        s = snooze(uow=uow, now=now, number=number, days=days)
    except (InputError, ConflictError) as exc:
        return _failed(request, uow, now, number, exc=exc, card={"message": exc.message})
    return _card(request, uow, now, s, {})


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
