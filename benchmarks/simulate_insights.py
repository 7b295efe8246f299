"""Simulation tables for docs/science.md: the insights' calibration, per cell, with Monte Carlo SEs.

Run: PYTHONPATH=src python benchmarks/simulate_insights.py [--runs 200] [--n-boot 1000]

Users are simulated as in the issue's audit: AR(1) daily mood and stress (sd 1.5 points) with
phi 0 / 0.3 / 0.6, social days independent (a fair coin) or habit-like (a Markov chain that keeps
its state with probability 0.75), 15 % missing check-ins, 30-365 days, and 8 people with 8
before/after moods each. Under "no effect" nothing differs anywhere; under "same-day +1" mood is
one point higher on social days and nothing else differs (so no next-day effect exists).

Per cell it prints, for the headline comparison (mood on social vs other days):
- coverage: the share of 95 % intervals (before the budget) that contain the true difference;
- width: their mean width (points);
- false: the share of no-effect users told that anything on the page is clear (after the budget);
- power: the share of same-day +1 users for whom the mood difference is claimed (after the budget);
- nd-false / nd-same: next-day claims (after the budget) under no effect / a pure same-day effect.
Each share comes with its Monte Carlo standard error sqrt(p (1 - p) / runs). With ``--tally`` a
second table splits "false" by error-budget family (headline, kinds and doses, people).

The experiment table reads a 42-day and an 84-day experiment every evening from day 10 under no
effect (type I error) and with a 1-point effect (power at the end).
"""

from __future__ import annotations

import argparse
import math
import time
from datetime import date, timedelta

import numpy as np

from kithkin.domain.experiments import assign_days, experiment_report
from kithkin.domain.insights import DayRow, InteractionMood, build_insights, social_comparison

START = date(2026, 1, 5)
MODES = ("in_person", "call", "message")
DAYS = (30, 60, 180, 365)


def ar1(rng: np.random.Generator, days: int, phi: float) -> np.ndarray:
    out = np.empty(days)
    out[0] = rng.normal() / math.sqrt(1 - phi**2)
    for t in range(1, days):
        out[t] = phi * out[t - 1] + rng.normal()
    return out


def social_days(rng: np.random.Generator, days: int, stay: float) -> np.ndarray:
    out = np.empty(days, dtype=bool)
    out[0] = rng.random() < 0.5
    for t in range(1, days):
        out[t] = out[t - 1] if rng.random() < stay else not out[t - 1]
    return out


def user(
    rng: np.random.Generator, *, days: int, phi: float, stay: float, effect: float
) -> tuple[list[DayRow], list[InteractionMood]]:
    social = social_days(rng, days, stay)
    mood = 6 + effect * social + 1.5 * ar1(rng, days, phi)
    stress = 4 + 1.5 * ar1(rng, days, phi)
    missing = rng.random(days) < 0.15
    rows = []
    for i in range(days):
        count = int(rng.integers(1, 4)) if social[i] else 0
        modes = frozenset(rng.choice(MODES, size=min(count, 2), replace=False)) if count else ()
        rows.append(
            DayRow(
                START + timedelta(days=i),
                None if missing[i] else float(mood[i]),
                None if missing[i] else float(stress[i]),
                count,
                frozenset(modes),
            )
        )
    people = [
        InteractionMood(pid, 5.0, 5.0 + float(rng.normal(0, 1.5)))
        for pid in range(8)
        for _ in range(8)
    ]
    return rows, people


def share(hits: int, runs: int) -> str:
    p = hits / runs if runs else float("nan")
    return f"{100 * p:.1f} ± {100 * math.sqrt(p * (1 - p) / runs):.1f}"


FAMILY_OF = {
    "social": "headline",
    "next_day": "headline",
    "by_mode": "by_kind",
    "by_dose": "by_kind",
    "by_person": "by_person",
}


def claimed_families(result: object) -> set[str]:
    """The error-budget families (``budget.SHARES``) with at least one claimed item."""
    data = result.as_dict()  # type: ignore[attr-defined]
    items = [*data["social"], data["next_day"], *data["by_mode"], *data["by_dose"]]
    items += data["by_person"]
    return {FAMILY_OF[i["item"].split(".")[0]] for i in items if i["effect_claimed"]}


