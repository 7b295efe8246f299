"""What the Today page shows: the day's view, its flash message and the plan's cards."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from kithkin.domain.model import KINDS
from kithkin.services.today import today
from kithkin.web.insights.instruments import only_takeable
from kithkin.web.plan.context import today_extras
from kithkin.web.today import quick

FLASH = {
    "logged": "web.flash.logged",
    "checkin": "web.flash.checkin",
    "profile": "web.flash.profile",
    "circle": "web.flash.circle",
    "welcome": "web.flash.welcome",
    "undone": "web.flash.undone",
    "person_deleted": "web.flash.person_deleted",
    "moment_edited": "web.flash.moment_edited",
}


def flash(request: Request) -> str | None:
    return FLASH.get(request.query_params.get("saved", ""))


def today_context(request: Request, uow: Any, now: Any) -> dict[str, Any]:
    view = today(uow=uow, now=now)
    if view.questionnaires_due:  # suggested only when it can be taken (its questions are here)
        view = only_takeable(view, request.app.state.kithkin.item_places())
    context = {"view": view, "kinds": KINDS, "flash": flash(request), "errors": {}, "values": {}}
    extras = today_extras(uow=uow, now=now)
    chips = quick.quick_people(uow=uow, plan=extras["plan"], due=[d.person for d in view.due])
    # The page is cached for the day; whether a calendar reads is asked afresh by the page
    # (``/today/calendars``), so a file that breaks at noon is reported at noon.
    has_calendars = bool(uow.calendars.find())
    return {
        **context,
        **extras,
        "chips": chips,
        "kind_chips": quick.KIND_CHIPS,
        "has_calendars": has_calendars,
    }
