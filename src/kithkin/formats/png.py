"""PNG charts, for people who want a picture file rather than SVG. Pillow is imported lazily.

The layout and colours follow :mod:`kithkin.formats.svg`, so both files say the same thing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from kithkin.formats.svg import AXIS, BACKGROUND, BAR, GRID, TEXT, Bar, fmt, nice_ticks

SCALE = 2  # draw at twice the SVG's size so text stays crisp


def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.load_default(size=size * SCALE)


def bar_chart_png(
    bars: Sequence[Bar],
    *,
    title: str,
    y_label: str = "",
    width: int = 480,
    height: int = 320,
    empty_text: str = "No data yet",
) -> bytes:
    """The bar chart of :func:`kithkin.formats.svg.bar_chart`, as PNG bytes."""
    from PIL import Image, ImageDraw

    w, h = width * SCALE, height * SCALE
    image = Image.new("RGB", (w, h), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((16 * SCALE, 10 * SCALE), title, fill=TEXT, font=_font(15))
    if not bars:
        draw.text((w / 2, h / 2), empty_text, fill=TEXT, font=_font(14), anchor="mm")
        return _encode(image)
    left, right, top, bottom = 64 * SCALE, w - 16 * SCALE, 72 * SCALE, h - 40 * SCALE
    extent = [0.0] + [v for b in bars for v in (b.value, b.low, b.high) if v is not None]
    ticks = nice_ticks(min(extent), max(extent))

    def y_of(value: float) -> float:
        span = (ticks[-1] - ticks[0]) or 1.0
        return bottom - (value - ticks[0]) / span * (bottom - top)

    for tick in ticks:
        y = y_of(tick)
        draw.line([(left, y), (right, y)], fill=GRID, width=SCALE)
        draw.text((left - 6 * SCALE, y), fmt(tick), fill=AXIS, font=_font(11), anchor="rm")
    if y_label:
        draw.text((8 * SCALE, top - 34 * SCALE), y_label, fill=AXIS, font=_font(11))
    slot = (right - left) / len(bars)
    zero = y_of(0.0)
    for index, bar in enumerate(bars):
        colour = BAR
        x0 = left + index * slot + slot * 0.25
        x1 = x0 + slot * 0.5
        y = y_of(bar.value)
        draw.rectangle([(x0, min(y, zero)), (x1, max(y, zero))], fill=colour)
        if bar.low is not None and bar.high is not None:
            mid = (x0 + x1) / 2
            y_low, y_high = y_of(bar.low), y_of(bar.high)
            draw.line([(mid, y_low), (mid, y_high)], fill=TEXT, width=2 * SCALE)
            for cap in (y_low, y_high):
                draw.line([(mid - 8 * SCALE, cap), (mid + 8 * SCALE, cap)], fill=TEXT, width=SCALE)
        if bar.value >= 0:  # the value sits above the bar and its interval, or below them
            label_y = min(y, y_of(bar.high) if bar.high is not None else y) - 12 * SCALE
        else:
            label_y = max(y, y_of(bar.low) if bar.low is not None else y) + 12 * SCALE
        draw.text(((x0 + x1) / 2, label_y), fmt(bar.value), fill=TEXT, font=_font(12), anchor="mm")
        draw.text(
            (left + (index + 0.5) * slot, bottom + 18 * SCALE),
            bar.label,
            fill=TEXT,
            font=_font(12),
            anchor="mm",
        )
    draw.line([(left, zero), (right, zero)], fill=AXIS, width=SCALE)
    return _encode(image)


def _encode(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
