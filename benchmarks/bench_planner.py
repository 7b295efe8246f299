"""Planner timings on the large database, in-process, side by side with one reference query.

    PYTHONPATH=src python benchmarks/bench_planner.py [benchmarks/data/large.db] [runs]

Times (medians over ``runs``, after a warm-up, all in one run): the reference query (each
person's last meaningful interaction: an owner-filtered GROUP BY over interaction_people; its
SQLite query plan is printed, since which index it can use decides its speed), gather (all plan
inputs), plan_day (pure), today's plan = gather + plan_day (not persisted), plan_week (pure) and
the week = gather + plan_week.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select  # noqa: TID251 - benchmarks time SQL directly

from kithkin.domain.plan.planner import plan_day, plan_week
from kithkin.services.planning import builtin_actions, gather
from kithkin.storage.engine import make_engine
from kithkin.storage.tables import interaction_people
from kithkin.storage.uow import SqlUnitOfWork

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(path: str, runs: int) -> None:
    engine = make_engine(f"sqlite:///{path}")
    builtin_actions()
    with SqlUnitOfWork(engine, owner_id=1) as uow:
        query = (
            select(interaction_people.c.person_id, func.max(interaction_people.c.occurred_at))
            .where(interaction_people.c.owner_id == 1, interaction_people.c.meaningful.is_(True))
            .group_by(interaction_people.c.person_id)
        )
        compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
        print(f"reference query: {compiled}".replace("\n", " "))
        plan = uow.connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
        print("its plan:", "; ".join(str(row[-1]) for row in plan))
        results = {
            "query": median_ms(lambda: uow.connection.execute(query).all(), runs),
            "gather": median_ms(lambda: gather(uow=uow, now=NOW), runs),
        }
        inp = gather(uow=uow, now=NOW).inp
        results["plan_day"] = median_ms(lambda: plan_day(inp), runs)
        results["plan_week"] = median_ms(lambda: plan_week(inp), runs)
        results["today"] = median_ms(lambda: plan_day(gather(uow=uow, now=NOW).inp), runs)
        results["week"] = median_ms(lambda: plan_week(gather(uow=uow, now=NOW).inp), runs)
    engine.dispose()
    q = results["query"]
    for name, ms in results.items():
        print(f"{name:10s} {ms:8.1f} ms   {ms / q:5.2f}x query")
    print(f"people in plan: {len(inp.people)}")


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "benchmarks/data/large.db",
        int(sys.argv[2]) if len(sys.argv) > 2 else 7,
    )
