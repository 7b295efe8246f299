"""The one date format, in the order of the user's locale (#14)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kithkin.domain import dates
from kithkin.domain.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    YEAR_FIRST,
    day_label,
    long_day,
    order_for_locale,
    order_from_accept_language,
    order_from_environment,
    use_order,
)

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    ("tag", "order"),
    [
        ("en_US.UTF-8", MONTH_FIRST),
        ("en-US", MONTH_FIRST),
        ("es_US", MONTH_FIRST),
        ("en_PH.utf8", MONTH_FIRST),
        ("en_GB.UTF-8", DAY_FIRST),
        ("en", DAY_FIRST),
        ("de_DE.UTF-8@euro", DAY_FIRST),
        ("fr-CA", YEAR_FIRST),
        ("en_CA", YEAR_FIRST),
        ("sv_SE.UTF-8", YEAR_FIRST),
        ("ja", YEAR_FIRST),
        ("zh-Hant-TW", YEAR_FIRST),
        ("pt-BR", DAY_FIRST),
        ("xx-ZZ", DAY_FIRST),  # unknown: day first
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("", None),
        (None, None),
        ("*", None),
        ("12-34", None),
    ],
)
def test_the_order_of_a_locale(tag: str | None, order: str | None) -> None:
    assert order_for_locale(tag) == order


@pytest.mark.parametrize(
    ("header", "order"),
    [
        ("en-US,en;q=0.9", MONTH_FIRST),
        ("en-GB,en-US;q=0.8", DAY_FIRST),
        ("de;q=0.5, en-US;q=0.9", MONTH_FIRST),  # the weights decide, not the position
        ("sv, en-US", YEAR_FIRST),  # equal weights: the first
        ("*", None),
        ("en-US;q=0", None),  # q=0: not wanted
        ("en-US;q=oops, de", DAY_FIRST),
        ("", None),
        (None, None),
    ],
)
def test_the_order_the_browser_asks_for(header: str | None, order: str | None) -> None:
    assert order_from_accept_language(header) == order


def test_the_posix_environment_lc_all_then_lc_time_then_lang() -> None:
    assert order_from_environment({"LANG": "en_US.UTF-8"}) == MONTH_FIRST
    assert order_from_environment({"LANG": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8"}) == DAY_FIRST
    both = {"LANG": "en_GB", "LC_TIME": "en_GB", "LC_ALL": "sv_SE.UTF-8"}
    assert order_from_environment(both) == YEAR_FIRST
    assert order_from_environment({"LANG": "C.UTF-8"}) is None
    assert order_from_environment({}) is None


def test_today_yesterday_and_tomorrow_in_every_order() -> None:
    for order in dates.ORDERS:
        with use_order(order):
            assert day_label(TODAY, TODAY) == "today"
            assert day_label(date(2026, 12, 2), TODAY) == "yesterday"
            assert day_label(date(2026, 12, 4), TODAY) == "tomorrow"


def test_each_order_with_and_without_the_year() -> None:
    day = date(2026, 11, 27)
    old = date(2025, 1, 5)
    with use_order(DAY_FIRST):
        assert day_label(day, TODAY) == "Fri 27 Nov"
        assert day_label(old, TODAY) == "Sun 5 Jan 2025"
        assert day_label(day, weekday=False) == "27 Nov 2026"
        assert long_day(TODAY) == "Thursday 3 December"
    with use_order(MONTH_FIRST):
        assert day_label(day, TODAY) == "Fri, Nov 27"
        assert day_label(old, TODAY) == "Sun, Jan 5, 2025"
        assert day_label(day, weekday=False, year=False) == "Nov 27"
        assert long_day(TODAY) == "Thursday, December 3"
    with use_order(YEAR_FIRST):
        assert day_label(day, TODAY) == "Fri 2026-11-27"
        assert day_label(old, weekday=False) == "2025-01-05"
        assert long_day(TODAY) == "Thursday 2026-12-03"
    assert dates.current_order() == DAY_FIRST  # outside any block: day first
    assert day_label(None) == ""


def test_an_unknown_order_reads_day_first() -> None:
    with use_order("nonsense"):
        assert day_label(date(2026, 11, 27), TODAY) == "Fri 27 Nov"
    with use_order(None):
        assert dates.current_order() == DAY_FIRST


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_reads_back_as_itself(day: date) -> None:
    """Whatever the order, the label names the day: its weekday, day, month and year."""
    for order in dates.ORDERS:
        with use_order(order):
            label = day_label(day, weekday=True, year=True)
        assert label.startswith(day.strftime("%a"))
        assert str(day.year) in label
        if order != YEAR_FIRST:
            assert day.strftime("%b") in label and f"{day.day}" in label
        else:
            assert day.isoformat() in label


def test_a_follow_ups_due_day_in_a_plans_reason_follows_the_locale() -> None:
    """Plans keep the day as ISO text (any language can show it); the sentence showed it so."""
    from kithkin.domain.reason import Reason

    reason = Reason(
        "plan.reason.follow_up_due", {"text": "ask about the move", "due": "2026-12-04"}
    )
    with use_order(MONTH_FIRST):
        assert reason.text.endswith("(due Fri, Dec 4, 2026)")
    with use_order(dates.DAY_FIRST):
        assert reason.text.endswith("(due Fri 4 Dec 2026)")
