"""Questionnaires, insights and experiments through the services, on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from kithkin.bootstrap import App
from kithkin.domain.questionnaires import AnswerOutOfRange, WrongAnswerCount
from kithkin.services import experiments as ex
from kithkin.services import questionnaires as qs
from kithkin.services.checkins import check_in
from kithkin.services.demo import fill_demo
from kithkin.services.insights import personal_insights
from kithkin.services.today import today
from tests.conftest import FIXED_NOW


def test_a_questionnaire_is_scored_stored_and_no_longer_due(app: App) -> None:
    with app.uow(write=True) as uow:
        due_before = [d.instrument_id for d in qs.due(uow=uow, today=FIXED_NOW.date())]
        done = qs.take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[1, 1, 1, 1, 1])
    with app.uow() as uow:
        stored = qs.history(uow=uow)
        view = today(uow=uow, now=FIXED_NOW).as_dict()
    assert due_before == ["pss10", "who5"]
    assert done.score.percent == 20 and done.score.band == "who5.low"
    assert "who5.talk" in done.score.flags
    assert [(r.instrument_id, r.answers, r.raw, r.percent) for r in stored] == [
        ("who5", (1, 1, 1, 1, 1), 5, 20)
    ]
    assert stored[0].day.isoformat() == "2026-11-26"
    assert [d["instrument_id"] for d in view["questionnaires_due"]] == ["pss10"]


def test_a_stored_result_reads_back_with_its_score(app: App) -> None:
    with app.uow(write=True) as uow:
        done = qs.take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[3, 3, 2, 2, 3])
    assert done.response.id is not None
    with app.uow() as uow:
        again = qs.result(uow=uow, instrument_id="who5", response_id=done.response.id)
        assert again == done
        assert qs.result(uow=uow, instrument_id="ucla3-3pt", response_id=done.response.id) is None
        assert qs.result(uow=uow, instrument_id="who5", response_id=done.response.id + 1) is None
    with app.uow(write=True) as uow:  # a result shows what was stored, not a new scoring
        uow.connection.execute(text("UPDATE questionnaire_responses SET band = 'who5.low'"))
        uow.commit()
    with app.uow() as uow:
        shown = qs.result(uow=uow, instrument_id="who5", response_id=done.response.id)
        assert shown is not None and shown.score.band == "who5.low"
        assert shown.score.raw_max == done.score.raw_max


@pytest.mark.parametrize(
    ("answers", "error"), [([1, 1, 1, 1], WrongAnswerCount), ([1, 1, 1, 1, 6], AnswerOutOfRange)]
)
def test_bad_answers_store_nothing(app: App, answers: list[int], error: type) -> None:
    with app.uow(write=True) as uow, pytest.raises(error):
        qs.take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=answers)
    with app.uow() as uow:
        assert qs.history(uow=uow) == []


def test_schedule_is_adjustable_and_zero_turns_it_off(app: App) -> None:
    with app.uow(write=True) as uow:
        qs.take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[3, 3, 3, 3, 3])
        qs.set_schedule(uow=uow, instrument_id="who5", every_days=7)
        qs.set_schedule(uow=uow, instrument_id="pss10", every_days=0)
    with app.uow() as uow:
        later = FIXED_NOW.date() + timedelta(days=7)
        assert [d.instrument_id for d in qs.due(uow=uow, today=later)] == ["who5"]
        assert qs.due(uow=uow, today=later - timedelta(days=1)) == []


def test_demo_insights_show_a_positive_mood_pattern(app: App) -> None:
    with app.uow(write=True) as uow:
        fill_demo(uow=uow, now=FIXED_NOW, days=120, seed=7, timezone="Europe/Berlin")
    with app.uow() as uow:
        result = personal_insights(uow=uow, now=FIXED_NOW, n_boot=300)
    data = result.as_dict()
    mood = data["social"][0]
    assert mood["measure"] == "mood"
    assert mood["status"] in ("early", "ok")
    assert mood["delta"] > 0
    assert mood["ci_low"] <= mood["delta"] <= mood["ci_high"]
    assert all(p["name"] != "?" and p["n"] >= 5 for p in data["by_person"])
    assert "insights.pattern_not_proof" in [m["key"] for m in data["summary"]]
    assert data["evidence"] and all(c["citation"] for c in data["evidence"])
    shares = [w["network_share"] for w in data["weekly"] if w["network_share"] is not None]
    assert len(shares) > 4 and all(0 <= s <= 1 for s in shares)


def test_too_few_days_say_not_enough_data_never_a_number(app: App) -> None:
    with app.uow(write=True) as uow:
        for i in range(10):
            day = (FIXED_NOW - timedelta(days=i)).date().isoformat()
            check_in(uow=uow, now=FIXED_NOW, mood=5 + i % 3, stress=4, day=day)
    with app.uow() as uow:
        data = personal_insights(uow=uow, now=FIXED_NOW, n_boot=100).as_dict()
    for c in [*data["social"], *data["by_mode"], *data["by_dose"]]:
        assert c["status"] == "not_enough_data"
        assert c["delta"] is None and c["ci_low"] is None and c["ci_high"] is None
    assert data["next_day"]["coef"] is None


def test_experiment_needs_consent_and_runs_one_at_a_time(app: App) -> None:
    with app.uow(write=True) as uow:
        with pytest.raises(ex.ConsentRequired):
            ex.start(uow=uow, now=FIXED_NOW, consent=False)
        with pytest.raises(ex.NoExperiment):
            ex.status(uow=uow, now=FIXED_NOW)
        first = ex.start(uow=uow, now=FIXED_NOW, consent=True, days=28, seed=5)
        with pytest.raises(ex.ExperimentRunning):
            ex.start(uow=uow, now=FIXED_NOW, consent=True, seed=6)
    assert first.day_number == 1 and first.experiment.days == 28


def test_experiment_assignments_are_stable_and_reported_after_the_period(app: App) -> None:
    with app.uow(write=True) as uow:
        ex.start(uow=uow, now=FIXED_NOW, consent=True, days=28, seed=5)
    with app.uow() as uow:
        stored = uow.experiments.assignments(uow.experiments.active().id)  # type: ignore[union-attr]
    end = FIXED_NOW + timedelta(days=30)
    with app.uow(write=True) as uow:
        for offset, (day, challenge) in enumerate(sorted(stored.items())):
            check_in(
                uow=uow,
                now=end,
                mood=8 if challenge else 5,
                stress=4 + offset % 2,
                day=day.isoformat(),
            )
        nudges = [
            today(uow=uow, now=FIXED_NOW + timedelta(days=i)).as_dict()["experiment"]
            for i in range(3)
        ]
        result = ex.report(uow=uow, now=end, n_permutations=999)
        stopped = ex.stop(uow=uow, now=end)
    assert [n["challenge_today"] for n in nudges] == [stored[d] for d in sorted(stored)[:3]]
    assert result.report.status.value == "ok"
    assert result.report.estimate == pytest.approx(3.0)
    assert result.report.p_value is not None and result.report.p_value < 0.05
    assert result.report.n_challenge_days + result.report.n_usual_days == 28
    assert stopped.finished and not stopped.experiment.active
    with app.uow() as uow:
        assert today(uow=uow, now=end).as_dict()["experiment"] is None
