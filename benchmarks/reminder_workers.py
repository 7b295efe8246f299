"""10,000 due reminders, 4 `kithkin worker` processes, one SIGKILLed mid-run, a local SMTP sink.

On a fresh PostgreSQL database (created on the server at KITHKIN_BENCH_PG, dropped after):
1,000 accounts (UTC profiles) with 10 due reminders each. Four workers run one round each
(``worker --once --all-accounts``, a fixed clock); once the sink has accepted a quarter of the
messages one worker is SIGKILLed wherever it is. The survivors drain the queue; the victim's
claims wait for their lease, and a fifth worker with the clock moved past the lease takes them.
Reports the time until the survivors are done, the recovery, and the sink's count of each
reminder: missing (must be 0) and duplicates (0 unless the kill landed between the server's
"250" and the recorded outcome; see ``kithkin.services.reminder_worker``).

    nice -n 10 .venv/bin/python benchmarks/reminder_workers.py [--accounts 1000] [--each 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path
from typing import Any

import psycopg
from aiosmtpd.controller import Controller

from kithkin.storage.engine import make_engine
from kithkin.storage.schema import upgrade

ADMIN = os.environ.get("KITHKIN_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
NOW = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)  # nothing else due, no quiet hours (UTC)
LEASE = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Sink:
    def __init__(self) -> None:
        self.subjects: Counter[str] = Counter()
        self.message_ids: set[str] = set()
        self.lock = threading.Lock()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content)
        with self.lock:
            self.subjects[str(message["Subject"])] += 1
            self.message_ids.add(str(message["Message-ID"]))
        return "250 OK"

    def total(self) -> int:
        with self.lock:
            return sum(self.subjects.values())


def seed(url: str, accounts: int, each: int) -> int:
    """Accounts, their profiles (as ``kithkin init`` makes them, in UTC) and due reminders,
    written in three statements."""
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO accounts (name, created_at) VALUES (%s, %s)",
            [(f"user{a}", NOW) for a in range(accounts)],
        )
        cur.execute(
            "INSERT INTO profiles (owner_id, timezone, daily_goal, rest_days_per_week, "
            "weekday_minutes, weekend_minutes, started_on) "
            "SELECT id, 'UTC', 1, 1, 15, 45, %s FROM accounts",
            (NOW.date(),),
        )
        cur.execute("SELECT id, name FROM accounts ORDER BY id")
        owners = cur.fetchall()
        cur.executemany(
            "INSERT INTO reminder_log (owner_id, kind, occurrence, status, title, body, "
            "attempts, last_error, next_attempt_at, created_at) "
            "VALUES (%s, %s, '2026-11-26', 'pending', %s, 'A small hello still counts.', "
            "0, '', %s, %s)",
            [
                (owner, f"k{r}", f"reminder {name}-{r}", NOW, NOW)
                for owner, name in owners
                for r in range(each)
            ],
        )
    return len(owners) * each


def worker(url: str, port: int, now: datetime, folder: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "KITHKIN_CONFIG": str(folder / "absent.toml"),
        "KITHKIN_DATA_DIR": str(folder),
        "KITHKIN_DATABASE_URL": url,
        "KITHKIN_NOW": now.isoformat(),
        "KITHKIN_NOTIFY_URLS": (
            f"mailto://127.0.0.1:{port}?from=kithkin@example.com&to={{account}}@example.com"
        ),
    }
    args = ["worker", "--once", "--all-accounts", "--lease", str(LEASE), "--json"]
    with (folder / "workers.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "kithkin", *args], env=env, cwd=folder, stdout=log, stderr=log
        )


def run(url: str, expected: int, workers: int, folder: Path) -> dict[str, Any]:
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        start = time.perf_counter()
        procs = [worker(url, port, NOW, folder) for _ in range(workers)]
        while sink.total() < expected // 4 and all(p.poll() is None for p in procs):
            time.sleep(0.01)
        time.sleep(random.uniform(0, 0.25))  # not just as the sink answers: anywhere
        victim = procs[0]
        victim.send_signal(signal.SIGKILL)
        killed_at = sink.total()
        victim.wait()
        for p in procs[1:]:
            p.wait()
        drained = time.perf_counter() - start
        after_drain = sink.total()
        late = worker(url, port, NOW + timedelta(seconds=LEASE + 1), folder)
        late.wait()
        recovered = time.perf_counter() - start - drained
        time.sleep(0.5)  # let the sink take the last message's reply off the wire
    finally:
        controller.stop()
    missing = expected - len(sink.subjects)
    return {
        "reminders": expected,
        "workers": workers,
        "killed_after_messages": killed_at,
        "survivors_done_s": round(drained, 2),
        "delivered_when_survivors_done": after_drain,
        "recovery_after_lease_s": round(recovered, 2),
        "delivered": sum(sink.subjects.values()),
        "missing": missing,
        "duplicates": sum(n - 1 for n in sink.subjects.values() if n > 1),
        # a resend keeps its Message-ID: what a de-duplicating mail system shows
        "distinct_message_ids": len(sink.message_ids),
        "survivor_exit_codes": [p.returncode for p in procs[1:]] + [late.returncode],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--each", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    name = f"kithkin_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        seeded_at = time.perf_counter()
        expected = seed(url, args.accounts, args.each)
        print(f"seeded {expected} reminders in {time.perf_counter() - seeded_at:.1f} s")
        with tempfile.TemporaryDirectory() as folder:
            result = run(url, expected, args.workers, Path(folder))
            result["load_average"] = [round(x, 1) for x in os.getloadavg()]
            print(json.dumps(result))
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
