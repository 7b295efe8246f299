"""Reminders: what is due now, logged once per occurrence, delivered through a notifier.

Each reminder has a key (owner, kind, occurrence) that is unique in the log, so running
``remind`` every few minutes never queues one twice. Delivery is at-least-once: a reminder is
marked sent only after the notifier reports success, so a crash between a successful send and
the mark may resend it once on the next run; a failure is kept with its attempts and last error
and retried with a growing delay, never dropped.

No transaction is open while the notifier talks to the network: a reminder is claimed in one
short transaction (status "sending", held for ``CLAIM_LEASE``), sent with no transaction open,
and the outcome recorded in another. A stalled mail server delays only the reminders; a claim
whose outcome was never recorded (the process died) is taken again once the lease has passed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from kithkin.domain.errors import InputError
from kithkin.domain.timeutil import zone
from kithkin.messages import text
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.calendar_health import CalendarCheck
    from kithkin.services.planning_ports import PlanningUnitOfWork
    from kithkin.services.ports import ClaimedReminder, ReminderEntry, UnitOfWork
    from kithkin.services.today import TodayView

GRACE = timedelta(hours=6)  # a reminder missed by more than this (machine asleep) is skipped
MAX_BACKOFF = timedelta(hours=1)
# How long a claimed reminder is held for the process sending it (far longer than any
# notifier's own time-outs); past it, a claim whose outcome was never recorded is retried.
CLAIM_LEASE = timedelta(minutes=15)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class BadReminderSetting(InputError):
    """A reminder setting in the config could not be read."""

    key = "bad_reminder_setting"


@dataclass(frozen=True, slots=True)
class Delivery:
    """What a notifier reports: success, or the error to log."""

    ok: bool
    error: str = ""


class Notifier(Protocol):
    """Sends one message to every configured destination.

    ``key`` names the message across resends (an e-mail's Message-ID): a reminder sent again
    after a worker died between the server's acceptance and the recorded outcome carries the
    same key, so a mail system that sees it twice can show it once. Empty: a new one each time.
    """

    def send(self, *, title: str, body: str, key: str = "") -> Delivery: ...


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """When each reminder goes out, in the user's local time; quiet hours hold everything."""

    morning: time | None = time(8, 0)
    followups: time | None = time(8, 0)
    birthdays: time | None = time(8, 0)
    checkin: time | None = time(20, 0)
    weekly_review: time | None = time(18, 0)
    weekly_review_day: int = 6  # Sunday
    questionnaires: time | None = time(9, 0)
    quiet_start: time | None = time(22, 0)
    quiet_end: time | None = time(7, 0)

    @classmethod
    def from_config(cls, values: Mapping[str, Any]) -> ReminderSettings:
        """Read ``[reminders]`` from the config: ``morning = "07:30"``, ``checkin = "off"``,
        ``weekly_review_day = "sun"``, ``quiet_start = "22:00"`` ..."""
        fields: dict[str, Any] = {}
        for name, raw in values.items():
            if name == "weekly_review_day":
                day = str(raw).strip().lower()[:3]
                if day not in WEEKDAYS:
                    raise BadReminderSetting(name=name, value=raw)
                fields[name] = WEEKDAYS.index(day)
            elif name in cls.__dataclass_fields__:
                fields[name] = _clock(name, raw)
        return cls(**fields)


def _clock(name: str, raw: Any) -> time | None:
    value = str(raw).strip().lower()
    if value in ("off", "false", "no", ""):
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise BadReminderSetting(name=name, value=raw) from None


@dataclass(frozen=True, slots=True)
class DueReminder:
    kind: str
    occurrence: str
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class RemindReport:
    queued: int
    sent: list[ReminderEntry] = field(default_factory=list)
    failed: list[ReminderEntry] = field(default_factory=list)
    quiet: bool = False

    @property
    def next_retry(self) -> datetime | None:
        """The earliest time a failed delivery is tried again."""
        times = [e.next_attempt_at for e in self.failed if e.next_attempt_at is not None]
        return min(times) if times else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "queued": self.queued,
            "sent": [entry_dict(e) for e in self.sent],
            "failed": [entry_dict(e) for e in self.failed],
            "quiet": self.quiet,
        }


