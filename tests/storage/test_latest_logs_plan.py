"""The latest logs (Today's people chips read the last 12 after every write, issue 14) come from
indexes, not from a sort or scan of all the owner's interactions: on a SQLite database without
statistics (kithkin never runs ANALYZE), as a user's is, each query SQLite runs for
``interactions.find(limit=...)`` is planned without a temporary sort and without reading
every link of the owner. SQLite only: PostgreSQL plans from its own statistics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event

from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from tests.conftest import FIXED_NOW, make_app


def test_the_latest_logs_are_read_from_indexes(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
            add_person(uow=uow, now=FIXED_NOW, name="Zoe")
            add_person(uow=uow, now=FIXED_NOW, name="Bea")
            for day in range(3):
                log_interaction(
                    uow=uow,
                    now=FIXED_NOW,
                    kind_id="call",
                    with_names=["Zoe", "Bea"],
                    when=f"2026-11-2{day} 10:00",
                )
        statements: list[tuple[str, Any]] = []
        with app.uow() as uow:
            conn = uow.connection

            def seen(_c: Any, _cur: Any, sql: str, params: Any, *_: Any) -> None:
                statements.append((sql, params))

            event.listen(conn, "before_cursor_execute", seen)
            found = uow.interactions.find(limit=12)
            event.remove(conn, "before_cursor_execute", seen)
            assert len(found) == 3 and all(len(i.person_ids) == 2 for i in found)
            plans = [
                " | ".join(
                    row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
                )
                for sql, params in statements
            ]
        assert len(plans) == 2, plans
        latest, links = plans
        assert "ix_interactions_owner_time" in latest and "TEMP B-TREE" not in latest, latest
        assert "ix_interaction_people_owner_time" not in links, links
        assert "sqlite_autoindex_interaction_people" in links, links
    finally:
        app.close()


def test_the_weeks_kinds_are_read_from_an_index_alone(tmp_path: Path) -> None:
    """The plan's energy budget reads the (day, kind) of the week's interactions: from the
    index of interactions by day and kind, without a look-up of each interaction."""
    app = make_app(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        with app.uow(write=True) as uow:
            init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
            add_person(uow=uow, now=FIXED_NOW, name="Zoe")
            for day, kind in ((23, "call"), (24, "meal"), (25, "call")):
                log_interaction(
                    uow=uow,
                    now=FIXED_NOW,
                    kind_id=kind,
                    with_names=["Zoe"],
                    when=f"2026-11-{day} 10:00",
                )
        statements: list[tuple[str, Any]] = []
        with app.uow() as uow:
            conn = uow.connection

            def seen(_c: Any, _cur: Any, sql: str, params: Any, *_: Any) -> None:
                statements.append((sql, params))

            event.listen(conn, "before_cursor_execute", seen)
            kinds = uow.plan_data.interaction_kinds(since=FIXED_NOW.date().replace(day=23))
            event.remove(conn, "before_cursor_execute", seen)
            assert sorted(k for _, k in kinds) == ["call", "call", "meal"]
            ((sql, params),) = statements
            plan = " | ".join(
                row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            )
        assert "COVERING INDEX ix_interactions_owner_day_kind" in plan, plan
    finally:
        app.close()
