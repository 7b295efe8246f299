"""Any sequence of writes followed by as many undos puts the database back exactly: every table,
derived data included (people.last_contact_at, day_stats, the stored plan), on both backends."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kithkin.bootstrap import App
from kithkin.storage.tables import changes, metadata
from tests.conftest import FIXED_NOW

NOT_DATA = {"changes", "data_versions"}

NAMES = ("Ada", "Grace", "Linus", "Margaret")
KINDS = ("call", "text", "coffee")


def state(app: App) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    with app.engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name in NOT_DATA:
                continue
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def open_changes(app: App) -> int:
    with app.engine.connect() as conn:
        found = conn.execute(
            select(func.count()).select_from(changes).where(changes.c.undone_at.is_(None))
        )
        return int(found.scalar_one())


def _people_ids(app: App) -> list[int]:
    with app.uow() as uow:
        from kithkin.services.ports import PeopleQuery

        return [p.id for p in uow.people.find(PeopleQuery(status=None, include_archived=True))]


def apply(app: App, op: tuple[Any, ...]) -> None:
    from kithkin.services import checkins, followups, interactions, people

    now = FIXED_NOW
    kind, arg, number = op
    ids = _people_ids(app)
    with app.uow(write=True) as uow:
        if kind == "add":
            people.add_person(uow=uow, now=now, name=f"{NAMES[arg % len(NAMES)]} {number}")
        elif kind == "log":
            who = [f"#{ids[number % len(ids)]}"] if ids and arg % 3 else []
            interactions.log_interaction(
                uow=uow,
                now=now,
                kind_id=KINDS[arg % len(KINDS)],
                with_names=who,
                with_other="" if who else "barista",
                meaningful=bool(arg % 2),
                when=f"2026-11-{20 + number % 6}" if number % 5 else None,
            )
        elif kind == "edit" and ids:
            people.edit_person(
                uow=uow, ref=ids[number % len(ids)], notes=f"note {arg}", closeness=1 + arg % 5
            )
        elif kind == "archive" and ids:
            people.archive_person(uow=uow, ref=ids[number % len(ids)], archived=bool(arg % 2))
        elif kind == "checkin":
            checkins.check_in(
                uow=uow,
                now=now,
                mood=1 + arg % 10,
                stress=1 + number % 10,
                day=f"2026-11-2{arg % 3}",
            )
        elif kind == "followup" and ids:
            followups.add_followup(
                uow=uow, now=now, person=f"#{ids[number % len(ids)]}", text=f"ask {arg}"
            )
        elif kind == "delete_log":
            found = uow.interactions.find(limit=5)
            if found:
                item = found[number % len(found)]
                assert item.id is not None
                interactions.delete_interaction(uow=uow, interaction_id=item.id)
        elif kind == "delete_person" and ids:
            from kithkin.services.corrections import delete_record

            delete_record(uow=uow, kind="person", record_id=ids[number % len(ids)])


OPS = st.tuples(
    st.sampled_from(
        ["add", "log", "edit", "archive", "checkin", "followup", "delete_log", "delete_person"]
    ),
    st.integers(0, 20),
    st.integers(0, 20),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(OPS, min_size=1, max_size=8))
def test_writes_then_as_many_undos_restore_everything(app: App, ops: list[Any]) -> None:
    from kithkin.services.changes import undo
    from kithkin.services.people import add_person

    with app.uow(write=True) as uow:  # someone to talk to from the start
        if not uow.people.find():
            add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
    before, journaled = state(app), open_changes(app)
    for op in ops:
        apply(app, op)
    for _ in range(open_changes(app) - journaled):
        with app.uow(write=True) as uow:
            undo(uow=uow, now=FIXED_NOW)
    assert state(app) == before
