import xml.etree.ElementTree as ET
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kithkin.formats import svg

NS = {"s": "http://www.w3.org/2000/svg"}
START = date(2026, 1, 1)


def parse(text):
    return ET.fromstring(text)


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def series(label, values):
    return svg.Series(label, tuple((START + timedelta(days=i), v) for i, v in enumerate(values)))


def test_line_chart_is_accessible():
    text = svg.line_chart(
        [series("Mood", [5, 6, 7])], title="Mood <trend> & more", description="Mood over 3 days."
    )
    root = parse(text)
    assert root.get("role") == "img"
    title = root.find("s:title", NS)
    desc = root.find("s:desc", NS)
    assert title.text == "Mood <trend> & more"
    assert desc.text == "Mood over 3 days."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_id_prefix_keeps_ids_unique():
    root = parse(svg.bar_chart([svg.Bar("a", 1)], title="t", description="d", id_prefix="mood"))
    assert root.get("aria-labelledby") == "mood-title mood-desc"


def test_gaps_break_the_line_and_every_point_is_marked():
    root = parse(
        svg.line_chart([series("Mood", [5, 6, None, 7, 8, None, 4])], title="t", description="d")
    )
    assert len(root.findall(".//s:polyline", NS)) == 2  # the lone 4 is a point only
    assert len(root.findall(".//s:circle", NS)) == 5


def test_two_series_get_distinct_colour_and_dash_and_a_legend():
    root = parse(
        svg.line_chart(
            [series("Mood", [5, 6, 7]), series("Stress", [4, 3, 2])], title="t", description="d"
        )
    )
    lines = root.findall(".//s:polyline", NS)
    assert lines[0].get("stroke") != lines[1].get("stroke")
    assert lines[0].get("stroke-dasharray") != lines[1].get("stroke-dasharray")
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Mood" in texts and "Stress" in texts
    first, third = START, START + timedelta(days=2)
    assert f"{first.day} {first:%b}" in texts and f"{third.day} {third:%b}" in texts


def test_y_range_respects_fixed_scale():
    root = parse(
        svg.line_chart([series("m", [5, 6])], title="t", description="d", y_min=1, y_max=10)
    )
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "0" in labels and "10" in labels


def test_empty_charts_say_so():
    for text in (
        svg.line_chart([series("m", [None, None])], title="t", description="d"),
        svg.bar_chart([], title="t", description="d", empty_text="Nothing yet"),
    ):
        root = parse(text)
        assert root.find(".//s:polyline", NS) is None
        assert root.find(f".//s:rect[@fill='{svg.BAR}']", NS) is None
    assert "Nothing yet" in text


def test_bar_chart_with_error_bars():
    bars = [
        svg.Bar("Social days", 6.2, 5.8, 6.7),
        svg.Bar("Other days", 5.4, 5.0, 5.9),
        svg.Bar("No interval", 3.0),
    ]
    root = parse(svg.bar_chart(bars, title="Mood", description="d", y_label="mood"))
    data_rects = [r for r in root.findall(".//s:rect", NS) if r.get("fill") in svg.PALETTE]
    assert len(data_rects) == 3
    assert len(root.findall(".//s:path", NS)) == 2
    groups = [g.get("aria-label") for g in root.findall(".//s:g", NS)]
    assert groups[0] == "Social days: 6.2 (interval 5.8 to 6.7)"
    assert groups[2] == "No interval: 3.0"


def test_negative_bars_hang_below_zero():
    root = parse(
        svg.bar_chart(
            [svg.Bar("up", 1.0), svg.Bar("down", -2.0, -3.0, -1.0)], title="t", description="d"
        )
    )
    up, down = (r for r in root.findall(".//s:rect", NS) if r.get("fill") in svg.PALETTE)
    zero = float(up.get("y")) + float(up.get("height"))
    assert float(down.get("y")) == pytest.approx(zero)
    assert float(down.get("height")) == pytest.approx(2 * float(up.get("height")))


def test_colours_have_enough_contrast():
    for colour in (*svg.PALETTE, svg.TEXT, svg.AXIS):
        assert contrast(colour, svg.BACKGROUND) >= 4.5


@pytest.mark.parametrize(
    ("value", "text"),
    [(1.0, "1"), (0.25, "0.2"), (0.26, "0.3"), (-0.001, "0"), (-0.04, "0"), (2.5, "2.5")],
)
def test_fmt(value, text):
    assert svg.fmt(value) == text


@given(st.floats(-1000, 1000), st.floats(-1000, 1000))
def test_nice_ticks_cover_the_range_evenly(a, b):
    ticks = svg.nice_ticks(a, b)
    assert ticks[0] <= min(a, b) + 1e-9 and ticks[-1] >= max(a, b) - 1e-9
    steps = {round(y - x, 6) for x, y in pairwise(ticks)}
    assert len(steps) == 1
    assert 2 <= len(ticks) <= 12


def test_marked_days_are_drawn_and_named_in_the_legend():
    d = date
    points = tuple((d(2026, 1, i), float(i % 5)) for i in range(1, 29))
    out = svg.line_chart(
        [svg.Series("Mood", points)],
        title="t",
        description="d",
        marks=[d(2026, 1, 3), d(2026, 1, 4), d(2027, 1, 1)],  # the last lies outside the chart
        marks_label="Connected",
        dots=False,
        x_ticks=3,
    )
    group = out.split('aria-label="Connected">')[1].split("</g>")[0]
    assert group.count("<rect") == 2
    assert ">Connected</text>" in out
    assert "<circle" not in out
