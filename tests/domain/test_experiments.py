import random
from datetime import date, timedelta
from itertools import pairwise

import numpy as np
import pytest

from kithkin import messages
from kithkin.domain.errors import OutOfRange
from kithkin.domain.experiments import assign_days, experiment_report, plan_length
from kithkin.domain.insights import Status
from tests.domain.simulate import ar1

START = date(2026, 2, 2)


def test_assignment_is_fixed_in_advance_and_reproducible():
    plan = assign_days(START, 42, seed=7)
    assert list(plan) == [START + timedelta(days=i) for i in range(42)]
    assert plan == assign_days(START, 42, seed=7)
    assert plan != assign_days(START, 42, seed=8)
    assert all(isinstance(v, bool) for v in plan.values())


def test_assignment_is_a_fair_coin():
    plan = assign_days(START, 366, seed=1)
    heads = sum(plan.values())
    assert abs(heads - 183) < 3.5 * (366 * 0.25) ** 0.5  # within 3.5 binomial SDs
    flips = sum(a != b for a, b in pairwise(plan.values()))
    assert abs(flips - 182.5) < 3.5 * (365 * 0.25) ** 0.5  # no clustering of challenge days


@pytest.mark.parametrize("days", [0, 400])
def test_assignment_length_is_checked(days):
    with pytest.raises(OutOfRange):
        assign_days(START, days, seed=0)


def test_not_enough_days_gives_no_numbers():
    plan = assign_days(START, 30, seed=3)
    moods = dict.fromkeys(list(plan)[:9], 6.0)
    report = experiment_report(plan, moods, seed=0)
    assert report.status is Status.NOT_ENOUGH_DATA
    assert report.estimate is None and report.p_value is None and not report.clear
    assert report.messages[0].key == "experiment.not_enough_data"
    assert report.n_days_with_mood == 9


def test_not_enough_days_in_one_arm():
    days = [START + timedelta(days=i) for i in range(12)]
    plan = {d: i < 2 for i, d in enumerate(days)}
    report = experiment_report(plan, dict.fromkeys(days, 5.0), seed=0)
    assert report.status is Status.NOT_ENOUGH_DATA
    assert (report.n_challenge_days, report.n_usual_days) == (2, 10)


def test_clear_difference_by_assignment():
    plan = assign_days(START, 40, seed=5)
    moods = {d: (8.0 if on else 5.0) + (i % 3) * 0.2 for i, (d, on) in enumerate(plan.items())}
    moods[START - timedelta(days=1)] = 1.0  # outside the experiment: ignored
    moods[START] = None  # no check-in: left out
    report = experiment_report(plan, moods, seed=0, n_permutations=2000)
    on = [moods[d] for d, a in plan.items() if a and moods[d] is not None]
    off = [moods[d] for d, a in plan.items() if not a and moods[d] is not None]
    assert report.status is Status.OK
    assert report.estimate == pytest.approx(sum(on) / len(on) - sum(off) / len(off))
    assert report.n_days_with_mood == 39
    assert report.p_value < 0.01 and report.clear
    assert report.messages[0].key == "experiment.result.clear"
    assert {m.key for m in report.messages} >= {"experiment.can_say", "experiment.cannot_say"}
    assert report.as_dict()["status"] == "ok"


def test_no_difference_is_unclear():
    plan = assign_days(START, 40, seed=6)
    rnd = random.Random(0)
    moods = {d: rnd.gauss(6, 1) for d in plan}
    report = experiment_report(plan, moods, seed=0)
    assert report.status is Status.OK
    assert report.p_value > 0.05
    assert report.messages[0].key == "experiment.result.unclear"


def test_every_message_has_a_sentence_that_formats():
    plan = assign_days(START, 20, seed=9)
    for moods in ({}, {d: 5.0 + on for d, on in plan.items()}):
        for message in experiment_report(plan, moods, seed=0).messages:
            assert messages.text(message.key, **dict(message.params))


def test_null_experiments_reject_at_the_nominal_rate():
    """1,000 six-week experiments with autocorrelated mood and no effect."""
    rng = np.random.default_rng(123)
    sims, days = 1000, 42
    mood = 6 + ar1(rng, sims=sims, days=days, phi=0.3)
    rejections = 0
    for i in range(sims):
        plan = assign_days(START, days, seed=i)
        moods = dict(zip(plan, mood[i].tolist(), strict=True))
        report = experiment_report(plan, moods, seed=i, n_permutations=999)
        rejections += report.clear
    assert 0.03 <= rejections / sims <= 0.07


def test_before_the_planned_end_the_report_shows_progress_only():
    plan = assign_days(START, 40, seed=5)
    moods = {d: (8.0 if on else 5.0) for d, on in plan.items()}  # a huge difference
    report = experiment_report(plan, moods, seed=0, final=False)
    assert report.status is Status.IN_PROGRESS
    assert report.estimate is None and report.p_value is None and not report.clear
    assert report.messages[0].key == "experiment.interim"
    assert report.n_challenge_days + report.n_usual_days == 40
    assert "unlikely" not in messages.text(
        report.messages[0].key, **dict(report.messages[0].params)
    )


@pytest.mark.slow
def test_reading_the_report_every_day_from_day_10_keeps_type_one_error_at_5_percent():
    """300 null experiments of 42 days (AR(1) mood, phi 0.3), the report read every evening from
    day 10: the old reports said "clear" at some point 16-20 % of the time."""
    rng = np.random.default_rng(42)
    sims, length = 300, 42
    noise = ar1(rng, sims=sims, days=length, phi=0.3)
    false_clear = 0
    for i in range(sims):
        plan = assign_days(START, length, seed=i)
        days = list(plan)
        moods = {d: 6 + float(noise[i, k]) for k, d in enumerate(days)}
        said_clear = False
        for read_on in range(10, length + 1):
            upto = {d: plan[d] for d in days[:read_on]}
            report = experiment_report(
                upto, moods, seed=i, n_permutations=1000, final=read_on == length
            )
            said_clear |= report.clear
            said_clear |= any(m.key == "experiment.result.clear" for m in report.messages)
        false_clear += said_clear
    assert false_clear / sims <= 0.05 + 2 * (0.05 * 0.95 / sims) ** 0.5  # 5 % within 2 MC SEs


def test_plan_length_from_own_variability_or_a_default():
    default = plan_length([None] * 90)
    assert not default.sd_from_history and default.sd == 1.5
    # 4 * 1.5^2 * (1.96 + 0.84)^2 = 70.6 days with a mood, at 85 % check-ins
    assert default.days_with_mood_needed == 71 and default.days_needed == 84
    assert default.default_days == 84
    calm = plan_length([6.0 + (0.5 if i % 2 else -0.5) for i in range(60)])
    assert calm.sd_from_history and calm.sd == pytest.approx(0.5, abs=0.01)
    assert calm.days_with_mood_needed == 8 and calm.default_days == 14  # never below 14
    spread = plan_length([None] * 10 + [5.0 + (4 if i % 2 else -4) for i in range(80)])
    assert spread.checkin_rate == 1.0 and spread.default_days == 366  # capped
