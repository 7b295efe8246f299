"""The console script as a real process: the daily loop's fast start and fast exit.

``main()`` builds only the daily command's module, runs it with the cyclic collector off and
ends the process without the interpreter's tear-down; these tests check that nothing is lost on
the way out: the output is complete, writes are committed, errors keep their one line and code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import NOW

SRC = Path(__file__).resolve().parents[2] / "src"


def kithkin(db: Path, *args: str, python: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "KITHKIN_DATABASE_URL": f"sqlite:///{db}",
        "KITHKIN_NOW": NOW,
        "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
    }
    env.pop("KITHKIN_DEBUG", None)
    return subprocess.run(
        [sys.executable, *python, "-m", "kithkin", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.db"
    for args in (
        ("init", "--yes", "--timezone", "Europe/Berlin"),
        ("people", "add", "Ada Lovelace", "--circle", "inner"),
    ):
        done = kithkin(path, *args)
        assert done.returncode == 0, done.stderr
    return path


def test_log_then_today_as_processes(db: Path) -> None:
    logged = kithkin(db, "log", "call", "--with", "Ada", "--minutes", "15", "--json")
    assert logged.returncode == 0, logged.stderr
    assert json.loads(logged.stdout)["id"] > 0  # the whole document reached the pipe
    day = kithkin(db, "today", "--json")
    assert day.returncode == 0, day.stderr
    view = json.loads(day.stdout)
    assert view["met"] is True and view["count"] == 1  # the log was committed before the exit
    assert day.stderr == ""
    # The first look stored today's plan (full path); the next reads it without SQLAlchemy.
    again = kithkin(db, "today", "--json")
    assert again.returncode == 0 and again.stdout == day.stdout
    plain = kithkin(db, "today")
    assert plain.returncode == 0 and "Ada" in plain.stdout


def test_checkin_is_committed(db: Path) -> None:
    done = kithkin(db, "checkin", "--mood", "7", "--stress", "3")
    assert done.returncode == 0, done.stderr
    view = json.loads(kithkin(db, "today", "--json").stdout)
    assert view["checkin"] == {"mood": 7, "stress": 3}


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("log", "juggling", "--with", "Ada"), 2),  # unknown kind: a usage error
        (("log", "call", "--with", "Nobody"), 2),  # no such person: what is allowed is listed
        (("checkin", "--mood", "11", "--stress", "3"), 2),
        (("today", "--no-such-option"), 2),
    ],
)
def test_errors_keep_one_line_and_their_code(db: Path, args: tuple[str, ...], code: int) -> None:
    before = db.read_bytes()
    done = kithkin(db, *args)
    assert done.returncode == code, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_bytes() == before  # nothing written


def test_a_closed_pipe_is_not_a_traceback(db: Path) -> None:
    """The reader has gone before kithkin writes (`kithkin today --json | head -0`)."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "KITHKIN_DATABASE_URL": f"sqlite:///{db}"}
    env["KITHKIN_NOW"], env["KITHKIN_CONFIG"] = NOW, "/proc/kithkin-absent/kithkin.toml"
    for args in (("today", "--json"), ("today",), ("people", "list", "--json")):
        child = subprocess.Popen(
            [sys.executable, "-m", "kithkin", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # no reader: the first write fails with EPIPE
        errors = child.stderr.read()
        child.stderr.close()
        assert child.wait(timeout=120) == 0, (args, errors)  # like `today | head -1` (#15)
        assert errors == "", (args, errors)  # no traceback, no "something went wrong"


def test_the_daily_read_leaves_sqlalchemy_unloaded(db: Path) -> None:
    first = kithkin(db, "today", "--json", python=("-X", "importtime"))
    assert " sqlalchemy" in first.stderr  # the first look of the day makes and stores the plan
    again = kithkin(db, "today", "--json", python=("-X", "importtime"))
    assert again.returncode == 0 and again.stdout == first.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in again.stderr.splitlines()}
    assert "kithkin.services.today" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("sqlalchemy", "alembic", "psycopg")}
