"""`kithkin remind` (from cron or a systemd timer); the loop, `kithkin worker`, is in ``worker``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.errors import EXIT_ERROR
from kithkin.cli.render import emit_json, say, table
from kithkin.domain.errors import KithkinError
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.bootstrap import App
    from kithkin.services.reminders import RemindReport, Takeable


class NoReminderDestinations(KithkinError):
    """No notification URL is configured: nothing can be sent, so nothing is queued (exit 1, so
    that cron and systemd show the run; the message says what to set and where)."""

    key = "remind_no_destinations"


def takeable_here(app: App, owner_id: int | None = None) -> Takeable:
    """Questionnaire reminders only for those whose questions are here for ``owner_id``
    (default: this install's account)."""
    from kithkin.formats.questionnaire_items import takeable

    places = app.item_places(owner_id)
    return lambda due: takeable(due, places)


def _once(app: App) -> RemindReport:
    from kithkin.formats.feed import calendar_trouble
    from kithkin.notify.apprise import AppriseNotifier
    from kithkin.services.reminders import ReminderSettings, run_reminders

    settings = ReminderSettings.from_config(app.settings.extra.get("reminders", {}))
    notifier = AppriseNotifier(app.settings.notify_urls)
    limit = app.settings.max_file_mb
    return run_reminders(
        units=app.uow,
        now=app.now(),
        notifier=notifier,
        settings=settings,
        check_calendar=lambda path: calendar_trouble(path, limit_mb=limit),
        takeable=takeable_here(app),
    )


def _show(report: RemindReport, json_out: bool) -> None:
    if json_out:
        emit_json(report.as_dict())
    else:
        say(
            text(
                "remind.summary",
                sent=len(report.sent),
                failed=len(report.failed),
                queued=report.queued,
            )
        )
    retry = report.next_retry
    if report.failed and retry is not None:
        error = report.failed[-1].last_error or "-"
        typer.echo(
            text(
                "remind.failed",
                count=len(report.failed),
                when=retry.isoformat(timespec="minutes"),
                error=error,
            ),
            err=True,
        )


def remind(
    ctx: typer.Context,
    status: Annotated[bool, typer.Option("--status", help="Show the reminder log.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Send the reminders that are due now (each exactly once; failures are retried).

    Exits 1 when a delivery failed or when no notification URL is set (Settings > Reminders on
    the web, notify_urls in the config file or KITHKIN_NOTIFY_URLS)."""
    app = _state(ctx).app
    if status:
        from kithkin.services.reminders import entry_dict, reminder_status

        with app.uow() as uow:
            rows: list[dict[str, Any]] = [entry_dict(e) for e in reminder_status(uow=uow)]
        if json_out:
            emit_json(rows)
        else:
            table(
                None,
                ["kind", "for", "status", "tries", "error"],
                [
                    [r["kind"], r["occurrence"], r["status"], r["attempts"], r["last_error"]]
                    for r in rows
                ],
            )
        return
    if not app.settings.notify_urls:  # nothing queued: a later set-up does not send a backlog
        where = app.settings.config_path or "the config file"
        raise NoReminderDestinations(config=where)
    report = _once(app)
    _show(report, json_out)
    if report.failed:  # cron and systemd notice a run whose deliveries failed
        raise typer.Exit(EXIT_ERROR)


def register(app: typer.Typer) -> None:
    app.command("remind")(remind)
