"""Charts for phones (#14): responsive (width 100% over a viewBox), drawn no wider than a 360 px
phone's card so no text shrinks below 12 px, in the app's palette (no alarm red), one decimal."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from kithkin.formats import svg
from kithkin.formats.mood_chart import mood_over_time_svg
from kithkin.web.insights.view import CHART_WIDTH

NS = "{http://www.w3.org/2000/svg}"
PHONE_CARD = 296  # 360 px less the page's and the card's padding


def _root(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def _rendered_font_sizes(markup: str, shown_width: float) -> list[float]:
    root = _root(markup)
    view_width = float(root.get("viewBox", "").split()[2])
    scale = min(1.0, shown_width / view_width)
    return [float(t.get("font-size", "0")) * scale for t in root.iter(f"{NS}text")]


def _bars() -> list[svg.Bar]:
    return [
        svg.Bar("message", 0.42, 0.1, 0.8),
        svg.Bar("call or video", -0.25, -0.6, 0.1),
        svg.Bar("in person", 1.26, 0.9, 1.7),
    ]


def test_charts_are_responsive_and_their_text_is_12px_or_more_on_a_phone() -> None:
    line = svg.line_chart(
        [svg.Series("Mood", tuple((date(2026, 1, 1) + timedelta(days=i), 5.0) for i in range(9)))],
        title="Mood and stress over the last 90 days, with the days you connected",
        description="d",
    )
    bars = svg.bar_chart(_bars(), title="Mood by kind of contact", description="d")
    for markup in (line, bars):
        root = _root(markup)
        assert root.get("width") == "100%"
        assert root.get("height") is None  # the height follows the viewBox's proportions
        assert float(root.get("viewBox", "").split()[2]) <= PHONE_CARD
        assert min(_rendered_font_sizes(markup, PHONE_CARD)) >= 12
    assert CHART_WIDTH <= PHONE_CARD


def test_a_long_title_wraps_instead_of_being_clipped() -> None:
    title = "Mood and stress over the last 365 days, with the days you connected marked"
    root = _root(svg.line_chart([], title=title, description="d"))
    spans = [t.text or "" for t in root.iter(f"{NS}tspan")]
    assert len(spans) == 2 and " ".join(spans) == title
    assert all(len(s) * svg.CHAR_EM * 15 <= 288 - 16 for s in spans[:1])


def test_bar_labels_wrap_so_neighbours_never_touch() -> None:
    root = _root(svg.bar_chart(_bars(), title="t", description="d"))
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert "call or" in labels and "video" in labels


def test_no_alarm_red_and_one_colour_for_ordinary_categories() -> None:
    def reddish(colour: str) -> bool:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return r > 150 and r > 2 * g and r > 2 * b

    assert not [c for c in svg.PALETTE if reddish(c)]
    bars = svg.bar_chart(_bars(), title="t", description="d")
    fills = {r.get("fill") for r in _root(bars).iter(f"{NS}rect")} - {svg.BACKGROUND}
    assert fills == {svg.BAR}
    assert svg.BAR in svg.PALETTE


def test_values_are_rounded_to_one_decimal_everywhere() -> None:
    bars = svg.bar_chart(_bars(), title="t", description="d")
    numbers = re.findall(r">(-?\d+\.\d+)<", bars) + re.findall(
        r"aria-label=\"[^\"]*?(-?\d+\.\d+)", bars
    )
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)


def test_the_mood_chart_marks_social_days_in_the_palette() -> None:
    from kithkin.services.insights import DayPoint

    start = date(2026, 1, 1)
    points = [DayPoint(start + timedelta(days=i), 6.0, 3.0, social=i % 2 == 0) for i in range(30)]
    markup = mood_over_time_svg(points, days=30)
    root = _root(markup)
    strokes = {p.get("stroke") for p in root.iter(f"{NS}polyline")}
    assert strokes <= set(svg.PALETTE) and len(strokes) == 2
    assert min(_rendered_font_sizes(markup, PHONE_CARD)) >= 12


def test_a_rounded_negative_zero_reads_as_zero_in_sentences() -> None:
    from kithkin.messages import text

    sentence = text("insights.next_day", delta=-0.0, low=-0.7, high=0.6, n=105)
    assert "-0.0" not in sentence and "+0.0" in sentence
