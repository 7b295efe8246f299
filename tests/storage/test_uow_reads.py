"""Reads a unit of work repeats are made once (issue #16), and never outlive a write: the
profile and the circles are kept while the transaction writes nothing; the account lock of a
write is taken once per transaction (or savepoint)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event

from kithkin.bootstrap import App
from kithkin.domain.model import Circle
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.storage.owner_lock import lock_owner
from kithkin.storage.uow import DataVersions
from tests.conftest import FIXED_NOW


@contextmanager
def statements(app: App) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_execute(*args: Any) -> None:
        seen.append(" ".join(str(args[2]).split()))

    event.listen(app.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", on_execute)


def _reads(seen: list[str], table: str) -> int:
    return sum(1 for s in seen if s.startswith("SELECT") and f" FROM {table} " in s + " ")


def test_the_profile_and_circles_are_read_once_per_unit_of_work(app: App) -> None:
    with app.uow() as uow, statements(app) as seen:
        first, circles = uow.profile.get(), uow.circles.find()
        assert uow.profile.get() == first
        assert uow.circles.find() == circles
        circles.clear()  # the caller's list is its own
        assert uow.circles.find() != []
    assert _reads(seen, "profiles") == 1
    assert _reads(seen, "circles") == 1


def test_a_write_in_the_unit_of_work_is_read_back(app: App) -> None:
    with app.uow(write=True) as uow:
        profile = uow.profile.get()
        assert profile is not None
        uow.profile.save(replace(profile, daily_goal=profile.daily_goal + 2))
        assert uow.profile.get() == replace(profile, daily_goal=profile.daily_goal + 2)
        before = uow.circles.find()
        uow.circles.save(Circle("book club", 45, 9))
        assert [c.name for c in uow.circles.find()] == [c.name for c in before] + ["book club"]


def test_after_a_commit_another_writers_changes_are_seen(app: App) -> None:
    with app.uow() as uow:
        profile = uow.profile.get()
        assert profile is not None
        with app.uow(write=True) as other:
            other.profile.save(replace(profile, daily_goal=5))
            other.circles.save(Circle("neighbours", 20, 8))
            other.commit()
        uow.commit()
        assert uow.profile.get() == replace(profile, daily_goal=5)
        assert "neighbours" in [c.name for c in uow.circles.find()]


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_write_takes_the_account_lock_once(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Zoe Adler", circle="inner")
        uow.commit()
    with app.uow(write=True) as uow, statements(app) as seen:
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Zoe"])
        uow.commit()
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="coffee", with_names=["Zoe"])
    locks = [s for s in seen if "FOR NO KEY UPDATE" in s]
    assert len(locks) == 2  # one per transaction


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_lock_taken_in_a_rolled_back_savepoint_is_taken_again(app: App) -> None:
    with app.uow(write=True) as uow, statements(app) as seen:
        conn = uow.connection
        nested = conn.begin_nested()
        lock_owner(conn, uow.owner_id)
        lock_owner(conn, uow.owner_id)  # the same savepoint: held
        nested.rollback()  # PostgreSQL released the row lock with the savepoint
        lock_owner(conn, uow.owner_id)
        lock_owner(conn, uow.owner_id)
    assert sum("FOR NO KEY UPDATE" in s for s in seen) == 2


@pytest.mark.postgres
def test_an_account_lookup_leaves_its_connection_transactional(pg_url: str) -> None:
    """The lookup and the data version read outside a transaction; the pooled connection they
    used then serves units of work that do run in one (one state read, writes together)."""
    from kithkin.storage.accounts_repos import AccountStore
    from kithkin.storage.engine import make_engine

    engine = make_engine(pg_url, pool_size=1, max_overflow=0)
    try:
        with AccountStore(engine).lookup() as found_by:
            assert found_by.session_and_account("0" * 64) is None
            assert found_by.conn.connection.driver_connection.autocommit is True  # type: ignore[union-attr]
        with engine.connect() as conn:
            assert conn.connection.driver_connection.autocommit is False  # type: ignore[union-attr]
        assert DataVersions(engine).read(10**9) == 0  # the same, for the cache's version check
        with engine.connect() as conn:
            assert conn.connection.driver_connection.autocommit is False  # type: ignore[union-attr]
    finally:
        engine.dispose()
