"""Instructions one operation executes, counted by callgrind (deterministic however busy the
machine is), for a tree of the source (``--src``, default this checkout's ``src``):

    python benchmarks/count_instructions.py insights-pure
    python benchmarks/count_instructions.py insights-service --db-dir /tmp/insights-db
    python benchmarks/count_instructions.py plan benchmarks/data/large.db
    python benchmarks/count_instructions.py roster-select benchmarks/data/large.db

Each runs the process twice under valgrind, once with one warm-up and once with the warm-up and
``--repeat`` more runs, and prints the difference per run: the operation alone, without
interpreter start-up and imports (averaged, because a call may or may not set off a pass of the
cyclic garbage collector). After the warm-up the objects made so far are frozen (``gc.freeze``):
a collection that falls in the measured calls then traverses what the operation made, not the
whole start-up heap (tens of millions of instructions, more or less by chance;
``--no-freeze`` measures as before). To compare with another commit:
``git archive <commit> | tar -x -C /tmp/base`` and ``--src /tmp/base/src``.
``insights-service`` needs a database made by ``--make-db`` first (the 10-year demo life of
``bench_insights.py``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import sys
sys.path.insert(0, {here!r})
what, times, arg = sys.argv[1], int(sys.argv[2]), sys.argv[3]
freeze = sys.argv[4] == "1"
from datetime import UTC, datetime
if what.startswith("insights"):
    from bench_insights import NOW, rows_in_memory
    from kithkin.domain.insights import build_insights
    rows, moods = rows_in_memory()
    build_insights(rows[:100], moods, seed=1, n_boot=50)
    if what == "insights-pure":
        op = lambda: build_insights(rows, moods, seed=1, n_boot=2000)
    else:
        from kithkin.bootstrap import App
        from kithkin.config import load_settings
        from kithkin.services.insights import personal_insights
        settings = load_settings(
            {{"KITHKIN_CONFIG": "/nonexistent"}},
            {{"database_url": f"sqlite:///{{arg}}/k.db", "data_dir": arg}},
        )
        app = App(settings, clock=lambda: NOW)
        def op():
            with app.uow() as uow:
                personal_insights(uow=uow, now=NOW, n_boot=2000)
    op()
else:
    from kithkin.domain.plan.planner import plan_day
    from kithkin.services.planning import builtin_actions, gather
    from kithkin.storage.engine import make_engine
    from kithkin.storage.uow import SqlUnitOfWork
    NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    SQL = ("SELECT id, circle_id, cadence_days, last_contact_at, timezone FROM people "
           "WHERE owner_id = 1 AND status = 'active' AND archived = 0")
    builtin_actions()
    uow = SqlUnitOfWork(make_engine(f"sqlite:///{{arg}}"), owner_id=1).__enter__()
    if what == "plan":
        op = lambda: plan_day(gather(uow=uow, now=NOW).inp, n=3)
    else:
        op = lambda: uow.connection.exec_driver_sql(SQL).all()
    op()
if freeze:  # what start-up left is not traversed again by the cyclic collector (see --no-freeze)
    import gc
    gc.collect()
    gc.freeze()
for _ in range(times):
    op()
"""


def count(src: Path, what: str, times: int, arg: str, *, freeze: bool = True) -> int:
    out = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            CHILD.format(here=str(HERE)),
            what,
            str(times),
            arg,
            "1" if freeze else "0",
        ],
        env={"PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return int(re.search(r"Collected : (\d+)", out).group(1))  # type: ignore[union-attr]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "what", choices=("insights-pure", "insights-service", "plan", "roster-select")
    )
    parser.add_argument("db", nargs="?", default=str(HERE / "data" / "large.db"))
    parser.add_argument("--db-dir", default="/tmp/kithkin-insights-db")
    parser.add_argument("--src", type=Path, default=HERE.parent / "src")
    parser.add_argument("--make-db", action="store_true", help="build --db-dir's database")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="let the cyclic collector traverse the objects start-up made (as before 2026-12-03)",
    )
    args = parser.parse_args()
    arg = args.db_dir if args.what.startswith("insights") else args.db
    if args.make_db:
        sys.path.insert(0, str(HERE))
        from bench_insights import build_db

        Path(args.db_dir).mkdir(parents=True, exist_ok=True)
        build_db(Path(args.db_dir)).close()
    freeze = not args.no_freeze
    total = count(args.src, args.what, args.repeat, arg, freeze=freeze) - count(
        args.src, args.what, 0, arg, freeze=freeze
    )
    one = total / args.repeat
    print(f"{args.what} ({args.src}): {one / 1e6:.0f} M instructions")


if __name__ == "__main__":
    main()
