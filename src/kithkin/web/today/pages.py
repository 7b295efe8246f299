"""HTML pages for the daily loop: Today, Log, Check-in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.errors import InputError, NotFoundError
from kithkin.domain.model import KINDS
from kithkin.services.checkins import check_in, cleared_on_the_web, todays_checkin
from kithkin.services.interactions import OldInteraction, log_interaction
from kithkin.services.ports import UnitOfWork
from kithkin.web import forms
from kithkin.web.cache.registry import always, cached
from kithkin.web.cache.store import Rendered, cached_response
from kithkin.web.deps import AppDep, Form, Now, ReadUow, WriteUow
from kithkin.web.people.context import person_context
from kithkin.web.render import redirect, render, safe_next
from kithkin.web.today import quick
from kithkin.web.today.context import flash, today_context

router = APIRouter(include_in_schema=False)


def _today(request: Request, uow: UnitOfWork, placeholder: str, now: datetime) -> Rendered:
    """The Today page as the cache keeps it (its CSRF token a placeholder)."""
    context = today_context(request, uow, now)
    view = context["view"]
    response = render(request, "today.html", {**context, "csrf_token": placeholder})
    return Rendered(response, view.day, view.profile.timezone)


# Only without a query string from the cache: ``?saved=`` shows a flash message.
TODAY = cached("/", key=always("page"), with_query=False, page=_today)

LOG_FIELDS = {
    "with": "with",
    "minutes": "minutes",
    "quality": "quality",
    "mood before": "mood_before",
    "mood after": "mood_after",
    "kind": "kind",
    "when": "when",
}
CHECKIN_FIELDS = {
    "mood": "mood",
    "stress": "stress",
    "energy": "energy",
    "sleep hours": "sleep_hours",
    "when": "day",
}


@router.get("/")
def today_page(request: Request, app: AppDep, now: Now) -> Response:
    """Writes only the first time each day: today's plan is stored on first sight.

    The computed page is cached per owner, data version and local day (see ``web.cache``);
    a cached page is usually answered before the routes (``fast_path``)."""
    if request.query_params.get("saved"):  # a flash message: rare, rendered afresh
        with app.uow(write=True) as uow:
            return render(request, "today.html", today_context(request, uow, now))
    return cached_response(request, TODAY, now=now, write=True)


def _log_context(values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    return {"kinds": KINDS, "values": values, "errors": errors}


@router.get("/log")
def log_page(request: Request) -> Response:
    values = {"with": request.query_params.get("with", ""), "kind": "text"}
    return render(request, "log.html", _log_context(values, {}))


@router.post("/log")
def log_post(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    values = forms.values(form)
    try:
        if not quick.with_names(form):  # a stray tap must not count the day's connection
            on_today = forms.text(form, "next") == "/"
            raise (quick.NobodyChosen if on_today else quick.NobodyNamed)(field="with")
        log_interaction(
            uow=uow,
            now=now,
            kind_id=forms.text(form, "kind") or "other",
            with_names=quick.with_names(form),
            minutes=forms.opt_int(form, "minutes"),
            quality=forms.opt_int(form, "quality"),
            mood_before=forms.opt_int(form, "mood_before", label="mood before"),
            mood_after=forms.opt_int(form, "mood_after", label="mood after"),
            meaningful=not forms.checked(form, "not_meaningful"),
            note=forms.text(form, "note"),
            when=forms.text(form, "when") or None,
            confirm_old=forms.checked(form, "confirm_old"),
        )
    except OldInteraction as exc:  # a confirm box appears next to the date
        values["ask_confirm_old"] = True
        return render(request, "log.html", _log_context(values, {"when": exc.message}), status=422)
    except InputError as exc:
        errors = forms.field_errors(exc, LOG_FIELDS)
        if forms.text(form, "next") == "/":  # Today's quick log: Today again, form kept
            return _today_with_errors(request, uow, now, quick.kept_quick_log(form), errors)
        person_id = quick.person_page(forms.text(form, "next"))
        if person_id is not None:  # a person's quick log: their page again, form kept
            found = _person_with_errors(request, uow, now, person_id, values=values, errors=errors)
            if found is not None:
                return found
        values["with"] = ", ".join(quick.with_names(form))  # every chip, kept as typed names
        return render(request, "log.html", _log_context(values, errors), status=422)
    return redirect(safe_next(forms.text(form, "next"), "/") + "?saved=logged")


def _today_with_errors(
    request: Request, uow: UnitOfWork, now: Any, values: dict[str, Any], errors: dict[str, str]
) -> Response:
    """Today as the user left it, with the quick log's errors (summary on top, each beside its
    field) and the quick log filled in again. Nothing of the log was written: the service
    checks everything before its first write."""
    context = {**today_context(request, uow, now), "values": values, "errors": errors, "path": "/"}
    return render(request, "today.html", context, status=422)


def _person_with_errors(
    request: Request,
    uow: UnitOfWork,
    now: Any,
    person_id: int,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
) -> Response | None:
    """The person's page with its quick log's errors (summary on top, each beside its field)
    and the form kept; None when the person is gone (the Log page explains then)."""
    try:
        context = person_context(uow, person_id, now)
    except NotFoundError:
        return None
    shown = {k if k in ("kind", "minutes", "note") else "form": v for k, v in errors.items()}
    context.update(values=values, errors=shown)
    return render(request, "person.html", context, status=422)


@router.get("/checkin")
def checkin_page(request: Request, uow: ReadUow, now: Now) -> Response:
    current = todays_checkin(uow=uow, now=now)
    values = {"mood": current.mood, "stress": current.stress} if current else {}
    context = {"current": current, "values": values, "errors": {}, "flash": flash(request)}
    return render(request, "checkin.html", context)


@router.post("/checkin")
def checkin_post(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    values = forms.values(form)
    # the day's first check-in needs a mood and a stress the user chose (nothing preselected)
    first = todays_checkin(uow=uow, now=now) is None
    try:
        # A field the form does not send keeps the stored value; one sent empty removes it
        # (mood and stress left unchosen keep theirs: radio buttons send nothing).
        optional = ("energy", "sleep_hours", "note")
        clear = cleared_on_the_web({f: forms.text(form, f) for f in optional if f in form})

        def chosen(field: str) -> int | None:
            if first or forms.text(form, field):
                return quick.req_choice(form, field, low=1, high=10)
            return None

        result = check_in(
            uow=uow,
            now=now,
            mood=chosen("mood"),
            stress=chosen("stress"),
            energy=forms.opt_int(form, "energy"),
            sleep_hours=quick.opt_float(form, "sleep_hours", label="sleep hours"),
            note=forms.text(form, "note") or None,
            clear=clear,
        )
    except InputError as exc:
        errors = forms.field_errors(exc, CHECKIN_FIELDS)
        if isinstance(exc, quick.MissingChoice):  # every unchosen scale at once, not one a time
            for field in ("mood", "stress"):
                if field not in errors and first and forms.opt_int(form, field) is None:
                    errors[field] = quick.MissingChoice(field=field, low=1, high=10).message
        context = {"current": None, "values": values, "flash": None, "errors": errors}
        return render(request, "checkin.html", context, status=422, partial="_checkin_form.html")
    if request.headers.get("hx-request"):
        return render(request, "_checkin_saved.html", {"result": result})
    return redirect("/?saved=checkin")


@router.get("/today/calendars")
def calendars_notice(request: Request, app: AppDep, uow: ReadUow) -> Response:
    """A calm notice for each registered calendar that cannot be read (empty when all read);
    the Today page asks for it when it loads, so it is never older than the page view."""
    from kithkin.formats.feed import calendar_trouble
    from kithkin.services.calendar_health import unreadable_calendars

    limit = app.settings.max_file_mb
    found = unreadable_calendars(
        sources=uow.calendars.find(), check=lambda path: calendar_trouble(path, limit_mb=limit)
    )
    return render(request, "_calendar_notice.html", {"unreadable": found})
