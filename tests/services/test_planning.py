"""The planner's services on both backends: stored plans, done/skip/snooze, custom actions,
the exposure ladder and what the gathering step hands to the pure planner."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kithkin.bootstrap import App
from kithkin.domain.catalogue import ActionIdClash
from kithkin.domain.ladder import StepNotOffered
from kithkin.domain.model import Barrier
from kithkin.services.interactions import log_interaction
from kithkin.services.ladders import (
    AttemptAlreadyCompleted,
    create_ladder,
    move_back,
    move_up,
    record_after,
    record_before,
    show_ladder,
)
from kithkin.services.people import add_person
from kithkin.services.planning import add_action, gather, load_actions
from kithkin.services.profiles import init_profile
from kithkin.services.suggestions import (
    SuggestionAlreadyDone,
    UnknownSuggestion,
    mark_done,
    skip,
    snooze,
    todays_plan,
)
from kithkin.services.today import today
from tests.conftest import FIXED_NOW, make_app

NAMES = ("Ada Lovelace", "Bo Berg", "Cy Chen", "Di Diaz", "Ed Evans", "Flo Fox")
STEPS = [f"step {i}|they will stare|{10 * i}" for i in range(1, 9)]


def _people(app: App) -> list[int]:
    with app.uow(write=True) as uow:
        return [add_person(uow=uow, now=FIXED_NOW, name=n, circle="inner").id or 0 for n in NAMES]


def _plan(app: App, days: int = 0) -> list[dict[str, object]]:
    later = make_app(str(app.settings.database_url), FIXED_NOW + timedelta(days=days))
    try:
        with later.uow(write=True) as uow:
            return [s.as_dict() for s in todays_plan(uow=uow, now=later.now()).suggestions]
    finally:
        later.close()


def test_plan_is_stored_once_and_read_back_unchanged(app: App) -> None:
    _people(app)
    first = _plan(app)
    assert len(first) == 3
    assert first[0]["person"] is not None
    assert _plan(app) == first
    assert _plan(app) == first  # read again without an event between: the same plan


def test_done_logs_an_interaction_and_meets_the_goal(app: App) -> None:
    _people(app)
    first = _plan(app)[0]
    with app.uow(write=True) as uow:
        result = mark_done(uow=uow, now=FIXED_NOW, number=1, quality=4, note=" lovely ")
        view = today(uow=uow, now=FIXED_NOW)
    person = first["person"]
    assert isinstance(person, dict)
    assert result.interaction.person_ids == (person["id"],)
    assert result.interaction.kind == first["kind"]
    assert result.interaction.minutes == first["minutes"]
    assert (result.interaction.quality, result.interaction.note) == (4, "lovely")
    assert result.suggestion.status == "done"
    assert view.power.met is True
    with app.uow(write=True) as uow, pytest.raises(SuggestionAlreadyDone):
        skip(uow=uow, now=FIXED_NOW, number=1)
    with app.uow(write=True) as uow, pytest.raises(SuggestionAlreadyDone):
        snooze(uow=uow, now=FIXED_NOW, number=1, days=2)
    assert _plan(app)[0]["status"] == "done"


def test_unknown_number_names_the_range_and_writes_nothing(app: App) -> None:
    _people(app)
    _plan(app)
    with app.uow(write=True) as uow, pytest.raises(UnknownSuggestion) as err:
        mark_done(uow=uow, now=FIXED_NOW, number=4)
    assert err.value.params == {"number": 4, "high": 3}
    with app.uow() as uow:
        assert uow.interactions.find() == []


def test_skip_sinks_and_snooze_hides_the_next_day(app: App) -> None:
    _people(app)
    first = _plan(app)
    skipped, snoozed = first[0]["person"], first[1]["person"]
    assert isinstance(skipped, dict) and isinstance(snoozed, dict)
    with app.uow(write=True) as uow:
        skip(uow=uow, now=FIXED_NOW, number=1)
        snooze(uow=uow, now=FIXED_NOW, number=2, days=3)
    assert [s["status"] for s in _plan(app)][:2] == ["skipped", "snoozed"]
    tomorrow = [s["person"]["id"] for s in _plan(app, 1) if isinstance(s["person"], dict)]
    assert skipped["id"] not in tomorrow
    assert snoozed["id"] not in tomorrow
    later = [s["person"]["id"] for s in _plan(app, 4) if isinstance(s["person"], dict)]
    assert len(later) >= 1


def test_gather_counts_energy_reconnects_and_yesterday(app: App) -> None:
    ids = _people(app)
    with app.uow(write=True) as uow:
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="meal", with_names=["Ada"])
    _plan(app)
    nxt = FIXED_NOW + timedelta(days=1)
    with app.uow() as uow:
        g = gather(uow=uow, now=nxt)
    assert g.inp.energy_spent_week == 3  # a meal costs 3
    assert g.inp.last_high_load_day == FIXED_NOW.date()
    assert g.inp.yesterday_people <= set(ids)
    assert len(g.inp.yesterday_actions) >= 1
    assert len(g.inp.people) == len(NAMES)


def test_custom_actions_join_the_catalogue_and_may_not_clash(app: App) -> None:
    fields = {
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
    with app.uow(write=True) as uow:
        add_action(uow=uow, now=FIXED_NOW, fields=fields)
        actions = load_actions(uow=uow)
        assert actions[-1].id == "call_mum" and actions[-1].custom
        with pytest.raises(ActionIdClash):
            add_action(uow=uow, now=FIXED_NOW, fields=fields)
        with pytest.raises(ActionIdClash):
            add_action(uow=uow, now=FIXED_NOW, fields={**fields, "id": "thoughtful_text"})


def test_ladder_flow_offers_the_next_step_and_caps_the_plan(app: App) -> None:
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, barriers=frozenset({Barrier.SOCIAL_ANXIETY}))
        view = create_ladder(uow=uow, now=FIXED_NOW, goal="Talk to people", steps=STEPS)
        assert (view.level, view.offered) == (0, False)
        with pytest.raises(StepNotOffered):
            move_up(uow=uow)
        for _ in range(2):
            attempt = record_before(
                uow=uow, now=FIXED_NOW, step=1, prediction="stares", belief=70, predicted_peak=60
            )
            done = record_after(
                uow=uow,
                now=FIXED_NOW,
                attempt_id=attempt,
                peak=20,
                happened="a nod",
                came_true="no",
                belief_after=20,
                learned="fine",
            )
        assert done.interaction_id is not None
        with pytest.raises(AttemptAlreadyCompleted):
            record_after(
                uow=uow,
                now=FIXED_NOW,
                attempt_id=attempt,
                peak=20,
                happened="",
                came_true="no",
                belief_after=20,
                learned="",
            )
        shown = show_ladder(uow=uow)
        assert shown.offered is True
        assert [p.actual_peak for p in shown.trend] == [20, 20]
        assert move_up(uow=uow).level == 1
        assert gather(uow=uow, now=FIXED_NOW).inp.anxiety_cap == 1  # 20 -> catalogue 1
        assert move_back(uow=uow).level == 0
        assert today(uow=uow, now=FIXED_NOW).power.count == 2
