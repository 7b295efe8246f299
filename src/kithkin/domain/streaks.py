"""Power of One: the status of each day, forgiving streaks, habit strength and consistency.

Input is the number of meaningful interactions on each local day. A day that misses the goal is a
rest day while the ISO week (Monday to Sunday) still has rest allowance left, taken in date
order; only a missed day beyond the allowance breaks a streak. Today, until it is met, is open.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DayStatus(StrEnum):
    MET = "met"
    REST = "rest"
    MISSED = "missed"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class PowerOfOne:
    """The Power of One summary for a day."""

    day: date
    goal: int
    count: int
    status: DayStatus
    streak: int
    best_streak: int
    strength: float  # 0..1, Loop Habit Tracker's score
    consistency_30: float | None  # share of non-rest days met in the last 30 days

    @property
    def met(self) -> bool:
        return self.status is DayStatus.MET


def day_statuses(
    counts: Mapping[date, int],
    *,
    start: date,
    today: date,
    goal: int,
    rest_per_week: int,
) -> list[tuple[date, DayStatus]]:
    """Status of every day from ``start`` to ``today`` inclusive, oldest first."""
    out: list[tuple[date, DayStatus]] = []
    week: tuple[int, int] | None = None
    rest_left = rest_per_week
    day = start
    while day <= today:
        iso = day.isocalendar()
        if (iso.year, iso.week) != week:
            week, rest_left = (iso.year, iso.week), rest_per_week
        if counts.get(day, 0) >= goal:
            status = DayStatus.MET
        elif day == today:
            status = DayStatus.OPEN
        elif rest_left > 0:
            status, rest_left = DayStatus.REST, rest_left - 1
        else:
            status = DayStatus.MISSED
        out.append((day, status))
        day += timedelta(days=1)
    return out


def streaks(statuses: list[tuple[date, DayStatus]]) -> tuple[int, int]:
    """(current, best) streaks, counted in met days; rest and open days neither break nor add."""
    current = best = 0
    for _, status in statuses:
        if status is DayStatus.MET:
            current += 1
            best = max(best, current)
        elif status is DayStatus.MISSED:
            current = 0
    return current, best


def strength(
    statuses: list[tuple[date, DayStatus]],
    counts: Mapping[date, int],
    *,
    goal: int,
    frequency: float = 1.0,
) -> float:
    """Loop Habit Tracker's score: ``s = s*m + v*(1-m)`` with ``m = 0.5 ** (sqrt(f) / 13)``.

    ``v`` is the day's completion (count over goal, at most 1). A rest day leaves the score as it
    is, unless the day's own partial completion would raise it: a rest day never hurts. An open
    day (today, not yet met) is not scored yet.
    """
    multiplier = 0.5 ** (math.sqrt(frequency) / 13)
    score = 0.0
    for day, status in statuses:
        if status is DayStatus.OPEN:
            continue
        completion = min(counts.get(day, 0) / goal, 1.0)
        updated = score * multiplier + completion * (1 - multiplier)
        score = max(score, updated) if status is DayStatus.REST else updated
    return score


def consistency(statuses: list[tuple[date, DayStatus]], *, window: int = 30) -> float | None:
    """Share of the last ``window`` days met, not counting rest days or an open today."""
    recent = [s for _, s in statuses[-window:] if s in (DayStatus.MET, DayStatus.MISSED)]
    if not recent:
        return None
    return sum(1 for s in recent if s is DayStatus.MET) / len(recent)


def power_of_one(
    counts: Mapping[date, int],
    *,
    start: date,
    today: date,
    goal: int,
    rest_per_week: int,
) -> PowerOfOne:
    """Everything ``kithkin today`` says about the Power of One for ``today``."""
    start = min(start, today)
    statuses = day_statuses(
        counts, start=start, today=today, goal=goal, rest_per_week=rest_per_week
    )
    current, best = streaks(statuses)
    return PowerOfOne(
        day=today,
        goal=goal,
        count=counts.get(today, 0),
        status=statuses[-1][1],
        streak=current,
        best_streak=best,
        strength=strength(statuses, counts, goal=goal),
        consistency_30=consistency(statuses),
    )
