"""Merging two people into one, with their history, on both backends."""

from __future__ import annotations

import pytest

from kithkin.bootstrap import App
from kithkin.domain.errors import PersonNotFound
from kithkin.domain.people_merge import MergeSamePerson
from kithkin.services.followups import add_followup
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person, resolve
from kithkin.services.people_merge import merge_people, preview_merge
from tests.conftest import FIXED_NOW
from tests.services.helpers import count_rows, snapshot


def _setup(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(
            uow=uow,
            now=FIXED_NOW,
            name="Jonathan Smith",
            circle="inner",
            contacts=["email:jon@smith.example"],
            notes="Loves chess",
        )
        add_person(
            uow=uow,
            now=FIXED_NOW,
            name="Jon Smith",
            circle=None,
            birthday="1980-04-02",
            timezone="Europe/London",
            contacts=["email:JON@smith.example", "phone:+44 7700 900123"],
            notes="Met at the chess club",
            interests=["chess", "tea"],
        )
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", circle="close")
    with app.uow(write=True) as uow:
        log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="call", with_names=["#1"], when="2026-11-10 10:00"
        )
        log_interaction(  # both of them, and Ada, at once: one link to the kept person stays
            uow=uow,
            now=FIXED_NOW,
            kind_id="meal",
            with_names=["#1", "#2", "#3"],
            when="2026-11-20 19:00",
        )
        log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="text", with_names=["#2"], when="2026-11-24 09:00"
        )
        add_followup(uow=uow, now=FIXED_NOW, person="#2", text="Send the chess book")


def test_preview_writes_nothing_and_shows_the_result(app: App) -> None:
    _setup(app)
    before = snapshot(app)
    with app.uow() as uow:
        preview = preview_merge(uow=uow, keep="#1", other="#2")
    assert snapshot(app) == before
    result = preview.result
    assert (result.id, result.name, result.circle) == (1, "Jonathan Smith", "inner")
    assert [c.value for c in result.contacts] == ["jon@smith.example", "+44 7700 900123"]
    assert result.notes == "Loves chess\n\nMet at the chess club"
    assert (str(result.birthday), result.timezone, result.interests) == (
        "1980-04-02",
        "Europe/London",
        ("chess", "tea"),
    )
    assert preview.moved == {"interactions": 2, "followups": 1, "calls": 0, "suggestions": 0}


def test_merge_moves_history_and_keeps_derived_values_exact(app: App) -> None:
    _setup(app)
    with app.uow() as uow:
        stats_before = uow.day_stats.meaningful_counts()
    interactions_before = count_rows(app, "interactions")
    with app.uow(write=True) as uow:
        done = merge_people(uow=uow, keep="#1", other="Jon Smith")
    assert done.applied
    with app.uow() as uow:
        kept = resolve(uow=uow, ref="#1")
        with pytest.raises(PersonNotFound):
            resolve(uow=uow, ref="#2")
        history = uow.interactions.find(person_id=1)
        assert sorted(i.kind for i in history) == ["call", "meal", "text"]
        meal = next(i for i in history if i.kind == "meal")
        assert sorted(meal.person_ids) == [1, 3]
        assert [f.text for f in uow.followups.find(person_id=1)] == ["Send the chess book"]
        assert uow.day_stats.meaningful_counts() == stats_before
        # the last contact is worked out again: the text to "Jon" is now the kept person's
        assert kept.last_contact_at is not None
        assert kept.last_contact_at.isoformat().startswith("2026-11-24T08:00")
    assert count_rows(app, "interactions") == interactions_before
    assert count_rows(app, "interaction_people") == 4
    assert count_rows(app, "people") == 2
    assert count_rows(app, "contact_points") == 2


def test_merging_someone_with_themself_is_refused_and_writes_nothing(app: App) -> None:
    _setup(app)
    before = snapshot(app)
    with app.uow(write=True) as uow, pytest.raises(MergeSamePerson):
        merge_people(uow=uow, keep="#1", other="Jonathan")
    assert snapshot(app) == before
