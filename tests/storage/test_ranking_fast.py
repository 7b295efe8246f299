"""The ranking roster's fast read (the DBAPI cursor on SQLite, issue 14) returns exactly what
the read through SQLAlchemy returns, on a varied database with a second account present. Both
backends (PostgreSQL always reads through SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.services.demo import fill_demo
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person, archive_person, edit_person
from kithkin.services.profiles import init_profile
from tests.conftest import FIXED_NOW, make_app
from tests.services.test_restore_validated import account_app

FEELINGS = ("energising", "neutral", "draining")
ZONES = (None, "Europe/Berlin", "America/New_York", "Asia/Kolkata")


@pytest.fixture
def varied(database_url: str) -> Iterator[App]:
    """The demo life, then people in every circle and none, with and without their own
    cadence, each feeling, zone and kind of birthday, some never contacted, some archived,
    in triage or ignored; and another account's people in the same circles' names."""
    app = make_app(database_url)
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
        uow.commit()
    with app.uow(write=True) as uow:
        circles = ("inner", "close", "friends", "wider", "none")
        for i in range(40):
            birthday = (None, f"1980-{i % 12 + 1:02d}-{i % 28 + 1:02d}", f"{i % 12 + 1:02d}-14")
            add_person(
                uow=uow,
                now=FIXED_NOW,
                name=f"Varied {i:02d}",
                circle=circles[i % len(circles)],
                cadence_days=(None, 3, 45)[i % 3],
                closeness=i % 5 + 1,
                feeling=FEELINGS[i % 3],
                timezone=ZONES[i % 4],
                birthday=birthday[i % 3],
            )
        for i in range(0, 40, 3):  # a contact at a different time of day each, some long ago
            when = FIXED_NOW - timedelta(days=i * 17, minutes=i * 37, seconds=i)
            log_interaction(
                uow=uow,
                now=FIXED_NOW,
                kind_id="call",
                with_names=[f"Varied {i:02d}"],
                when=when.strftime("%Y-%m-%d %H:%M"),
            )
        archive_person(uow=uow, ref="Varied 07")
        edit_person(uow=uow, ref="Varied 08", status="triage")
        edit_person(uow=uow, ref="Varied 11", status="ignored")
    other = account_app(database_url, "bob")
    with other.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
        for i in range(5):
            add_person(uow=uow, now=FIXED_NOW, name=f"Bob's {i}", circle="inner")
    other.close()
    yield app
    app.close()


def test_the_fast_ranking_read_equals_the_sqlalchemy_read(varied: App) -> None:
    with varied.uow() as uow:
        fast = sorted(uow.people.ranking_roster(), key=lambda m: m.id)
        slow = sorted(uow.people.ranking_roster(fast=False), key=lambda m: m.id)
        assert fast == slow
        assert [tuple(map(type, m)) for m in fast] == [tuple(map(type, m)) for m in slow]
        assert len(fast) > 40  # the demo's people and ours, minus those left out
        names = {m.name for m in uow.people.roster()}
        assert not any(n.startswith("Bob's") for n in names)
        feelings = {m.feeling for m in fast}
        assert len(feelings) == 3
        assert {m.last_contact for m in fast} >= {None}
        assert any(m.last_contact is not None for m in fast)
        assert {m.timezone for m in fast} >= set(ZONES)
        assert {m.cadence_days for m in fast} >= {None, 3, 45}