def entry_dict(e: ReminderEntry) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "occurrence": e.occurrence,
        "status": e.status,
        "attempts": e.attempts,
        "last_error": e.last_error,
        "next_attempt_at": e.next_attempt_at.isoformat() if e.next_attempt_at else None,
        "sent_at": e.sent_at.isoformat() if e.sent_at else None,
    }


def in_quiet_hours(local: datetime, settings: ReminderSettings) -> bool:
    start, end = settings.quiet_start, settings.quiet_end
    if start is None or end is None or start == end:
        return False
    now = local.time()
    return start <= now < end if start < end else now >= start or now < end


def _at(local: datetime, when: time | None) -> bool:
    if when is None:
        return False
    moment = datetime.combine(local.date(), when, tzinfo=local.tzinfo)
    return moment <= local < moment + GRACE


def due_now(
    *,
    uow: PlanningUnitOfWork,
    now: datetime,
    settings: ReminderSettings,
    check_calendar: CalendarCheck | None = None,
) -> list[DueReminder]:
    """Everything whose time has come in the user's local day (quiet hours not applied); with
    ``check_calendar``, each registered calendar that cannot be read (once a day each)."""
    from kithkin.services.suggestions import todays_plan
    from kithkin.services.today import today

    profile = get_profile(uow=uow)
    local = now.astimezone(zone(profile.timezone))
    day = local.date().isoformat()
    out: list[DueReminder] = []
    wanted = (settings.morning, settings.followups, settings.birthdays)
    view = today(uow=uow, now=now) if any(_at(local, w) for w in wanted) else None
    if view is not None and _at(local, settings.morning):
        lines = []
        if view.due:
            names = ", ".join(d.person.display_name for d in view.due)
            lines.append(text("remind.morning.body_due", names=names))
        if view.followups:
            items = "; ".join(f"{f.person.display_name}: {f.followup.text}" for f in view.followups)
            lines.append(text("remind.morning.body_followups", items=items))
        plan = todays_plan(uow=uow, now=now)
        if plan.suggestions:
            first = plan.suggestions[0]
            who = first.person.display_name if first.person else text("plan.weak_tie")
            lines.insert(0, text("remind.morning.body_pick", title=first.title, who=who))
        body = "\n".join(lines) or text("remind.morning.body_empty")
        out.append(DueReminder("morning", day, text("remind.morning.title"), body))
    if view is not None and _at(local, settings.followups):
        due = [f for f in view.followups if f.followup.due and f.followup.due <= local.date()]
        if due:
            body = "\n".join(f"{f.person.display_name}: {f.followup.text}" for f in due)
            out.append(DueReminder("followups", day, text("remind.followups.title"), body))
    if view is not None and _at(local, settings.birthdays):
        body = _birthdays(view)
        if body:
            out.append(DueReminder("birthdays", day, text("remind.birthdays.title"), body))
    if _at(local, settings.checkin) and uow.checkins.get(local.date()) is None:
        out.append(
            DueReminder("checkin", day, text("remind.checkin.title"), text("remind.checkin.body"))
        )
    if local.weekday() == settings.weekly_review_day and _at(local, settings.weekly_review):
        week = f"{local.isocalendar().year}-W{local.isocalendar().week:02d}"
        out.append(
            DueReminder("weekly", week, text("remind.weekly.title"), text("remind.weekly.body"))
        )
    if _at(local, settings.questionnaires):
        out.extend(_questionnaires(uow, local.date()))
    if check_calendar is not None:
        out.extend(_calendars(uow, day, check_calendar))
    return out


def _calendars(uow: UnitOfWork, day: str, check: CalendarCheck) -> list[DueReminder]:
    """One reminder a day for each registered calendar that cannot be read: the log's key
    (kind, day and calendar) keeps every later run that day from queueing it again."""
    from kithkin.services.calendar_health import unreadable_calendars

    return [
        DueReminder(
            "calendar",
            f"{day}#{u.id}",
            text("remind.calendar.title"),
            text("remind.calendar.body", name=u.name, reason=u.reason),
        )
        for u in unreadable_calendars(sources=uow.calendars.find(), check=check)
    ]


