"""Time ``kithkin today --json`` as a whole process on the large database.

N runs after a warm-up; prints median and p90 wall time and the peak RSS of the child, next to
the interpreter floor (``python -c pass``) and the cost of importing Typer and SQLAlchemy.

    python benchmarks/bench_today.py [benchmarks/data/large.db] [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-26T09:00:00+00:00"


def run_once(cmd: list[str], *, env: dict[str, str]) -> tuple[float, float, str, float]:
    """(wall ms, peak RSS MB, stdout, CPU ms) of one run; wait4 gives this child's own usage.

    CPU time (user + system) is shown too: on a busy machine it is steadier than wall time."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return elapsed * 1000, usage.ru_maxrss / 1024, stdout.decode(), cpu


def measure(
    cmd: list[str], *, env: dict[str, str], runs: int
) -> tuple[float, float, float, str, float]:
    """(median ms, p90 ms, peak RSS MB, last stdout, median CPU ms) of ``runs`` runs after one
    warm-up."""
    run_once(cmd, env=env)  # warms the page cache and the .pyc files
    results = [run_once(cmd, env=env) for _ in range(runs)]
    walls = sorted(r[0] for r in results)
    p90 = walls[min(len(walls) - 1, round(0.9 * (len(walls) - 1)))]
    cpu = statistics.median(r[3] for r in results)
    return statistics.median(walls), p90, max(r[1] for r in results), results[-1][2], cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, nargs="?", default=ROOT / "benchmarks/data/large.db")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db} not found: run benchmarks/make_large_db.py first")
    python = sys.executable
    # An installed kithkin runs from cached bytecode: make sure the warm-up writes it (some
    # shells export PYTHONDONTWRITEBYTECODE, which would make every run compile the sources).
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = {
        **inherited,
        "PYTHONPATH": str(ROOT / "src"),
        "KITHKIN_DATABASE_URL": f"sqlite:///{args.db.resolve()}",
        "KITHKIN_NOW": NOW,
        "KITHKIN_CONFIG": "/nonexistent/kithkin.toml",
    }
    cases = [
        ("python -c pass", [python, "-c", "pass"]),
        ("python -c 'import typer, sqlalchemy'", [python, "-c", "import typer, sqlalchemy"]),
        ("kithkin today --json", [python, "-m", "kithkin", "today", "--json"]),
    ]
    print(f"{args.runs} runs after a warm-up, database {args.db}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'command':40} {'median':>9} {'p90':>9} {'CPU':>9} {'peak RSS':>10}")
    for label, cmd in cases:
        median, p90, rss, out, cpu = measure(cmd, env=env, runs=args.runs)
        print(f"{label:40} {median:7.0f}ms {p90:7.0f}ms {cpu:7.0f}ms {rss:8.0f}MB")
        if label.startswith("kithkin"):
            view = json.loads(out)
            summary = f"streak {view['streak']}, due {view['due_total']}"
            summary += f", network {view['network_health']['in_touch']}/"
            summary += f"{view['network_health']['total']}"
    print(f"(today says: {summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
