from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kithkin.domain.errors import InputError, OutOfRange
from kithkin.domain.ladder import (
    Attempt,
    CameTrue,
    Ladder,
    LadderSize,
    Step,
    StepNotOffered,
    StepOutOfRange,
    StepsNotSorted,
    anxiety_cap,
    distress_rising,
    make_ladder,
    next_step_offered,
    step_back,
    step_up,
    to_catalogue_anxiety,
    trend,
)

D = date(2025, 3, 10)


def ladder(n: int = 10) -> Ladder:
    steps = [Step(f"situation {i}", "they will think I'm odd", 95 - 6 * i) for i in range(n)]
    return make_ladder("start conversations with colleagues", steps)


def done(step: int, peak: int, belief_after: int | None = 50, day: int = 0) -> Attempt:
    return Attempt(
        step=step,
        day=D + timedelta(days=day),
        prediction="awkward silence",
        belief_before=70,
        predicted_peak=60,
        actual_peak=peak,
        came_true=CameTrue.NO,
        belief_after=belief_after,
    )


def test_make_ladder_sorts_easiest_first() -> None:
    lad = ladder()
    values = [s.predicted_anxiety for s in lad.steps]
    assert values == sorted(values)
    assert lad.steps[0].description == "situation 9"


@pytest.mark.parametrize("n", [7, 16])
def test_ladder_size(n: int) -> None:
    with pytest.raises(LadderSize) as info:
        ladder(n)
    assert isinstance(info.value, InputError) and info.value.params["value"] == n


def test_unsorted_ladder_rejected_and_values_checked() -> None:
    steps = tuple(Step(f"s{i}", "x", 80 - i) for i in range(8))
    with pytest.raises(StepsNotSorted):
        Ladder("goal", steps)
    with pytest.raises(OutOfRange):
        Step("too scary", "x", 101)
    with pytest.raises(OutOfRange):
        Attempt(step=0, day=D, prediction="x", belief_before=120, predicted_peak=10)


def test_offer_after_two_good_completions() -> None:
    lad = ladder()
    assert not next_step_offered(lad, [], 0)
    one = [done(0, 35)]
    assert not next_step_offered(lad, one, 0)
    with pytest.raises(StepNotOffered):
        step_up(lad, one, 0)
    # Peak above 40 but belief re-rated to 30% counts; peak 60 with belief 50% does not.
    mixed = [done(0, 35), done(0, 60, belief_after=50), done(0, 55, belief_after=30)]
    assert next_step_offered(lad, mixed, 0)
    assert step_up(lad, mixed, 0) == 1
    # Completions at another step and unfinished attempts do not count.
    other = [
        done(1, 10),
        done(1, 10),
        Attempt(step=0, day=D, prediction="x", belief_before=50, predicted_peak=50),
    ]
    assert not next_step_offered(lad, other, 0)


def test_top_step_offers_nothing_and_step_back_allowed() -> None:
    lad = ladder(8)
    assert not next_step_offered(lad, [done(7, 5), done(7, 5)], 7)
    assert step_back(lad, 3) == 2
    assert step_back(lad, 0) == 0
    with pytest.raises(StepOutOfRange):
        step_back(lad, 8)


@given(st.integers(0, 100))
def test_anxiety_mapping_monotone_and_in_scale(value: int) -> None:
    mapped = to_catalogue_anxiety(value)
    assert 1 <= mapped <= 5
    if value < 100:
        assert mapped <= to_catalogue_anxiety(value + 1)


def test_anxiety_mapping_boundaries_and_cap() -> None:
    assert [to_catalogue_anxiety(v) for v in (0, 20, 21, 40, 41, 60, 61, 80, 81, 100)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
        5,
        5,
    ]
    lad = ladder()
    assert anxiety_cap(lad, 0) == to_catalogue_anxiety(lad.steps[0].predicted_anxiety) == 3
    assert anxiety_cap(lad, 9) == 5


def test_trend_and_rising_distress() -> None:
    attempts = [
        done(0, 50, day=2),
        done(0, 30, day=0),
        done(0, 40, day=1),
        Attempt(step=0, day=D, prediction="x", belief_before=50, predicted_peak=50),
    ]
    points = trend(attempts)
    assert [p.actual_peak for p in points] == [30, 40, 50]
    assert points[0].overestimate == 30 and points[0].belief_change == -20
    assert not distress_rising(attempts)
    assert distress_rising([done(0, 50, day=0), done(0, 60, day=1), done(0, 75, day=2)])
