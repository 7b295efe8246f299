"""Today's suggestion cards: done, skip, snooze (htmx swaps the card; without htmx the whole
Today page)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.errors import ConflictError, InputError, KithkinError
from kithkin.services.suggestions import SuggestionView, mark_done, skip, snooze, todays_plan
from kithkin.services.today import today
from kithkin.web import forms
from kithkin.web.deps import Form, Now
from kithkin.web.errors import status_for
from kithkin.web.plan.context import card_choices
from kithkin.web.plan.deps import PlanWriteUow
from kithkin.web.render import redirect, render
from kithkin.web.today.context import today_context

router = APIRouter(include_in_schema=False)

DONE_FIELDS = {
    "minutes": "minutes",
    "quality": "quality",
    "mood before": "mood_before",
    "mood after": "mood_after",
    "when": "when",
}


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
