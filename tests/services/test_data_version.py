"""The per-owner data version: every committed write moves it, reads never do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import delete, text

from kithkin.bootstrap import App
from kithkin.domain.errors import DatabaseUnavailable
from kithkin.services.backup import export_backup, import_backup
from kithkin.services.checkins import check_in
from kithkin.services.followups import add_followup, complete_followup
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person, archive_person, edit_person, set_circle
from kithkin.services.suggestions import mark_done, skip, todays_plan
from kithkin.services.today import today
from kithkin.storage.tables import accounts
from kithkin.storage.uow import DataVersions
from tests.conftest import FIXED_NOW, make_app


def version(app: App) -> int:
    with app.uow() as uow:
        return uow.data_version()


def seeded(app: App) -> None:
    with app.uow(write=True) as uow:
        for name in ("Ada", "Ben", "Cleo", "Dev"):
            add_person(uow=uow, now=FIXED_NOW - timedelta(days=90), name=name)


def _followup_then_done(uow: Any) -> None:
    made = add_followup(uow=uow, now=FIXED_NOW, person="Ada", text="ask about the move")
    complete_followup(uow=uow, followup_id=made.followup.id)


WRITES: dict[str, Callable[[Any], object]] = {
    "log": lambda uow: log_interaction(
        uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Ada"], minutes=20
    ),
    "check-in": lambda uow: check_in(uow=uow, now=FIXED_NOW, mood=6, stress=3),
    "add person": lambda uow: add_person(uow=uow, now=FIXED_NOW, name="Eve"),
    "edit person": lambda uow: edit_person(uow=uow, ref="Ada", nickname="Addy"),
    "archive person": lambda uow: archive_person(uow=uow, ref="Ben"),
    "follow-up": lambda uow: add_followup(uow=uow, now=FIXED_NOW, person="Ada", text="call"),
    "follow-up done": _followup_then_done,
    "circle": lambda uow: set_circle(uow=uow, name="friends", cadence_days=10),
    "plan": lambda uow: todays_plan(uow=uow, now=FIXED_NOW),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_every_kind_of_write_moves_the_version(app: App, name: str) -> None:
    seeded(app)
    before = version(app)
    with app.uow(write=True) as uow:
        WRITES[name](uow)
    assert version(app) > before


@pytest.mark.parametrize("action", ["done", "skip"])
def test_acting_on_the_plan_moves_the_version(app: App, action: str) -> None:
    seeded(app)
    with app.uow(write=True) as uow:
        plan = todays_plan(uow=uow, now=FIXED_NOW)
    assert plan.suggestions
    before = version(app)
    with app.uow(write=True) as uow:
        if action == "done":
            mark_done(uow=uow, now=FIXED_NOW, number=1)
        else:
            skip(uow=uow, now=FIXED_NOW, number=1)
    assert version(app) > before


def test_reads_and_rolled_back_writes_leave_the_version_alone(app: App) -> None:
    seeded(app)
    with app.uow(write=True) as uow:
        todays_plan(uow=uow, now=FIXED_NOW)  # stored once: a write
    before = version(app)
    with app.uow(write=True) as uow:
        today(uow=uow, now=FIXED_NOW)
        todays_plan(uow=uow, now=FIXED_NOW)  # read back: no write
        uow.commit()
    with app.uow(write=True) as uow:  # written, then left without committing
        uow.connection.execute(text("DELETE FROM people"))
    with app.uow(write=True) as uow:  # the next commit must not count the abandoned write
        uow.commit()
    assert version(app) == before


def test_one_commit_with_many_writes_moves_it_once_and_counts_the_bump(app: App) -> None:
    before = version(app)
    with app.uow(write=True) as uow:
        assert uow.bumps == 0
        add_person(uow=uow, now=FIXED_NOW, name="Ada")
        assert uow.bumps == 1
        assert uow.data_version() == before + 1
    assert version(app) == before + 1


def test_a_backup_import_moves_the_version_and_is_not_in_the_backup(app: App) -> None:
    seeded(app)
    with app.uow() as uow:
        document = export_backup(uow=uow)
    assert "data_versions" not in document["tables"]
    url = app.engine.url.render_as_string(hide_password=False)
    with app.engine.begin() as conn:
        conn.execute(delete(accounts))  # the versions go with the account (cascade)
    app.close()
    restored = make_app(url)
    assert version(restored) == 0
    with restored.uow(write=True) as uow:
        import_backup(uow=uow, document=document)
    assert version(restored) > 0
    restored.close()


def test_the_light_read_agrees_with_a_unit_of_work_and_sees_only_commits(app: App) -> None:
    before = app.data_version()
    assert before == version(app)
    other = make_app(app.engine.url.render_as_string(hide_password=False))  # another process
    with other.uow(write=True) as uow:
        uow.connection.execute(text("DELETE FROM people"))  # written, not committed
        assert app.data_version() == before
    with other.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada")
    assert app.data_version() == version(app) == before + 1
    other.close()
    assert DataVersions(app.engine).read(app.owner_id + 1) == 0  # an owner who never wrote


def test_a_failing_version_read_says_the_database_is_unavailable(database_url: str) -> None:
    """A driver error (no table, locked, a dropped server) is the usual one-line error, not a
    traceback: the web's fast path then lets the route answer 503."""
    app = make_app(database_url)
    reader = DataVersions(app.engine)
    assert reader.read(app.owner_id) == 0
    reader._sql = "SELECT version FROM no_such_table"  # the driver itself fails
    with pytest.raises(DatabaseUnavailable):
        reader.read(app.owner_id)
    app.close()


def test_touch_moves_the_version_once_and_journals_nothing(app: App) -> None:
    """A file beside the database changed (pasted questionnaire items): ``touch`` moves the
    version by one at the commit, adds no change to undo, and a write with it moves it once."""
    seeded(app)
    before = version(app)
    with app.uow(write=True) as uow:
        changes = len(uow.changes.recent(include_undone=True))
        uow.touch()
        uow.commit()
    assert version(app) == before + 1
    with app.uow(write=True) as uow:
        assert len(uow.changes.recent(include_undone=True)) == changes
        uow.touch()
        check_in(uow=uow, now=FIXED_NOW, mood=6, stress=3)
        uow.commit()
    assert version(app) == before + 3  # the touch and the write's own bump
    with app.uow(write=True) as uow:
        uow.touch()  # never committed: nothing moves
    assert version(app) == before + 3
