"""HTML pages for bringing data in and out: import (dry run, then confirm), triage of imported
people (paginated, htmx quick buttons), and Settings > data (reminders, calendar feed, exports)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kithkin.domain.errors import InputError
from kithkin.messages import text
from kithkin.services.calendars import NoFeedToken, new_feed_token, revoke_feed_tokens
from kithkin.services.ports import ReminderEntry, UnitOfWork
from kithkin.services.reminders import BadReminderSetting, ReminderSettings, reminder_status
from kithkin.web import forms
from kithkin.web.data import uploads
from kithkin.web.data.context import feed_urls, redact, restore_context
from kithkin.web.deps import AppDep, Form, Now, ReadUow, WriteUow, checked_form
from kithkin.web.render import add_nav, redirect, render

router = APIRouter(include_in_schema=False)

FORMAT_LABELS = {
    "vcard": "vCard (.vcf), from any phone",
    "google": "Google Contacts CSV",
    "outlook": "Outlook CSV",
    "linkedin": "LinkedIn Connections.csv",
}
NO_STORE = {"cache-control": "no-store"}


# --- import ---


def _import_context(
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    report: Any = None,
) -> dict[str, Any]:
    return {
        "formats": FORMAT_LABELS,
        "values": values or {"format": "vcard"},
        "errors": errors or {},
        "report": report,
        "max_mb": uploads.MAX_UPLOAD_BYTES // (1024 * 1024),
    }


@router.get("/import")
def import_page(request: Request) -> Response:
    return render(request, "import.html", {**_import_context(), "file_kept": False})


@router.post("/import")
async def import_post(request: Request, app: AppDep, now: Now) -> Response:
    """``action=check`` is the dry run; ``action=import`` applies (all or nothing unless
    ``skip_bad``). htmx swaps the report in place, keeping the chosen file in the form."""
    htmx = bool(request.headers.get("hx-request"))
    values: dict[str, Any] = {"format": "vcard"}
    try:
        parsed = await uploads.capped_form(request)
        form = parsed.fields
        uploads.check_csrf(request, form)
        values = forms.values(form)
        action = forms.text(form, "action")
        good_ones = action == "import_good"  # "Import the N good ones": skip the bad records
        if good_ones:
            values["skip_bad"] = "on"
        upload = uploads.Upload(
            data=parsed.file(),
            kind=forms.text(form, "format") or "vcard",
            skip_bad=good_ones or forms.checked(form, "skip_bad"),
            dry_run=action not in ("import", "import_good"),
        )
        report = await run_in_threadpool(uploads.run_import, app, now, upload)
    except uploads.UploadTooLarge as exc:
        context = _import_context(values=values, errors={"file": exc.message})
        return _import_response(request, context, status=200 if htmx else 413)
    except InputError as exc:
        context = _import_context(values=values, errors={"file": exc.message})
        return _import_response(request, context, status=200 if htmx else 422)
    context = _import_context(values=values, report=report)
    return _import_response(request, context, status=200)


def _import_response(request: Request, context: dict[str, Any], *, status: int) -> Response:
    return render(
        request,
        "import.html",
        {**context, "file_kept": bool(request.headers.get("hx-request"))},
        status=status,
        partial="_import_report.html",
        headers=NO_STORE,
    )


# --- settings: reminders, calendar feed, exports ---


def _reminders(app: Any, uow: UnitOfWork) -> dict[str, Any]:
    try:
        settings: ReminderSettings | None = ReminderSettings.from_config(
            app.settings.extra.get("reminders", {})
        )
        error = None
    except BadReminderSetting as exc:
        settings, error = None, exc.message
    log: list[ReminderEntry] = reminder_status(uow=uow, limit=10)
    return {
        # hosted: where reminders go and when is the server's (its config file), not an account's
        "reminders_editable": not app.settings.hosted,
        "notify_count": len(app.settings.notify_urls),
        "notify_urls_from": app.settings.notify_urls_from,
        "reminder_settings": settings,
        "reminder_error": error,
        "reminder_log": log,
        "redact": redact,
    }


def _data_context(request: Request, app: Any, uow: UnitOfWork) -> dict[str, Any]:
    flash = {
        "revoked": "web.data.feed_revoked",
        "undone": "web.flash.undone",
        "reminders": "phoneux.remind.saved",
        "test_sent": "phoneux.remind.test_sent",
        "test_failed": "phoneux.remind.test_failed",
    }.get(request.query_params.get("saved", ""))
    return {
        **_reminders(app, uow),
        **restore_context(),
        "flash": flash,
        "token": None,
        "feed_error": None,
    }


@router.get("/settings/data")
def data_page(request: Request, app: AppDep, uow: ReadUow) -> Response:
    return render(request, "settings_data.html", _data_context(request, app, uow))


@router.post("/settings/feed-token")
def feed_token_post(request: Request, form: Form, app: AppDep, uow: WriteUow, now: Now) -> Response:
    token = new_feed_token(uow=uow, now=now, rotate=forms.checked(form, "rotate"))
    context = {**_data_context(request, app, uow), "token": feed_urls(request, token)}
    return render(request, "settings_data.html", context, headers=NO_STORE)


@router.post("/settings/feed-token/revoke", dependencies=[Depends(checked_form)])
def feed_token_revoke(request: Request, app: AppDep, uow: WriteUow, now: Now) -> Response:
    try:
        revoke_feed_tokens(uow=uow, now=now)
    except NoFeedToken as exc:
        context = {**_data_context(request, app, uow), "feed_error": exc.message}
        return render(request, "settings_data.html", context, status=404)
    return redirect("/settings/data?saved=revoked")


# --- reminders, set in Settings (stored in the config file, where the settings live) ---

REMINDER_TIMES = (
    "morning", "followups", "birthdays", "checkin", "weekly_review", "questionnaires",
    "quiet_start", "quiet_end",
)  # fmt: skip


class BadReminderTime(InputError):
    """A reminder time is not a time of day."""

    key = "phoneux_bad_time"


class BadNotifyUrl(InputError):
    """A notification address is not an Apprise URL (``scheme://...``)."""

    key = "phoneux_bad_notify_url"


def _reminder_form(form: Any) -> tuple[tuple[str, ...], dict[str, str]]:
    """The destinations (one Apprise URL a line) and the times ("HH:MM"; empty is off)."""
    urls = tuple(u.strip() for u in forms.text(form, "notify_urls").splitlines() if u.strip())
    for url in urls:
        if "://" not in url or not url.split("://", 1)[0].isalnum():
            raise BadNotifyUrl(field="notify_urls", value=url.split("://", 1)[0][:20])
    times = {name: forms.text(form, name) or "off" for name in REMINDER_TIMES}
    return urls, times


def _server_settings_only_here(app: Any) -> None:
    """In hosted mode the config file is the server's, shared by every account: no account may
    write it or send through its destinations (the routes are not there for them)."""
    if app.settings.hosted:
        raise HTTPException(404)


@router.post("/settings/reminders")
def reminders_post(request: Request, form: Form, app: AppDep, uow: ReadUow) -> Response:
    from dataclasses import replace

    from kithkin.config import save_config

    _server_settings_only_here(app)
    values = forms.values(form)
    try:
        urls, times = _reminder_form(form)
        fixed = app.settings.notify_urls_from  # set outside the file: the file would not win
        if fixed or (not urls and not forms.checked(form, "clear_urls")):  # keep the current
            urls = app.settings.notify_urls
        times = {**app.settings.extra.get("reminders", {}), **times}  # keeps the review's day
        try:
            ReminderSettings.from_config(times)  # every time valid before anything is written
        except BadReminderSetting as exc:
            raise BadReminderTime(name=exc.params.get("name", "")) from None
        path = app.settings.config_path
        if path is None:
            raise BadNotifyUrl(field="notify_urls", value="")
        changes: dict[str, Any] = {"reminders": times}
        if not fixed:
            changes["notify_urls"] = list(urls)
        save_config(path, changes)
    except InputError as exc:
        name = exc.params.get("name") or exc.params.get("field") or "notify_urls"
        context = _data_context(request, app, uow)
        errors = {f"r-{name}": exc.message}
        context.update(errors=errors, reminder_values=values)
        return render(request, "settings_data.html", context, status=422)
    extra = {**app.settings.extra, "reminders": times}
    app.settings = replace(app.settings, notify_urls=urls, extra=extra)  # no restart needed
    return redirect("/settings/data?saved=reminders#reminders")


@router.post("/settings/reminders/test")
async def reminders_test(_form: Form, app: AppDep) -> Response:
    """Send one test message to every destination, now, and say how it went."""
    from kithkin.notify.apprise import AppriseNotifier

    _server_settings_only_here(app)
    notifier = AppriseNotifier(app.settings.notify_urls)
    sent = await run_in_threadpool(
        notifier.send,
        title=text("phoneux.remind.test_title"),
        body=text("phoneux.remind.test_body"),
    )
    outcome = "test_sent" if sent.ok else "test_failed"
    return redirect(f"/settings/data?saved={outcome}#reminders")


def install(web: FastAPI) -> None:
    web.include_router(router)
    add_nav(web, text("nav.import"), "/import")
