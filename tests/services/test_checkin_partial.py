"""A second check-in of the day changes only what it names (issue #10, point 2)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.errors import CheckInNeedsMoodStress, ClearAndSet, NotClearable
from kithkin.services.checkins import check_in
from tests.conftest import FIXED_NOW
from tests.services.helpers import snapshot

LATER = FIXED_NOW + timedelta(hours=6)


def _full(app: App) -> None:
    with app.uow(write=True) as uow:
        check_in(
            uow=uow, now=FIXED_NOW, mood=4, stress=7, energy=5, sleep_hours=6.5, note="slow start"
        )


def _stored(app: App) -> tuple[object, ...]:
    with app.uow() as uow:
        c = uow.checkins.get(date(2026, 11, 26))
    assert c is not None
    return (c.mood, c.stress, c.energy, c.sleep_hours, c.note)


def test_a_second_checkin_keeps_what_it_does_not_name(app: App) -> None:
    _full(app)
    with app.uow(write=True) as uow:
        result = check_in(uow=uow, now=LATER, mood=6, stress=4)
    assert result.created is False
    assert _stored(app) == (6, 4, 5, 6.5, "slow start")


def test_a_second_checkin_may_name_one_field(app: App) -> None:
    _full(app)
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=LATER, energy=8)
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=LATER, note=" better after lunch ")
    assert _stored(app) == (4, 7, 8, 6.5, "better after lunch")


def test_clear_removes_only_the_named_values(app: App) -> None:
    _full(app)
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=LATER, clear=["energy", "note"])
    assert _stored(app) == (4, 7, None, 6.5, "")
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=LATER, clear=["sleep"])
    assert _stored(app) == (4, 7, None, None, "")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"clear": ["mood"]}, NotClearable),
        ({"clear": ["stress"]}, NotClearable),
        ({"clear": ["energy"], "energy": 3}, ClearAndSet),
        ({"clear": ["note"], "note": "x"}, ClearAndSet),
    ],
)
def test_impossible_clears_write_nothing(app: App, kwargs, error) -> None:
    _full(app)
    before = snapshot(app)
    with app.uow(write=True) as uow, pytest.raises(error):
        check_in(uow=uow, now=LATER, **kwargs)
    assert snapshot(app) == before


@pytest.mark.parametrize("kwargs", [{}, {"mood": 5}, {"stress": 5}, {"energy": 5}])
def test_the_first_checkin_of_a_day_needs_mood_and_stress(app: App, kwargs) -> None:
    before = snapshot(app)
    with app.uow(write=True) as uow, pytest.raises(CheckInNeedsMoodStress):
        check_in(uow=uow, now=FIXED_NOW, **kwargs)
    assert snapshot(app) == before
