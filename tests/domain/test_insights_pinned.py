"""A fixed seed gives the same intervals: build_insights pinned on seeded data sets.

The snapshot was written by the code before the bootstrap was vectorised further (branch
`perf`, issue 13); a faster implementation must reproduce it (floats to 1e-9, relative, so
that a last-bit difference of a BLAS kernel on another CPU does not fail it, while any change
of the random draws or of the statistic does). Regenerate only for a deliberate change of the
statistics, with the calibration study (`benchmarks/simulate_insights.py`) re-run:

    PYTHONPATH=src python -m tests.domain.test_insights_pinned
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kithkin.domain import stats
from kithkin.domain.insights import DayRow, InteractionMood, build_insights

SNAPSHOT = Path(__file__).parent / "snapshots" / "insights_pinned.json"
START = date(2024, 2, 26)
MODES = ("in_person", "call", "message")


def data_set(days: int, seed: int, *, gaps: bool) -> tuple[list[DayRow], list[InteractionMood]]:
    """Seeded daily rows with every kind of day: missing check-ins, several modes, doses, and
    (with ``gaps``) whole days absent from the calendar."""
    rng = np.random.default_rng(seed)
    rows = []
    mood = 0.0
    for i in range(days):
        if gaps and rng.random() < 0.05:
            continue
        count = int(rng.choice([0, 0, 1, 1, 2, 3]))
        modes = frozenset(rng.choice(MODES, size=min(count, 2), replace=False)) if count else ()
        mood = 0.4 * mood + rng.normal()
        missing = rng.random() < 0.12
        value = None if missing else round(6 + 0.6 * (count > 0) + 1.5 * mood, 1)
        stress = None if missing else float(rng.integers(1, 11))
        rows.append(DayRow(START + timedelta(days=i), value, stress, count, frozenset(modes)))
    people = [
        InteractionMood(pid, float(rng.integers(3, 8)), float(rng.integers(3, 10)))
        for pid in range(6)
        for _ in range(5 + pid)
    ]
    return rows, people


CASES = {
    "short_45_days": (45, 11, False),
    "year_with_gaps": (365, 12, True),
    "three_years": (1100, 13, False),
}


def pinned(name: str) -> dict[str, Any]:
    days, seed, gaps = CASES[name]
    rows, people = data_set(days, seed, gaps=gaps)
    result = build_insights(rows, people, seed=seed, n_boot=500).as_dict()
    y = [r.mood for r in rows]
    g = [None if r.mood is None else r.meaningful_count > 0 for r in rows]
    result["bootstrap"] = stats.block_bootstrap_diff(y, g, seed=seed, n_boot=300).as_dict()
    result["bootstrap_block_5"] = stats.block_bootstrap_diff(
        y, g, seed=seed, n_boot=300, block_length=5
    ).as_dict()
    return result


def close(actual: Any, expected: Any, where: str = "") -> None:
    if isinstance(expected, float) and isinstance(actual, float):
        assert math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-12), where
    elif isinstance(expected, dict):
        assert isinstance(actual, dict) and actual.keys() == expected.keys(), where
        for key in expected:
            close(actual[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            close(a, e, f"{where}[{i}]")
    else:
        assert actual == expected, where


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_fixed_seed_gives_the_pinned_insights(name: str) -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]
    actual = json.loads(json.dumps(pinned(name)))
    assert any(c["ci_low"] is not None for c in actual["by_mode"])  # the bootstrap ran
    close(actual, expected, name)


if __name__ == "__main__":
    SNAPSHOT.write_text(
        json.dumps({name: pinned(name) for name in sorted(CASES)}, indent=1) + "\n",
        encoding="utf-8",
    )
