"""Crash test: SIGKILL writers in the middle of bursts of writes, then check nothing acknowledged
was lost and the derived data is in step (issue #10). Both backends.

    .venv/bin/python benchmarks/crash_writes.py --rounds 20 [--pg URL]

Each round starts a writer process that logs check-ins and interactions in a loop (one unit of
work each) and prints the id of each committed write; the round kills it with SIGKILL after a
random delay. Afterwards: every acknowledged id is stored, SQLite's integrity_check is ok, and
``day_stats`` equals a recount from the interactions.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text  # noqa: TID251 - a check from outside

WRITER = r"""
import sys
from datetime import UTC, datetime, timedelta
from kithkin.bootstrap import App
from kithkin.config import load_settings
from kithkin.services.interactions import log_interaction
from kithkin.services.profiles import init_profile

settings = load_settings({"KITHKIN_CONFIG": "/nonexistent"}, {"database_url": sys.argv[1]})
app = App(settings)
with app.uow(write=True) as uow:
    try:
        init_profile(uow=uow, now=datetime.now(UTC), timezone="Europe/Berlin")
    except Exception:
        pass
i = 0
while True:
    i += 1
    with app.uow(write=True) as uow:
        when = (datetime.now(UTC) - timedelta(hours=i % 200)).isoformat()
        logged = log_interaction(uow=uow, now=datetime.now(UTC), kind_id="call", when=when)
    print(logged.interaction.id, flush=True)
"""


def run(url: str, rounds: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    acknowledged: set[int] = set()
    for _ in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(2.0, 5.0))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged.update(int(x) for x in out.split() if x.isdigit())
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT id FROM interactions"))}
        recount = dict(
            conn.execute(
                text("SELECT day, count(*) FROM interactions WHERE meaningful GROUP BY day")
            ).fetchall()
        )
        kept = dict(conn.execute(text("SELECT day, meaningful_count FROM day_stats")).fetchall())
        integrity = "ok"
        if engine.dialect.name == "sqlite":
            integrity = conn.execute(text("PRAGMA integrity_check")).scalar() or "?"
    engine.dispose()
    return {
        "kills": rounds,
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "lost": len(acknowledged - stored),
        "day_stats_wrong": sum(1 for d, n in recount.items() if kept.get(d) != n),
        "integrity_ok": int(integrity == "ok"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    from kithkin.storage.engine import make_engine
    from kithkin.storage.schema import upgrade

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'crash.db'}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        print("sqlite", run(url, args.rounds, args.seed))
    name = f"kithkin_crash_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = args.pg.rsplit("/", 1)[0] + "/" + name
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        print("postgresql", run(url, args.rounds, args.seed))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
