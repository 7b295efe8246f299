"""Restoring a JSON backup (Settings > data, and ``POST /api/import/json``): size-capped, and
only into an empty database (:func:`kithkin.services.backup.import_backup` refuses otherwise)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from kithkin.domain.errors import InputError, KithkinError
from kithkin.messages import text
from kithkin.services.backup import BadBackup, RestoreNeedsEmptyDatabase, import_backup
from kithkin.web import schemas as s
from kithkin.web.data import uploads
from kithkin.web.data.context import MAX_BACKUP_BYTES, restore_context
from kithkin.web.deps import AppDep
from kithkin.web.errors import error_body, status_for
from kithkin.web.render import render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["data"])


class BackupTooLarge(InputError):
    """A backup upload is over the size limit."""

    key = "backup_too_large"


def too_large() -> BackupTooLarge:
    return BackupTooLarge(limit_mb=MAX_BACKUP_BYTES // (1024 * 1024))


def parse_backup(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadBackup(reason=str(exc)[:200]) from None


def restore(app: Any, document: Any) -> dict[str, int]:
    with app.uow(write=True) as uow:
        counts: dict[str, int] = import_backup(uow=uow, document=document)
    return counts


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
        counts = await run_in_threadpool(restore, app, parse_backup(data))
    except (uploads.UploadTooLarge, BackupTooLarge):
        return _page(request, restore_context(error=too_large().message), status=413)
    except RestoreNeedsEmptyDatabase:
        context = restore_context(error=text("web.restore.not_empty"), refused=True)
        return _page(request, context, status=409)
    except InputError as exc:
        return _page(request, restore_context(error=exc.message), status=status_for(exc))
    return _page(request, restore_context(rows=sum(counts.values())), status=200)


def _page(request: Request, context: dict[str, Any], *, status: int) -> Response:
    return render(request, "restore.html", context, status=status)


@api_router.post(
    "/import/json",
    summary="Restore a JSON backup (from GET /api/export/json) into an empty database",
    responses={
        409: {"model": s.ErrorOut, "description": "The database already holds data"},
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
async def api_restore(request: Request, app: AppDep) -> Response:
    """The body is the backup itself (read with a size cap); rows restored per table."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        return JSONResponse({"detail": "Send a JSON body (Content-Type: application/json)."}, 415)
    try:
        data = await _capped_body(request)
        counts = await run_in_threadpool(restore, app, parse_backup(data))
    except BackupTooLarge as exc:
        return JSONResponse(error_body(exc), status_code=413)
    except KithkinError as exc:
        return JSONResponse(error_body(exc), status_code=status_for(exc))
    return JSONResponse({"restored": counts, "rows": sum(counts.values())})


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
