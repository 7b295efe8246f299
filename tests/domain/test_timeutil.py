"""Time zones, local days, the forgiving date parser, daylight-saving edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kithkin.domain.errors import BadDate, InputError, NonexistentLocalTime, UnknownTimezone
from kithkin.domain.timeutil import (
    as_utc,
    day_start_utc,
    device_moment,
    local_day,
    parse_day,
    parse_when,
    queued_when,
    to_utc,
    zone,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 in Berlin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("", NOW),
        ("14:00", datetime(2026, 11, 26, 13, 0, tzinfo=UTC)),
        ("today", datetime(2026, 11, 26, 11, 0, tzinfo=UTC)),
        ("today 08:15", datetime(2026, 11, 26, 7, 15, tzinfo=UTC)),
        ("yesterday", datetime(2026, 11, 25, 11, 0, tzinfo=UTC)),
        ("Yesterday 18:30", datetime(2026, 11, 25, 17, 30, tzinfo=UTC)),
        ("2026-11-20", datetime(2026, 11, 20, 11, 0, tzinfo=UTC)),
        ("2026-11-20T07:45", datetime(2026, 11, 20, 6, 45, tzinfo=UTC)),
        ("2026-11-20 07:45", datetime(2026, 11, 20, 6, 45, tzinfo=UTC)),
        ("2026-11-20T07:45:00+09:00", datetime(2026, 11, 19, 22, 45, tzinfo=UTC)),
        ("2026-07-01T12:00", datetime(2026, 7, 1, 10, 0, tzinfo=UTC)),  # summer: UTC+2
    ],
)
def test_parse_when_forms(text: str, expected: datetime) -> None:
    got = parse_when(text, now=NOW, tz="Europe/Berlin")
    assert got == expected
    assert got.utcoffset() is not None and got.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("text", ["tomorrowish", "25:00", "2026-13-01", "yesterday 7pm", "-"])
def test_parse_when_rejects_nonsense_with_bad_date(text: str) -> None:
    with pytest.raises(BadDate) as caught:
        parse_when(text, now=NOW, tz="Europe/Berlin")
    assert isinstance(caught.value, InputError)
    assert "YYYY-MM-DD" in caught.value.message


def test_spring_forward_gap_raises_nonexistent_local_time() -> None:
    with pytest.raises(NonexistentLocalTime) as caught:
        parse_when("2026-03-29T02:30", now=NOW, tz="Europe/Berlin")
    assert "Europe/Berlin" in caught.value.message
    with pytest.raises(NonexistentLocalTime):
        to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York")


def test_just_around_the_gap_is_fine() -> None:
    assert to_utc(datetime(2026, 3, 29, 1, 59), "Europe/Berlin") == datetime(
        2026, 3, 29, 0, 59, tzinfo=UTC
    )
    assert to_utc(datetime(2026, 3, 29, 3, 0), "Europe/Berlin") == datetime(
        2026, 3, 29, 1, 0, tzinfo=UTC
    )


def test_ambiguous_autumn_hour_reads_as_first_occurrence() -> None:
    # 02:30 on 25 Oct 2026 happens twice in Berlin: first at CEST (UTC+2).
    got = parse_when("2026-10-25T02:30", now=NOW, tz="Europe/Berlin")
    assert got == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert local_day(got, "Europe/Berlin") == date(2026, 10, 25)


def test_day_start_on_dst_days() -> None:
    assert day_start_utc(date(2026, 3, 29), "Europe/Berlin") == datetime(
        2026, 3, 28, 23, 0, tzinfo=UTC
    )
    assert day_start_utc(date(2026, 3, 30), "Europe/Berlin") == datetime(
        2026, 3, 29, 22, 0, tzinfo=UTC
    )


def test_local_day_for_a_traveller() -> None:
    instant = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    assert local_day(instant, "Asia/Tokyo") == date(2026, 11, 26)
    assert local_day(instant, "America/New_York") == date(2026, 11, 25)
    assert local_day(instant, zone("Europe/Berlin")) == date(2026, 11, 25)
    # "today 08:00" read in Tokyo is a different instant from "today 08:00" in New York.
    tokyo = parse_when("today 08:00", now=NOW, tz="Asia/Tokyo")
    new_york = parse_when("today 08:00", now=NOW, tz="America/New_York")
    assert tokyo == datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
    assert new_york == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    assert local_day(tokyo, "Asia/Tokyo") == date(2026, 11, 26)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../etc/passwd", "/etc/localtime", "Europe"])
def test_unknown_timezones(name: str) -> None:
    with pytest.raises(UnknownTimezone):
        zone(name)


def test_parse_day_forms() -> None:
    today = date(2026, 11, 26)
    assert parse_day("today", today=today) == today
    assert parse_day("yesterday", today=today) == date(2026, 11, 25)
    assert parse_day("-3", today=today) == date(2026, 11, 23)
    assert parse_day("2026-02-28", today=today) == date(2026, 2, 28)
    with pytest.raises(BadDate):
        parse_day("2026-02-30", today=today)


def test_as_utc_restores_the_zone() -> None:
    naive = datetime(2026, 1, 1, 12, 0)
    assert as_utc(naive) == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    aware = datetime.fromisoformat("2026-01-01T13:00:00+01:00")
    assert as_utc(aware) == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def test_a_device_moment_is_moved_by_the_devices_skew_and_never_after_now() -> None:
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    ahead = timedelta(minutes=40)
    made = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert device_moment(made + ahead, sent_at=now + ahead, now=now) == made
    assert device_moment(made - ahead, sent_at=now - ahead, now=now) == made  # behind
    assert device_moment(now + ahead, sent_at=None, now=now) == now


def test_queued_when_reads_each_form_against_the_moment_it_was_queued() -> None:
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    queued = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # 21:00 in Berlin
    ahead = timedelta(hours=2)

    def read(value: str | None) -> datetime:
        return queued_when(
            value, queued_at=queued + ahead, sent_at=now + ahead, now=now, tz="Europe/Berlin"
        )

    assert read(None) == read("now") == queued
    assert read((queued + ahead).isoformat()) == queued  # the device's clock, corrected
    assert read("18:30") == datetime(2026, 11, 26, 17, 30, tzinfo=UTC)  # that day, not today
