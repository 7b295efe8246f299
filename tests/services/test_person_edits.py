"""Small service additions for the web: today's check-in read, clearing person fields, and a
follow-up's due date (both backends)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kithkin.domain.errors import BadDate, FollowUpNotFound
from kithkin.services.checkins import check_in, todays_checkin
from kithkin.services.followups import add_followup, set_followup_due
from kithkin.services.people import add_person, edit_person
from tests.conftest import FIXED_NOW


def test_todays_checkin_is_the_local_days_one(app):
    with app.uow(write=True) as uow:
        assert todays_checkin(uow=uow, now=FIXED_NOW) is None
        check_in(uow=uow, now=FIXED_NOW, mood=6, stress=4)
        check_in(uow=uow, now=FIXED_NOW, mood=3, stress=3, day="yesterday")
        found = todays_checkin(uow=uow, now=FIXED_NOW)
        assert found is not None and (found.day, found.mood) == (date(2026, 11, 26), 6)
        assert todays_checkin(uow=uow, now=FIXED_NOW + timedelta(days=1)) is None


def test_edit_person_clears_only_the_named_clearable_fields(app):
    with app.uow(write=True) as uow:
        ada = add_person(
            uow=uow, now=FIXED_NOW, name="Ada", cadence_days=5, timezone="UTC", birthday="12-10"
        )
        edited = edit_person(
            uow=uow, ref=ada.id, clear=["cadence_days", "birthday", "name"], notes="hi"
        )
        assert (edited.cadence_days, edited.birthday, edited.timezone) == (None, None, "UTC")
        assert (edited.name, edited.notes) == ("Ada", "hi")


def test_set_followup_due(app):
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada")
        view = add_followup(uow=uow, now=FIXED_NOW, person="Ada", text="call")
        assert view.followup.id is not None
        moved = set_followup_due(
            uow=uow, now=FIXED_NOW, followup_id=view.followup.id, due="2026-11-27"
        )
        assert moved.followup.due == date(2026, 11, 27)
        cleared = set_followup_due(uow=uow, now=FIXED_NOW, followup_id=view.followup.id, due=None)
        assert cleared.followup.due is None
        with pytest.raises(BadDate):
            set_followup_due(uow=uow, now=FIXED_NOW, followup_id=view.followup.id, due="someday")
        with pytest.raises(FollowUpNotFound):
            set_followup_due(uow=uow, now=FIXED_NOW, followup_id=999, due=None)
