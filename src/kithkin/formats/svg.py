"""Accessible SVG charts as plain text: a line chart over dates and a bar chart with intervals.

Pure functions, no dependencies. Every chart has ``role="img"``, a ``<title>`` and a ``<desc>``
referenced by ``aria-labelledby``; text is at least 12 px; every colour used for data or text
has a contrast of at least 4.5:1 against the white background, and series also differ by dash
pattern so colour is never the only cue. Pass a distinct ``id_prefix`` when several charts share
a page. PNG output is not provided.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

BACKGROUND = "#ffffff"
TEXT = "#1f1f1f"
AXIS = "#595959"
GRID = "#e0e0e0"
# The app's palette (static/app.css): deep green, slate, ochre, plum, warm grey; no alarm red for
# ordinary categories such as stress or "call or video". Each is 4.5:1 or more on white.
PALETTE = ("#2f6b5b", "#3f5f7f", "#7a5a1e", "#6b4f7a", "#5e544c")
BAR = PALETTE[0]  # bars are categories, not warnings: one calm colour, told apart by their labels
CHAR_EM = 0.56  # about 0.56 em per character of the system sans-serif
DASHES = ("", "6 4", "2 3", "8 3 2 3", "1 2")
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 12, 40, 48


@dataclass(frozen=True, slots=True)
class Series:
    """A named series of values over dates; None is a gap that breaks the line."""

    label: str
    points: tuple[tuple[date, float | None], ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """A bar with an optional interval drawn as an error bar."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None


def fmt(value: float) -> str:
    """A short number: at most one decimal (as the headlines beside the charts), no trailing
    zero, no negative zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def nice_ticks(low: float, high: float, *, target: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering ``[low, high]``."""
    if high < low:
        low, high = high, low
    if math.isclose(low, high, abs_tol=1e-9):
        low, high = low - 1, high + 1
    raw_step = (high - low) / max(target - 1, 1)
    power = 10 ** math.floor(math.log10(raw_step))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw_step)
    first = math.floor(low / step + 1e-9) * step
    if first > low:  # rounding put the first tick just above the data: step down one
        first -= step
    ticks: list[float] = []
    value = first
    while value <= high + step * 1e-9 or len(ticks) < 2:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def wrap(text: str, room: float, *, size: int = 12, lines: int = 2) -> list[str]:
    """``text`` in at most ``lines`` lines of ``room`` pixels at ``size`` px (words kept whole;
    the last line takes the rest)."""
    limit = max(1, int(room / (CHAR_EM * size)))
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= limit:
            out[-1] += " " + word
        elif len(out) < lines:
            out.append(word)
        else:
            out[-1] += " " + word
    return out or [""]


def _open(width: int, height: int, *, title: str, description: str, id_prefix: str) -> list[str]:
    """The opening of a responsive chart: ``width="100%"`` over its viewBox (drawn small enough
    that 12 px text stays 12 px or more on a 360 px phone); a long title wraps to two lines."""
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    lines = wrap(title, width - 16, size=15)  # bold: wider than the regular 0.56 em
    spans = "".join(
        f'<tspan x="8" dy="{0 if i == 0 else 16}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'viewBox="0 0 {width} {height}" role="img" class="kk-chart" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
        f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>',
        f'<text x="8" y="{18 if len(lines) == 1 else 14}" {FONT} font-size="13" '
        f'font-weight="600" fill="{TEXT}" aria-hidden="true">{spans}</text>',
    ]


def _text(x: float, y: float, content: str, *, anchor: str = "middle", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" fill="{TEXT}" '
        f'text-anchor="{anchor}">{escape(content)}</text>'
    )


def _y_axis(ticks: Sequence[float], scale_y: _Scale, *, left: float, right: float) -> list[str]:
    out = []
    for tick in ticks:
        y = scale_y(tick)
        out.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_text(left - 6, y + 4, fmt(tick), anchor="end"))
    return out


class _Scale:
    """Linear map from data values to pixels."""

    def __init__(self, lo: float, hi: float, px_lo: float, px_hi: float) -> None:
        self.lo, self.hi, self.px_lo, self.px_hi = lo, hi, px_lo, px_hi

    def __call__(self, value: float) -> float:
        span = self.hi - self.lo or 1.0
        return self.px_lo + (value - self.lo) / span * (self.px_hi - self.px_lo)


