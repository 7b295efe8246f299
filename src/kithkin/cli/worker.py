"""`kithkin worker`: queue and deliver reminders in a loop; run as many as you like.

Each worker claims small batches of due reminders (row locks; see
``kithkin.services.reminder_worker``), so several processes, on one machine or several, share
the work without sending anything twice; a worker stopped with SIGTERM (systemd, Ctrl+C) gives
back what it has claimed and not sent, and one killed outright leaves its claims to be taken
again when their lease ends.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import time as clock
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated
from urllib.parse import quote

import typer

from kithkin.cli.basics import JsonOpt, _state
from kithkin.cli.render import emit_json, say
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.bootstrap import App
    from kithkin.notify.smtp import SmtpConnections
    from kithkin.services.reminder_worker import WorkerReport
    from kithkin.services.reminders import Notifier

ACCOUNT = "{account}"


def worker_name() -> str:
    """Who holds a claim: this host and process, and a nonce (a pid is reused)."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:{secrets.token_hex(4)}"


class Destinations:
    """Each account's notifier. The configured URLs serve this install's own account; a URL
    with ``{account}`` in it serves every account, with the account's name put in (hosted mode:
    ``mailto://...?to={account}``); an account with neither has no destination."""

    def __init__(self, app: App, names: dict[int, str], connections: SmtpConnections) -> None:
        self.app, self.names, self.connections = app, names, connections
        self._made: dict[int, Notifier | None] = {}

    def __call__(self, owner_id: int) -> Notifier | None:
        if owner_id not in self._made:
            self._made[owner_id] = self._make(owner_id)
        return self._made[owner_id]

    def _make(self, owner_id: int) -> Notifier | None:
        from kithkin.notify.smtp import notifier

        name = self.names.get(owner_id)
        if name is None:
            with self.app.reminder_queue() as q:
                self.names = q.accounts()
            name = self.names.get(owner_id, "")
        own = owner_id == self.app.owner_id
        urls = [
            u.replace(ACCOUNT, quote(name, safe=""))
            for u in self.app.settings.notify_urls
            if own or ACCOUNT in u
        ]
        return notifier(urls, self.connections) if urls else None


def _round(
    app: App,
    *,
    everyone: bool,
    batch: int,
    lease: int,
    name: str,
    stop: list[bool],
    connections: SmtpConnections,
) -> WorkerReport:
    from functools import partial

    from kithkin.cli.remind import takeable_here
    from kithkin.services.reminder_worker import deliver, queue_accounts
    from kithkin.services.reminders import ReminderSettings

    settings = ReminderSettings.from_config(app.settings.extra.get("reminders", {}))
    with app.reminder_queue() as q:
        names = q.accounts()
    owners = sorted(names) if everyone else [app.owner_id]
    queued = queue_accounts(
        units_for=lambda owner: partial(app.uow_for, owner),
        owners=owners,
        now=app.now(),
        settings=settings,
        takeable_for=lambda owner: takeable_here(app, owner),
    )
    report = deliver(
        queue=app.reminder_queue,
        notifier_for=Destinations(app, names, connections),
        clock=app.now,
        worker=name,
        settings=settings,
        owners=None if everyone else owners,
        batch=batch,
        lease=timedelta(seconds=lease),
        stop=lambda: stop[0],
    )
    report.queued = queued
    return report


def _show(report: WorkerReport, json_out: bool) -> None:
    if json_out:
        emit_json(report.as_dict())
    else:
        say(text("worker.summary", **report.as_dict()))
    if report.lost_claims:
        typer.echo(text("worker.lost_claims", count=report.lost_claims), err=True)


def worker(
    ctx: typer.Context,
    interval: Annotated[int, typer.Option(min=1, help="Seconds between rounds.")] = 60,
    once: Annotated[bool, typer.Option("--once", help="One round, then stop.")] = False,
    all_accounts: Annotated[
        bool, typer.Option("--all-accounts", help="Serve every account (hosted mode).")
    ] = False,
    batch: Annotated[int, typer.Option(min=1, max=1000, help="Reminders claimed at a time.")] = 20,
    lease: Annotated[
        int,
        typer.Option(
            min=10, help="Seconds a claim is held; past it, a dead worker's claims are retried."
        ),
    ] = 900,
    json_out: JsonOpt = False,
) -> None:
    """Send due reminders in a loop. Run several: each reminder is claimed by one worker."""
    app = _state(ctx).app
    stop = [False]

    def _stop(_signum: int, _frame: object) -> None:
        stop[0] = True  # finish the message being sent, give back the rest, then leave

    from kithkin.notify.smtp import SmtpConnections

    signal.signal(signal.SIGTERM, _stop)
    name, connections = worker_name(), SmtpConnections()
    try:
        while not stop[0]:
            report = _round(
                app,
                everyone=all_accounts,
                batch=batch,
                lease=lease,
                name=name,
                stop=stop,
                connections=connections,
            )
            _show(report, json_out)
            if once:
                return
            for _ in range(interval * 10):
                if stop[0]:
                    break
                clock.sleep(0.1)
    finally:
        connections.close()


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
