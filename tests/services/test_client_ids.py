"""A log or check-in queued on a phone carries an id the browser made: sending it again (the
queue replayed after a lost answer) stores nothing new and returns what was stored (issue #14)."""

from __future__ import annotations

from datetime import date, timedelta

from kithkin.bootstrap import App
from kithkin.services.checkins import check_in
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from tests.conftest import FIXED_NOW
from tests.services.helpers import count_rows, snapshot
from tests.services.test_restore_validated import account_app

LATER = FIXED_NOW + timedelta(hours=2)
CID = "0b7e6c1e-3a55-4e0c-9a57-4f5b8c3f2d10"


def _person(app: App, name: str = "Zoe Adler") -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name=name, circle="inner")


def _log(app: App, client_id: str | None, *, kind: str = "coffee", when: str = "09:30"):
    with app.uow(write=True) as uow:
        return log_interaction(
            uow=uow,
            now=LATER,
            kind_id=kind,
            with_names=["Zoe"],
            when=when,
            client_id=client_id,
        )


def test_a_replayed_log_returns_the_first_and_writes_nothing(app: App) -> None:
    _person(app)
    first = _log(app, CID)
    assert first.replayed is False
    before = snapshot(app)
    again = _log(app, CID, kind="call", when="10:00")  # what the replay says does not matter
    assert again.replayed is True
    assert again.interaction == first.interaction
    assert [p.name for p in again.people] == ["Zoe Adler"]
    assert snapshot(app) == before  # no row, no journal entry, no derived data touched
    assert count_rows(app, "interactions") == 1


def test_different_client_ids_and_none_are_separate_logs(app: App) -> None:
    _person(app)
    _log(app, CID)
    _log(app, CID.replace("0b7e", "1c8f"))
    _log(app, None)
    _log(app, None)
    assert count_rows(app, "interactions") == 4


def test_client_ids_belong_to_one_account(app: App) -> None:
    _person(app)
    _log(app, CID)
    bob = account_app(app.engine.url.render_as_string(hide_password=False), "bob")
    try:
        with bob.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
        with bob.uow(write=True) as uow:
            logged = log_interaction(uow=uow, now=LATER, kind_id="coffee", client_id=CID)
        with bob.uow(write=True) as uow:
            checked = check_in(uow=uow, now=LATER, mood=5, stress=5, client_id=CID)
    finally:
        bob.close()
    assert (logged.replayed, checked.replayed, checked.created) == (False, False, True)
    assert count_rows(app, "interactions") == 2


def test_a_replayed_checkin_changes_nothing(app: App) -> None:
    with app.uow(write=True) as uow:
        first = check_in(uow=uow, now=FIXED_NOW, mood=4, stress=6, client_id=CID)
    assert (first.created, first.replayed) == (True, False)
    with app.uow(write=True) as uow:  # a later change made online, without a client id
        check_in(uow=uow, now=LATER, mood=7)
    before = snapshot(app)
    with app.uow(write=True) as uow:
        again = check_in(uow=uow, now=LATER, mood=4, stress=6, client_id=CID)
    assert (again.created, again.replayed) == (False, True)
    assert (again.checkin.mood, again.checkin.stress) == (7, 6)  # the stored row, as it is now
    assert snapshot(app) == before
    assert count_rows(app, "checkins") == 1


def test_a_new_client_id_on_the_same_day_updates_the_day(app: App) -> None:
    with app.uow(write=True) as uow:
        check_in(uow=uow, now=FIXED_NOW, mood=4, stress=6, client_id=CID)
    with app.uow(write=True) as uow:
        second = check_in(uow=uow, now=LATER, mood=8, stress=2, client_id="second")
    assert (second.created, second.replayed) == (False, False)
    with app.uow() as uow:
        stored = uow.checkins.get(date(2026, 11, 26))
        assert uow.checkins.by_client_id("second") == stored
    assert stored is not None and (stored.mood, stored.stress) == (8, 2)
    assert count_rows(app, "checkins") == 1
