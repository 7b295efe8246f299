"""Two writers of one account at the same moment on PostgreSQL (several web processes, or the
threads of one): the derived day counts are recomputed one writer after the other, so neither
fails on the day's row and the count includes both (found by benchmarks/web_scale.py: 1 request
in 30 answered 500 with a duplicate key on day_stats). SQLite serializes writers already."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from kithkin.bootstrap import App
from kithkin.domain.model import Interaction
from kithkin.services.interactions import log_interaction, record
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from tests.conftest import FIXED_NOW, make_app

pytestmark = pytest.mark.postgres


def waiting_for_a_lock(app: App) -> bool:
    with app.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT count(*) FROM pg_locks WHERE NOT granted").scalar()
    return bool(found)


def test_two_logs_at_once_both_count(pg_url: str) -> None:
    from tests.conftest import _empty_pg

    _empty_pg(pg_url)
    app = make_app(pg_url)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_other="Earlier")
        uow.commit()
    outcome: list[object] = []

    def second() -> None:
        try:
            with app.uow(write=True) as uow:
                log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_other="Second")
                uow.commit()
            outcome.append("ok")
        except Exception as exc:
            outcome.append(exc)

    first = app.uow(write=True).__enter__()  # held open: its refresh done, its commit not yet
    item = Interaction(
        occurred_at=FIXED_NOW, day=FIXED_NOW.date(), kind="call", minutes=10, with_other="First"
    )
    record(uow=first, items=[item], now=FIXED_NOW)
    thread = threading.Thread(target=second)
    thread.start()
    deadline = time.monotonic() + 30
    while not waiting_for_a_lock(app) and time.monotonic() < deadline:
        time.sleep(0.05)  # the second writer has reached the first one's locks
    assert waiting_for_a_lock(app)
    first.commit()
    first.__exit__(None, None, None)
    thread.join(60)
    assert outcome == ["ok"]
    with app.uow() as uow:
        assert uow.day_stats.meaningful_counts() == {date(2026, 11, 26): 3}
    app.close()


def test_two_processes_creating_one_account_at_once_agree_on_it(pg_url: str) -> None:
    """Several web processes or workers start together and each opens its account: the one that
    loses the race to create it finds the other's (it crashed on the unique name before)."""
    from sqlalchemy import insert

    from kithkin.storage.tables import accounts
    from kithkin.storage.uow import ensure_account
    from tests.conftest import _empty_pg

    _empty_pg(pg_url)
    app = make_app(pg_url)
    other = app.engine.connect()
    other.begin()
    made = other.execute(
        insert(accounts).values(name="shared", created_at=FIXED_NOW)
    ).inserted_primary_key[0]  # type: ignore[index]
    outcome: list[object] = []

    def second() -> None:
        try:
            outcome.append(ensure_account(app.engine, "shared", now=FIXED_NOW))
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=second)
    thread.start()
    deadline = time.monotonic() + 30
    while not waiting_for_a_lock(app) and time.monotonic() < deadline:
        time.sleep(0.05)  # the second one's insert waits on the first one's uncommitted name
    assert waiting_for_a_lock(app)
    other.commit()
    other.close()
    thread.join(60)
    assert outcome == [made]
    app.close()


def _log(uow: Any, name: str) -> None:
    log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_other=name)


def _add(uow: Any, name: str) -> None:
    add_person(uow=uow, now=FIXED_NOW, name=name)


def _logged(uow: Any) -> list[str]:
    return [i.with_other or "" for i in uow.interactions.find(limit=10)]


def _people(uow: Any) -> list[str]:
    return [p.name for p in uow.people.find()]


@pytest.mark.parametrize(("write", "rows"), [(_log, _logged), (_add, _people)])
def test_undo_of_one_of_two_simultaneous_writes_takes_only_its_own(
    pg_url: str, write: Callable[[Any, str], None], rows: Callable[[Any], list[str]]
) -> None:
    """The change journal names what an action added by the rows past the highest id it saw
    first; a second writer of the account that started meanwhile must not count the first
    writer's row as its own (undoing it would take both)."""
    from kithkin.services.changes import undo
    from tests.conftest import _empty_pg

    _empty_pg(pg_url)
    app = make_app(pg_url)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
        uow.commit()
    outcome: list[object] = []

    def second() -> None:
        try:
            with app.uow(write=True) as uow:
                write(uow, "Second")
                uow.commit()
            outcome.append("ok")
        except Exception as exc:
            outcome.append(exc)

    first = app.uow(write=True).__enter__()
    write(first, "First")
    thread = threading.Thread(target=second)
    thread.start()
    deadline = time.monotonic() + 30
    while not waiting_for_a_lock(app) and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    first.commit()
    first.__exit__(None, None, None)
    thread.join(60)
    assert outcome == ["ok"]
    with app.uow(write=True) as uow:
        undone = undo(uow=uow, now=FIXED_NOW)
    with app.uow() as uow:
        left = rows(uow)
    assert len(left) == 1, (undone.label, left)  # the other writer's row is still there
    app.close()
