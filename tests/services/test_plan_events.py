"""Today's plan follows events (services.plan_events), on both backends: a person added or
edited, an interaction logged or removed, a follow-up added or finished, the profile changed.
What was done, skipped or snoozed keeps its number; logging with a suggested person closes
that idea; ``plan --week`` starts with today's stored plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kithkin.bootstrap import App
from kithkin.domain.model import Barrier
from kithkin.services.followups import add_followup, complete_followup
from kithkin.services.interactions import delete_interaction, log_interaction
from kithkin.services.people import add_person, archive_person, edit_person, set_circle
from kithkin.services.profiles import init_profile
from kithkin.services.suggestions import (
    SuggestionAlreadyDone,
    mark_done,
    skip,
    snooze,
    todays_plan,
    week_plan,
)
from kithkin.services.today import today
from tests.conftest import FIXED_NOW
from tests.services.helpers import count_rows

NAMES = ("Ada Lovelace", "Bo Berg", "Cy Chen", "Di Diaz", "Ed Evans", "Flo Fox")


def _people(app: App) -> list[int]:
    with app.uow(write=True) as uow:
        return [add_person(uow=uow, now=FIXED_NOW, name=n, circle="inner").id or 0 for n in NAMES]


def _plan(app: App) -> list[dict[str, Any]]:
    with app.uow(write=True) as uow:
        return [s.as_dict() for s in todays_plan(uow=uow, now=FIXED_NOW).suggestions]


def _who(plan: list[dict[str, Any]]) -> list[str | None]:
    return [None if s["person"] is None else s["person"]["name"] for s in plan]


def _marked(app: App) -> bool:
    with app.uow() as uow:
        return uow.plan_marks.is_marked()


def test_someone_added_today_is_suggested_today(app: App) -> None:
    _people(app)
    first = _plan(app)
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Gus Green", circle="inner", closeness=5)
    assert _marked(app)
    again = _plan(app)
    assert "Gus Green" in _who(again)
    assert not _marked(app)
    assert len(again) == len(first) == 3
    assert _plan(app) == again  # no event since: read back unchanged


def test_done_skipped_and_snoozed_keep_their_numbers_through_a_refresh(app: App) -> None:
    _people(app)
    first = _plan(app)
    with app.uow(write=True) as uow:
        mark_done(uow=uow, now=FIXED_NOW, number=1)
        skip(uow=uow, now=FIXED_NOW, number=2)
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Gus Green", circle="inner", closeness=5)
    again = _plan(app)
    assert [(s["number"], s["status"]) for s in again[:2]] == [(1, "done"), (2, "skipped")]
    assert _who(again)[:2] == _who(first)[:2]
    assert _who(again)[2] == "Gus Green"
    assert [s["number"] for s in again] == [1, 2, 3]
    with app.uow(write=True) as uow:
        snooze(uow=uow, now=FIXED_NOW, number=3, days=2)
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="text", with_names=["Flo Fox"])
    assert [s["status"] for s in _plan(app)] == ["done", "skipped", "snoozed"]


def test_logging_with_a_suggested_person_closes_the_idea_once(app: App) -> None:
    _people(app)
    first = _plan(app)
    person = first[0]["person"]["name"]
    with app.uow(write=True) as uow:
        logged = log_interaction(uow=uow, now=FIXED_NOW, kind_id="meal", with_names=[person])
    again = _plan(app)
    idea = next(s for s in again if s["number"] == 1)
    assert (idea["status"], idea["person"]["name"]) == ("done", person)
    with app.uow() as uow:
        (row,) = [s for s in uow.suggestions.for_day(FIXED_NOW.date()) if s.rank == 1]
    assert row.interaction_id == logged.interaction.id
    with app.uow(write=True) as uow, pytest.raises(SuggestionAlreadyDone):
        mark_done(uow=uow, now=FIXED_NOW, number=1)
    assert count_rows(app, "interactions") == 1
    with app.uow() as uow:
        assert today(uow=uow, now=FIXED_NOW).power.count == 1


def test_logging_yesterday_leaves_todays_idea_open(app: App) -> None:
    _people(app)
    person = _plan(app)[0]["person"]["name"]
    with app.uow(write=True) as uow:
        log_interaction(
            uow=uow, now=FIXED_NOW, kind_id="text", with_names=[person], when="yesterday 10:00"
        )
    assert all(s["status"] == "open" for s in _plan(app) if s["person"] is not None)


def test_an_archived_person_leaves_todays_plan(app: App) -> None:
    _people(app)
    first = _who(_plan(app))
    gone = first[0]
    assert gone is not None
    with app.uow(write=True) as uow:
        archive_person(uow=uow, ref=gone)
    assert gone not in _who(_plan(app))


def _add_followup(uow: Any) -> None:
    add_followup(uow=uow, now=FIXED_NOW, person="Ada", text="ask about the move")


def _finish_followup(uow: Any) -> None:
    found = add_followup(uow=uow, now=FIXED_NOW, person="Ada", text="ask about the move")
    uow.plan_marks.clear()
    assert found.followup.id is not None
    complete_followup(uow=uow, followup_id=found.followup.id)


def _delete_log(uow: Any) -> None:
    logged = log_interaction(uow=uow, now=FIXED_NOW, kind_id="text", with_names=["Bo"])
    uow.plan_marks.clear()
    assert logged.interaction.id is not None
    delete_interaction(uow=uow, interaction_id=logged.interaction.id)


EVENTS: dict[str, Callable[[Any], object]] = {
    "add person": lambda uow: add_person(uow=uow, now=FIXED_NOW, name="Gus"),
    "edit person": lambda uow: edit_person(uow=uow, ref="Ada", closeness=5),
    "archive person": lambda uow: archive_person(uow=uow, ref="Ada"),
    "circle cadence": lambda uow: set_circle(uow=uow, name="inner", cadence_days=3),
    "log": lambda uow: log_interaction(uow=uow, now=FIXED_NOW, kind_id="text", with_names=["Bo"]),
    "delete log": _delete_log,
    "add follow-up": _add_followup,
    "finish follow-up": _finish_followup,
    "profile": lambda uow: init_profile(uow=uow, now=FIXED_NOW, weekday_minutes=5),
    "barriers": lambda uow: init_profile(
        uow=uow, now=FIXED_NOW, barriers=frozenset({Barrier.SOCIAL_ANXIETY})
    ),
}


@pytest.mark.parametrize("event", list(EVENTS))
def test_each_event_marks_todays_plan_and_the_next_read_remakes_it(app: App, event: str) -> None:
    _people(app)
    _plan(app)
    assert not _marked(app)
    with app.uow(write=True) as uow:
        EVENTS[event](uow)
        uow.commit()
    assert _marked(app)
    _plan(app)
    assert not _marked(app)


def test_barriers_change_the_plan_the_same_day(app: App) -> None:
    _people(app)
    before = _plan(app)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, barriers=frozenset({Barrier.SOCIAL_ANXIETY}))
    after = _plan(app)
    assert after != before
    assert after[1]["person"] is None  # the weak-tie moment comes second for the anxious


def test_week_starts_with_todays_stored_plan_and_never_says_add_people(app: App) -> None:
    _people(app)
    with app.uow(write=True) as uow:
        mark_done(uow=uow, now=FIXED_NOW, number=1)
    stored = _plan(app)
    with app.uow(write=True) as uow:
        week = week_plan(uow=uow, now=FIXED_NOW)
    assert len(week) == 7
    assert [s.as_dict() for s in week[0].suggestions] == stored
    notes = [n.key for day in week for n in day.notes]
    assert "plan.note.nobody" not in notes
    assert all(day.suggestions for day in week)
    planned = [s.person.id for day in week[1:] for s in day.suggestions if s.person is not None]
    today_people = {s["person"]["id"] for s in stored if s["person"] is not None}
    assert not today_people & set(planned)
