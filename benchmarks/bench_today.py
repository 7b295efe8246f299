"""Time ``kithkin today --json`` as a whole process on the large database.

The runs of every command are interleaved (one of each, round after round) so that a busy spell
of the machine falls on all of them alike. Next to kithkin: the interpreter floor (``python -c
pass``), the import of Typer and SQLAlchemy, and the issue's yardstick, ``jrnl -n 1`` on a
10,000-entry journal (``--jrnl``: installed once, with its journal, under benchmarks/data).
Prints median and p90 wall time, median CPU time, peak RSS and the ratios measured in the same
run; ``--instructions`` adds each command's instruction count under valgrind (callgrind), which
does not depend on how busy the machine is.

    python benchmarks/bench_today.py [benchmarks/data/large.db] [--runs 15] [--jrnl]
        [--instructions]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import venv
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
NOW = "2026-11-26T09:00:00+00:00"
JRNL_VERSION = "4.6"
JRNL_CONFIG = """\
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: true
indent_character: '|'
journals:
  default: {journal: %s}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%%Y-%%m-%%d %%H:%%M'
version: v%s
"""


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


def instructions(cmd: list[str], *, env: dict[str, str]) -> int:
    """Instructions the command executes, counted by callgrind (slow: ~40x)."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return int(re.search(r"Collected : (\d+)", out).group(1))  # type: ignore[union-attr]


def ensure_jrnl(env: dict[str, str]) -> list[str]:
    """jrnl in its own virtual environment, with a 10,000-entry journal and a config."""
    home = DATA / "jrnl"
    binary = home / "venv" / "bin" / "jrnl"
    if not binary.exists():
        venv.create(home / "venv", with_pip=True)
        subprocess.run(
            [str(home / "venv/bin/python"), "-m", "pip", "install", "-q", f"jrnl=={JRNL_VERSION}"],
            check=True,
        )
    journal = home / "journal.txt"
    if not journal.exists():
        first = datetime(2012, 1, 1, 9, 0)
        with journal.open("w", encoding="utf-8") as out:
            for i in range(10_000):
                at = first + timedelta(hours=13 * i)
                out.write(
                    f"[{at:%Y-%m-%d %H:%M}] Coffee with a friend, number {i}. We talked about "
                    "the week, a walk on Sunday and @family plans.\n\n"
                )
    config = home / "config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(JRNL_CONFIG % (journal, JRNL_VERSION), encoding="utf-8")
    env["XDG_CONFIG_HOME"] = str(config.parent.parent)
    return [str(binary), "-n", "1"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, nargs="?", default=DATA / "large.db")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--jrnl", action="store_true", help="time `jrnl -n 1` alongside")
    parser.add_argument("--instructions", action="store_true", help="count instructions too")
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
    cases = {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import typer, sqlalchemy'": [python, "-c", "import typer, sqlalchemy"],
    }
    if args.jrnl:
        cases["jrnl -n 1 (10,000 entries)"] = ensure_jrnl(env)
    today = [python, "-m", "kithkin", "today", "--json"]
    cases["kithkin today --json"] = today
    # The same read through SQLAlchemy's unit of work, as on PostgreSQL (a URL with options is
    # not read lean): what the lean reader saves.
    full_env = {**env, "KITHKIN_DATABASE_URL": f"sqlite:///file:{args.db.resolve()}?uri=true"}
    cases["kithkin today --json, full path"] = today
    envs = {label: full_env if label.endswith("full path") else env for label in cases}
    print(f"{args.runs} interleaved runs after a warm-up, database {args.db}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    results: dict[str, list[tuple[float, float, str, float]]] = {k: [] for k in cases}
    for label, cmd in cases.items():
        run_once(cmd, env=envs[label])  # warms the page cache and the .pyc files
    for _ in range(args.runs):
        for label, cmd in cases.items():
            results[label].append(run_once(cmd, env=envs[label]))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"{'command':40} {'median':>9} {'p90':>9} {'CPU':>9} {'peak RSS':>10}")
    medians: dict[str, float] = {}
    for label, runs in results.items():
        walls = sorted(r[0] for r in runs)
        p90 = walls[min(len(walls) - 1, round(0.9 * (len(walls) - 1)))]
        medians[label] = median = statistics.median(walls)
        cpu = statistics.median(r[3] for r in runs)
        rss = max(r[1] for r in runs)
        print(f"{label:40} {median:7.0f}ms {p90:7.0f}ms {cpu:7.0f}ms {rss:8.0f}MB")
    view = json.loads(results["kithkin today --json"][-1][2])
    network = view["network_health"]
    print(
        f"(today says: streak {view['streak']}, due {view['due_total']}, "
        f"network {network['in_touch']}/{network['total']})"
    )
    kithkin = medians["kithkin today --json"]
    for label in cases:
        if label not in ("kithkin today --json", "python -c pass"):
            print(f"kithkin today / {label}: {kithkin / medians[label]:.2f}x")
    if args.instructions:
        print("instructions (callgrind, one run each):")
        counts = {label: instructions(cmd, env=envs[label]) for label, cmd in cases.items()}
        for label, count in counts.items():
            print(f"{label:40} {count / 1e6:9.0f} M")
        for label in cases:
            if label not in ("kithkin today --json", "python -c pass"):
                ratio = counts["kithkin today --json"] / counts[label]
                print(f"kithkin today / {label}: {ratio:.2f}x instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
