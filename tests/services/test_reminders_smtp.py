"""Reminders end to end through Apprise to a local SMTP server (aiosmtpd): exactly once."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, time

import pytest
from aiosmtpd.controller import Controller

from kithkin.bootstrap import App
from kithkin.notify.apprise import AppriseNotifier
from kithkin.services.reminders import (
    Delivery,
    ReminderSettings,
    reminder_status,
    run_reminders,
)

# Europe/Berlin is UTC+1 in November: 07:00 UTC is 08:00 local.
MORNING = datetime(2026, 11, 26, 7, 5, tzinfo=UTC)
ONLY_MORNING = ReminderSettings(
    followups=None, birthdays=None, checkin=None, weekly_review=None, questionnaires=None
)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(envelope.content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """An SMTP server on a free port that the test can stop and start again."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = _free_port()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int, Server]]:
    server = Server()
    server.start()
    yield server.inbox, server.port, server
    server.stop()


def _url(port: int) -> str:
    return f"mailto://127.0.0.1:{port}?from=kithkin@example.com&to=you@example.com"


def _run(app: App, now: datetime, notifier, settings=ONLY_MORNING):
    return run_reminders(units=app.uow, now=now, notifier=notifier, settings=settings)


def test_reminders_arrive_exactly_once_and_failures_retry(app: App, smtp) -> None:
    inbox, port, controller = smtp
    notifier = AppriseNotifier([_url(port)])
    first = _run(app, MORNING, notifier)
    assert first.queued == 1 and len(first.sent) == 1
    for minutes in (5, 10, 15):
        again = _run(app, MORNING.replace(minute=5 + minutes), notifier)
        assert again.queued == 0 and not again.sent
    assert len(inbox.messages) == 1
    assert b"Your day of connection" in inbox.messages[0]

    # The next day the server is down: the failure is kept, then delivered once.
    controller.stop()
    next_day = MORNING.replace(day=27)
    down = _run(app, next_day, notifier)
    assert down.queued == 1 and len(down.failed) == 1 and not down.sent
    with app.uow() as uow:
        [latest, _] = reminder_status(uow=uow)
    assert latest.status == "failed" and latest.attempts == 1 and latest.last_error
    controller.start()
    early = _run(app, next_day.replace(second=30), notifier)  # before the backoff: no retry
    assert not early.sent and not early.failed
    later = _run(app, next_day.replace(minute=20), notifier)
    assert len(later.sent) == 1
    _run(app, next_day.replace(minute=40), notifier)
    assert len(inbox.messages) == 2


def test_quiet_hours_hold_reminders_until_they_end(app: App, smtp) -> None:
    inbox, port, _ = smtp
    settings = ReminderSettings(
        morning=time(6, 0),
        followups=None,
        birthdays=None,
        checkin=None,
        weekly_review=None,
        quiet_start=time(22, 0),
        quiet_end=time(7, 0),
    )
    notifier = AppriseNotifier([_url(port)])
    quiet = _run(app, datetime(2026, 11, 26, 5, 30, tzinfo=UTC), notifier, settings)  # 06:30
    assert quiet.quiet and quiet.queued == 1 and not quiet.sent
    assert inbox.messages == []
    awake = _run(app, datetime(2026, 11, 26, 6, 1, tzinfo=UTC), notifier, settings)  # 07:01
    assert len(awake.sent) == 1 and len(inbox.messages) == 1


class FakeNotifier:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.sent.append(title)
        return Delivery(True)


def test_checkin_nudge_only_without_a_checkin(app: App) -> None:
    from kithkin.services.checkins import check_in

    settings = ReminderSettings(
        morning=None,
        followups=None,
        birthdays=None,
        weekly_review=None,
        checkin=time(20, 0),
        quiet_start=None,
    )
    evening = datetime(2026, 11, 26, 19, 30, tzinfo=UTC)  # 20:30 Berlin
    fake = FakeNotifier()
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=evening, mood=7, stress=3)
    _run(app, evening, fake, settings)
    assert fake.sent == []
    _run(app, evening.replace(day=27), fake, settings)
    assert fake.sent == ["A moment to check in"]


def test_settings_from_config() -> None:
    s = ReminderSettings.from_config(
        {"morning": "07:30", "checkin": "off", "weekly_review_day": "Sunday"}
    )
    assert s.morning == time(7, 30) and s.checkin is None and s.weekly_review_day == 6
