"""Dates that would poison later reads are refused; stored odd values never break an export
(issue #10.8)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.domain.errors import BadDate
from kithkin.domain.model import Birthday
from kithkin.services.interactions import OldInteraction, log_interaction
from kithkin.services.people import add_person, edit_person
from tests.conftest import FIXED_NOW


@pytest.mark.parametrize("birthday", ["9999-12-31", "1899-12-31", "2027-01-01", "0001-01-01"])
def test_birthdays_outside_1900_to_this_year_are_refused(app: App, birthday: str) -> None:
    with app.uow(write=True) as uow:
        with pytest.raises(BadDate):
            add_person(uow=uow, now=FIXED_NOW, name="Zed", birthday=birthday)
        ada = add_person(uow=uow, now=FIXED_NOW, name="Ada", birthday="12-10")
        with pytest.raises(BadDate):
            edit_person(uow=uow, now=FIXED_NOW, ref=ada.id, birthday=birthday)
        assert edit_person(uow=uow, now=FIXED_NOW, ref=ada.id, birthday="1990-02-28").birthday


def test_interactions_before_1970_are_refused_and_old_ones_need_confirming(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada")
        with pytest.raises(BadDate):
            log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", when="1969-12-31")
        with pytest.raises(BadDate):
            log_interaction(
                uow=uow, now=FIXED_NOW, kind_id="call", when="1900-01-01", confirm_old=True
            )
        with pytest.raises(OldInteraction):
            log_interaction(
                uow=uow, now=FIXED_NOW, kind_id="call", when="2020-05-01", confirm_old=False
            )
        logged = log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="call", when="2020-05-01", confirm_old=True
        )
        assert logged.interaction.day.year == 2020


def test_an_odd_stored_birthday_does_not_break_the_calendar_exports(app: App) -> None:
    from kithkin.web.app import create_app

    with app.uow(write=True) as uow:
        ada = add_person(uow=uow, now=FIXED_NOW, name="Ada")
        # As an old version or a direct write could have stored it.
        uow.people.update(replace(ada, birthday=Birthday(12, 31, 9999)))
        uow.commit()
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as c:
        response = c.get("/api/export/ics")
        assert response.status_code == 200, response.text[:300]
        assert "BEGIN:VCALENDAR" in response.text
