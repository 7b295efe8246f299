"""Merging two people in the web: choose the other one, see the result, confirm (HTML and JSON).

``GET /people/{id}/merge`` lists who could be merged into them; with ``?other=ID`` it shows the
merged person and what moves with the other, and a confirm button that posts the merge. The JSON
API answers the same preview (``GET /api/people/{id}/merge/{other}``) and does the merge
(``POST``), one transaction each.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response

from kithkin.domain.bounds import text_out_of_range
from kithkin.domain.errors import InputError
from kithkin.services.people import resolve
from kithkin.services.people_merge import merge_people, preview_merge
from kithkin.web.deps import Form, ReadUow, WriteUow, api_router
from kithkin.web.render import redirect, render

pages = APIRouter(include_in_schema=False)
api = api_router("kithkin")


@pages.get("/people/{person_id}/merge")
def merge_page(request: Request, person_id: int, uow: ReadUow) -> Response:
    person = resolve(uow=uow, ref=person_id)
    raw = request.query_params.get("other", "")
    context: dict[str, Any] = {"person": person, "preview": None, "error": ""}
    if raw.isdigit() and not text_out_of_range(raw):
        try:
            context["preview"] = preview_merge(uow=uow, keep=person_id, other=int(raw))
        except InputError as exc:
            context["error"] = exc.message
    if context["preview"] is None:
        entries = sorted(uow.people.name_entries(), key=lambda e: e.name.casefold())
        context["others"] = [e for e in entries if e.id != person_id]
    return render(request, "person_merge.html", context)


@pages.post("/people/{person_id}/merge")
def merge_post(person_id: int, form: Form, uow: WriteUow) -> Response:
    other = str(form.get("other", ""))
    if not other.isdigit() or text_out_of_range(other):
        return redirect(f"/people/{person_id}/merge")
    merge_people(uow=uow, keep=person_id, other=int(other))
    return redirect(f"/people/{person_id}?saved=merged")


@api.get("/people/{person_id}/merge/{other_id}", summary="Preview merging two people")
def api_merge_preview(person_id: int, other_id: int, uow: ReadUow) -> dict[str, Any]:
    return preview_merge(uow=uow, keep=person_id, other=other_id).as_dict()


@api.post("/people/{person_id}/merge/{other_id}", summary="Merge someone into this person")
def api_merge(person_id: int, other_id: int, uow: WriteUow) -> dict[str, Any]:
    return merge_people(uow=uow, keep=person_id, other=other_id).as_dict()


def install(web: FastAPI) -> None:
    web.include_router(pages)
    web.include_router(api)
