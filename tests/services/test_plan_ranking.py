"""The plan ranks from the narrow ranking roster and reads the full roster of the few at the top
only (issue 14): the plans are exactly those made from the full roster, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.plan.planner import plan_day, plan_week, suggest_now
from kithkin.services.demo import fill_demo
from kithkin.services.followups import add_followup
from kithkin.services.people import add_person, archive_person
from kithkin.services.planning import gather
from tests.conftest import FIXED_NOW, make_app


@pytest.fixture
def life(database_url: str) -> Iterator[App]:
    """A demo life with people whose phone numbers and interests decide how to reach them, an
    archived person, one without a circle and people in triage (the demo's)."""
    app = make_app(database_url)
    now = FIXED_NOW
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=now, timezone="Europe/Berlin")
        uow.commit()
    with app.uow(write=True) as uow:
        for i, circle in enumerate(("inner", "close", "friends", "wider") * 3):
            add_person(
                uow=uow,
                now=now,
                name=f"Phone Person {i:02d}",
                nickname=f"Ph{i}",
                circle=circle,
                closeness=5 - i % 3,
                interests=["hiking", "music"] if i % 2 else [],
                how_met="at work",
                birthday=f"1980-11-{26 + i % 4:02d}",
                timezone="America/New_York" if i % 3 == 0 else None,
                contacts=[f"phone:+44 20 7946 {i:04d}", f"phone:+44 20 7000 {i:04d}#mobile"],
            )
        add_person(uow=uow, now=now, name="Nadia No-Circle", circle="none")
        add_person(uow=uow, now=now, name="Otto Own-Cadence", circle="friends", cadence_days=2)
        add_person(uow=uow, now=now, name="Ulla Archived", circle="inner", birthday="11-26")
        archive_person(uow=uow, ref="Ulla")
        add_followup(uow=uow, now=now, person="Otto", text="Ask about the move", due="today")
    yield app
    app.close()


def test_the_ranking_roster_is_the_full_roster_narrowed(life: App) -> None:
    with life.uow() as uow:
        full = {m.id: m for m in uow.people.roster()}
        ranking = uow.people.ranking_roster()
        in_circles = sorted(pid for pid, m in full.items() if m.circle is not None)
        assert sorted(m.id for m in ranking) == in_circles
        assert len(in_circles) < len(full)  # Nadia, without a circle, is not ranked
        for m in ranking:
            assert m == full[m.id]._replace(
                name="", nickname="", birth_year=None, interests=(), how_met="", contacts=()
            )
        some = [*in_circles[::3], 10**9]  # an unknown id is left out
        assert uow.people.roster_of(some) == {pid: full[pid] for pid in in_circles[::3]}
        phoned = [m for m in full.values() if m.contacts]
        assert phoned  # the phone numbers come with the full records
        assert uow.people.roster_of([m.id for m in phoned]) == {m.id: m for m in phoned}
        assert uow.people.roster_of([]) == {}


def test_plans_from_the_ranking_roster_equal_plans_from_the_full_roster(life: App) -> None:
    with life.uow() as uow:
        roster = uow.people.roster()
        for days in range(0, 14, 2):
            now = FIXED_NOW + timedelta(days=days, hours=days % 5)
            ranked = gather(uow=uow, now=now).inp
            full = gather(uow=uow, now=now, members=roster).inp
            assert ranked.full_members is not None
            assert full.full_members is None
            for n in (1, 3, 8):
                assert plan_day(ranked, n=n) == plan_day(full, n=n)
            assert suggest_now(ranked, 20) == suggest_now(full, 20)
            assert plan_week(ranked) == plan_week(full)


def test_the_chosen_are_read_in_full(life: App) -> None:
    """Phone calls need a phone number, which only the full records carry: without reading
    the top of the ranking in full, the plan would differ."""
    with life.uow() as uow:
        ranked = gather(uow=uow, now=FIXED_NOW).inp
        full = gather(uow=uow, now=FIXED_NOW, members=uow.people.roster()).inp
        plan = plan_week(full)
        assert plan_week(ranked) == plan
        channels = {s.channel for day in plan for s in day.suggestions}
        assert "call" in channels
        assert plan_week(replace(ranked, full_members=None)) != plan
