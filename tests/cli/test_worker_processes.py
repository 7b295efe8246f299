"""Four `kithkin worker` processes share one queue; one is SIGKILLed mid-send (issue #16).

Every reminder reaches the local SMTP sink exactly once: the killed worker's claims are taken
again once their lease has passed, and nothing another worker sent is sent again. The kill lands
while the sink holds one message unanswered (outside the window between the server's "250" and
the recorded outcome, the only window in which a kill duplicates: see
``kithkin.services.reminder_worker``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from kithkin.bootstrap import App
from kithkin.services.profiles import init_profile
from kithkin.storage.tables import reminder_log
from kithkin.storage.uow import ensure_account
from tests.cli.smtp_sink import Sink
from tests.conftest import make_app

# 07:30 UTC: in UTC profiles, no reminder of the default settings is due, and no quiet hours.
NOW = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)
ACCOUNTS, EACH, WORKERS, LEASE = 10, 20, 4, 60


def seed(app: App) -> dict[str, str]:
    """ACCOUNTS accounts with EACH due reminders each: subject -> account name."""
    subjects: dict[str, str] = {}
    for a in range(ACCOUNTS):
        name = f"user{a}"
        owner = ensure_account(app.engine, name, now=NOW)
        with app.uow_for(owner, write=True) as uow:
            init_profile(uow=uow, now=NOW, timezone="UTC")
            for r in range(EACH):
                subject = f"reminder {a}-{r}"
                uow.reminders.record_due(
                    kind=f"k{r}", occurrence="2026-11-26", title=subject, body="Hello", now=NOW
                )
                subjects[subject] = name
            uow.commit()
    return subjects


def start(database_url: str, sink: Sink, tmp: Path, now: datetime) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "KITHKIN_CONFIG": str(tmp / "absent.toml"),
        "KITHKIN_DATA_DIR": str(tmp),
        "KITHKIN_DATABASE_URL": database_url,
        "KITHKIN_NOW": now.isoformat(),
        "KITHKIN_NOTIFY_URLS": sink.url(),
    }
    args = ["worker", "--once", "--all-accounts", "--batch", "5", "--lease", str(LEASE), "--json"]
    with (tmp / "worker.log").open("ab") as log:  # the child keeps its own copy of the file
        return subprocess.Popen(
            [sys.executable, "-m", "kithkin", *args], env=env, cwd=tmp, stdout=log, stderr=log
        )


def holder(app: App, subject: str) -> int:
    """The pid of the worker holding the claim on the reminder with this subject."""
    with app.engine.connect() as conn:
        who = conn.execute(
            select(reminder_log.c.claimed_by).where(reminder_log.c.title == subject)
        ).scalar_one()
    return int(str(who).split(":")[1])


def test_four_workers_one_killed_deliver_each_reminder_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    app = make_app(database_url, NOW)
    subjects = seed(app)
    with Sink(hold_at=40) as sink:
        workers = [start(database_url, sink, tmp_path, NOW) for _ in range(WORKERS)]
        try:
            assert sink.held.wait(120), "no worker reached the sink"
            victim = holder(app, sink.held_subject)
            os.kill(victim, signal.SIGKILL)
            [killed] = [w for w in workers if w.pid == victim]
            killed.wait(60)
            sink.release.set()
            for w in workers:
                w.wait(120)
        finally:
            for w in workers:
                if w.poll() is None:
                    w.kill()
        survivors = [w for w in workers if w is not killed]
        assert killed.returncode == -signal.SIGKILL
        log = (tmp_path / "worker.log").read_text()
        assert [w.returncode for w in survivors] == [0] * (WORKERS - 1), log
        with app.engine.connect() as conn:
            left = Counter(conn.execute(select(reminder_log.c.status)).scalars())
        assert left["sending"] >= 1  # the victim's claims wait for their lease: not lost
        assert sink.held_subject not in {s for _, s in sink.accepted}

        late = start(database_url, sink, tmp_path, NOW + timedelta(seconds=LEASE + 1))
        assert late.wait(120) == 0, (tmp_path / "worker.log").read_text()
    expected = Counter({(f"{name}@example.com", s): 1 for s, name in subjects.items()})
    assert sink.accepted == expected
    with app.engine.connect() as conn:
        statuses = Counter(conn.execute(select(reminder_log.c.status)).scalars())
    assert statuses == Counter({"sent": ACCOUNTS * EACH})
    app.close()
