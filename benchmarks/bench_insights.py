"""Insights over 10 years of daily check-ins, 2,000 bootstrap resamples (not a test).

Run: PYTHONPATH=src python benchmarks/bench_insights.py [--runs 5]
Prints the median of N in-process runs for the pure build_insights and for the whole service
(query + compute) on a 10-year SQLite database built in a temporary directory.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.domain.insights import DayRow, InteractionMood, build_insights

DAYS = 3650
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def rows_in_memory(seed: int = 1) -> tuple[list[DayRow], list[InteractionMood]]:
    rng = random.Random(seed)
    start = date(2016, 11, 28)
    rows, moods = [], []
    mood = 6.0
    for i in range(DAYS):
        count = rng.choice((0, 0, 1, 1, 2, 3))
        modes = frozenset(rng.sample(["message", "call", "in_person"], k=min(count, 3)))
        mood = 0.3 * mood + 0.7 * 6 + (0.8 if count else 0) + rng.gauss(0, 1)
        m = max(1.0, min(10.0, round(mood)))
        rows.append(DayRow(start + timedelta(days=i), m, 11 - m, count, modes))
        if count:
            moods.append(InteractionMood(rng.randrange(20), m - 1, m))
    return rows, moods


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build_db(path: Path) -> App:
    from kithkin.services.demo import fill_demo
    from kithkin.services.profiles import init_profile

    settings = load_settings(
        {"KITHKIN_CONFIG": "/nonexistent"},
        {"database_url": f"sqlite:///{path / 'k.db'}", "data_dir": str(path)},
    )
    app = App(settings, clock=lambda: NOW)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=NOW, timezone="Europe/Berlin")
        fill_demo(uow=uow, now=NOW, days=DAYS, seed=7, timezone="Europe/Berlin")
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows, moods = rows_in_memory()
    build_insights(rows[:100], moods, seed=1, n_boot=50)  # warm numpy import
    pure = median_ms(lambda: build_insights(rows, moods, seed=1, n_boot=2000), args.runs)
    print(f"pure build_insights, {DAYS} days, 2000 resamples: median {pure:.0f} ms")
    from kithkin.services.insights import personal_insights

    with tempfile.TemporaryDirectory() as tmp:
        app = build_db(Path(tmp))

        def service() -> None:
            with app.uow() as uow:
                personal_insights(uow=uow, now=NOW, n_boot=2000)

        whole = median_ms(service, args.runs)
        app.close()
    print(f"service (SQLite query + compute), {DAYS} days, 2000 resamples: median {whole:.0f} ms")


if __name__ == "__main__":
    main()
