from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithkin.domain.errors import OutOfRange
from kithkin.domain.windows import (
    Interval,
    WakingHours,
    earliest_start,
    fits_now,
    free_slots,
    shared_windows,
    waking_intervals,
)

ZONES = [
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Pacific/Auckland",
    "America/Sao_Paulo",
]
# Instants around daylight-saving changes in Europe, the US and the southern hemisphere.
DST_DAYS = [
    datetime(2025, 3, 9),
    datetime(2025, 3, 30),
    datetime(2025, 4, 6),
    datetime(2025, 9, 28),
    datetime(2025, 10, 26),
    datetime(2025, 11, 2),
]


def _awake(instant: datetime, tz: str, hours: WakingHours) -> bool:
    local = instant.astimezone(ZoneInfo(tz))
    return hours.contains_minute(local.hour * 60 + local.minute)


def _all_awake(start: datetime, end: datetime, tz: str, hours: WakingHours) -> bool:
    """Oracle: every minute of [start, end) is inside the waking hours in ``tz``."""
    t = start
    while t < end:
        if not _awake(t, tz, hours):
            return False
        t += timedelta(minutes=1)
    return True


instants = st.builds(
    lambda base, hours: (base + timedelta(hours=hours)).replace(tzinfo=UTC),
    st.sampled_from(DST_DAYS),
    st.integers(-36, 36),
)
hours_st = st.builds(
    lambda s, length: WakingHours(s * 60, min(s * 60 + length * 60, 1440)),
    st.integers(5, 12),
    st.integers(8, 16),
)


@settings(max_examples=60, deadline=None)
@given(
    instants,
    st.sampled_from(ZONES),
    st.sampled_from(ZONES),
    hours_st,
    hours_st,
    st.sampled_from([10, 30, 60]),
)
def test_shared_windows_are_inside_both_waking_hours(
    start: datetime, tz_a: str, tz_b: str, ha: WakingHours, hb: WakingHours, minutes: int
) -> None:
    end = start + timedelta(hours=48)
    windows = shared_windows(
        start=start,
        end=end,
        user_tz=tz_a,
        other_tz=tz_b,
        minutes=minutes,
        user_hours=ha,
        other_hours=hb,
    )
    for w in windows:
        assert w.minutes >= minutes
        assert start <= w.start < w.end <= end
        assert _all_awake(w.start, w.end, tz_a, ha)
        assert _all_awake(w.start, w.end, tz_b, hb)
    # Completeness: any quarter-hour start where the call fits for both is inside a window.
    t = start
    while t + timedelta(minutes=minutes) <= end:
        stop = t + timedelta(minutes=minutes)
        if _all_awake(t, stop, tz_a, ha) and _all_awake(t, stop, tz_b, hb):
            assert any(w.contains(t, stop) for w in windows), t
        t += timedelta(minutes=15)


def test_berlin_and_new_york_overlap_in_winter_and_across_dst_gap() -> None:
    # 10 March 2025: New York is on EDT (UTC-4) already, Berlin still on CET (UTC+1).
    day = datetime(2025, 3, 10, tzinfo=UTC)
    windows = shared_windows(
        start=day,
        end=day + timedelta(days=1),
        user_tz="Europe/Berlin",
        other_tz="America/New_York",
        minutes=30,
    )
    assert [(w.start.hour, w.end.hour) for w in windows] == [(12, 20)]
    # 17 February: both on standard time, a 6-hour gap: 13:00-20:00 UTC.
    day = datetime(2025, 2, 17, tzinfo=UTC)
    windows = shared_windows(
        start=day,
        end=day + timedelta(days=1),
        user_tz="Europe/Berlin",
        other_tz="America/New_York",
        minutes=30,
    )
    assert [(w.start.hour, w.end.hour) for w in windows] == [(13, 20)]


def test_no_window_when_asleep_on_opposite_sides() -> None:
    day = datetime(2025, 6, 2, tzinfo=UTC)
    windows = shared_windows(
        start=day,
        end=day + timedelta(days=1),
        user_tz="Europe/London",
        other_tz="Pacific/Auckland",
        minutes=30,
        user_hours=WakingHours.from_hours(9, 17),
        other_hours=WakingHours.from_hours(9, 17),
    )
    assert windows == []


def test_night_owl_window_runs_past_midnight() -> None:
    owl = WakingHours(start=10 * 60, end=60)
    assert owl.contains_minute(23 * 60 + 30) and owl.contains_minute(30)
    assert not owl.contains_minute(5 * 60)
    day = datetime(2025, 6, 2, tzinfo=UTC)
    spans = waking_intervals(start=day, end=day + timedelta(days=1), tz="UTC", hours=owl)
    assert spans[0] == Interval(day, day + timedelta(hours=1))
    assert spans[-1].start == day + timedelta(hours=10)


def test_waking_hours_validation() -> None:
    with pytest.raises(OutOfRange):
        WakingHours(start=1440)
    with pytest.raises(OutOfRange):
        WakingHours(end=0)


def test_fits_now() -> None:
    now = datetime(2025, 3, 10, 19, 40, tzinfo=UTC)  # 20:40 Berlin, 15:40 New York
    kw = {"user_tz": "Europe/Berlin", "other_tz": "America/New_York"}
    assert fits_now(now=now, minutes=20, **kw)
    assert not fits_now(now=now, minutes=30, **kw)


def test_free_slots_remove_busy_times_in_local_day() -> None:
    day = date(2025, 3, 30)  # Europe/Berlin springs forward at 02:00
    busy = [
        Interval(datetime(2025, 3, 30, 7, 0, tzinfo=UTC), datetime(2025, 3, 30, 9, 0, tzinfo=UTC)),
        Interval(
            datetime(2025, 3, 30, 8, 30, tzinfo=UTC), datetime(2025, 3, 30, 10, 0, tzinfo=UTC)
        ),
    ]
    slots = free_slots(day=day, busy=busy, tz="Europe/Berlin", min_minutes=10)
    # Waking 08:00-21:00 CEST = 06:00-19:00 UTC; busy 07:00-10:00 UTC.
    assert [(s.start.hour, s.end.hour) for s in slots] == [(6, 7), (10, 19)]
    later = free_slots(
        day=day,
        busy=busy,
        tz="Europe/Berlin",
        min_minutes=120,
        not_before=datetime(2025, 3, 30, 17, 30, tzinfo=UTC),
    )
    assert later == []


def test_earliest_start_rounds_to_five_minutes() -> None:
    w = [
        Interval(datetime(2025, 1, 1, 10, 0, tzinfo=UTC), datetime(2025, 1, 1, 10, 30, tzinfo=UTC))
    ]
    start = earliest_start(w, minutes=20, not_before=datetime(2025, 1, 1, 10, 2, tzinfo=UTC))
    assert start == datetime(2025, 1, 1, 10, 5, tzinfo=UTC)
    start = earliest_start(w, minutes=28, not_before=datetime(2025, 1, 1, 10, 2, tzinfo=UTC))
    assert start == datetime(2025, 1, 1, 10, 2, tzinfo=UTC)
    assert earliest_start(w, minutes=40, not_before=w[0].start) is None
