"""Follow-ups across everyone (soonest first), and changing when one is due."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.errors import InputError
from kithkin.services.followups import set_followup_due
from kithkin.web import forms
from kithkin.web.deps import Form, Now, ReadUow, WriteUow
from kithkin.web.people.context import followups_context, person_context
from kithkin.web.render import redirect, render

router = APIRouter(include_in_schema=False)


@router.get("/followups")
def followups_page(request: Request, uow: ReadUow) -> Response:
    return render(request, "followups.html", followups_context(uow), partial="_followups_list.html")


@router.post("/followups/{followup_id}/due")
def followup_due(
    request: Request, followup_id: int, form: Form, uow: WriteUow, now: Now
) -> Response:
    """A new due date (empty: none). Errors go beside the date field of that follow-up."""

    raw = forms.text(form, "due") or None
    try:
        view = set_followup_due(uow=uow, now=now, followup_id=followup_id, due=raw)
    except InputError as exc:
        found = uow.followups.get(followup_id)
        assert found is not None  # a missing follow-up raises FollowUpNotFound (404) instead
        context = person_context(uow, found.person_id, now)
        context["due_errors"] = {followup_id: exc.message}
        context["due_values"] = {followup_id: raw or ""}
        return render(request, "person.html", context, status=422, partial="_followups.html")
    assert view.person.id is not None
    if not request.headers.get("hx-request"):
        return redirect(f"/people/{view.person.id}")
    return render(request, "_followups.html", person_context(uow, view.person.id, now))
