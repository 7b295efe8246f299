"""Reminders never hold a transaction while the notifier talks to the network (issue #10.6).

A reminder is claimed in one short transaction, sent with none open, and its outcome recorded in
another; a claim whose outcome was never recorded (the process died) is retried after its lease.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.reminders import (
    CLAIM_LEASE,
    Delivery,
    ReminderSettings,
    reminder_status,
    run_reminders,
)

MORNING = datetime(2026, 11, 26, 7, 5, tzinfo=UTC)  # 08:05 in Berlin
ONLY_MORNING = ReminderSettings(
    followups=None, birthdays=None, checkin=None, weekly_review=None, questionnaires=None
)


class WritesWhileSending:
    """A notifier that, mid-send, lets another writer log an interaction and commit."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.sent = 0

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        with self.app.uow(write=True) as uow:
            person = add_person(uow=uow, now=MORNING, name=f"Someone {self.sent}", circle="close")
            log_interaction(uow=uow, now=MORNING, kind_id="call", with_names=[person.name])
            uow.commit()
        self.sent += 1
        return Delivery(True)


def test_other_writers_commit_while_a_reminder_is_being_sent(app: App) -> None:
    notifier = WritesWhileSending(app)
    report = run_reminders(units=app.uow, now=MORNING, notifier=notifier, settings=ONLY_MORNING)
    assert notifier.sent == 1 and len(report.sent) == 1
    with app.uow() as uow:
        assert uow.people.count() == 1
        [entry] = reminder_status(uow=uow)
    assert entry.status == "sent" and entry.attempts == 1


class Failing:
    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        return Delivery(False, "SMTP server did not answer")


def test_a_failed_delivery_is_reported_failed_with_its_error_and_retry_time(app: App) -> None:
    report = run_reminders(units=app.uow, now=MORNING, notifier=Failing(), settings=ONLY_MORNING)
    [failed] = report.failed
    assert failed.status == "failed"
    assert failed.last_error == "SMTP server did not answer"
    assert failed.attempts == 1
    assert report.next_retry == MORNING + timedelta(minutes=1)
    as_json = report.as_dict()["failed"][0]
    assert as_json["status"] == "failed" and as_json["last_error"] == failed.last_error


class Counting:
    def __init__(self) -> None:
        self.titles: list[str] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.titles.append(title)
        return Delivery(True)


def test_a_claim_never_recorded_is_retried_after_its_lease_and_only_then(app: App) -> None:
    # Queue the morning reminder, then claim it as a worker would, and "die" before sending.
    run_reminders(
        units=app.uow,
        now=MORNING,
        notifier=Failing(),
        settings=ReminderSettings(
            followups=None,
            birthdays=None,
            checkin=None,
            weekly_review=None,
            questionnaires=None,
            quiet_start=time(8, 0),  # Berlin: queued, not sent
            quiet_end=time(9, 0),
        ),
    )
    with app.uow(write=True) as uow:
        claimed = uow.reminders.claim_next(now=MORNING, hold_until=MORNING + CLAIM_LEASE)
        uow.commit()
    assert claimed is not None
    with app.uow() as uow:
        [entry] = reminder_status(uow=uow)
    assert entry.status == "sending"

    counting = Counting()
    during = run_reminders(
        units=app.uow, now=MORNING + timedelta(minutes=5), notifier=counting, settings=ONLY_MORNING
    )
    assert counting.titles == [] and not during.sent  # still held: not sent twice
    after = run_reminders(
        units=app.uow, now=MORNING + CLAIM_LEASE, notifier=counting, settings=ONLY_MORNING
    )
    assert len(after.sent) == 1 and len(counting.titles) == 1  # not lost
    again = run_reminders(
        units=app.uow, now=MORNING + 2 * CLAIM_LEASE, notifier=counting, settings=ONLY_MORNING
    )
    assert not again.sent and len(counting.titles) == 1


class SecondWorkerMidSend:
    """While this worker sends, a second worker runs a whole round: it must not send the same."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.titles: list[str] = []
        self.second: list[str] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.titles.append(title)
        if len(self.titles) == 1:
            inner = Counting()
            run_reminders(units=self.app.uow, now=MORNING, notifier=inner, settings=ONLY_MORNING)
            self.second = inner.titles
        return Delivery(True)


def test_two_workers_never_send_the_same_reminder(app: App) -> None:
    notifier = SecondWorkerMidSend(app)
    run_reminders(units=app.uow, now=MORNING, notifier=notifier, settings=ONLY_MORNING)
    assert len(notifier.titles) == 1 and notifier.second == []


class DiesAfterSending:
    """The mail server accepts the message, then the worker dies before recording it."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.keys.append(key)
        raise SystemExit(137)


class Keys(Counting):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.keys.append(key)
        return super().send(title=title, body=body, key=key)


def test_a_reminder_sent_again_after_a_lost_outcome_carries_the_same_key(app: App) -> None:
    dying = DiesAfterSending()
    with pytest.raises(SystemExit):
        run_reminders(units=app.uow, now=MORNING, notifier=dying, settings=ONLY_MORNING)
    [first] = dying.keys
    assert first.startswith("r") and first.isascii()
    assert all(c.isalnum() or c in ".-" for c in first)  # a valid Message-ID left part
    again = Keys()
    run_reminders(units=app.uow, now=MORNING + CLAIM_LEASE, notifier=again, settings=ONLY_MORNING)
    assert again.keys == [first]  # sent again (at-least-once), under the same name