def insights_table(
    runs: int, n_boot: int, seed: int, days_list: tuple[int, ...] = DAYS, *, tally: bool = False
) -> None:
    print(
        "| days | phi | social days | coverage % | width | false % | power % | nd-false % "
        "| nd-same % |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    tallies = []
    for days in days_list:
        for phi in (0.0, 0.3, 0.6):
            for stay, pattern in ((0.5, "independent"), (0.75, "habit")):
                rng = np.random.default_rng([seed, days, int(phi * 10), int(stay * 100)])
                covered = widths = n_ci = false = power = nd_false = nd_same = 0
                families = dict.fromkeys(FAMILY_OF.values(), 0)
                for run in range(runs):
                    rows, people = user(rng, days=days, phi=phi, stay=stay, effect=0.0)
                    null = build_insights(rows, people, seed=run, n_boot=n_boot)
                    claimed = claimed_families(null)
                    false += bool(claimed)
                    for family in claimed:
                        families[family] += 1
                    nd_false += null.next_day.effect_claimed
                    rows, people = user(rng, days=days, phi=phi, stay=stay, effect=1.0)
                    real = build_insights(rows, people, seed=run, n_boot=n_boot)
                    power += real.social[0].effect_claimed
                    nd_same += real.next_day.effect_claimed
                    raw = social_comparison(rows, seed=run, n_boot=n_boot)
                    if raw.ci_low is not None and raw.ci_high is not None:
                        n_ci += 1
                        covered += raw.ci_low <= 1.0 <= raw.ci_high
                        widths += raw.ci_high - raw.ci_low
                width = f"{widths / n_ci:.2f}" if n_ci else "-"
                print(
                    f"| {days} | {phi} | {pattern} | {share(covered, n_ci) if n_ci else '-'} "
                    f"| {width} | {share(false, runs)} | {share(power, runs)} "
                    f"| {share(nd_false, runs)} | {share(nd_same, runs)} |",
                    flush=True,
                )
                cells = " | ".join(
                    share(families[f], runs) for f in dict.fromkeys(FAMILY_OF.values())
                )
                tallies.append(f"| {days} | {phi} | {pattern} | {cells} |")
    if tally:
        print("\nNo-effect users told something in each family is clear (% ± MC SE):\n")
        print("| days | phi | social days | headline % | kinds and doses % | people % |")
        print("|---|---|---|---|---|---|")
        print("\n".join(tallies))


def experiment_table(runs: int, seed: int) -> None:
    print("| length | phi | effect | told 'clear' at any daily read % | mean days with mood |")
    print("|---|---|---|---|---|")
    for length in (42, 84):
        for phi in (0.0, 0.3):
            for effect in (0.0, 1.0):
                rng = np.random.default_rng([seed, length, int(phi * 10), int(effect)])
                clear = with_mood = 0
                for run in range(runs):
                    plan = assign_days(START, length, seed=run)
                    days = list(plan)
                    noise = 1.5 * ar1(rng, length, phi)
                    missing = rng.random(length) < 0.15
                    moods = {
                        d: None if missing[k] else 6 + effect * plan[d] + float(noise[k])
                        for k, d in enumerate(days)
                    }
                    said = False
                    for read_on in range(10, length + 1):
                        upto = {d: plan[d] for d in days[:read_on]}
                        report = experiment_report(
                            upto, moods, seed=run, n_permutations=1000, final=read_on == length
                        )
                        said |= report.clear
                    clear += said
                    with_mood += sum(1 for v in moods.values() if v is not None)
                print(
                    f"| {length} | {phi} | {effect:+} | {share(clear, runs)} "
                    f"| {with_mood / runs:.0f} |",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--n-boot", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--only", choices=("insights", "experiments"), default=None)
    parser.add_argument(
        "--days",
        type=int,
        nargs="+",
        default=list(DAYS),
        help="series lengths of the insights table (each cell has its own seed, so cells can "
        "run in separate processes and give the same rows)",
    )
    parser.add_argument(
        "--tally",
        action="store_true",
        help="also print, per cell, which error-budget family the no-effect claims came from",
    )
    args = parser.parse_args()
    began = time.perf_counter()
    print(f"runs per cell: {args.runs}; bootstrap resamples: {args.n_boot}; seed {args.seed}\n")
    if args.only in (None, "insights"):
        insights_table(args.runs, args.n_boot, args.seed, tuple(args.days), tally=args.tally)
        print()
    if args.only in (None, "experiments"):
        experiment_table(args.runs, args.seed)
    print(f"\n({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