def _y_label(label: str, height: int) -> str:
    if not label:
        return ""
    y = height / 2
    return (
        f'<text x="14" y="{y:.1f}" {FONT} font-size="12" fill="{TEXT}" text-anchor="middle" '
        f'transform="rotate(-90 14 {y:.1f})">{escape(label)}</text>'
    )


def _date_ticks(first: date, last: date, *, target: int = 5) -> list[date]:
    span = (last - first).days
    if span == 0:
        return [first]
    count = min(target, span + 1)
    return [
        date.fromordinal(first.toordinal() + round(i * span / (count - 1))) for i in range(count)
    ]


def _polylines(
    series: Series, scale_x: _Scale, scale_y: _Scale, colour: str, dash: str, *, dots: bool = True
) -> list[str]:
    runs: list[list[tuple[float, float]]] = [[]]
    for day, value in series.points:
        if value is None:
            runs.append([])
        else:
            runs[-1].append((scale_x(day.toordinal()), scale_y(value)))
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    out = []
    for run in runs:
        if len(run) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            out.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"'
                f"{dash_attr}/>"
            )
        if dots or len(run) == 1:  # a lone point is only visible as a dot
            out.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in run)
    return out


def _marks(
    days: Sequence[date], label: str, scale_x: _Scale, *, bottom: float, colour: str
) -> list[str]:
    """Days marked by a short bar along the bottom of the plot (for example social days)."""
    out = [f'<g role="group" aria-label={quoteattr(label)}>']
    out.extend(
        f'<rect x="{scale_x(d.toordinal()) - 1.5:.1f}" y="{bottom - 8}" width="3" height="8" '
        f'fill="{colour}"/>'
        for d in days
    )
    out.append("</g>")
    return out


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    y_label: str = "",
    y_min: float | None = None,
    y_max: float | None = None,
    width: int = 288,
    height: int = 260,
    id_prefix: str = "chart",
    empty_text: str = "No data yet",
    marks: Sequence[date] = (),
    marks_label: str = "",
    dots: bool = True,
    x_ticks: int = 5,
) -> str:
    """A line chart of one or more series over dates (gaps break the line).

    ``marks`` are days drawn as short bars along the bottom (with ``marks_label`` in the
    legend); ``dots=False`` draws lines only (for long series); ``x_ticks`` date labels."""
    parts = _open(width, height, title=title, description=description, id_prefix=id_prefix)
    points = [(d, v) for s in series for d, v in s.points if v is not None]
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, height - MARGIN_BOTTOM
    if not points:
        parts.append(_text(width / 2, height / 2, empty_text, size=14))
        return "\n".join([*parts, "</svg>"]) + "\n"
    values = [v for _, v in points if v is not None]
    ticks = nice_ticks(
        min(values) if y_min is None else y_min, max(values) if y_max is None else y_max
    )
    days = [d for d, _ in points]
    first, last = min(days), max(days)
    scale_x = _Scale(first.toordinal(), last.toordinal(), left + 8, right - 8)
    scale_y = _Scale(ticks[0], ticks[-1], bottom, top)
    parts.extend(_y_axis(ticks, scale_y, left=left, right=right))
    parts.append(_y_label(y_label, height))
    ticks_x = _date_ticks(first, last, target=x_ticks)
    for day in ticks_x:
        x = scale_x(day.toordinal())
        parts.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="{AXIS}"/>'
        )
        last_tick = len(ticks_x) > 1 and day == ticks_x[-1]  # keep the label inside the chart
        parts.append(
            _text(
                x + 8 if last_tick else x,
                bottom + 18,
                f"{day.day} {day:%b}" + (f" {day:%y}" if first.year != last.year else ""),
                anchor="end" if last_tick else "middle",
            )
        )
    parts.append(
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{AXIS}" '
        'stroke-width="1"/>'
    )
    for index, item in enumerate(series):
        colour, dash = PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]
        parts.append(f'<g role="group" aria-label={quoteattr(item.label)}>')
        parts.extend(_polylines(item, scale_x, scale_y, colour, dash, dots=dots))
        parts.append("</g>")
    shown_marks = [d for d in marks if first <= d <= last]
    mark_colour = PALETTE[len(series) % len(PALETTE)]
    if shown_marks:
        parts.extend(_marks(shown_marks, marks_label, scale_x, bottom=bottom, colour=mark_colour))
    parts.extend(_legend([s.label for s in series], x=left, y=height - 12))
    if shown_marks and marks_label:
        x = left + sum(40 + 7 * len(s.label) for s in series)
        parts.append(
            f'<rect x="{x:.1f}" y="{height - 20}" width="3" height="8" fill="{mark_colour}"/>'
        )
        parts.append(_text(x + 9, height - 12, marks_label, anchor="start"))
    return "\n".join([*parts, "</svg>"]) + "\n"


