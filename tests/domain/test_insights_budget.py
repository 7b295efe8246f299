"""Issue 13: a statistic behind every sentence, one error budget, a next-day model that answers
its own question. Reduced-size simulations with fixed seeds (the full tables come from
``benchmarks/simulate_insights.py``)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
import pytest

from kithkin import messages
from kithkin.domain import budget
from kithkin.domain.insights import (
    DayRow,
    InteractionMood,
    build_insights,
    by_person,
    next_day,
)
from tests.domain.simulate import ar1, markov_days

START = date(2026, 1, 5)
MODES = ("in_person", "call", "message")


def null_user(rng, *, days, phi=0.3, stay=0.7, people=8, per_person=8, effect=0.0):
    """Daily AR(1) mood and stress, habit-like social days with random kinds and doses, 15 %
    missing check-ins, and null mood changes around interactions with ``people`` people."""
    social = markov_days(rng, sims=1, days=days, stay=stay)[0]
    mood = 6 + effect * social + 1.5 * ar1(rng, sims=1, days=days, phi=phi)[0]
    stress = 4 + 1.5 * ar1(rng, sims=1, days=days, phi=phi)[0]
    missing = rng.random(days) < 0.15
    rows = []
    for i in range(days):
        count = int(rng.integers(1, 4)) if social[i] else 0
        modes = frozenset(rng.choice(MODES, size=min(count, 2), replace=False)) if count else ()
        m = None if missing[i] else float(mood[i])
        s = None if missing[i] else float(stress[i])
        rows.append(DayRow(START + timedelta(days=i), m, s, count, frozenset(modes)))
    moods = [
        InteractionMood(pid, 5.0, 5.0 + float(rng.normal(0, 1.5)))
        for pid in range(people)
        for _ in range(per_person)
    ]
    return rows, moods


def claims(result):
    data = result.as_dict()
    items = [
        *data["social"],
        data["next_day"],
        *data["by_mode"],
        *data["by_dose"],
        *data["by_person"],
    ]
    return [i for i in items if i["effect_claimed"]]


def test_people_are_named_only_with_a_range_that_leaves_out_zero():
    items = [InteractionMood(1, 4, 4 + d) for d in (2.0, 1.5, 2.5, 2.0, 1.8, 2.2)]
    items += [InteractionMood(2, 6, 6 + d) for d in (-1.2, 0.8, -0.5, 0.6, -1.0, 0.4)]
    items += [InteractionMood(3, 6, 6 + d) for d in (-1.2, -0.5, -2.0, -1.5, -1.1)]
    rng = np.random.default_rng(3)
    rows, _ = null_user(rng, days=90)
    result = build_insights(rows, items, seed=0)
    people = {p.person_id: p for p in result.by_person}
    assert people[1].effect_claimed and people[1].ci_low > 0
    assert not people[2].effect_claimed and people[2].ci_low < 0 < people[2].ci_high
    assert people[3].ci_high < 0 and people[3].effect_claimed
    assert all(p.ci_level > 0.95 for p in people.values())  # the budget widened the ranges
    named = [m for m in result.summary if m.key.startswith("insights.person_")]
    assert [(m.key, dict(m.params)["person_id"]) for m in named] == [
        ("insights.person_higher", 1),
        ("insights.person_lower", 3),
    ]
    assert "has tended to be higher" in messages.TEXT["insights.person_higher"]
    assert "better" not in messages.TEXT["insights.by_person_header"]
    assert "insights.people_lift" not in messages.TEXT


def test_by_person_gives_every_person_an_interval():
    items = [InteractionMood(1, 5, 7)] * 5 + [
        InteractionMood(2, 6, 6 + d) for d in (1, -1, 0, 2, -2)
    ]
    people = {p.person_id: p for p in by_person(items)}
    assert people[2].ci_low == pytest.approx(-1.963, abs=0.01)  # t(4) * sd / sqrt(n)
    assert people[2].ci_high == pytest.approx(1.963, abs=0.01)
    assert not people[2].effect_claimed


def test_every_claiming_sentence_names_a_claimed_item_and_a_range():
    rng = np.random.default_rng(5)
    rows, moods = null_user(rng, days=200, effect=1.5)
    moods += [InteractionMood(99, 4, 4 + d) for d in (2.0, 1.5, 2.5, 2.0, 1.8, 2.2)]
    result = build_insights(rows, moods, seed=0)
    data = result.as_dict()
    by_item = {
        i["item"]: i
        for i in [*data["social"], data["next_day"], *data["by_mode"], *data["by_dose"]]
    }
    by_item.update({p["item"]: p for p in data["by_person"]})
    claiming = [m for m in data["summary"] if m["item"] is not None]
    assert claiming, "a +1.5 effect over 200 days is found"
    for m in claiming:
        assert by_item[m["item"]]["effect_claimed"] is True
    for m in data["summary"]:
        sentence = messages.text(m["key"], **m["params"])
        if "stood out" in sentence or "has tended to be" in sentence or "clear in" in sentence:
            assert m["item"] is not None
        if m["key"] != "insights.clear" and m["item"] is not None:
            assert "range" in sentence
    assert data["error_budget"]["procedure"] == budget.PROCEDURE
    assert "Benjamini-Hochberg" in data["error_budget"]["procedure"]
    json.dumps(data)


@pytest.mark.slow
def test_error_budget_under_no_effect_anywhere():
    """120 null users (phi 0.3, 90 days): something "clear" at most 8 % of the time."""
    rng = np.random.default_rng(2026)
    sims = 120
    told = 0
    for i in range(sims):
        rows, moods = null_user(rng, days=90, phi=0.3)
        result = build_insights(rows, moods, seed=i, n_boot=400)
        claimed_sentences = [m for m in result.summary if m.item is not None]
        told += bool(claims(result) or claimed_sentences)
    assert told / sims <= 0.08


def _next_day_claims(rng, *, sims, days, phi, effect):
    found = 0
    for _ in range(sims):
        social = markov_days(rng, sims=1, days=days, stay=0.7)[0]
        mood = 6 + effect * social + ar1(rng, sims=1, days=days, phi=phi)[0]
        missing = rng.random(days) < 0.15
        rows = [
            DayRow(START + timedelta(days=i), None if missing[i] else float(mood[i]), None, int(s))
            for i, s in enumerate(social)
        ]
        nd = next_day(rows)
        found += nd.effect_claimed
    return found / sims


@pytest.mark.slow
def test_next_day_has_no_spurious_claim_under_a_pure_same_day_effect():
    """+1 on the day itself, nothing the next day, phi 0.6, 365 days: the old model claimed a
    next-day drop for 94 % of users; at the nominal 5 % this one stays at most 8 %."""
    rate = _next_day_claims(np.random.default_rng(7), sims=150, days=365, phi=0.6, effect=1.0)
    assert rate <= 0.08


@pytest.mark.slow
@pytest.mark.parametrize("days", [30, 60])
def test_next_day_false_claims_on_short_series(days):
    rate = _next_day_claims(np.random.default_rng(days), sims=300, days=days, phi=0.6, effect=0)
    assert rate <= 0.08


def test_next_day_verdict_is_printed():
    rng = np.random.default_rng(9)
    rows, _ = null_user(rng, days=120)
    result = build_insights(rows, seed=0)
    keys = [m.key for m in result.summary]
    at = keys.index("insights.next_day")
    assert keys[at + 1] in ("insights.clear", "insights.unclear")
    assert "allowing for that day's own contact" in messages.TEXT["insights.next_day"]


@pytest.mark.slow
def test_error_budget_on_short_autocorrelated_habit_like_series():
    """The table's hardest cell (30 days, phi 0.6, habit-like social days), 600 null users:
    something "clear" at most 8 % of the time, and no family over twice its share of the 5 %
    budget. (The first 200 users of the full table's seed gave 9.0 %; 1,000 gave 4.2 %: a
    Monte Carlo fluctuation, not a miscalibrated family; see docs/science.md.)"""
    rng = np.random.default_rng(2026)
    sims = 600
    told = 0
    by_family = dict.fromkeys(budget.SHARES, 0)
    family_of = {"social": "headline", "next_day": "headline", "by_mode": "by_kind"}
    family_of |= {"by_dose": "by_kind", "by_person": "by_person"}
    for i in range(sims):
        rows, moods = null_user(rng, days=30, phi=0.6, stay=0.75)
        result = build_insights(rows, moods, seed=i, n_boot=200)
        items = claims(result)
        told += bool(items)
        for family in {family_of[item["item"].split(".")[0]] for item in items}:
            by_family[family] += 1
    assert told / sims <= 0.08
    for family, share in budget.SHARES.items():
        assert by_family[family] / sims <= 2 * budget.ALPHA * share, family
