"""HTML pages for people: the list (searchable, paginated), a person, their follow-ups."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kithkin.domain.errors import InputError
from kithkin.domain.model import PersonStatus
from kithkin.services.followups import add_followup, complete_followup
from kithkin.services.people import (
    PeoplePage,
    add_person,
    list_circles,
    list_people,
    people_page,
)
from kithkin.services.ports import PeopleQuery, UnitOfWork
from kithkin.services.today import today
from kithkin.web import forms
from kithkin.web.cache.registry import cached
from kithkin.web.cache.store import Rendered, cached_response
from kithkin.web.deps import Form, Now, ReadUow, WriteUow
from kithkin.web.people.context import followups_context, person_context
from kithkin.web.render import csrf_token, redirect, render

router = APIRouter(include_in_schema=False)


def people_kind(query: str, fragment: bool) -> str:
    """One entry per raw query string (the page's parameters are parsed from it; the parsed
    ``request.url.query`` drops whatever follows a raw "#"), and htmx's fragment apart."""
    return f"people?{query}" + (" fragment" if fragment else "")


PEOPLE = cached("/people", key=people_kind)

PAGE_SIZE = 50
PERSON_FLASH = {
    "added": "web.person.added",
    "edited": "web.person.saved",
    "archived": "web.person.archived",
    "unarchived": "web.person.unarchived",
    "deleted": "web.person.deleted",
    "logged": "web.flash.logged",
}
PERSON_FIELDS = {"name": "name", "circle": "circle", "nickname": "nickname"}
FOLLOWUP_FIELDS = {"text": "text", "when": "due"}


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 1_000_000 else 1


def people_context(request: Request, uow: UnitOfWork, now: Any) -> dict[str, Any]:
    params = request.query_params
    search = params.get("q", "").strip()[:100] or None
    circles = list_circles(uow=uow)
    circle = params.get("circle") or None
    if circle not in {c.name for c in circles}:
        circle = None
    due_only = params.get("due") == "1"
    page = _page_number(params.get("page"))
    offset = (page - 1) * PAGE_SIZE
    found = people_page(
        uow=uow,
        now=now,
        query=PeopleQuery(circle=circle, search=search),
        limit=PAGE_SIZE,
        offset=offset,
        due_only=due_only,
        circles=circles,
    )
    total = found.total
    return {
        "found": found,
        "rows": found.rows,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / PAGE_SIZE)),
        "filters": {"q": search or "", "circle": circle or "", "due": "1" if due_only else ""},
        "circles": circles,
        "triage_count": uow.people.count(PeopleQuery(status=PersonStatus.TRIAGE.value)),
        "values": {"circle": "friends"},
        "errors": {},
    }


@router.get("/people")
def people_list_page(request: Request, now: Now) -> Response:
    """Each page of the list (and htmx's fragment of it) is cached like Today: per owner, data
    version and local day (see ``web.cache``), so paging back and forth reads nothing twice;
    a cached page is answered before the routes (``fast_path``)."""

    def render_page(uow: UnitOfWork, placeholder: str) -> Rendered:
        context = people_context(request, uow, now)
        response = render(
            request,
            "people.html",
            {**context, "csrf_token": placeholder},
            partial="_people_table.html",
        )
        found: PeoplePage = context["found"]
        return Rendered(response, found.day, found.timezone)

    if request.query_params.get("q", "").strip():
        # A search, typed letter by letter: one-off pages, not kept (they would push the pages
        # worth keeping, Today's among them, out of the cache).
        with request.app.state.kithkin.uow() as uow:
            return render_page(uow, csrf_token(request)).response
    return cached_response(request, PEOPLE, now=now, render_page=render_page)


@router.get("/people/options")
def people_options(request: Request, uow: ReadUow, now: Now) -> Response:
    params = request.query_params
    raw = params.get("q") or params.get("with") or ""
    search = raw.split(",")[-1].strip().lstrip("#")[:100] or None
    rows = list_people(uow=uow, now=now, query=PeopleQuery(search=search, limit=20))
    return render(request, "_people_options.html", {"rows": rows})


@router.post("/people")
def person_add(request: Request, form: Form, uow: WriteUow, now: Now) -> Response:
    try:
        person = add_person(
            uow=uow,
            now=now,
            name=forms.text(form, "name"),
            nickname=forms.text(form, "nickname") or None,
            circle=forms.text(form, "circle") or "none",
            notes=forms.text(form, "notes") or None,
        )
    except InputError as exc:
        context = people_context(request, uow, now)
        context["values"] = forms.values(form)
        context["errors"] = forms.field_errors(exc, PERSON_FIELDS, fallback="name")
        return render(request, "people.html", context, status=422)
    return redirect(f"/people/{person.id}?added=1")


@router.get("/people/{person_id}")
def person_page(request: Request, person_id: int, uow: ReadUow, now: Now) -> Response:
    context = person_context(uow, person_id, now)
    params = request.query_params
    saved = "added" if params.get("added") == "1" else params.get("saved", "")
    context["flash"] = PERSON_FLASH.get(saved)
    return render(request, "person.html", context)


@router.post("/people/{person_id}/followups")
def followup_add(request: Request, person_id: int, form: Form, uow: WriteUow, now: Now) -> Response:
    status, errors, values = 200, {}, {}
    try:
        add_followup(
            uow=uow,
            now=now,
            person=str(person_id),
            text=forms.text(form, "text"),
            due=forms.text(form, "due") or None,
        )
    except InputError as exc:
        status, errors = 422, forms.field_errors(exc, FOLLOWUP_FIELDS, fallback="text")
        values = forms.values(form)
    context = {**person_context(uow, person_id, now), "errors": errors, "values": values}
    if status == 200 and not request.headers.get("hx-request"):
        return redirect(f"/people/{person_id}")
    return render(request, "person.html", context, status=status, partial="_followups.html")


@router.post("/followups/{followup_id}/done")
def followup_done(
    request: Request, followup_id: int, form: Form, uow: WriteUow, now: Now
) -> Response:
    view = complete_followup(uow=uow, followup_id=followup_id, done=not forms.checked(form, "undo"))
    back = forms.text(form, "back")
    if not request.headers.get("hx-request"):
        back_to = {"today": "/", "followups": "/followups"}
        return redirect(back_to.get(back, f"/people/{view.person.id}"))
    if back == "today":
        return render(request, "_today_followups.html", {"view": today(uow=uow, now=now)})
    if back == "followups":
        return render(request, "_followups_list.html", followups_context(uow))
    assert view.person.id is not None
    return render(request, "_followups.html", person_context(uow, view.person.id, now))
