"""The lean SQLite reader gives exactly the answers of the full unit of work, or steps aside.

``kithkin today`` reads through ``storage.lean`` (stdlib sqlite3, no SQLAlchemy) when it can;
these tests compare its Today view and stored plan with the full path's on a demo life with
the extras a real one has (follow-ups, an archived person, birthdays, own cadences, a check-in,
questionnaire schedules, a custom action), on several days, and check every case in which it
must hand over to the full path without writing anything.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kithkin.bootstrap import App
from kithkin.services.checkins import check_in
from kithkin.services.demo import fill_demo
from kithkin.services.experiments import start as start_experiment
from kithkin.services.followups import add_followup
from kithkin.services.people import add_person, archive_person
from kithkin.services.planning import add_action
from kithkin.services.questionnaires import set_schedule
from kithkin.services.suggestions import todays_plan
from kithkin.services.today import today
from kithkin.storage.lean import NeedsFullPath, lean_unit_of_work, sqlite_file
from tests.conftest import FIXED_NOW, make_app

ACTION = {
    "id": "call_mum",
    "title": "Call mum",
    "how": "Ring her after dinner.",
    "minutes": 10,
    "channel": "call",
    "social_load": 1,
    "anxiety": 1,
    "group": "one_to_one",
    "kind": "call",
}


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo life in Europe/Berlin with the extras, in a SQLite file."""
    path = tmp_path_factory.mktemp("lean") / "k.db"
    app = make_app(f"sqlite:///{path}")
    now = FIXED_NOW
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=now, timezone="Europe/Berlin")
        uow.commit()
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=now, name="Mira Own-Cadence", circle="friends", cadence_days=3)
        add_person(uow=uow, now=now, name="Tess Birthday", circle="wider", birthday="11-28")
        add_person(uow=uow, now=now, name="Ulla Year", circle="close", birthday="1990-12-01")
        add_followup(uow=uow, now=now, person="Mira", text="Ask about the move", due="today")
        add_followup(uow=uow, now=now, person="Tess", text="Send the photos", due="2026-11-27")
        add_followup(uow=uow, now=now, person="Ulla", text="Undated, lives on her page")
        add_followup(uow=uow, now=now, person="Ulla", text="Ask about the trip", due="today")
        archive_person(uow=uow, ref="Ulla")
        check_in(uow=uow, now=now, mood=7, stress=4)
        set_schedule(uow=uow, instrument_id="who5", every_days=14)
        add_action(uow=uow, now=now, fields=ACTION)
    app.close()
    yield path


def _full(app: App, now: datetime) -> dict[str, Any]:
    with app.uow(write=True) as uow:  # stores the day's plan on first sight
        view, plan = today(uow=uow, now=now), todays_plan(uow=uow, now=now)
    # The records themselves (profile, every field of each person...) and what is shown.
    return {"view": view, "plan": plan, "shown": (view.as_dict(), plan.as_dict())}


def _lean(path: Path, now: datetime) -> dict[str, Any]:
    with lean_unit_of_work(path, "local") as reader:
        uow: Any = reader
        view, plan = today(uow=uow, now=now), todays_plan(uow=uow, now=now)
    return {"view": view, "plan": plan, "shown": (view.as_dict(), plan.as_dict())}


@pytest.mark.parametrize(
    "days",
    # today, tomorrow (follow-up due), a birthday week, months on (reconnects with openers),
    # and across the change to summer time (2027-03-28 in Berlin)
    [0, 1, 2, 5, 31, 120, 124],
)
def test_the_lean_reader_answers_exactly_as_the_full_path(life: Path, days: int) -> None:
    now = FIXED_NOW + timedelta(days=days, hours=days % 7)
    app = make_app(f"sqlite:///{life}", now=now)
    try:
        full = _full(app, now)
    finally:
        app.close()
    lean = _lean(life, now)
    assert lean == full
    assert full["plan"].suggestions, "the demo life has a plan to compare"
    if days == 0:  # the extras are in the comparison
        view = full["shown"][0]
        shown = {f["person"] for f in view["followups"]}
        assert {"Mira Own-Cadence", "Tess Birthday"} <= shown
        assert "Ulla Year" not in shown  # archived
        assert "Tess Birthday" in {b["name"] for b in view["birthdays"]}
        assert view["checkin"] == {"mood": 7, "stress": 4}
        assert view["questionnaires_due"]  # never taken: due