def _legend(labels: Sequence[str], *, x: float, y: float) -> list[str]:
    out = []
    for index, label in enumerate(labels):
        colour, dash = PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 20:.1f}" y2="{y - 4:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        out.append(_text(x + 26, y, label, anchor="start"))
        x += 40 + 7 * len(label)
    return out


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str,
    y_label: str = "",
    width: int = 288,
    height: int = 260,
    id_prefix: str = "chart",
    empty_text: str = "No data yet",
) -> str:
    """Bars from zero with optional error bars (``low``..``high``) and value labels."""
    parts = _open(width, height, title=title, description=description, id_prefix=id_prefix)
    if not bars:
        parts.append(_text(width / 2, height / 2, empty_text, size=14))
        return "\n".join([*parts, "</svg>"]) + "\n"
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, height - MARGIN_BOTTOM
    extent = [0.0] + [v for b in bars for v in (b.value, b.low, b.high) if v is not None]
    ticks = nice_ticks(min(extent), max(extent))
    scale_y = _Scale(ticks[0], ticks[-1], bottom, top)
    parts.extend(_y_axis(ticks, scale_y, left=left, right=right))
    parts.append(_y_label(y_label, height))
    slot = (right - left) / len(bars)
    zero = scale_y(0.0)
    for index, bar in enumerate(bars):
        parts.extend(_bar(bar, x=left + index * slot, slot=slot, zero=zero, scale_y=scale_y))
        for row, line in enumerate(wrap(bar.label, slot - 4)):
            parts.append(_text(left + (index + 0.5) * slot, bottom + 18 + 14 * row, line))
    parts.append(
        f'<line x1="{left}" y1="{zero:.1f}" x2="{right}" y2="{zero:.1f}" stroke="{AXIS}"/>'
    )
    return "\n".join([*parts, "</svg>"]) + "\n"


def _one_decimal(value: float) -> str:
    """A value as the headlines beside the charts say it: one decimal, never "-0.0"."""
    return f"{value:.1f}".replace("-0.0", "0.0")


def _bar(bar: Bar, *, x: float, slot: float, zero: float, scale_y: _Scale) -> list[str]:
    colour = BAR
    bar_width = slot * 0.5
    x0 = x + (slot - bar_width) / 2
    y_value = scale_y(bar.value)
    y_top, y_height = min(y_value, zero), abs(zero - y_value)
    label = f"{bar.label}: {_one_decimal(bar.value)}"
    if bar.low is not None and bar.high is not None:
        label += f" (interval {_one_decimal(bar.low)} to {_one_decimal(bar.high)})"
    out = [
        f'<g role="group" aria-label={quoteattr(label)}>',
        f'<rect x="{x0:.1f}" y="{y_top:.1f}" width="{bar_width:.1f}" height="{y_height:.1f}" '
        f'fill="{colour}"/>',
    ]
    centre = x0 + bar_width / 2
    label_y = min(y_value, zero) - 6
    if bar.low is not None and bar.high is not None:
        y_low, y_high = scale_y(bar.low), scale_y(bar.high)
        cap = bar_width * 0.2
        out.append(
            f'<path d="M{centre:.1f},{y_low:.1f}V{y_high:.1f}'
            f"M{centre - cap:.1f},{y_low:.1f}H{centre + cap:.1f}"
            f'M{centre - cap:.1f},{y_high:.1f}H{centre + cap:.1f}" stroke="{TEXT}" '
            f'stroke-width="1.5" fill="none"/>'
        )
        label_y = min(label_y, min(y_low, y_high) - 6)
    value = _one_decimal(bar.value)
    out.append(_text(centre + bar_width * 0.3 + 4, label_y, value, anchor="start"))
    out.append("</g>")
    return out
