"""Two tabs (or a tab and the service worker) sending the same queued log at the same moment,
in a browser without Web Locks: the unique index (owner_id, client_id) keeps one row, and the
request that loses the race is answered with the stored log as a replay, never an error
(issue #14)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from kithkin.bootstrap import App
from kithkin.domain.model import Interaction
from kithkin.services.checkins import check_in
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.ports import ClientIdTaken, UnitOfWork
from kithkin.storage.activity_repos import CLIENT_COLUMNS, CLIENT_INDEX
from kithkin.storage.engine import violates_unique
from kithkin.storage.tables import checkins, followups
from tests.conftest import FIXED_NOW, make_app
from tests.services.helpers import count_rows

LATER = FIXED_NOW + timedelta(hours=2)
CID = "7d1c2b9e-0f4a-4b8e-8c1d-2e3f4a5b6c7d"


def _item() -> Interaction:
    return Interaction(
        occurred_at=FIXED_NOW, day=FIXED_NOW.date(), kind="coffee", minutes=30, person_ids=()
    )


def test_adding_a_stored_client_id_again_says_so_and_the_transaction_goes_on(app: App) -> None:
    with app.uow(write=True) as uow:
        first = uow.interactions.add(_item(), created_at=FIXED_NOW, client_id=CID)
        with pytest.raises(ClientIdTaken) as raised:  # no look-up first: straight to the index
            uow.interactions.add(_item(), created_at=FIXED_NOW, client_id=CID)
        assert raised.value.client_id == CID
        # Still usable (PostgreSQL aborts a whole transaction on an error outside a savepoint).
        other = uow.interactions.add(_item(), created_at=FIXED_NOW, client_id="other")
        uow.commit()
    with app.uow() as uow:
        assert uow.interactions.by_client_id(CID) == first
        assert uow.interactions.by_client_id("other") == other
    assert count_rows(app, "interactions") == 2


def test_only_that_index_is_taken_for_a_replay(app: App) -> None:
    with app.uow(write=True) as uow:
        row = {"owner_id": uow.owner_id, "day": FIXED_NOW.date(), "mood": 5, "stress": 5}
        row["updated_at"] = FIXED_NOW
        uow.connection.execute(insert(checkins).values(row))
        with pytest.raises(IntegrityError) as raised, uow.connection.begin_nested():
            uow.connection.execute(insert(checkins).values(row))
    error = raised.value
    assert not violates_unique(error, CLIENT_INDEX, "interactions", CLIENT_COLUMNS)
    assert violates_unique(error, "uq_checkins_owner_day", "checkins", ("owner_id", "day"))


def _lose_the_race(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch, other_request) -> None:
    """The first look-up by client id finds nothing; the other request stores the same log
    right after it (before this one inserts)."""
    repo = uow.interactions
    real = repo.by_client_id
    calls = []

    def lookup(client_id: str) -> Interaction | None:
        calls.append(client_id)
        found = real(client_id)
        if len(calls) == 1:
            other_request()
        return found

    monkeypatch.setattr(repo, "by_client_id", lookup)


def test_the_request_that_loses_the_race_gets_the_stored_log(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Zoe Adler", circle="inner")
    with app.uow(write=True) as uow:
        first = log_interaction(
            uow=uow, now=LATER, kind_id="coffee", with_names=["Zoe"], client_id="seed"
        )

    def other_request() -> None:  # on SQLite writers take turns, so: inside this transaction
        uow.interactions.add(first.interaction, created_at=LATER, client_id=CID)

    with app.uow(write=True) as uow:
        _lose_the_race(uow, monkeypatch, other_request)
        logged = log_interaction(
            uow=uow, now=LATER, kind_id="call", with_names=["Zoe"], client_id=CID
        )
        assert logged.replayed is True
        assert logged.interaction.kind == "coffee"  # the one the other request stored
        assert [p.name for p in logged.people] == ["Zoe Adler"]
        uow.connection.execute(  # the transaction is still usable after the caught error
            insert(followups).values(
                owner_id=uow.owner_id,
                person_id=first.interaction.person_ids[0],
                text="ask about the move",
                created_at=LATER,
            )
        )
        uow.commit()
    assert count_rows(app, "interactions") == 2
    assert count_rows(app, "followups") == 1


def test_the_race_between_two_connections_on_postgresql(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = app.engine.url.render_as_string(hide_password=False)
    if url.startswith("sqlite"):
        pytest.skip("SQLite writers hold the lock from their first statement: no such race")
    other = make_app(url, LATER)

    def other_request() -> None:
        with other.uow(write=True) as their:
            log_interaction(uow=their, now=LATER, kind_id="walk_run", client_id=CID)

    try:
        with app.uow(write=True) as uow:
            _lose_the_race(uow, monkeypatch, other_request)
            logged = log_interaction(uow=uow, now=LATER, kind_id="coffee", client_id=CID)
            assert logged.replayed is True
            assert logged.interaction.kind == "walk_run"
            uow.commit()
    finally:
        other.close()
    assert count_rows(app, "interactions") == 1


class _InsertAfterUpdate:
    """A connection that lets ``other_request`` run right after the first UPDATE of checkins:
    between the upsert's update (no row yet) and its insert."""

    def __init__(self, conn, other_request) -> None:
        self._conn, self._other, self._done = conn, other_request, False

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def execute(self, statement, *args, **kwargs):
        result = self._conn.execute(statement, *args, **kwargs)
        if not self._done and str(statement).startswith("UPDATE checkins"):
            self._done = True
            self._other()
        return result


def test_two_first_checkins_of_a_day_at_once_make_one_row(app: App) -> None:
    url = app.engine.url.render_as_string(hide_password=False)
    other = make_app(url, LATER)

    def other_request() -> None:
        if url.startswith("sqlite"):  # writers take turns on SQLite: inside this transaction
            uow.connection.execute(
                insert(checkins).values(
                    owner_id=uow.owner_id,
                    day=FIXED_NOW.date(),
                    mood=2,
                    stress=2,
                    updated_at=LATER,
                )
            )
            return
        with other.uow(write=True) as their:
            check_in(uow=their, now=LATER, mood=2, stress=2, client_id=CID)

    try:
        with app.uow(write=True) as uow:
            repo = uow.checkins
            repo.conn = _InsertAfterUpdate(repo.conn, other_request)  # type: ignore[assignment]
            result = check_in(uow=uow, now=LATER, mood=6, stress=3, client_id=CID)
    finally:
        other.close()
    assert result.created is False  # the other request's row, updated
    assert count_rows(app, "checkins") == 1
    with app.uow() as uow:
        stored = uow.checkins.get(FIXED_NOW.date())
    assert stored is not None and (stored.mood, stored.stress) == (6, 3)