def test_a_day_without_a_stored_plan_goes_the_full_way(life: Path) -> None:
    later = FIXED_NOW + timedelta(days=400)
    before = life.read_bytes()
    with pytest.raises(NeedsFullPath):
        _lean(life, later)
    assert life.read_bytes() == before  # nothing written


def test_a_running_experiment_goes_the_full_way(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    app = make_app(f"sqlite:///{path}")
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=30, timezone="UTC")
        uow.commit()
    _full(app, FIXED_NOW)
    assert _lean(path, FIXED_NOW) == _full(app, FIXED_NOW)
    with app.uow(write=True) as uow:
        start_experiment(uow=uow, now=FIXED_NOW, consent=True, days=14)
    app.close()
    with pytest.raises(NeedsFullPath):
        _lean(path, FIXED_NOW)


def test_what_the_lean_reader_does_not_do_steps_aside(life: Path) -> None:
    with lean_unit_of_work(life, "local") as uow:
        with pytest.raises(NeedsFullPath):
            uow.commit()
        with pytest.raises(NeedsFullPath):
            _ = uow.ladders
        with pytest.raises(NeedsFullPath):
            uow.people.add(None)
        with pytest.raises(sqlite3.OperationalError):  # read-only even if asked to write
            uow.connection.execute("DELETE FROM people")


def test_no_file_no_account_or_another_schema_go_the_full_way(tmp_path: Path) -> None:
    with pytest.raises(NeedsFullPath), lean_unit_of_work(tmp_path / "none.db", "local"):
        pass
    path = tmp_path / "k.db"
    make_app(f"sqlite:///{path}").engine.dispose()  # created at the current schema
    with pytest.raises(NeedsFullPath), lean_unit_of_work(path, "someone-else"):
        pass
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    with pytest.raises(NeedsFullPath), lean_unit_of_work(path, "local"):
        pass
    path.write_bytes(b"not a database at all")
    with pytest.raises(NeedsFullPath), lean_unit_of_work(path, "local"):
        pass


def test_accounts_are_created_by_the_full_path_only(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    app = make_app(f"sqlite:///{path}")
    _ = app.owner_id  # the full path made the account
    app.close()
    with lean_unit_of_work(path, "local") as uow:
        assert uow.owner_id >= 1
        assert uow.profile.get() is None  # not onboarded: the service says so, as always


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////home/a/k.db", "/home/a/k.db"),
        ("sqlite:///k.db", "k.db"),
        ("sqlite+pysqlite:////tmp/k.db", "/tmp/k.db"),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:////tmp/k.db?mode=ro", None),
        ("sqlite:////tmp/k%20b.db", None),
        ("postgresql+psycopg://postgres@127.0.0.1/test", None),
    ],
)
def test_only_plain_sqlite_files_are_read_lean(url: str, expected: str | None) -> None:
    found = sqlite_file(url)
    assert (str(found) if found is not None else None) == expected


def test_stamps_match_what_sqlalchemy_stores(life: Path) -> None:
    """The due bounds are compared as text in SQLite: same format as the stored instants."""
    conn = sqlite3.connect(life)
    stored = conn.execute("SELECT last_contact_at FROM people WHERE last_contact_at IS NOT NULL")
    sample = stored.fetchone()[0]
    conn.close()
    from kithkin.storage.lean import _stamp

    parsed = datetime.fromisoformat(sample).replace(tzinfo=UTC)
    assert _stamp(parsed) == sample
    berlin = parsed.astimezone(ZoneInfo("Europe/Berlin"))  # the same instant, another zone
    assert _stamp(berlin) == sample
