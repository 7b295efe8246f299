"""Today's plan in-process (gather + plan_day, as a refresh after an event computes it) side by
side with one raw SELECT of the roster columns of the active people (issue 14's yardstick), in
interleaved rounds on the same database:

    PYTHONPATH=src python benchmarks/bench_plan_roster.py benchmarks/data/large.db
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from kithkin.domain.plan.planner import plan_day
from kithkin.services.planning import builtin_actions, gather
from kithkin.storage.engine import make_engine
from kithkin.storage.uow import SqlUnitOfWork

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SQL = (
    "SELECT id, circle_id, cadence_days, last_contact_at, timezone FROM people "
    "WHERE owner_id = 1 AND status = 'active' AND archived = 0"
)


def median_ms(fn: Callable[[], Any], runs: int = 7) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(path: str) -> None:
    engine = make_engine(f"sqlite:///{path}")
    builtin_actions()
    with SqlUnitOfWork(engine, owner_id=1) as uow:
        for _ in range(3):  # interleaved rounds
            q = median_ms(lambda: uow.connection.exec_driver_sql(SQL).all())
            p = median_ms(lambda: plan_day(gather(uow=uow, now=NOW).inp, n=3))
            print(f"roster select {q:7.1f} ms   today's plan {p:7.1f} ms   ratio {p / q:5.1f}x")
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/data/large.db")
