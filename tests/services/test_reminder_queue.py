"""The workers' reminder queue: claims across accounts, leases, outcomes only by the holder."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from kithkin.bootstrap import App
from kithkin.services.profiles import init_profile
from kithkin.services.reminder_worker import deliver
from kithkin.services.reminders import Delivery, ReminderSettings
from kithkin.storage.uow import ensure_account

NOW = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)
LEASE = timedelta(minutes=15)
SETTINGS = ReminderSettings()


def account(app: App, name: str, timezone: str = "UTC", count: int = 3) -> int:
    owner = ensure_account(app.engine, name, now=NOW)
    with app.uow_for(owner, write=True) as uow:
        init_profile(uow=uow, now=NOW, timezone=timezone)
        for i in range(count):
            uow.reminders.record_due(
                kind=f"k{i}", occurrence="d", title=f"{name} {i}", body="b", now=NOW
            )
        uow.commit()
    return owner


class Inbox:
    def __init__(self) -> None:
        self.titles: list[str] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.titles.append(title)
        return Delivery(True)


def test_claims_span_accounts_and_never_overlap(app: App) -> None:
    a, b = account(app, "a"), account(app, "b")
    with app.reminder_queue() as q:
        first = q.claim(now=NOW, hold_until=NOW + LEASE, worker="w1", limit=4)
        q.commit()
    with app.reminder_queue() as q:
        second = q.claim(now=NOW, hold_until=NOW + LEASE, worker="w2", limit=10)
        third = q.claim(now=NOW, hold_until=NOW + LEASE, worker="w3", limit=10)
        q.commit()
    assert {c.owner_id for c in first + second} == {a, b}
    assert len(first) == 4 and len(second) == 2 and third == []
    assert not {c.id for c in first} & {c.id for c in second}


def test_only_the_holder_records_and_an_expired_claim_is_taken_again(app: App) -> None:
    account(app, "a", count=1)
    with app.reminder_queue() as q:
        [mine] = q.claim(now=NOW, hold_until=NOW + LEASE, worker="w1", limit=1)
        assert q.claim(now=NOW + LEASE / 2, hold_until=NOW + LEASE, worker="w2", limit=1) == []
        later = NOW + LEASE
        [again] = q.claim(now=later, hold_until=later + LEASE, worker="w2", limit=1)
        assert again.id == mine.id
        assert not q.mark_sent(mine.id, worker="w1", now=later)  # no longer w1's claim
        assert q.mark_sent(again.id, worker="w2", now=later)
        assert q.claim(now=later + 3 * LEASE, hold_until=later, worker="w3", limit=1) == []
        q.commit()


def test_a_worker_asked_to_stop_gives_back_what_it_has_not_sent(app: App) -> None:
    account(app, "a", count=5)
    inbox = Inbox()
    report = deliver(
        queue=app.reminder_queue,
        notifier_for=lambda _o: inbox,
        clock=lambda: NOW,
        worker="w1",
        settings=SETTINGS,
        batch=5,
        stop=lambda: len(inbox.titles) >= 2,
    )
    assert (report.sent, report.released) == (2, 3)
    rest = deliver(
        queue=app.reminder_queue,
        notifier_for=lambda _o: inbox,
        clock=lambda: NOW,
        worker="w2",
        settings=SETTINGS,
    )
    assert rest.sent == 3 and sorted(inbox.titles) == [f"a {i}" for i in range(5)]


def test_a_late_worker_gives_back_its_batch_at_half_the_lease(app: App) -> None:
    account(app, "a", count=4)
    inbox = Inbox()
    ticks = iter([NOW, NOW, NOW, NOW + LEASE / 2] + [NOW + LEASE / 2] * 20)
    report = deliver(
        queue=app.reminder_queue,
        notifier_for=lambda _o: inbox,
        clock=lambda: next(ticks),
        worker="w1",
        settings=SETTINGS,
        batch=4,
        lease=LEASE,
    )
    assert report.released >= 1 and report.sent == 4 and len(inbox.titles) == 4
    assert report.lost_claims == 0


def test_quiet_accounts_and_accounts_without_destination_are_handled(app: App) -> None:
    account(app, "night", timezone="Pacific/Auckland", count=1)  # 20:30 there: not quiet
    sleeping = account(app, "asleep", timezone="America/Los_Angeles", count=1)  # 23:30
    nowhere = account(app, "nowhere", count=1)
    inbox = Inbox()
    report = deliver(
        queue=app.reminder_queue,
        notifier_for=lambda o: None if o == nowhere else inbox,
        clock=lambda: NOW,
        worker="w1",
        settings=ReminderSettings(quiet_start=time(22, 0), quiet_end=time(7, 0)),
    )
    assert inbox.titles == ["night 0"] and report.failed == 1
    with app.uow_for(sleeping) as uow:
        [held] = uow.reminders.find()
    assert held.status == "pending"
    with app.uow_for(nowhere) as uow:
        [failed] = uow.reminders.find()
    assert failed.status == "failed" and "{account}" in failed.last_error


class WritesWhileSending:
    """A notifier that, mid-send, lets another writer of the same account commit."""

    def __init__(self, app: App, owner: int) -> None:
        self.app, self.owner, self.sent = app, owner, 0

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        if title != "logged mid-send":
            with self.app.uow_for(self.owner, write=True) as uow:
                uow.reminders.record_due(
                    kind="other", occurrence=title, title="logged mid-send", body="", now=NOW
                )
                uow.commit()
        self.sent += 1
        return Delivery(True)


def test_no_transaction_is_open_while_a_worker_sends(app: App) -> None:
    owner = account(app, "a", count=3)
    notifier = WritesWhileSending(app, owner)
    report = deliver(
        queue=app.reminder_queue,
        notifier_for=lambda _o: notifier,
        clock=lambda: NOW,
        worker="w1",
        settings=SETTINGS,
        batch=3,
    )
    assert report.sent == 6 and notifier.sent == 6  # the three, and the three logged mid-send
