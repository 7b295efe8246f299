"""A write's journal entry reads only the rows the write added, not every row of the owner: the
rows above the highest id seen before the first insert are found by their ids (issue 14: a log
on a database with a million interactions spent most of its journal time walking the owner's
index). SQLite only, without statistics, as a user's database is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from tests.conftest import FIXED_NOW, make_app


def test_a_logs_statements_never_walk_all_of_the_owners_interactions(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
            add_person(uow=uow, now=FIXED_NOW, name="Zoe")
        statements: list[tuple[str, Any]] = []

        def seen(_c: Any, _cur: Any, sql: str, params: Any, *_: Any) -> None:
            if sql.lstrip().upper().startswith("SELECT"):
                statements.append((sql, params))

        with app.uow(write=True) as uow:
            event.listen(uow.connection, "before_cursor_execute", seen)
            log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Zoe"])
            event.remove(uow.connection, "before_cursor_execute", seen)
            assert uow.last_change is not None  # the log was journaled
            conn = uow.connection.connection.dbapi_connection
            assert conn is not None
            plans = {
                sql: [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
                for sql, params in statements
            }
        walks = {
            sql: plan
            for sql, plan in plans.items()
            for step in plan
            if step.startswith(("SCAN interactions", "SEARCH interactions"))
            and step.endswith("(owner_id=?)")
        }
        assert walks == {}
    finally:
        app.close()
