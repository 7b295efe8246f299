"""The mood-over-time view: evening mood and stress as lines, days you connected marked.

Shared by ``kithkin insights --chart FILE.svg --over-time DAYS`` and the insights page. The chart
is drawn 288 px wide so that, shown at its natural size on a 360 px phone, every text is at
least 12 px; :func:`weekly_rows` is its text alternative (one row per week).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kithkin.formats.svg import Series, line_chart
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.services.insights import DayPoint

WIDTH = 288
HEIGHT = 260


def mood_over_time_svg(
    points: Sequence[DayPoint], *, days: int, id_prefix: str = "mood-time"
) -> str:
    """An SVG line chart of mood and stress over ``points`` (one window of the timeline)."""
    return line_chart(
        [
            Series(text("insights.time.mood"), tuple((p.day, p.mood) for p in points)),
            Series(text("insights.time.stress"), tuple((p.day, p.stress) for p in points)),
        ],
        title=text("insights.time.title", days=days),
        description=text("insights.time.desc", days=days),
        y_label=text("insights.time.axis"),
        y_min=0,
        y_max=10,
        width=WIDTH,
        height=HEIGHT,
        id_prefix=id_prefix,
        empty_text=text("insights.chart_empty"),
        marks=[p.day for p in points if p.social],
        marks_label=text("insights.time.social"),
        dots=len(points) <= 31,
        x_ticks=3,
    )


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One week of the window, in words and numbers for the table alternative."""

    first: date
    last: date
    mood: float | None
    stress: float | None
    check_ins: int
    social_days: int


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def weekly_rows(points: Sequence[DayPoint]) -> list[WeekRow]:
    """Seven-day stretches from the window's first day: averages, check-ins, social days."""
    rows = []
    for start in range(0, len(points), 7):
        week = points[start : start + 7]
        moods = [p.mood for p in week if p.mood is not None]
        stresses = [p.stress for p in week if p.stress is not None]
        rows.append(
            WeekRow(
                week[0].day,
                week[-1].day,
                _mean(moods),
                _mean(stresses),
                len(moods),
                sum(1 for p in week if p.social),
            )
        )
    return rows
