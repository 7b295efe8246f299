"""The JSON API for imports (multipart), exports, the feed token and reminders."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from kithkin.domain.errors import InputError
from kithkin.services.backup import export_backup
from kithkin.services.calendars import new_feed_token, revoke_feed_tokens
from kithkin.services.contacts_import import export_records
from kithkin.services.reminders import ReminderSettings, entry_dict, reminder_status
from kithkin.web import schemas as s
from kithkin.web.data import uploads
from kithkin.web.data.context import feed_urls, redact
from kithkin.web.deps import AppDep, Now, ReadUow, WriteUow, api_router
from kithkin.web.errors import error_body

router = api_router("data")
upload_router = api_router("data", json_only=False)


class UploadNeedsHeader(InputError):
    """A multipart upload to the API came without the X-Requested-With header."""

    key = "upload_needs_header"


class CsvFormat(StrEnum):
    GOOGLE = "google"
    OUTLOOK = "outlook"
    LINKEDIN = "linkedin"


class FeedTokenIn(s.Strict):
    rotate: bool = Field(False, description="Revoke every earlier token first.")


MULTIPART_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            }
        },
    },
    "parameters": [
        {
            "name": "X-Requested-With",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "description": "Any value: a cross-site form cannot send it (CSRF protection).",
        }
    ],
}
IMPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": s.ErrorOut, "description": "The file is larger than 10 MB"},
    422: {
        "description": (
            "Bad records and no skip_bad: nothing was written (the body is the report), "
            "or a missing file, header or unknown format (an error body)"
        )
    },
    403: {"description": "No X-Requested-With header"},
}


@upload_router.post(
    "/import/{kind}",
    summary="Import contacts from a vCard or CSV file (dry run, all or nothing, or skip bad)",
    responses=IMPORT_RESPONSES,
    openapi_extra=MULTIPART_BODY,
)
async def api_import(
    *,
    request: Request,
    kind: Literal["vcard", "csv"],
    app: AppDep,
    now: Now,
    fmt: Annotated[CsvFormat | None, Query(alias="format", description="For csv.")] = None,
    dry_run: bool = False,
    skip_bad: bool = False,
) -> Response:
    if not request.headers.get("x-requested-with"):
        return JSONResponse(error_body(UploadNeedsHeader()), status_code=403)
    try:
        data = (await uploads.capped_form(request)).file()
    except uploads.UploadTooLarge as exc:
        return JSONResponse(error_body(exc), status_code=413)
    chosen = "vcard" if kind == "vcard" else (fmt.value if fmt else "")
    upload = uploads.Upload(data=data, kind=chosen, skip_bad=skip_bad, dry_run=dry_run)
    report = await run_in_threadpool(uploads.run_import, app, now, upload)
    return JSONResponse(report.as_dict(), status_code=422 if report.refused else 200)


def _download(content: str, *, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{filename}"',
            "cache-control": "no-store",
        },
    )


@router.get(
    "/export/json",
    summary="Everything you own as one JSON backup (restore with 'kithkin import json')",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
def api_export_json(uow: ReadUow, now: Now) -> Response:
    document = export_backup(uow=uow)
    body = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    return _download(body, media_type="application/json", filename=f"kithkin-{now:%Y%m%d}.json")


@router.get(
    "/export/vcard",
    summary="Your people as vCard 3.0 (re-importable)",
    response_class=Response,
    responses={200: {"content": {"text/vcard": {}}}},
)
def api_export_vcard(uow: ReadUow) -> Response:
    from kithkin.formats.vcard import write_vcards

    body = write_vcards(export_records(uow=uow))
    return _download(body, media_type="text/vcard; charset=utf-8", filename="kithkin.vcf")


@router.get(
    "/export/ics",
    summary="Planned connections, recurring calls and birthdays as iCalendar",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def api_export_ics(uow: ReadUow, now: Now) -> Response:
    from kithkin.formats.feed import calendar_feed

    body = calendar_feed(uow=uow, now=now)
    return _download(body, media_type="text/calendar; charset=utf-8", filename="kithkin.ics")


@router.post(
    "/feed-token",
    status_code=201,
    summary="A new secret calendar feed token and its URL (shown once)",
)
def api_feed_token(
    request: Request, uow: WriteUow, now: Now, response: Response, body: FeedTokenIn | None = None
) -> dict[str, Any]:
    token = new_feed_token(uow=uow, now=now, rotate=body.rotate if body else False)
    response.headers["cache-control"] = "no-store"
    return {"token": token, **feed_urls(request, token)}


@router.delete("/feed-token", summary="Revoke every feed token (404 when none is live)")
def api_feed_revoke(uow: WriteUow, now: Now) -> dict[str, Any]:
    return {"revoked": revoke_feed_tokens(uow=uow, now=now)}


@router.get(
    "/reminders",
    summary="Reminder settings from the config file, destinations count, recent log",
)
def api_reminders(app: AppDep, uow: ReadUow) -> dict[str, Any]:
    settings = ReminderSettings.from_config(app.settings.extra.get("reminders", {}))
    times = {
        name: None
        if getattr(settings, name) is None
        else getattr(settings, name).isoformat("minutes")
        for name in ReminderSettings.__dataclass_fields__
        if name != "weekly_review_day"
    }
    log = [entry_dict(e) for e in reminder_status(uow=uow, limit=20)]
    for entry in log:
        if entry["last_error"]:
            entry["last_error"] = redact(entry["last_error"])
    return {
        "notify_urls_configured": len(app.settings.notify_urls),
        "settings": {**times, "weekly_review_day": settings.weekly_review_day},
        "log": log,
    }


def install(web: FastAPI) -> None:
    web.include_router(upload_router)
    web.include_router(router)
