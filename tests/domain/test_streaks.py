"""Power of One: statuses, forgiving streaks, habit strength and consistency."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kithkin.domain.streaks import (
    DayStatus,
    consistency,
    day_statuses,
    power_of_one,
    streaks,
    strength,
)

MONDAY = date(2026, 11, 2)  # ISO week 45 starts on this Monday
TODAY = date(2026, 11, 26)


def statuses_of(counts: dict[date, int], *, start: date, today: date, rest: int = 1, goal: int = 1):
    return [
        s for _, s in day_statuses(counts, start=start, today=today, goal=goal, rest_per_week=rest)
    ]


# ---- statuses and rest allowance -------------------------------------------------------------


def test_one_rest_day_per_iso_week_then_missed() -> None:
    # Monday met, Tuesday and Wednesday missed: the first miss is a rest, the second breaks.
    counts = {MONDAY: 1}
    got = statuses_of(counts, start=MONDAY, today=MONDAY + timedelta(days=3), rest=1)
    assert got == [DayStatus.MET, DayStatus.REST, DayStatus.MISSED, DayStatus.OPEN]


def test_rest_allowance_resets_each_monday() -> None:
    sunday = MONDAY + timedelta(days=6)
    counts = {MONDAY + timedelta(days=i): 1 for i in range(6)}  # Sunday missed
    next_monday = sunday + timedelta(days=1)
    got = statuses_of(counts, start=MONDAY, today=next_monday + timedelta(days=1), rest=1)
    assert got[6] is DayStatus.REST  # Sunday uses week 45's allowance
    assert got[7] is DayStatus.REST  # Monday of week 46 has a fresh one
    assert got[8] is DayStatus.OPEN


def test_zero_rest_days_means_every_miss_counts() -> None:
    got = statuses_of({}, start=MONDAY, today=MONDAY + timedelta(days=2), rest=0)
    assert got == [DayStatus.MISSED, DayStatus.MISSED, DayStatus.OPEN]


def test_today_is_open_until_met_then_met() -> None:
    open_ = power_of_one({}, start=TODAY, today=TODAY, goal=1, rest_per_week=1)
    met = power_of_one({TODAY: 1}, start=TODAY, today=TODAY, goal=1, rest_per_week=1)
    assert open_.status is DayStatus.OPEN and not open_.met
    assert met.status is DayStatus.MET and met.met
    assert (open_.streak, met.streak) == (0, 1)


def test_goal_above_one_needs_that_many() -> None:
    counts = {TODAY - timedelta(days=1): 1, TODAY: 2}
    got = statuses_of(counts, start=TODAY - timedelta(days=1), today=TODAY, rest=0, goal=2)
    assert got == [DayStatus.MISSED, DayStatus.MET]


def test_streaks_rest_neither_breaks_nor_adds() -> None:
    days = [
        (MONDAY + timedelta(days=i), s)
        for i, s in enumerate(
            [
                DayStatus.MET,
                DayStatus.REST,
                DayStatus.MET,
                DayStatus.MISSED,
                DayStatus.MET,
                DayStatus.MET,
                DayStatus.OPEN,
            ]
        )
    ]
    assert streaks(days) == (2, 2)
    assert streaks(days[:3]) == (2, 2)


def test_open_today_does_not_break_a_streak() -> None:
    counts = {TODAY - timedelta(days=i): 1 for i in range(1, 6)}
    power = power_of_one(
        counts, start=TODAY - timedelta(days=10), today=TODAY, goal=1, rest_per_week=1
    )
    assert power.status is DayStatus.OPEN
    assert power.streak == 5
    assert power.best_streak == 5


def test_start_after_today_is_clamped() -> None:
    power = power_of_one({}, start=TODAY + timedelta(days=3), today=TODAY, goal=1, rest_per_week=1)
    assert power.day == TODAY and power.status is DayStatus.OPEN


# ---- strength ------------------------------------------------------------------------------


def test_strength_grows_with_practice_and_is_bounded() -> None:
    start = TODAY - timedelta(days=400)
    every_day = {start + timedelta(days=i): 1 for i in range(401)}
    power = power_of_one(every_day, start=start, today=TODAY, goal=1, rest_per_week=0)
    assert 0.99 < power.strength <= 1.0
    nothing = power_of_one({}, start=start, today=TODAY, goal=1, rest_per_week=0)
    assert nothing.strength == 0.0


def test_a_rest_day_never_lowers_strength() -> None:
    start = MONDAY
    counts = {MONDAY: 1}
    st_list = day_statuses(
        counts, start=start, today=MONDAY + timedelta(days=1), goal=1, rest_per_week=1
    )
    # Tuesday is today and open; make it yesterday by looking one day later.
    later = day_statuses(
        counts, start=start, today=MONDAY + timedelta(days=2), goal=1, rest_per_week=1
    )
    assert later[1][1] is DayStatus.REST
    assert strength(later, counts, goal=1) == strength(st_list, counts, goal=1)


def test_partial_completion_counts_towards_strength() -> None:
    day = MONDAY
    statuses = day_statuses(
        {day: 1}, start=day, today=day + timedelta(days=1), goal=2, rest_per_week=0
    )
    assert 0 < strength(statuses, {day: 1}, goal=2) < strength(statuses, {day: 2}, goal=2)


# ---- consistency ------------------------------------------------------------------------------


def test_consistency_ignores_rest_and_open_days() -> None:
    days = [
        (MONDAY, DayStatus.MET),
        (MONDAY, DayStatus.REST),
        (MONDAY, DayStatus.MISSED),
        (MONDAY, DayStatus.MET),
        (MONDAY, DayStatus.OPEN),
    ]
    assert consistency(days) == 2 / 3
    assert consistency([(MONDAY, DayStatus.OPEN)]) is None


def test_consistency_looks_at_the_last_window_only() -> None:
    days = [(MONDAY, DayStatus.MISSED)] * 40 + [(MONDAY, DayStatus.MET)] * 30
    assert consistency(days, window=30) == 1.0


# ---- invariants -------------------------------------------------------------------------------

HISTORY_DAYS = 60
counts_strategy = st.dictionaries(
    st.integers(min_value=0, max_value=HISTORY_DAYS).map(lambda i: TODAY - timedelta(days=i)),
    st.integers(min_value=0, max_value=3),
    max_size=HISTORY_DAYS,
)


def _summary(counts: dict[date, int], goal: int, rest: int):
    return power_of_one(
        counts,
        start=TODAY - timedelta(days=HISTORY_DAYS),
        today=TODAY,
        goal=goal,
        rest_per_week=rest,
    )


@settings(max_examples=200, deadline=None)
@given(
    counts=counts_strategy,
    offset=st.integers(min_value=0, max_value=HISTORY_DAYS),
    goal=st.integers(min_value=1, max_value=3),
    rest=st.integers(min_value=0, max_value=3),
)
def test_one_more_meaningful_interaction_never_lowers_anything(
    counts: dict[date, int], offset: int, goal: int, rest: int
) -> None:
    day = TODAY - timedelta(days=offset)
    before = _summary(counts, goal, rest)
    after = _summary({**counts, day: counts.get(day, 0) + 1}, goal, rest)
    assert after.streak >= before.streak
    assert after.best_streak >= before.best_streak
    assert after.strength >= before.strength - 1e-12


@settings(max_examples=200, deadline=None)
@given(
    counts=counts_strategy,
    raises=st.dictionaries(
        st.integers(min_value=0, max_value=HISTORY_DAYS), st.integers(min_value=1, max_value=3)
    ),
    goal=st.integers(min_value=1, max_value=3),
    rest=st.integers(min_value=0, max_value=3),
)
def test_raising_any_days_count_never_lowers_anything(
    counts: dict[date, int], raises: dict[int, int], goal: int, rest: int
) -> None:
    raised = dict(counts)
    for offset, extra in raises.items():
        day = TODAY - timedelta(days=offset)
        raised[day] = raised.get(day, 0) + extra
    before, after = _summary(counts, goal, rest), _summary(raised, goal, rest)
    assert after.streak >= before.streak
    assert after.best_streak >= before.best_streak
    assert after.strength >= before.strength - 1e-12


@settings(max_examples=150, deadline=None)
@given(counts=counts_strategy, goal=st.integers(1, 3), rest=st.integers(0, 6))
def test_summary_invariants(counts: dict[date, int], goal: int, rest: int) -> None:
    power = _summary(counts, goal, rest)
    statuses = day_statuses(
        counts,
        start=TODAY - timedelta(days=HISTORY_DAYS),
        today=TODAY,
        goal=goal,
        rest_per_week=rest,
    )
    assert 0 <= power.streak <= power.best_streak <= HISTORY_DAYS + 1
    assert 0.0 <= power.strength <= 1.0
    assert power.consistency_30 is None or 0.0 <= power.consistency_30 <= 1.0
    assert power.status in (DayStatus.MET, DayStatus.OPEN)
    # No ISO week uses more rest days than allowed.
    per_week: dict[tuple[int, int], int] = {}
    for day, status in statuses:
        if status is DayStatus.REST:
            iso = day.isocalendar()
            per_week[(iso.year, iso.week)] = per_week.get((iso.year, iso.week), 0) + 1
    assert all(n <= rest for n in per_week.values())
    # Met days are exactly the days reaching the goal.
    assert all((s is DayStatus.MET) == (counts.get(d, 0) >= goal) for d, s in statuses)
