"""Writes from a phone's offline queue carry the phone's clock: when each was queued
(``queued_at``) and when the queue was sent (``sent_at``). A wrong phone clock never loses an
offline log, and an older queued check-in never overwrites newer data (issue #14)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.errors import InFuture
from kithkin.services.checkins import check_in
from kithkin.services.interactions import log_interaction
from tests.conftest import FIXED_NOW
from tests.services.helpers import snapshot

NOW = FIXED_NOW + timedelta(hours=3)  # the server's clock when the queue is sent
AHEAD = timedelta(minutes=40)  # the phone's clock is this far ahead of the server's
DAY = date(2026, 11, 26)


def _checkin(app: App, cid: str, *, queued_at, sent_at=None, mood: int = 5, now=NOW):
    with app.uow(write=True) as uow:
        return check_in(
            uow=uow,
            now=now,
            mood=mood,
            stress=4,
            client_id=cid,
            queued_at=queued_at,
            sent_at=sent_at,
        )


def _stored_mood(app: App) -> int:
    with app.uow() as uow:
        stored = uow.checkins.get(DAY)
    assert stored is not None
    return stored.mood


def test_an_older_queued_checkin_sent_after_a_newer_one_changes_nothing(app: App) -> None:
    newer = _checkin(app, "b", queued_at=FIXED_NOW + timedelta(hours=1), mood=8)
    assert (newer.created, newer.superseded) == (True, False)
    before = snapshot(app)
    older = _checkin(app, "a", queued_at=FIXED_NOW, mood=3)
    assert (older.created, older.replayed, older.superseded) == (False, False, True)
    assert older.checkin.mood == 8  # the stored one is answered
    assert snapshot(app) == before


def test_a_queued_checkin_older_than_an_online_change_changes_nothing(app: App) -> None:
    with app.uow(write=True) as uow:  # online, an hour after the phone queued its check-in
        check_in(uow=uow, now=FIXED_NOW + timedelta(hours=1), mood=9, stress=2)
    queued = _checkin(app, "a", queued_at=FIXED_NOW, sent_at=NOW, mood=3)
    assert queued.superseded is True
    assert _stored_mood(app) == 9


def test_a_queue_sent_oldest_first_applies_each_in_turn(app: App) -> None:
    with app.uow(write=True) as uow:  # online, before anything was queued
        check_in(uow=uow, now=FIXED_NOW - timedelta(hours=1), mood=2, stress=2)
    first = _checkin(app, "a", queued_at=FIXED_NOW, sent_at=NOW, mood=3)
    second = _checkin(app, "b", queued_at=FIXED_NOW + timedelta(minutes=5), sent_at=NOW, mood=6)
    assert (first.superseded, second.superseded) == (False, False)
    assert _stored_mood(app) == 6
    with app.uow() as uow:  # the time of change is when it was made, not when it synced
        assert uow.checkins.updated_at(DAY) == FIXED_NOW + timedelta(minutes=5)


def test_the_phones_clock_is_corrected_before_comparing(app: App) -> None:
    # Queued at 09:00 by the server's clock, on a phone 40 minutes ahead (09:40 on its clock);
    # an online change at 09:20 came after it, although 09:40 reads as later.
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=FIXED_NOW + timedelta(minutes=20), mood=9, stress=2)
    queued = _checkin(app, "a", queued_at=FIXED_NOW + AHEAD, sent_at=NOW + AHEAD, mood=3)
    assert queued.superseded is True
    assert _stored_mood(app) == 9


def test_a_queued_checkin_falls_on_the_day_it_was_made(app: App) -> None:
    # Made at 23:50 in Berlin on the 26th, sent the next morning, by a phone an hour ahead
    # (its clock said 00:50 on the 27th).
    made = FIXED_NOW.replace(hour=22, minute=50)
    sent = made + timedelta(hours=10)
    result = _checkin(
        app, "a", queued_at=made + timedelta(hours=1), sent_at=sent + timedelta(hours=1), now=sent
    )
    assert result.checkin.day == DAY


def _log(app: App, **queue):
    with app.uow(write=True) as uow:
        return log_interaction(uow=uow, now=NOW, kind_id="coffee", client_id="q1", **queue)


def test_a_log_queued_on_a_phone_ahead_of_the_server_is_kept_at_its_moment(app: App) -> None:
    # Made at 09:00 (server's clock) on a phone 40 minutes ahead, sent three hours later.
    logged = _log(app, queued_at=FIXED_NOW + AHEAD, sent_at=NOW + AHEAD)
    assert logged.interaction.occurred_at == FIXED_NOW


def test_an_earlier_client_sending_its_clock_in_when_is_corrected_too(app: App) -> None:
    # The queue of the first offline.js: "when" is the phone's clock at the moment it queued.
    when = (FIXED_NOW + AHEAD).isoformat()
    logged = _log(app, when=when, queued_at=FIXED_NOW + AHEAD, sent_at=NOW + AHEAD)
    assert logged.interaction.occurred_at == FIXED_NOW


def test_a_queued_log_is_never_refused_as_in_the_future(app: App) -> None:
    # Without sent_at the skew is unknown: the moment is kept, but never later than now.
    logged = _log(app, queued_at=NOW + timedelta(hours=2))
    assert logged.interaction.occurred_at == NOW


def test_a_typed_time_in_a_queued_log_is_read_on_the_day_it_was_queued(app: App) -> None:
    # Queued on the 26th at 21:00 Berlin with "18:30" typed, sent the next morning.
    queued = FIXED_NOW.replace(hour=20)
    with app.uow(write=True) as uow:
        logged = log_interaction(
            uow=uow,
            now=queued + timedelta(hours=12),
            kind_id="coffee",
            when="18:30",
            queued_at=queued,
            sent_at=queued + timedelta(hours=12),
        )
    assert logged.interaction.occurred_at == FIXED_NOW.replace(hour=17, minute=30)


def test_a_manual_entry_in_the_future_is_still_refused(app: App) -> None:
    with app.uow(write=True) as uow, pytest.raises(InFuture):
        log_interaction(uow=uow, now=NOW, kind_id="coffee", when=(NOW + AHEAD).isoformat())
