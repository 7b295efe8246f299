import json
from datetime import date, timedelta

import numpy as np
import pytest

from kithkin import messages
from kithkin.domain.errors import BadChoice
from kithkin.domain.insights import (
    MODE_EVIDENCE,
    DayRow,
    DuplicateDay,
    InteractionMood,
    Status,
    build_insights,
    by_person,
    calendar,
    social_comparison,
)
from tests.domain.simulate import ar1, markov_days

START = date(2026, 1, 5)


def rows_from(moods, counts, *, stresses=None, modes=None):
    out = []
    for i, (mood, count) in enumerate(zip(moods, counts, strict=True)):
        day_modes = modes[i] if modes else (frozenset({"in_person"}) if count else frozenset())
        stress = None if stresses is None else stresses[i]
        out.append(DayRow(START + timedelta(days=i), mood, stress, count, day_modes))
    return out


def noisy_rows(days, *, effect, seed, stress_effect=0.0):
    rng = np.random.default_rng(seed)
    social = markov_days(rng, sims=1, days=days, stay=0.6)[0]
    mood = 6 + effect * social + ar1(rng, sims=1, days=days, phi=0.3)[0]
    stress = 5 + stress_effect * social + rng.normal(size=days)
    return rows_from(list(mood), [int(s) for s in social], stresses=list(stress))


def keys(result):
    return [m.key for m in result.summary]


def test_too_few_days_gives_status_and_no_numbers():
    rows = noisy_rows(13, effect=2.0, seed=1)
    result = build_insights(rows, seed=0)
    for comparison in (*result.social, *result.by_mode, *result.by_dose):
        assert comparison.status is Status.NOT_ENOUGH_DATA
        assert comparison.delta is None
        assert comparison.ci_low is None and comparison.ci_high is None
        assert comparison.mean_social is None and comparison.mean_non_social is None
        assert comparison.effect_claimed is False
    assert result.next_day.status is Status.NOT_ENOUGH_DATA
    assert result.next_day.coef is None and result.next_day.ci_low is None
    assert "insights.mood.not_enough_data" in keys(result)
    assert "insights.mood.social" not in keys(result)
    assert "insights.pattern_not_proof" not in keys(result)
    json.dumps(result.as_dict())


def test_enough_days_but_too_few_in_one_group():
    rows = rows_from([6.0] * 20, [1] * 16 + [0] * 4)
    mood = social_comparison(rows, seed=0)
    assert mood.status is Status.NOT_ENOUGH_DATA
    assert (mood.n_social, mood.n_non_social) == (16, 4)
    assert mood.delta is None


def test_missing_days_do_not_count_towards_the_gate():
    moods = [None if i % 2 else 6.0 + (i % 4 == 0) for i in range(26)]
    rows = rows_from(moods, [int(i % 4 == 0) for i in range(26)])
    assert social_comparison(rows, seed=0).status is Status.NOT_ENOUGH_DATA  # 13 days with mood


def test_early_results_are_rough():
    rows = noisy_rows(40, effect=0.5, seed=3)
    result = build_insights(rows, seed=0)
    mood = result.social[0]
    assert mood.status is Status.EARLY
    assert mood.label == "rough"
    assert mood.delta is not None and mood.ci_low <= mood.delta <= mood.ci_high
    assert "insights.rough" in keys(result)
    assert "insights.pattern_not_proof" in keys(result)
    assert mood.as_dict()["label"] == "rough"


def test_clear_effect_is_claimed_with_evidence_and_caveats():
    rows = noisy_rows(120, effect=2.5, seed=4, stress_effect=-1.5)
    result = build_insights(rows, seed=0)
    mood, stress = result.social
    assert mood.status is Status.OK and mood.label is None
    assert mood.effect_claimed and mood.ci_low > 0
    assert mood.delta == pytest.approx(mood.mean_social - mood.mean_non_social)
    assert stress.effect_claimed and stress.ci_high < 0
    assert {"insights.mood.social", "insights.clear", "insights.caveats"} <= set(keys(result))
    assert "insights.mode_stands_out.in_person" in keys(result)
    assert {"everyday_data", "power_of_one"} <= set(result.evidence_ids)
    params = dict(next(m for m in result.summary if m.key == "insights.mood.social").params)
    assert params["n_social"] == mood.n_social
    assert params["delta"] == round(mood.delta, 1)


def test_no_effect_is_reported_as_unclear():
    rows = rows_from([6.0 + (i % 2) for i in range(90)], [int(i % 4 < 2) for i in range(90)])
    mood = social_comparison(rows, seed=1)
    assert mood.delta == pytest.approx(0.0)
    assert not mood.effect_claimed


