"""The demo life: realistic, deterministic, only into an empty database."""

from __future__ import annotations

from statistics import mean

import pytest

from kithkin.bootstrap import App
from kithkin.services.demo import DemoNeedsEmptyDatabase, fill_demo
from kithkin.services.people import add_person
from kithkin.services.ports import PeopleQuery
from kithkin.services.today import today
from tests.conftest import FIXED_NOW
from tests.services.helpers import count_rows, snapshot


def test_demo_fills_about_sixty_people_and_four_months(app: App) -> None:
    with app.uow(write=True) as uow:
        summary = fill_demo(uow=uow, now=FIXED_NOW, days=120, seed=7, timezone="Europe/Berlin")
    assert summary.people == 60
    assert 100 <= summary.interactions <= 300
    assert 90 <= summary.checkins <= 120
    assert count_rows(app, "interactions") == summary.interactions
    assert count_rows(app, "checkins") == summary.checkins
    assert count_rows(app, "followups") == 5
    with app.uow() as uow:
        assert uow.people.count(PeopleQuery()) == 60
        interactions = uow.interactions.find()
        checkins = uow.checkins.find()
        social = {d for d, n in uow.day_stats.meaningful_counts().items() if n > 0}
        view = today(uow=uow, now=FIXED_NOW).as_dict()
    days = {i.day for i in interactions}
    assert (max(days) - min(days)).days >= 100
    # The demo's story: mood is higher on days with a meaningful connection.
    social_moods = [c.mood for c in checkins if c.day in social]
    quiet_moods = [c.mood for c in checkins if c.day not in social]
    assert len(social_moods) > 20 and len(quiet_moods) > 10
    assert mean(social_moods) > mean(quiet_moods) + 0.5
    # Derived data is in step: everyone seen has a last contact.
    seen = {pid for i in interactions if i.meaningful for pid in i.person_ids}
    with app.uow() as uow:
        people = uow.people.find()
    assert {p.id for p in people if p.last_contact_at is not None} == seen
    assert view["network_health"]["total"] == 60
    assert view["best_streak"] >= 1


def test_demo_is_deterministic_per_seed(tmp_path) -> None:
    from tests.conftest import make_app

    results = []
    for name in ("a", "b"):
        application = make_app(f"sqlite:///{tmp_path / name}.db")
        with application.uow(write=True) as uow:
            fill_demo(uow=uow, now=FIXED_NOW, seed=3)
        with application.uow() as uow:
            results.append([(i.day, i.kind, i.person_ids) for i in uow.interactions.find()])
        application.close()
    assert results[0] == results[1]


def test_demo_refuses_a_database_with_people(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
    before = snapshot(app)
    with app.uow(write=True) as uow, pytest.raises(DemoNeedsEmptyDatabase) as caught:
        fill_demo(uow=uow, now=FIXED_NOW)
    assert "empty" in caught.value.message
    assert snapshot(app) == before
