"""Dependencies shared by routes: the app, its clock, one unit of work per request."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.datastructures import FormData

from kithkin.bootstrap import App
from kithkin.services.ports import UnitOfWork
from kithkin.web.schemas import ERRORS
from kithkin.web.security import check_form_token


# The two trivial dependencies are ``async``: FastAPI runs a sync one in the thread pool, a hop
# that costs more than the function.
async def get_app(request: Request) -> App:
    app: App = request.app.state.kithkin
    return app


AppDep = Annotated[App, Depends(get_app)]


async def get_now(app: AppDep) -> datetime:
    return app.now()


def read_uow(app: AppDep) -> Iterator[UnitOfWork]:
    """A read-only unit of work for this request (rolled back at the end)."""
    with app.uow() as uow:
        yield uow


def write_uow(app: AppDep) -> Iterator[UnitOfWork]:
    """A writing unit of work: the service commits; an error leaves nothing written."""
    with app.uow(write=True) as uow:
        yield uow


async def checked_form(request: Request) -> FormData:
    """The posted form, after its CSRF token (field or htmx header) has been checked."""
    form = await request.form()
    check_form_token(request, form)
    return form


Now = Annotated[datetime, Depends(get_now)]
ReadUow = Annotated[UnitOfWork, Depends(read_uow)]
WriteUow = Annotated[UnitOfWork, Depends(write_uow)]
Form = Annotated[FormData, Depends(checked_form)]


def json_writes_only(request: Request) -> None:
    """Writes must be JSON: a cross-origin page cannot send that without a CORS preflight."""
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HTTPException(415, "Send a JSON body (Content-Type: application/json).")


def api_router(tag: str, *, json_only: bool = True) -> APIRouter:
    """A router of the JSON API: under ``/api``, listed under ``tag`` in the OpenAPI document,
    with the shared error answers; writes must be JSON (:func:`json_writes_only`) unless
    ``json_only`` is False (file uploads, which have their own check)."""
    if not json_only:
        return APIRouter(prefix="/api", tags=[tag], responses={**ERRORS})
    return APIRouter(
        prefix="/api",
        tags=[tag],
        responses={**ERRORS, 415: {"description": "The body is not JSON"}},
        dependencies=[Depends(json_writes_only)],
    )
