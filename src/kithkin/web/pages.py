"""HTML pages for the daily loop: onboarding, Today, Log, Check-in, Settings."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from kithkin.domain.errors import InputError, NotInitialised
from kithkin.domain.model import KINDS, Barrier, Profile
from kithkin.services.checkins import check_in, todays_checkin
from kithkin.services.interactions import log_interaction
from kithkin.services.people import list_circles, set_circle
from kithkin.services.ports import UnitOfWork
from kithkin.services.profiles import get_profile, init_profile
from kithkin.services.today import today
from kithkin.web import forms, quick
from kithkin.web.deps import AppDep, Form, Now, ReadUow, WriteUow
from kithkin.web.render import render
from kithkin.web.today_cache import Rendered, cached_page

router = APIRouter(include_in_schema=False)

FLASH = {
    "logged": "web.flash.logged",
    "checkin": "web.flash.checkin",
    "profile": "web.flash.profile",
    "circle": "web.flash.circle",
    "welcome": "web.flash.welcome",
}
LOG_FIELDS = {
    "with": "with",
    "minutes": "minutes",
    "quality": "quality",
    "mood before": "mood_before",
    "mood after": "mood_after",
    "kind": "kind",
    "when": "when",
}
PROFILE_FIELDS = {
    "timezone": "timezone",
    "daily goal": "daily_goal",
    "rest days per week": "rest_days",
    "weekday minutes": "weekday_minutes",
    "weekend minutes": "weekend_minutes",
    "barrier": "barriers",
}
CHECKIN_FIELDS = {
    "mood": "mood",
    "stress": "stress",
    "energy": "energy",
    "sleep hours": "sleep_hours",
    "when": "day",
}


def flash(request: Request) -> str | None:
    return FLASH.get(request.query_params.get("saved", ""))


def redirect(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


def safe_next(value: str, default: str) -> str:
    """Only local paths: never redirect to another site."""
    return value if value.startswith("/") and not value.startswith("//") else default


def today_context(request: Request, uow: Any, now: Any) -> dict[str, Any]:
    from kithkin.web.plan_pages import today_extras

    view = today(uow=uow, now=now)
    context = {"view": view, "kinds": KINDS, "flash": flash(request), "errors": {}, "values": {}}
    extras = today_extras(uow=uow, now=now)
    chips = quick.quick_people(uow=uow, plan=extras["plan"], due=[d.person for d in view.due])
    return {**context, **extras, "chips": chips, "kind_chips": quick.KIND_CHIPS}


@router.get("/")
def today_page(request: Request, app: AppDep, now: Now) -> Response:
    """Writes only the first time each day: today's plan is stored on first sight.

    The computed page is cached per owner, data version and local day (see ``today_cache``);
    a cached page is usually answered before the routes (``fast_path``)."""
    if request.query_params.get("saved"):  # a flash message: rare, rendered afresh
        with app.uow(write=True) as uow:
            return render(request, "today.html", today_context(request, uow, now))

    def render_page(uow: UnitOfWork, placeholder: str) -> Rendered:
        context = today_context(request, uow, now)
        view = context["view"]
        response = render(request, "today.html", {**context, "csrf_token": placeholder})
        return Rendered(response, view.day, view.profile.timezone)

    return cached_page(request, kind="page", now=now, render_page=render_page, write=True)


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
        )
    except InputError as exc:
        errors = forms.field_errors(exc, LOG_FIELDS)
        values["with"] = ", ".join(quick.with_names(form))  # every chip, kept as typed names
        return render(request, "log.html", _log_context(values, errors), status=422)
    return redirect(safe_next(forms.text(form, "next"), "/") + "?saved=logged")


@router.get("/checkin")
def checkin_page(request: Request, uow: ReadUow, now: Now) -> Response:
    current = todays_checkin(uow=uow, now=now)
    values = {"mood": current.mood, "stress": current.stress} if current else {}
    context = {"current": current, "values": values, "errors": {}, "flash": flash(request)}
    return render(request, "checkin.html", context)


@router.post("/checkin")
def checkin_post(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    values = forms.values(form)
    try:
        result = check_in(
            uow=uow,
            now=now,
            mood=quick.req_choice(form, "mood", low=1, high=10),
            stress=quick.req_choice(form, "stress", low=1, high=10),
            energy=forms.opt_int(form, "energy"),
            sleep_hours=quick.opt_float(form, "sleep_hours", label="sleep hours"),
            note=forms.text(form, "note"),
        )
    except InputError as exc:
        context = {
            "current": None,
            "values": values,
            "flash": None,
            "errors": forms.field_errors(exc, CHECKIN_FIELDS),
        }
        return render(request, "checkin.html", context, status=422, partial="_checkin_form.html")
    if request.headers.get("hx-request"):
        return render(request, "_checkin_saved.html", {"result": result})
    return redirect("/?saved=checkin")


def _profile_values(profile: Profile) -> dict[str, Any]:
    return {
        "timezone": profile.timezone,
        "daily_goal": profile.daily_goal,
        "rest_days": profile.rest_days_per_week,
        "weekday_minutes": profile.weekday_minutes,
        "weekend_minutes": profile.weekend_minutes,
        "barriers": sorted(b.value for b in profile.barriers),
    }


def _profile_fields(form: Any) -> dict[str, Any]:
    from kithkin.services.profiles import parse_barriers

    return {
        "timezone": forms.text(form, "timezone") or "UTC",
        "daily_goal": forms.req_int(form, "daily_goal", default=1, label="daily goal"),
        "rest_days_per_week": forms.req_int(
            form, "rest_days", default=1, label="rest days per week"
        ),
        "weekday_minutes": forms.req_int(
            form, "weekday_minutes", default=15, label="weekday minutes"
        ),
        "weekend_minutes": forms.req_int(
            form, "weekend_minutes", default=45, label="weekend minutes"
        ),
        "barriers": parse_barriers(forms.many(form, "barriers")),
    }


def _form_values(form: Any) -> dict[str, Any]:
    values: dict[str, Any] = forms.values(form)
    values["barriers"] = forms.many(form, "barriers")
    return values


@router.get("/welcome")
def welcome_page(request: Request, uow: ReadUow) -> Response:
    try:
        values = _profile_values(get_profile(uow=uow))
    except NotInitialised:
        values = _profile_values(Profile(timezone=""))
    return render(request, "welcome.html", {"values": values, "errors": {}, "barriers": Barrier})


@router.post("/welcome")
def welcome_post(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    try:
        init_profile(uow=uow, now=now, **_profile_fields(form))
    except InputError as exc:
        context = {
            "values": _form_values(form),
            "barriers": Barrier,
            "errors": forms.field_errors(exc, PROFILE_FIELDS),
        }
        return render(request, "welcome.html", context, status=422)
    return redirect("/?saved=welcome")


def _settings_context(uow: Any, values: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "values": values,
        "errors": errors,
        "barriers": Barrier,
        "circles": list_circles(uow=uow),
    }


@router.get("/settings")
def settings_page(request: Request, uow: ReadUow) -> Response:
    context = _settings_context(uow, _profile_values(get_profile(uow=uow)), {})
    return render(request, "settings.html", {**context, "flash": flash(request)})


@router.post("/settings/profile")
def settings_profile(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    get_profile(uow=uow)
    try:
        init_profile(uow=uow, now=now, **_profile_fields(form))
    except InputError as exc:
        errors = forms.field_errors(exc, PROFILE_FIELDS)
        context = _settings_context(uow, _form_values(form), errors)
        return render(request, "settings.html", {**context, "flash": None}, status=422)
    return redirect("/settings?saved=profile")


@router.post("/settings/circles")
def settings_circle(request: Request, form: Form, uow: WriteUow) -> Response:
    try:
        days = forms.req_int(form, "cadence_days", default=0, label="cadence_days")
        set_circle(uow=uow, name=forms.text(form, "name"), cadence_days=days)
    except InputError as exc:
        name = forms.text(form, "name").lower()
        key = f"circle-{name}" if name in {c.name for c in list_circles(uow=uow)} else "circle-new"
        errors = forms.field_errors(exc, {"cadence_days": key, "circle name": key}, fallback=key)
        profile_values = _profile_values(get_profile(uow=uow))
        context = _settings_context(uow, profile_values, errors)
        return render(request, "settings.html", {**context, "flash": None}, status=422)
    return redirect("/settings?saved=circle")
