"""The domain records validate their values; birthdays parse in several forms."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kithkin.domain.errors import BadChoice, EmptyValue, InputError, OutOfRange
from kithkin.domain.model import (
    Birthday,
    CheckIn,
    Circle,
    Interaction,
    Person,
    Profile,
    check_text,
    kind,
)

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
DAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Person("A", closeness=0),
        lambda: Person("A", closeness=6),
        lambda: Person("A", cadence_days=0),
        lambda: Circle("x", 0),
        lambda: CheckIn(DAY, mood=0, stress=5),
        lambda: CheckIn(DAY, mood=11, stress=5),
        lambda: CheckIn(DAY, mood=5, stress=11),
        lambda: CheckIn(DAY, mood=5, stress=5, energy=0),
        lambda: CheckIn(DAY, mood=5, stress=5, sleep_hours=25),
        lambda: Interaction(NOW, DAY, "call", 10, quality=6),
        lambda: Interaction(NOW, DAY, "call", 10, mood_before=0),
        lambda: Interaction(NOW, DAY, "call", 10, mood_after=11),
        lambda: Interaction(NOW, DAY, "call", -1),
        lambda: Interaction(NOW, DAY, "call", 24 * 60 + 1),
        lambda: Profile(daily_goal=0),
        lambda: Profile(daily_goal=11),
        lambda: Profile(rest_days_per_week=7),
        lambda: Profile(waking_start_hour=24),
    ],
)
def test_out_of_range_values_are_input_errors(build) -> None:
    with pytest.raises(OutOfRange) as caught:
        build()
    assert isinstance(caught.value, InputError)
    # The message says what was wrong and what is allowed.
    assert "between" in caught.value.message


def test_boundaries_are_allowed() -> None:
    assert CheckIn(DAY, mood=1, stress=10, energy=10, sleep_hours=0).mood == 1
    assert Person("A", closeness=5, cadence_days=3650).closeness == 5
    assert Interaction(NOW, DAY, "call", 0, quality=1, mood_before=1, mood_after=10).minutes == 0
    assert Profile(daily_goal=10, rest_days_per_week=6).daily_goal == 10


def test_kinds_are_forgiving_and_unknown_ones_say_what_is_allowed() -> None:
    assert kind("Walk-Run").id == "walk_run"
    assert kind(" video call ").id == "video_call"
    with pytest.raises(BadChoice) as caught:
        kind("telepathy")
    assert "coffee" in caught.value.message and "telepathy" in caught.value.message
    with pytest.raises(BadChoice):
        Interaction(NOW, DAY, "telepathy", 1)


def test_empty_text_is_refused() -> None:
    assert check_text("name", "  Ada ") == "Ada"
    with pytest.raises(EmptyValue):
        check_text("name", "   ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990-05-17", Birthday(5, 17, 1990)),
        ("05-17", Birthday(5, 17)),
        ("--05-17", Birthday(5, 17)),
        ("--0517", Birthday(5, 17)),
        (" 02-29 ", Birthday(2, 29)),
        ("2000-02-29", Birthday(2, 29, 2000)),
    ],
)
def test_birthday_parse_forms(text: str, expected: Birthday) -> None:
    assert Birthday.parse(text) == expected


@pytest.mark.parametrize("text", ["1990-02-30", "13-01", "02-30", "17 May", "", "1999-02-29"])
def test_birthday_parse_rejects(text: str) -> None:
    with pytest.raises(InputError):
        Birthday.parse(text)


def test_birthday_round_trips_through_str() -> None:
    for b in (Birthday(5, 17, 1990), Birthday(2, 29)):
        assert Birthday.parse(str(b)) == b


def test_profile_minutes_by_weekday() -> None:
    profile = Profile(weekday_minutes=15, weekend_minutes=45)
    assert profile.minutes_on(date(2026, 11, 27)) == 15  # Friday
    assert profile.minutes_on(date(2026, 11, 28)) == 45  # Saturday
