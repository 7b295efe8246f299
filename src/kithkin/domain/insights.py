"""Honest personal insights from daily rows: how mood and stress differ on social days.

Pure orchestration over plain rows (``science-reference.md`` section 4); the statistics live in
:mod:`kithkin.domain.stats`. Every result carries a status: ``not_enough_data`` (then no
estimates at all, only the day counts), ``early`` (shown as "rough") or ``ok``. An effect is
claimed only when the 95% interval excludes zero and there is enough data. Wording is by message
key; the sentences live in :mod:`kithkin.messages` (``insights.*``) and say "pattern", never
"cause".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from kithkin.domain import budget, stats
from kithkin.domain.insights_records import (
    EARLY_BELOW,
    MEASURES,
    MIN_DAYS,
    MIN_PER_GROUP,
    MIN_PERSON_OBS,
    MODE_EVIDENCE,
    Comparison,
    DayRow,
    DuplicateDay,
    Insights,
    InteractionMood,
    Message,
    NextDay,
    PersonMood,
    Status,
)
from kithkin.domain.model import Mode, check_choice

__all__ = [
    "EARLY_BELOW",
    "MEASURES",
    "MIN_DAYS",
    "MIN_PERSON_OBS",
    "MIN_PER_GROUP",
    "MODE_EVIDENCE",
    "Comparison",
    "DayRow",
    "DuplicateDay",
    "Insights",
    "InteractionMood",
    "Message",
    "NextDay",
    "PersonMood",
    "Status",
    "build_insights",
    "by_person",
    "calendar",
    "compare",
    "next_day",
    "social_comparison",
    "summarise",
    "within_budget",
]


_Spec = tuple[str, str, Callable[[DayRow], bool | None], str]  # measure, group, test, baseline


def calendar(rows: Sequence[DayRow]) -> list[DayRow | None]:
    """Rows laid out on consecutive calendar days from the first to the last; gaps are None."""
    by_day: dict[date, DayRow] = {}
    for row in rows:
        if row.day in by_day:
            raise DuplicateDay(day=row.day.isoformat())
        by_day[row.day] = row
    if not by_day:
        return []
    first, last = min(by_day), max(by_day)
    return [by_day.get(first + timedelta(days=i)) for i in range((last - first).days + 1)]


def _status(n_days: int, n_a: int, n_b: int) -> Status:
    if n_days < MIN_DAYS or min(n_a, n_b) < MIN_PER_GROUP:
        return Status.NOT_ENOUGH_DATA
    return Status.EARLY if n_days < EARLY_BELOW else Status.OK


def compare(
    days: Sequence[DayRow | None],
    *,
    measure: str,
    group: tuple[str, Callable[[DayRow], bool | None]],
    baseline: str,
    seed: int,
    n_boot: int = 2000,
) -> Comparison:
    """Compare ``measure`` on days where ``group``'s test is True against days where it is False.

    ``days`` is a calendar (see :func:`calendar`); the test returns None to leave a day out.
    Gating counts the days with the measure in either group.
    """
    name, test = group
    values = _day_values(days, measure)
    groups = _day_groups(days, test)
    return _compare(values, groups, (measure, name, baseline), seed=seed, n_boot=n_boot)


def _day_values(days: Sequence[DayRow | None], measure: str) -> Any:
    """The measure per calendar day as a float array, NaN where it is missing."""
    import numpy as np

    return np.array([None if d is None else getattr(d, measure) for d in days], dtype=float)


def _day_groups(days: Sequence[DayRow | None], test: Callable[[DayRow], bool | None]) -> Any:
    """The test per calendar day as a float array: 1 (True), 0 (False), NaN (left out)."""
    import numpy as np

    return np.array([None if d is None else test(d) for d in days], dtype=float)


def _compare(
    values: Any, groups: Any, names: tuple[str, str, str], *, seed: int, n_boot: int
) -> Comparison:
    """:func:`compare` on the arrays of :func:`_day_values` and :func:`_day_groups`."""
    import numpy as np

    measure, name, baseline = names
    in_a = ~np.isnan(values) & (groups == 1.0)
    in_b = ~np.isnan(values) & (groups == 0.0)
    n_a, n_b = int(in_a.sum()), int(in_b.sum())
    status = _status(n_a + n_b, n_a, n_b)
    base = Comparison(measure, name, baseline, status, n_a, n_b)
    if status is Status.NOT_ENOUGH_DATA:
        return base
    result = stats.block_bootstrap_diff(values, groups, seed=seed, n_boot=n_boot)
    if result.ci_low is None or result.ci_high is None:  # too few replicates held both groups
        return replace(base, status=Status.NOT_ENOUGH_DATA)
    return Comparison(
        measure=measure,
        group=name,
        baseline=baseline,
        status=status,
        n_social=n_a,
        n_non_social=n_b,
        delta=result.estimate,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        mean_social=sum(values[in_a].tolist()) / n_a,  # in calendar order, as before
        mean_non_social=sum(values[in_b].tolist()) / n_b,
        effect_claimed=not result.ci_low <= 0 <= result.ci_high,
        se=result.se,
        df=result.df,
    )


def social_comparison(
    rows: Sequence[DayRow], *, measure: str = "mood", seed: int, n_boot: int = 2000
) -> Comparison:
    """Social days (at least one meaningful interaction) against all other days."""
    check_choice("measure", measure, MEASURES)
    return compare(
        calendar(rows),
        measure=measure,
        group=("social", _social_test),
        baseline="non_social",
        seed=seed,
        n_boot=n_boot,
    )


def _social_test(day: DayRow) -> bool:
    return day.social


def _mode_test(mode: str) -> Callable[[DayRow], bool | None]:
    return lambda d: True if mode in d.modes else (False if d.no_contact else None)


def _dose_test(low: int, high: int | None) -> Callable[[DayRow], bool | None]:
    def test(d: DayRow) -> bool | None:
        if d.meaningful_count == 0:
            return False
        in_dose = d.meaningful_count >= low and (high is None or d.meaningful_count <= high)
        return True if in_dose else None

    return test


def next_day(rows: Sequence[DayRow]) -> NextDay:
    """Does a social day go with a different mood the next day, over and above that day's own
    contact? A pattern, not a cause (:func:`kithkin.domain.stats.next_day_model`)."""
    return _next_day(calendar(rows))


def _next_day(days: Sequence[DayRow | None]) -> NextDay:
    mood = [None if d is None else d.mood for d in days]
    social = [None if d is None else d.social for d in days]
    _, _, x = stats.lag_arrays(mood, social)
    after_social = int((x[:, 2] == 1.0).sum())
    status = _status(len(x), after_social, len(x) - after_social)
    fit = None if status is Status.NOT_ENOUGH_DATA else stats.next_day_model(mood, social)
    if fit is None:
        return NextDay(Status.NOT_ENOUGH_DATA, len(x))
    return NextDay(
        status=status,
        n=fit.n,
        coef=fit.coef,
        se=fit.se,
        ci_low=fit.ci_low,
        ci_high=fit.ci_high,
        effect_claimed=not fit.ci_low <= 0 <= fit.ci_high,
        df=fit.df,
    )


def by_person(interactions: Sequence[InteractionMood]) -> tuple[PersonMood, ...]:
    """Mean mood change per person, only for people with enough observations; best first."""
    changes: dict[int, list[float]] = defaultdict(list)
    for item in interactions:
        if item.mood_before is not None and item.mood_after is not None:
            changes[item.person_id].append(item.mood_after - item.mood_before)
    people = [_person(pid, vals) for pid, vals in changes.items() if len(vals) >= MIN_PERSON_OBS]
    return tuple(sorted(people, key=lambda p: (-p.mean_change, p.person_id)))


def _person(pid: int, vals: list[float]) -> PersonMood:
    n = len(vals)
    mean = sum(vals) / n
    se = (sum((v - mean) ** 2 for v in vals) / (n - 1) / n) ** 0.5
    half = stats.t_critical(0.95, n - 1) * se
    low, high = mean - half, mean + half
    return PersonMood(pid, mean, n, se, low, high, 0.95, None, not low <= 0 <= high)


def build_insights(
    rows: Sequence[DayRow],
    interactions: Sequence[InteractionMood] = (),
    *,
    seed: int,
    n_boot: int = 2000,
) -> Insights:
    """All insights for one person's daily rows and per-interaction moods.

    Each comparison gets its own seed (``seed``, ``seed + 1``, ...), so results are reproducible.
    """
    days = calendar(rows)
    social_specs: list[_Spec] = [(m, "social", _social_test, "non_social") for m in MEASURES]
    mode_specs: list[_Spec] = [
        (m, mode.value, _mode_test(mode.value), "no_contact") for m in MEASURES for mode in Mode
    ]
    dose_specs: list[_Spec] = [
        (m, name, _dose_test(low, high), "dose_0")
        for m in MEASURES
        for name, low, high in (("dose_1", 1, 1), ("dose_2plus", 2, None))
    ]
    values = {m: _day_values(days, m) for m in MEASURES}  # each array built once
    groups = {name: _day_groups(days, test) for _, name, test, _ in mode_specs + dose_specs}
    groups["social"] = _day_groups(days, _social_test)
    results = [
        _compare(values[m], groups[name], (m, name, base), seed=seed + i, n_boot=n_boot)
        for i, (m, name, _, base) in enumerate([*social_specs, *mode_specs, *dose_specs])
    ]
    social = _named(results[: len(social_specs)], "social")
    modes = _named(results[len(social_specs) : len(social_specs) + len(mode_specs)], "by_mode")
    doses = _named(results[len(social_specs) + len(mode_specs) :], "by_dose")
    lag = _next_day(days)
    people = by_person(interactions)
    social, lag, modes, doses, people = within_budget(social, lag, modes, doses, people)
    summary, evidence = summarise(social=social, next_day=lag, by_mode=modes, by_person=people)
    return Insights(
        n_days=sum(1 for d in days if d is not None),
        social=social,
        next_day=lag,
        by_mode=modes,
        by_dose=doses,
        by_person=people,
        summary=summary,
        evidence_ids=evidence,
    )


def _named(comparisons: Sequence[Comparison], family: str) -> tuple[Comparison, ...]:
    return tuple(replace(c, item=f"{family}.{c.measure}.{c.group}") for c in comparisons)


def _estimate(
    item: str, estimate: float | None, se: float | None, df: float | None
) -> list[budget.Estimate]:
    if estimate is None or se is None or df is None:
        return []
    return [budget.Estimate(item, estimate, se, df)]


def within_budget(
    social: tuple[Comparison, ...],
    lag: NextDay,
    modes: tuple[Comparison, ...],
    doses: tuple[Comparison, ...],
    people: tuple[PersonMood, ...],
) -> tuple[
    tuple[Comparison, ...],
    NextDay,
    tuple[Comparison, ...],
    tuple[Comparison, ...],
    tuple[PersonMood, ...],
]:
    """Every shown estimate under one error budget (:mod:`kithkin.domain.budget`): ranges at the
    budget's level, ``effect_claimed`` exactly when the shown range leaves out zero."""

    def shown(cs: Sequence[Comparison]) -> list[budget.Estimate]:
        return [e for c in cs for e in _estimate(c.item, c.delta, c.se, c.df)]

    verdicts = budget.apply(
        {
            "headline": [*shown(social), *_estimate(lag.item, lag.coef, lag.se, lag.df)],
            "by_kind": [*shown(modes), *shown(doses)],
            "by_person": [budget.Estimate(p.item, p.mean_change, p.se, p.n - 1) for p in people],
        }
    )

    def judged_comparison(c: Comparison) -> Comparison:
        v = verdicts.get(c.item)
        if v is None:
            return c
        return replace(
            c,
            ci_low=v.ci_low,
            ci_high=v.ci_high,
            ci_level=v.level,
            p_value=v.p_value,
            effect_claimed=v.claimed,
        )

    nd = verdicts.get(lag.item)
    if nd is not None:
        lag = replace(
            lag,
            ci_low=nd.ci_low,
            ci_high=nd.ci_high,
            ci_level=nd.level,
            p_value=nd.p_value,
            effect_claimed=nd.claimed,
        )
    judged_people = []
    for p in people:
        v = verdicts[p.item]
        judged_people.append(
            replace(
                p,
                ci_low=v.ci_low,
                ci_high=v.ci_high,
                ci_level=v.level,
                p_value=v.p_value,
                effect_claimed=v.claimed,
            )
        )
    return (
        tuple(map(judged_comparison, social)),
        lag,
        tuple(map(judged_comparison, modes)),
        tuple(map(judged_comparison, doses)),
        tuple(judged_people),
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _range_params(
    delta: float | None, low: float | None, high: float | None
) -> tuple[tuple[str, Any], ...]:
    return (("delta", _rounded(delta)), ("low", _rounded(low)), ("high", _rounded(high)))


def _verdict(effect_claimed: bool, item: str) -> Message:
    if effect_claimed:
        return Message("insights.clear", item=item)
    return Message("insights.unclear")


def _comparison_message(c: Comparison) -> list[Message]:
    if c.status is Status.NOT_ENOUGH_DATA:
        return [
            Message(
                f"insights.{c.measure}.not_enough_data",
                (
                    ("n_social", c.n_social),
                    ("n_non_social", c.n_non_social),
                    ("min_days", MIN_DAYS),
                    ("min_per_group", MIN_PER_GROUP),
                ),
            )
        ]
    params = (
        *_range_params(c.delta, c.ci_low, c.ci_high),
        ("n_social", c.n_social),
        ("n_non_social", c.n_non_social),
    )
    out = [
        Message(f"insights.{c.measure}.social", params),
        _verdict(c.effect_claimed, c.item),
    ]
    if c.status is Status.EARLY:
        out.append(Message("insights.rough", (("early_below", EARLY_BELOW),)))
    return out


def summarise(
    *,
    social: Sequence[Comparison],
    next_day: NextDay,
    by_mode: Sequence[Comparison],
    by_person: Sequence[PersonMood],
) -> tuple[tuple[Message, ...], tuple[str, ...]]:
    """Summary message keys with parameters, and the evidence card ids that fit them.

    Every sentence that claims a difference carries the claimed item's id (``Message.item``)
    and its range; nothing is claimed that the error budget did not allow.
    """
    messages: list[Message] = []
    for c in social:
        messages.extend(_comparison_message(c))
    evidence = ["everyday_data", "power_of_one"]
    if next_day.status is not Status.NOT_ENOUGH_DATA:
        messages.append(
            Message(
                "insights.next_day",
                (
                    *_range_params(next_day.coef, next_day.ci_low, next_day.ci_high),
                    ("n", next_day.n),
                ),
            )
        )
        messages.append(_verdict(next_day.effect_claimed, next_day.item))
    for c in by_mode:
        if c.measure == "mood" and c.effect_claimed and (c.delta or 0) > 0:
            params = (
                *_range_params(c.delta, c.ci_low, c.ci_high),
                ("n_social", c.n_social),
                ("n_non_social", c.n_non_social),
            )
            messages.append(Message(f"insights.mode_stands_out.{c.group}", params, item=c.item))
            evidence.append(MODE_EVIDENCE[c.group])
    for p in by_person:
        if p.effect_claimed:
            key = "insights.person_higher" if p.mean_change > 0 else "insights.person_lower"
            params = (
                ("person_id", p.person_id),
                ("name", "?"),
                *_range_params(p.mean_change, p.ci_low, p.ci_high),
                ("n", p.n),
            )
            messages.append(Message(key, params, item=p.item))
    if any(c.status is not Status.NOT_ENOUGH_DATA for c in social):
        messages.extend(
            (
                Message("insights.error_budget"),
                Message("insights.pattern_not_proof"),
                Message("insights.caveats"),
            )
        )
    return tuple(messages), tuple(dict.fromkeys(evidence))
