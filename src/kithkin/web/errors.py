"""The one place kithkin errors become HTTP statuses, and the one handler that answers them
as JSON (API routes, or a client asking for JSON) or as an HTML page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from kithkin.domain.errors import (
    ConflictError,
    DatabaseUnavailable,
    InputError,
    KithkinError,
    NotFoundError,
    NotInitialised,
)
from kithkin.messages import error_text
from kithkin.web.security import CsrfRejected

if TYPE_CHECKING:
    from fastapi import FastAPI

STATUS: tuple[tuple[type[KithkinError], int], ...] = (
    (InputError, 422),
    (NotFoundError, 404),
    (ConflictError, 409),
    (CsrfRejected, 403),
    (DatabaseUnavailable, 503),
)


def status_for(exc: KithkinError) -> int:
    return next((code for family, code in STATUS if isinstance(exc, family)), 500)


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_body(exc: KithkinError) -> dict[str, Any]:
    params = {
        k: v if isinstance(v, int | float | bool | None) else str(v) for k, v in exc.params.items()
    }
    return {"error": {"key": exc.key, "message": exc.message, "params": params}}


def _html(request: Request, *, message: str, status: int) -> Response:
    from kithkin.web.render import render

    return render(request, "error.html", {"message": message, "status": status}, status=status)


async def kithkin_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, KithkinError)
    status = status_for(exc)
    if wants_json(request):
        return JSONResponse(error_body(exc), status_code=status)
    if isinstance(exc, NotInitialised):
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": "/welcome"})
        return RedirectResponse("/welcome", status_code=303)
    return _html(request, message=exc.message, status=status)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    key = "page_not_found" if exc.status_code == 404 else "error"
    return _html(request, message=error_text(key), status=exc.status_code)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        from fastapi.encoders import jsonable_encoder

        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
    return _html(request, message=error_text("bad_input"), status=422)


async def unexpected_error(request: Request, exc: Exception) -> Response:
    """A bug: log it for the operator, tell the user warmly, show no internals."""
    import logging

    logging.getLogger("kithkin.web").error(
        "unexpected error on %s %s", request.method, request.url.path, exc_info=exc
    )
    if wants_json(request):
        body = {"error": {"key": "unexpected", "message": error_text("unexpected"), "params": {}}}
        return JSONResponse(body, status_code=500)
    return _html(request, message=error_text("unexpected"), status=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(Exception, unexpected_error)
    app.add_exception_handler(KithkinError, kithkin_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