def test_summary_claims_no_effect_when_there_is_none():
    """300 null simulations: AR(1) mood (phi = 0.3), 180 days, clustered social days."""
    rng = np.random.default_rng(99)
    sims, days = 300, 180
    social = markov_days(rng, sims=sims, days=days, stay=0.75)
    mood = 6 + ar1(rng, sims=sims, days=days, phi=0.3)
    claims = 0
    for i in range(sims):
        rows = rows_from(list(mood[i]), [int(s) for s in social[i]])
        claims += social_comparison(rows, seed=i).effect_claimed
    assert claims / sims <= 0.08


def test_summary_interval_covers_a_true_effect():
    rng = np.random.default_rng(100)
    sims, days, effect = 300, 180, 0.7
    social = markov_days(rng, sims=sims, days=days, stay=0.75)
    mood = 6 + effect * social + ar1(rng, sims=sims, days=days, phi=0.3)
    covered = 0
    for i in range(sims):
        c = social_comparison(rows_from(list(mood[i]), [int(s) for s in social[i]]), seed=i)
        covered += c.ci_low <= effect <= c.ci_high
    assert 0.88 <= covered / sims <= 0.98


def test_modes_compare_against_no_contact_days():
    modes = []
    counts = []
    moods = []
    for i in range(70):
        kind = i % 4
        if kind == 0:
            modes.append(frozenset({"in_person"}))
            counts.append(1)
            moods.append(8.0 + (i % 3) * 0.1)
        elif kind == 1:
            modes.append(frozenset({"message"}))
            counts.append(0)  # contact, but not meaningful: neither social nor "no contact"
            moods.append(1.0)
        else:
            modes.append(frozenset())
            counts.append(0)
            moods.append(5.0 + (i % 3) * 0.1)
    result = build_insights(rows_from(moods, counts, modes=modes), seed=0)
    in_person = next(c for c in result.by_mode if c.measure == "mood" and c.group == "in_person")
    message = next(c for c in result.by_mode if c.measure == "mood" and c.group == "message")
    assert in_person.baseline == "no_contact"
    assert (in_person.n_social, in_person.n_non_social) == (18, 34)
    assert in_person.delta == pytest.approx(3.0, abs=0.1)
    assert message.n_social == 18 and message.delta == pytest.approx(-4.0, abs=0.1)
    assert "insights.mode_stands_out.message" not in keys(result)
    assert MODE_EVIDENCE["in_person"] in result.evidence_ids


def test_dose_groups():
    counts = [i % 3 for i in range(60)]
    moods = [5.0 + c for c in counts]
    result = build_insights(rows_from(moods, counts), seed=0)
    one, two = (c for c in result.by_dose if c.measure == "mood")
    assert (one.group, one.baseline, one.n_social, one.n_non_social) == ("dose_1", "dose_0", 20, 20)
    assert two.group == "dose_2plus" and two.delta == pytest.approx(2.0)
    stress = [c for c in result.by_dose if c.measure == "stress"]
    assert all(c.status is Status.NOT_ENOUGH_DATA for c in stress)


def test_next_day_pattern_is_reported():
    rows = noisy_rows(150, effect=1.0, seed=8)
    result = build_insights(rows, seed=0)
    assert result.next_day.status is Status.OK
    assert result.next_day.coef is not None
    assert "insights.next_day" in keys(result)


def test_by_person_needs_five_observations():
    items = [InteractionMood(1, 5, 7)] * 5 + [InteractionMood(2, 6, 6)] * 6
    items += [InteractionMood(3, 4, 9)] * 4 + [
        InteractionMood(1, None, 8),
        InteractionMood(2, 6, None),
    ]
    people = by_person(items)
    assert [(p.person_id, p.mean_change, p.n) for p in people] == [(1, 2.0, 5), (2, 0.0, 6)]


def test_calendar_lays_out_gaps_and_rejects_duplicates():
    rows = [DayRow(START, 5, 5, 0), DayRow(START + timedelta(days=2), 6, 4, 1)]
    layout = calendar(rows)
    assert [r is None for r in layout] == [False, True, False]
    assert calendar([]) == []
    with pytest.raises(DuplicateDay):
        calendar([*rows, DayRow(START, 7, 3, 2)])


def test_unknown_mode_is_refused():
    with pytest.raises(BadChoice):
        DayRow(START, 5, 5, 1, frozenset({"telepathy"}))


def test_every_summary_key_has_a_sentence_that_formats():
    for result in (
        build_insights(noisy_rows(10, effect=0, seed=1), seed=0),
        build_insights(noisy_rows(40, effect=0.5, seed=2), seed=0),
        build_insights(noisy_rows(150, effect=3.0, seed=3), [InteractionMood(1, 4, 8)] * 5, seed=0),
    ):
        for message in result.summary:
            assert messages.text(message.key, **dict(message.params))
