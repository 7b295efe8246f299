"""Free time from calendars, recurring calls across DST, feed tokens and the ICS feed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kithkin.bootstrap import App
from kithkin.domain.timeutil import zone
from kithkin.formats.feed import busy_reader, calendar_feed
from kithkin.services.calendars import (
    add_calendar,
    free_slots_for_day,
    new_feed_token,
    plan_call,
    resolve_feed_token,
    revoke_feed_tokens,
    save_call,
)

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def test_recurring_meeting_is_expanded_into_free_minutes(app: App) -> None:
    early = datetime(2026, 3, 1, tzinfo=UTC)
    with app.uow(write=True) as uow:
        add_calendar(uow=uow, now=early, name="work", path=str(FIXTURES / "weekly_berlin_dst.ics"))
        # Thursday 26 March (before DST) and 2 April (moved to Friday 3 April) and 16 April.
        busy_day = free_slots_for_day(
            uow=uow, day=date(2026, 3, 26), now=early, read_busy=busy_reader
        )
        moved_away = free_slots_for_day(
            uow=uow, day=date(2026, 4, 2), now=early, read_busy=busy_reader
        )
        after_dst = free_slots_for_day(
            uow=uow, day=date(2026, 4, 16), now=early, read_busy=busy_reader
        )
    waking = 13 * 60  # 08:00-21:00
    assert moved_away.minutes == waking
    assert busy_day.minutes < waking and after_dst.minutes < waking
    berlin = zone("Europe/Berlin")
    # the meeting stays at 10:00 local on both sides of the clock change
    for result in (busy_day, after_dst):
        ends = [s.end.astimezone(berlin).strftime("%H:%M") for s in result.slots]
        assert "10:00" in ends


@pytest.mark.parametrize("other", ["America/New_York", "Australia/Sydney"])
def test_call_plan_stays_inside_both_waking_windows_all_year(app: App, other: str) -> None:
    now = datetime(2026, 11, 26, 9, tzinfo=UTC)
    with app.uow() as uow:
        proposal = plan_call(
            uow=uow,
            now=now,
            person_id=1,
            person_name="X",
            other_tz=other,
            minutes=30,
            interval_weeks=2,
            weeks=52,
        )
    assert proposal is not None
    assert len(proposal.occurrences) >= 26
    for start in proposal.occurrences:
        for tz in ("Europe/Berlin", other):
            a = start.astimezone(zone(tz))
            b = (start + timedelta(minutes=30)).astimezone(zone(tz))
            assert a.hour * 60 + a.minute >= 8 * 60 and b.hour * 60 + b.minute <= 21 * 60
            assert a.date() == b.date()
    berlin_times = {
        s.astimezone(zone("Europe/Berlin")).strftime("%H:%M") for s in proposal.occurrences
    }
    assert berlin_times == {proposal.local_time.strftime("%H:%M")}


def test_feed_token_resolves_until_revoked_and_feed_has_events(app: App) -> None:
    from kithkin.services.people import add_person

    now = datetime(2026, 11, 26, 9, tzinfo=UTC)
    with app.uow(write=True) as uow:
        token = new_feed_token(uow=uow, now=now)
        assert resolve_feed_token(uow=uow, token=token) == app.owner_id
        assert resolve_feed_token(uow=uow, token=token + "x") is None
        person = add_person(
            uow=uow, now=now, name="Maya", timezone="America/New_York", birthday="1990-02-28"
        )
        assert person.id is not None
        proposal = plan_call(
            uow=uow,
            now=now,
            person_id=person.id,
            person_name="Maya",
            other_tz="America/New_York",
            minutes=30,
            interval_weeks=1,
        )
        assert proposal is not None
        save_call(uow=uow, now=now, proposal=proposal)
        feed = calendar_feed(uow=uow, now=now)
        assert feed.count("BEGIN:VEVENT") == 2 and "RRULE:FREQ=WEEKLY" in feed
        assert feed.count("BEGIN:VALARM") == 2
        revoke_feed_tokens(uow=uow, now=now)
        assert resolve_feed_token(uow=uow, token=token) is None
