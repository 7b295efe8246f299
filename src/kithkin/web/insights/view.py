"""The insights result prepared for the page: inline SVG charts and a few display helpers.

No statistics here: every number comes from :func:`kithkin.services.insights.personal_insights`.
Charts are drawn by :mod:`kithkin.formats.svg` (``<title>``/``<desc>``, ``role="img"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from kithkin.domain.insights import EARLY_BELOW, MIN_DAYS, MIN_PER_GROUP, Comparison, Status
from kithkin.domain.questionnaires import UnknownInstrument, instrument
from kithkin.formats.svg import Bar, Series, bar_chart, line_chart
from kithkin.messages import text
from kithkin.services.insights import InsightsResult, message_text

CHART_WIDTH = 288  # drawn at a phone's width: 12 px text stays 12 px at 360 px


def signed(value: float | None, digits: int = 1) -> str:
    """``+1.4`` / ``-0.9`` / ``0.0``: the sign always shown, as the messages do."""
    if value is None:
        return ""
    shown = f"{value:+.{digits}f}"
    return shown.replace("-", "−") if not shown.startswith("+") else shown


def level(value: float) -> str:
    """A range's level for display: ``95%``, ``99.2%``."""
    shown = f"{value * 100:.1f}".removesuffix(".0")
    return f"{shown}%"


def group_label(group: str) -> str:
    return text(f"web.insights.group.{group}")


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a not-yet-shown comparison is from being shown (counts only, no estimates)."""

    days: int
    days_needed: int
    group: int
    baseline: int
    per_group: int


def progress(c: Comparison) -> Progress:
    return Progress(
        days=c.n_social + c.n_non_social,
        days_needed=MIN_DAYS,
        group=c.n_social,
        baseline=c.n_non_social,
        per_group=MIN_PER_GROUP,
    )


def _bars(comparisons: tuple[Comparison, ...] | list[Comparison], *, by: str) -> list[Bar]:
    return [
        Bar(
            group_label(c.group) if by == "group" else text(f"web.insights.measure.{c.measure}"),
            c.delta,
            c.ci_low,
            c.ci_high,
        )
        for c in comparisons
        if c.status is not Status.NOT_ENOUGH_DATA and c.delta is not None
    ]


def _svg(markup: str) -> Markup:
    return Markup(markup)  # noqa: S704 - built by formats.svg, which escapes every text it writes


def social_chart(result: InsightsResult) -> Markup | None:
    bars = _bars(result.insights.social, by="measure")
    if not bars:
        return None
    return _svg(
        bar_chart(
            bars,
            title=text("insights.chart_title"),
            description=text("insights.chart_desc"),
            y_label="difference (points)",
            width=CHART_WIDTH,
            id_prefix="chart-social",
        )
    )


def _mood_bars_chart(
    comparisons: tuple[Comparison, ...], *, title_key: str, desc_key: str, prefix: str
) -> Markup | None:
    bars = _bars([c for c in comparisons if c.measure == "mood"], by="group")
    if not bars:
        return None
    return _svg(
        bar_chart(
            bars,
            title=text(title_key),
            description=text(desc_key),
            y_label="mood difference",
            width=CHART_WIDTH,
            id_prefix=prefix,
        )
    )


def mode_chart(result: InsightsResult) -> Markup | None:
    return _mood_bars_chart(
        result.insights.by_mode,
        title_key="insights.by_mode_header",
        desc_key="web.insights.mode_desc",
        prefix="chart-mode",
    )


def dose_chart(result: InsightsResult) -> Markup | None:
    return _mood_bars_chart(
        result.insights.by_dose,
        title_key="insights.by_dose_header",
        desc_key="web.insights.dose_desc",
        prefix="chart-dose",
    )


def _share(instrument_id: str, raw: int) -> float | None:
    try:
        inst = instrument(instrument_id)
    except UnknownInstrument:
        return None
    span = inst.raw_max - inst.raw_min
    return round(100 * (raw - inst.raw_min) / span, 1) if span else None


def instrument_name(instrument_id: str) -> str:
    try:
        return instrument(instrument_id).name
    except UnknownInstrument:
        return instrument_id


def questionnaire_chart(result: InsightsResult) -> Markup | None:
    series = [
        Series(instrument_id.upper(), tuple((d, _share(instrument_id, raw)) for d, raw, _ in pts))
        for instrument_id, pts in sorted(result.questionnaires.items())
    ]
    if not series:
        return None
    return _svg(
        line_chart(
            series,
            title=text("insights.questionnaires_header"),
            description=text("web.insights.questionnaires_desc"),
            y_label="% of scale",
            y_min=0,
            y_max=100,
            width=CHART_WIDTH,
            id_prefix="chart-questionnaires",
        )
    )


def weekly_charts(result: InsightsResult) -> tuple[Markup, Markup] | None:
    weeks = result.weeks
    if len(weeks) < 2:
        return None
    streak = line_chart(
        [Series("streak (days)", tuple((w.week_end, float(w.streak)) for w in weeks))],
        title=text("web.insights.streak_title"),
        description=text("web.insights.streak_desc"),
        y_label="days",
        y_min=0,
        width=CHART_WIDTH,
        id_prefix="chart-streak",
    )
    network = line_chart(
        [
            Series(
                "in touch (%)",
                tuple(
                    (w.week_end, None if w.network_share is None else 100 * w.network_share)
                    for w in weeks
                ),
            )
        ],
        title=text("web.insights.network_title"),
        description=text("web.insights.network_desc"),
        y_label="% in touch",
        y_min=0,
        y_max=100,
        width=CHART_WIDTH,
        id_prefix="chart-network",
    )
    return _svg(streak), _svg(network)


def over_time_chart(result: InsightsResult, days: int) -> Markup | None:
    """The mood-over-time chart, or None while the window has no check-in."""
    from kithkin.formats.mood_chart import mood_over_time_svg

    if all(p.mood is None and p.stress is None for p in result.window(days)):
        return None
    return _svg(mood_over_time_svg(result.window(days), days=days, id_prefix="chart-time"))


def page_context(result: InsightsResult, *, window: int = 90) -> dict[str, Any]:
    """Everything ``insights.html`` needs, from one computed result."""
    from kithkin.formats.mood_chart import weekly_rows
    from kithkin.services.insights import WINDOWS

    ins = result.insights
    return {
        "window": window,
        "windows": WINDOWS,
        "time_chart": over_time_chart(result, window),
        "time_weeks": weekly_rows(result.window(window)),
        "result": result,
        "ins": ins,
        "summary": [message_text(m) for m in ins.summary],
        "social_chart": social_chart(result),
        "mode_chart": mode_chart(result),
        "dose_chart": dose_chart(result),
        "questionnaire_chart": questionnaire_chart(result),
        "weekly_charts": weekly_charts(result),
        "progress": progress,
        "group_label": group_label,
        "level": level,
        "instrument_name": instrument_name,
        "early_below": EARLY_BELOW,
        "min_days": MIN_DAYS,
        "min_per_group": MIN_PER_GROUP,
        "recent_weeks": list(result.weeks[-8:]),
    }
