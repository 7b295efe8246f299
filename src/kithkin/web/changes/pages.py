"""HTML for undo and corrections: the Undo button of the confirmation flash (a POST with the
CSRF token), deleting a person, and editing a logged moment. Also labels each write request
for the change journal (see ``kithkin.storage.journal``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from kithkin.bootstrap import ACTION
from kithkin.domain.errors import InputError
from kithkin.domain.model import KINDS
from kithkin.services.changes import undo
from kithkin.services.corrections import delete_record, edit_interaction
from kithkin.web import forms
from kithkin.web.deps import Form, Now, ReadUow, WriteUow, checked_form
from kithkin.web.render import redirect, render, safe_next

router = APIRouter(include_in_schema=False)

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
EDIT_FIELDS = {"kind": "kind", "when": "when", "minutes": "minutes", "note": "note"}


class ActionLabel:
    """Names each write request for the change journal ("web: POST /log")."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in WRITES:
            token = ACTION.set(f"web: {scope['method']} {scope.get('path', '')}"[:200])
            try:
                await self.app(scope, receive, send)
            finally:
                ACTION.reset(token)
            return
        await self.app(scope, receive, send)


def _with_flash(path: str, key: str) -> str:
    base = path.split("?", 1)[0]
    return f"{base}?saved={key}"


@router.post("/undo")
def undo_post(form: Form, uow: WriteUow, now: Now) -> Response:
    """The flash's Undo button: revert the latest change, back to the page it was pressed on."""
    undo(uow=uow, now=now)  # type: ignore[arg-type]
    return redirect(_with_flash(safe_next(forms.text(form, "next"), "/"), "undone"))


@router.post("/people/{person_id}/delete", dependencies=[Depends(checked_form)])
def person_delete(person_id: int, uow: WriteUow) -> Response:
    delete_record(uow=uow, kind="person", record_id=person_id)  # type: ignore[arg-type]
    return redirect("/?saved=person_deleted")


def _edit_context(record: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    return {"record": record, "values": values, "kinds": KINDS, "errors": {}}


@router.get("/interactions/{interaction_id}/edit")
def interaction_edit_page(request: Request, interaction_id: int, uow: ReadUow) -> Response:
    from kithkin.services.corrections import get_record

    record = get_record(uow=uow, kind="interaction", record_id=interaction_id)  # type: ignore[arg-type]
    values = {
        "kind": record["kind"],
        "when": record["day"].isoformat(),
        "minutes": record["minutes"],
        "note": record["note"],
        "meaningful": record["meaningful"],
        "person": request.query_params.get("person", ""),
    }
    return render(request, "interaction_edit.html", _edit_context(record, values))


@router.post("/interactions/{interaction_id}/edit")
def interaction_edit_post(
    request: Request, interaction_id: int, form: Form, uow: WriteUow, now: Now
) -> Response:
    from kithkin.services.corrections import get_record

    record = get_record(uow=uow, kind="interaction", record_id=interaction_id)  # type: ignore[arg-type]
    when = forms.text(form, "when")
    try:
        edit_interaction(
            uow=uow,  # type: ignore[arg-type]
            now=now,
            interaction_id=interaction_id,
            kind_id=forms.text(form, "kind") or None,
            minutes=forms.opt_int(form, "minutes"),
            note=forms.text(form, "note"),
            when=None if when == record["day"].isoformat() else when or None,
            meaningful=forms.checked(form, "meaningful"),
        )
    except InputError as exc:
        context = _edit_context(record, forms.values(form))
        context["errors"] = forms.field_errors(exc, EDIT_FIELDS, fallback="form")
        return render(request, "interaction_edit.html", context, status=422)
    back = forms.opt_int(form, "person")
    return redirect(f"/people/{back}?saved=moment_edited" if back else "/?saved=moment_edited")


def install(web: FastAPI) -> None:
    web.include_router(router)
    web.add_middleware(ActionLabel)
