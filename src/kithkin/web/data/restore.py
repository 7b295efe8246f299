"""Restoring a JSON backup (Settings > data, and ``POST /api/import/json``): size-capped, checked
whole, all or nothing. Over existing data only when asked to replace (the form's box, the API's
``?replace=true``); the data replaced is first saved to a file in the data folder."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from kithkin.domain.errors import InputError, KithkinError
from kithkin.messages import error_text, text
from kithkin.services.backup import (
    BadBackup,
    RestoreNeedsEmptyDatabase,
    RestoreResult,
    SaveBeforeRestoreFailed,
    import_backup,
)
from kithkin.storage.backup import save_before_restore
from kithkin.web import schemas as s
from kithkin.web.data import uploads
from kithkin.web.data.context import MAX_BACKUP_BYTES, restore_context
from kithkin.web.deps import AppDep
from kithkin.web.deps import api_router as make_api_router
from kithkin.web.errors import error_body, status_for
from kithkin.web.render import render

router = APIRouter(include_in_schema=False)
api_router = make_api_router("data", json_only=False)


class BackupTooLarge(InputError):
    """A backup upload is over the size limit."""

    key = "backup_too_large"


def too_large() -> BackupTooLarge:
    return BackupTooLarge(limit_mb=MAX_BACKUP_BYTES // (1024 * 1024))


def parse_backup(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise BadBackup(reason=str(exc)[:200] or "nested too deeply") from None


def restore(app: Any, document: Any, replace: bool = False) -> RestoreResult:
    def save_current(current: dict[str, Any]) -> str:
        try:
            return save_before_restore(app.own_folder(), app.now(), current)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise SaveBeforeRestoreFailed(path=str(app.own_folder()), reason=reason) from None

    with app.uow(write=True) as uow:
        result: RestoreResult = import_backup(
            uow=uow,
            document=document,
            replace=replace,
            save_current=save_current,
            files_allowed=not app.settings.hosted,
        )
    return result


@router.get("/restore")
def restore_page(request: Request) -> Response:
    return render(request, "restore.html", restore_context())


@router.post("/restore")
async def restore_post(request: Request, app: AppDep) -> Response:
    """A multipart upload of the backup file; the message goes beside the file field."""
    try:
        parsed = await uploads.capped_form(request, limit=MAX_BACKUP_BYTES)
        uploads.check_csrf(request, parsed.fields)
        data = parsed.file("backup", limit=MAX_BACKUP_BYTES)
        replace = parsed.fields.get("replace") in ("1", "on", "true")
        result = await run_in_threadpool(restore, app, parse_backup(data), replace)
    except (uploads.UploadTooLarge, BackupTooLarge):
        return _page(request, restore_context(error=too_large().message), status=413)
    except RestoreNeedsEmptyDatabase:
        context = restore_context(error=text("web.restore.not_empty"), refused=True)
        return _page(request, context, status=409)
    except InputError as exc:
        return _page(request, restore_context(error=exc.message), status=status_for(exc))
    context = restore_context(
        rows=result.rows, saved_to=result.saved_to, calendars_left_out=result.calendars_left_out
    )
    return _page(request, context, status=200)


def _page(request: Request, context: dict[str, Any], *, status: int) -> Response:
    return render(request, "restore.html", context, status=status)


@api_router.post(
    "/import/json",
    summary="Restore a JSON backup (from GET /api/export/json), checked whole, all or nothing",
    description=(
        "Into an empty account the backup is restored. Over existing data the answer is 409 "
        "unless replace=true: then the current data is saved to a file on the server first "
        "(its path is in saved_to) and replaced."
    ),
    responses={
        409: {"model": s.ErrorOut, "description": "The account holds data and replace is false"},
        413: {"model": s.ErrorOut, "description": "The backup is larger than 50 MB"},
        415: {"description": "The body is not JSON"},
        422: {"model": s.ErrorOut, "description": "Not a kithkin backup this version reads"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
async def api_restore(request: Request, app: AppDep, replace: bool = False) -> Response:
    """The body is the backup itself (read with a size cap); rows restored per table."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        return JSONResponse({"detail": "Send a JSON body (Content-Type: application/json)."}, 415)
    try:
        data = await _capped_body(request)
        result = await run_in_threadpool(restore, app, parse_backup(data), replace)
    except BackupTooLarge as exc:
        return JSONResponse(error_body(exc), status_code=413)
    except RestoreNeedsEmptyDatabase as exc:
        body = error_body(exc)
        body["error"]["message"] = error_text("restore_needs_empty_api")
        return JSONResponse(body, status_code=status_for(exc))
    except KithkinError as exc:
        return JSONResponse(error_body(exc), status_code=status_for(exc))
    return JSONResponse(
        {
            "restored": result.counts,
            "rows": result.rows,
            "saved_to": result.saved_to,
            "calendars_left_out": result.calendars_left_out,
        }
    )


async def _capped_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BACKUP_BYTES:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BACKUP_BYTES:
            raise too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def install(web: FastAPI) -> None:
    """Before the data API: its ``/api/import/{kind}`` would otherwise take ``json``."""
    web.include_router(router)
    web.include_router(api_router)
