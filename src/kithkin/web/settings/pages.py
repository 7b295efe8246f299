"""HTML for your profile: onboarding (Welcome) and Settings (profile and circles)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.errors import InputError, NotInitialised
from kithkin.domain.model import Barrier, Profile
from kithkin.services.people import list_circles, set_circle
from kithkin.services.profiles import get_profile, init_profile
from kithkin.web import forms
from kithkin.web.deps import AppDep, Form, Now, ReadUow, WriteUow
from kithkin.web.insights.instruments import offers
from kithkin.web.render import redirect, render
from kithkin.web.today.context import flash

router = APIRouter(include_in_schema=False)

PROFILE_FIELDS = {
    "timezone": "timezone",
    "daily goal": "daily_goal",
    "rest days per week": "rest_days",
    "weekday minutes": "weekday_minutes",
    "weekend minutes": "weekend_minutes",
    "barrier": "barriers",
}


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
def settings_page(request: Request, app: AppDep, uow: ReadUow) -> Response:
    context = _settings_context(uow, _profile_values(get_profile(uow=uow)), {})
    # questionnaires whose questions the user supplies (their licences keep kithkin from it)
    own = [o for o in offers(app.item_places()) if not o.instrument.item_text_shipped]
    return render(request, "settings.html", {**context, "flash": flash(request), "own": own})


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