def _questionnaires(uow: UnitOfWork, day: date) -> list[DueReminder]:
    from kithkin.domain.questionnaires import INSTRUMENTS
    from kithkin.services.questionnaires import due

    found = due(uow=uow, today=day)
    if not found:
        return []
    body = "\n".join(
        text(
            "remind.questionnaire.body", name=INSTRUMENTS[d.instrument_id].name, id=d.instrument_id
        )
        for d in found
    )
    return [
        DueReminder("questionnaires", day.isoformat(), text("remind.questionnaire.title"), body)
    ]


def _birthdays(view: TodayView) -> str:
    """Today's birthdays, and those a week ahead (time for a card), from the day's view."""
    lines = []
    for b in view.birthdays:
        if b.in_days == 0:
            lines.append(text("remind.birthday.today", name=b.person.display_name))
        elif b.in_days == 7:
            lines.append(text("remind.birthday.soon", name=b.person.display_name, date=b.on))
    return "\n".join(lines)


def backoff(attempts: int) -> timedelta:
    """The wait before the next try after ``attempts`` failures: 1, 2, 4 ... minutes, max 1 h."""
    return min(timedelta(minutes=2 ** max(0, attempts - 1)), MAX_BACKOFF)


UnitsOfWork = Callable[..., AbstractContextManager["PlanningUnitOfWork"]]


def queue_due(
    *,
    units: UnitsOfWork,
    now: datetime,
    settings: ReminderSettings,
    check_calendar: CalendarCheck | None = None,
) -> tuple[int, datetime]:
    """Log what is due now as pending (once per occurrence): how many were new, and the
    user's local time."""
    with units(write=True) as uow:
        profile = get_profile(uow=uow)
        local = now.astimezone(zone(profile.timezone))
        queued = 0
        for item in due_now(uow=uow, now=now, settings=settings, check_calendar=check_calendar):
            queued += uow.reminders.record_due(
                kind=item.kind,
                occurrence=item.occurrence,
                title=item.title,
                body=item.body,
                now=now,
            )
        uow.commit()
    return queued, local


def message_key(entry: ReminderEntry | ClaimedReminder) -> str:
    """What names one occurrence of a reminder across resends (see :class:`Notifier`)."""
    return f"r{getattr(entry, 'owner_id', 0)}.{entry.id}"  # the row: one per occurrence


def run_reminders(
    *,
    units: UnitsOfWork,
    now: datetime,
    notifier: Notifier,
    settings: ReminderSettings,
    check_calendar: CalendarCheck | None = None,
) -> RemindReport:
    """Queue what is due (once per occurrence) and deliver what is queued, outside quiet hours.

    ``units(write=True)`` opens a unit of work. Each delivery takes two short transactions:
    claim one row (SKIP LOCKED on PostgreSQL), commit; send with none open; record, commit.
    """
    queued, local = queue_due(
        units=units, now=now, settings=settings, check_calendar=check_calendar
    )
    if in_quiet_hours(local, settings):
        return RemindReport(queued=queued, quiet=True)
    sent: list[ReminderEntry] = []
    failed: list[ReminderEntry] = []
    while True:
        with units(write=True) as uow:
            entry = uow.reminders.claim_next(now=now, hold_until=now + CLAIM_LEASE)
            uow.commit()
        if entry is None:
            break
        # no transaction open
        result = notifier.send(title=entry.title, body=entry.body, key=message_key(entry))
        with units(write=True) as uow:
            if result.ok:
                done = uow.reminders.mark_sent(entry.id, now=now)
            else:
                retry_at = now + backoff(entry.attempts + 1)
                done = uow.reminders.mark_failed(entry.id, error=result.error, retry_at=retry_at)
            uow.commit()
        (sent if result.ok else failed).append(done or entry)
    return RemindReport(queued=queued, sent=sent, failed=failed)


def reminder_status(*, uow: UnitOfWork, limit: int = 50) -> list[ReminderEntry]:
    """The latest logged reminders, newest first (failed ones show attempts and last error)."""
    return uow.reminders.find(limit=limit)
