"""The change journal records a user's actions only: making or refreshing today's plan on a read
is not an action, and the plan's out-of-date marks are never journaled (both backends)."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from kithkin.bootstrap import App
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.suggestions import todays_plan
from kithkin.storage.tables import changes, plan_marks
from tests.conftest import FIXED_NOW


def _journal(app: App) -> list[dict[str, object]]:
    with app.engine.connect() as conn:
        rows = conn.execute(select(changes.c.label, changes.c.data).order_by(changes.c.id))
        return [{"label": r.label, "data": json.loads(r.data)} for r in rows]


def _read_plan(app: App) -> None:
    with app.uow(write=True) as uow:
        todays_plan(uow=uow, now=FIXED_NOW)


def test_plan_refreshes_on_reads_and_plan_marks_are_not_journaled(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", circle="inner")
    _read_plan(app)  # today's plan is made on the first read
    _read_plan(app)
    before = _journal(app)
    with app.uow(write=True) as uow:
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Ada"])
    with app.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(plan_marks)).scalar() == 1
    after_log = _journal(app)
    assert len(after_log) == len(before) + 1  # the log, one action
    assert "plan_marks" not in json.dumps(after_log[-1]["data"])
    _read_plan(app)  # the mark makes this read refresh the stored plan
    with app.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(plan_marks)).scalar() == 0
    assert _journal(app) == after_log  # the refresh is not an action
    assert all("plan_marks" not in json.dumps(entry["data"]) for entry in _journal(app))
