"""Reminder workers that scale out: several processes share one queue of due reminders.

A round has two parts. Queueing logs what is due now for each account (once per occurrence: a
unique key, so workers queueing the same account at once are harmless). Delivery claims a small
batch of due rows in one short transaction (``ReminderQueue.claim``: row locks, SKIP LOCKED on
PostgreSQL), sends each with no transaction open, and records each outcome in its own short
transaction right after the notifier answers.

What this guarantees:
- Nothing is lost: a claim carries a lease; a worker that dies (even SIGKILL) leaves its rows
  "sending", and once the lease has passed any worker claims them again.
- Nothing is sent twice by two live workers: a row is claimed by one worker at a time, and an
  outcome is recorded only by the worker still holding the claim (a worker running late gives
  back what it has not sent yet, at half the lease).
- Delivery is at-least-once, not exactly-once: SMTP has no idempotency key, so a worker killed
  after the mail server accepted a message and before the outcome was committed (one UPDATE,
  about a millisecond) leaves a reminder that is sent again after the lease. That window is the
  only one; a kill anywhere else duplicates nothing. The resend carries the first one's
  Message-ID (``message_key``: account, kind and occurrence), so a mail system that
  de-duplicates by Message-ID shows it once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kithkin.domain.errors import NotInitialised
from kithkin.domain.timeutil import zone
from kithkin.messages import text
from kithkin.services.reminders import (
    CLAIM_LEASE,
    Delivery,
    Notifier,
    ReminderSettings,
    Takeable,
    UnitsOfWork,
    backoff,
    in_quiet_hours,
    message_key,
    queue_due,
)

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from kithkin.services.ports import ClaimedReminder, ReminderQueue

BATCH = 20  # rows per claim: fewer transactions, and few rows wait on a worker that died
QUIET_REFRESH = timedelta(minutes=1)

Queue = Callable[[], "AbstractContextManager[ReminderQueue]"]
Clock = Callable[[], datetime]


@dataclass(slots=True)
class WorkerReport:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    released: int = 0  # claims given back unsent (running late, or asked to stop)
    # sent, but the claim had passed to another worker meanwhile (the lease was too short)
    lost_claims: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "queued": self.queued,
            "sent": self.sent,
            "failed": self.failed,
            "released": self.released,
            "lost_claims": self.lost_claims,
        }


def queue_accounts(
    *,
    units_for: Callable[[int], UnitsOfWork],
    owners: Iterable[int],
    now: datetime,
    settings: ReminderSettings,
    takeable_for: Callable[[int], Takeable] | None = None,
) -> int:
    """Log what is due now for each account; an account not yet set up is skipped. A
    questionnaire is reminded of only when ``takeable_for(owner)`` keeps it (its questions are
    there for that account)."""
    queued = 0
    for owner in owners:
        try:
            units = units_for(owner)
            takeable = takeable_for(owner) if takeable_for is not None else None
            queued += queue_due(units=units, now=now, settings=settings, takeable=takeable)[0]
        except NotInitialised:
            continue
    return queued


def quiet_owners(*, queue: Queue, now: datetime, settings: ReminderSettings) -> set[int]:
    """The accounts whose local time is within quiet hours now: nothing is sent to them."""
    with queue() as q:
        zones = q.timezones()
    return {o for o, tz in zones.items() if in_quiet_hours(now.astimezone(zone(tz)), settings)}


def deliver(
    *,
    queue: Queue,
    notifier_for: Callable[[int], Notifier | None],
    clock: Clock,
    worker: str,
    settings: ReminderSettings,
    owners: Collection[int] | None = None,
    batch: int = BATCH,
    lease: timedelta = CLAIM_LEASE,
    stop: Callable[[], bool] = lambda: False,
) -> WorkerReport:
    """Claim and send due reminders until none is left (or ``stop()``); ``owners`` limits the
    accounts served (None: every account)."""
    report = WorkerReport()
    quiet_at = clock()
    quiet = quiet_owners(queue=queue, now=quiet_at, settings=settings)
    while not stop():
        now = clock()
        if now - quiet_at >= QUIET_REFRESH:
            quiet_at, quiet = now, quiet_owners(queue=queue, now=now, settings=settings)
        with queue() as q:  # one connection per batch: no checkout between send and record
            claimed = q.claim(
                now=now,
                hold_until=now + lease,
                worker=worker,
                limit=batch,
                owners=owners,
                skip_owners=quiet,
            )
            q.commit()
            if not claimed:
                break
            _send(
                claimed,
                q=q,
                notifier_for=notifier_for,
                clock=clock,
                worker=worker,
                lease=lease,
                stop=stop,
                report=report,
            )
    return report


def _send(
    claimed: list[ClaimedReminder],
    *,
    q: ReminderQueue,
    notifier_for: Callable[[int], Notifier | None],
    clock: Clock,
    worker: str,
    lease: timedelta,
    stop: Callable[[], bool],
    report: WorkerReport,
) -> None:
    """Send each claimed reminder with no transaction open, and record its outcome at once."""
    for i, item in enumerate(claimed):
        if stop() or clock() >= item.hold_until - lease / 2:
            rest = [c.id for c in claimed[i:]]
            report.released += q.release(rest, worker=worker, now=clock())
            q.commit()
            return
        notifier = notifier_for(item.owner_id)
        if notifier is None:
            result = Delivery(False, text("worker.no_destination", placeholder="{account}"))
        else:
            # no transaction open
            result = notifier.send(title=item.title, body=item.body, key=message_key(item))
        # Recorded at once, on the connection already open: between the mail server's "250"
        # and this commit (one UPDATE) is the only moment a kill can make a duplicate.
        if result.ok:
            kept = q.mark_sent(item.id, worker=worker, now=clock())
            report.sent += 1
        else:
            retry_at = clock() + backoff(item.attempts + 1)
            kept = q.mark_failed(item.id, worker=worker, error=result.error, retry_at=retry_at)
            report.failed += 1
        q.commit()
        report.lost_claims += not kept
