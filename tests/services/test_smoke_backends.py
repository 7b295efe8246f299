"""The same service calls behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from kithkin.bootstrap import App
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person, list_people
from kithkin.services.today import today
from tests.conftest import FIXED_NOW


def test_logging_resets_the_cadence_clock_and_meets_the_goal(app: App) -> None:
    with app.uow(write=True) as uow:
        ada = add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", circle="inner")
        before = today(uow=uow, now=FIXED_NOW)
        assert before.as_dict()["met"] is False
        assert [d["id"] for d in before.as_dict()["due_people"]] == [ada.id]
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["ada"])
    with app.uow() as uow:
        after = today(uow=uow, now=FIXED_NOW).as_dict()
        rows = list_people(uow=uow, now=FIXED_NOW)
    assert after["met"] is True
    assert after["streak"] == 1
    assert after["due_people"] == []
    assert rows[0].last_contact == FIXED_NOW.date()
    assert rows[0].due is False
