"""Check-ins (one per local day) and follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.errors import BadDate, EmptyValue, FollowUpNotFound, OutOfRange, UnknownName
from kithkin.services.checkins import check_in
from kithkin.services.followups import add_followup, complete_followup, list_followups
from kithkin.services.people import add_person
from tests.conftest import FIXED_NOW
from tests.services.helpers import count_rows, snapshot


def test_second_checkin_the_same_day_updates_it(app: App) -> None:
    with app.uow(write=True) as uow:
        first = check_in(uow=uow, now=FIXED_NOW, mood=4, stress=7)
        second = check_in(
            uow=uow,
            now=FIXED_NOW + timedelta(hours=8),
            mood=7,
            stress=3,
            energy=6,
            sleep_hours=7.5,
            note=" better ",
        )
        other = check_in(uow=uow, now=FIXED_NOW, mood=5, stress=5, day="yesterday")
    assert (first.created, second.created, other.created) == (True, False, True)
    assert count_rows(app, "checkins") == 2
    with app.uow() as uow:
        today = uow.checkins.get(date(2026, 11, 26))
        days = [c.day for c in uow.checkins.find()]
    assert today is not None
    assert (today.mood, today.stress, today.energy, today.sleep_hours, today.note) == (
        7,
        3,
        6,
        7.5,
        "better",
    )
    assert days == [date(2026, 11, 25), date(2026, 11, 26)]


def test_checkin_day_is_the_local_day(app: App) -> None:
    # 23:30 UTC on the 26th is already the 27th in Berlin.
    late = FIXED_NOW.replace(hour=23, minute=30)
    with app.uow(write=True) as uow:
        result = check_in(uow=uow, now=late, mood=6, stress=4)
    assert result.checkin.day == date(2026, 11, 27)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"mood": 0, "stress": 5}, OutOfRange),
        ({"mood": 5, "stress": 11}, OutOfRange),
        ({"mood": 5, "stress": 5, "sleep_hours": 30.0}, OutOfRange),
        ({"mood": 5, "stress": 5, "day": "the other day"}, BadDate),
    ],
)
def test_bad_checkin_writes_nothing(app: App, kwargs, error) -> None:
    before = snapshot(app)
    with app.uow(write=True) as uow, pytest.raises(error):
        check_in(uow=uow, now=FIXED_NOW, **kwargs)
    assert snapshot(app) == before


def test_followups_add_list_done_and_undo(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
        add_person(uow=uow, now=FIXED_NOW, name="Alan Turing")
        a = add_followup(uow=uow, now=FIXED_NOW, person="ada", text="ask about the engine")
        b = add_followup(uow=uow, now=FIXED_NOW, person="alan", text=" send the paper ", due="-1")
        c = add_followup(uow=uow, now=FIXED_NOW, person="ada", text="bring tea", due="2026-12-01")
    assert b.followup.due == date(2026, 11, 25)
    assert b.followup.text == "send the paper"
    with app.uow() as uow:
        listed = [v.followup.id for v in list_followups(uow=uow)]
        adas = [v.followup.text for v in list_followups(uow=uow, person="ada")]
    # Dated ones first, soonest first; undated last.
    assert listed == [b.followup.id, c.followup.id, a.followup.id]
    assert adas == ["bring tea", "ask about the engine"]
    assert b.followup.id is not None
    with app.uow(write=True) as uow:
        done = complete_followup(uow=uow, followup_id=b.followup.id)
    assert done.followup.done and done.person.name == "Alan Turing"
    with app.uow() as uow:
        assert len(list_followups(uow=uow)) == 2
        assert len(list_followups(uow=uow, include_done=True)) == 3
    with app.uow(write=True) as uow:
        undone = complete_followup(uow=uow, followup_id=b.followup.id, done=False)
    assert not undone.followup.done


def test_followup_errors_write_nothing(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
    before = snapshot(app)
    with app.uow(write=True) as uow:
        with pytest.raises(UnknownName):
            add_followup(uow=uow, now=FIXED_NOW, person="zed", text="hi")
        with pytest.raises(EmptyValue):
            add_followup(uow=uow, now=FIXED_NOW, person="ada", text="  ")
        with pytest.raises(BadDate):
            add_followup(uow=uow, now=FIXED_NOW, person="ada", text="hi", due="soon")
        with pytest.raises(FollowUpNotFound):
            complete_followup(uow=uow, followup_id=42)
    assert snapshot(app) == before
