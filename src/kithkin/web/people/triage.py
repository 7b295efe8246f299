"""Triage of the people an import brought in: the page (paginated, htmx quick buttons) and its
JSON API."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import Field

from kithkin.services.people import list_circles
from kithkin.services.ports import UnitOfWork
from kithkin.services.triage import WIDER, TriageAction, triage_page, triage_person
from kithkin.web import forms
from kithkin.web import schemas as s
from kithkin.web.deps import Form, ReadUow, WriteUow
from kithkin.web.deps import api_router as make_api_router
from kithkin.web.render import redirect, render

router = APIRouter(include_in_schema=False)
api_router = make_api_router("data")

TRIAGE_PAGE_SIZE = 50


class TriageIn(s.Strict):
    action: TriageAction
    circle: str | None = Field(None, max_length=60, description="Needed for `keep`.")


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 1_000_000 else 1


def _triage_context(uow: UnitOfWork, page: int) -> dict[str, Any]:
    rows, total = triage_page(uow=uow, limit=TRIAGE_PAGE_SIZE, offset=(page - 1) * TRIAGE_PAGE_SIZE)
    return {
        "rows": rows,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / TRIAGE_PAGE_SIZE)),
        "circles": [c for c in list_circles(uow=uow) if c.name != WIDER],
    }


@router.get("/triage")
def triage_view(request: Request, uow: ReadUow) -> Response:
    context = _triage_context(uow, _page_number(request.query_params.get("page")))
    return render(request, "triage.html", context)


@router.post("/triage/{person_id}")
def triage_post(request: Request, person_id: int, form: Form, uow: WriteUow) -> Response:
    raw = forms.text(form, "action")
    try:
        action = TriageAction(raw)
    except ValueError:
        from kithkin.domain.errors import BadChoice

        raise BadChoice(
            field="action", allowed=", ".join(a.value for a in TriageAction), value=raw
        ) from None
    person = triage_person(
        uow=uow, ref=person_id, action=action, circle=forms.text(form, "circle") or None
    )
    if not request.headers.get("hx-request"):
        page = _page_number(forms.text(form, "page"))
        return redirect(f"/triage?page={page}")
    return render(request, "_triage_done.html", {"person": person, "action": action.value})


@api_router.get("/triage", summary="People an import brought in, awaiting triage (paginated)")
def api_triage(
    uow: ReadUow,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    rows, total = triage_page(uow=uow, limit=limit, offset=offset)
    return {
        "items": [{"id": p.id, "name": p.name, "nickname": p.nickname} for p in rows],
        "total": total,
        "limit": limit,
        "offset": offset,
    }


@api_router.post(
    "/triage/{person_id}",
    summary="Keep someone in a circle, leave them in the wider network, or ignore them",
)
def api_triage_action(person_id: int, body: TriageIn, uow: WriteUow) -> dict[str, Any]:
    person = triage_person(uow=uow, ref=person_id, action=body.action, circle=body.circle)
    return {
        "id": person.id,
        "name": person.name,
        "status": person.status.value,
        "circle": person.circle,
    }
