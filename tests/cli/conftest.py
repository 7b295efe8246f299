"""Run the real ``kithkin`` command in-process against a temporary SQLite file, clock fixed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from kithkin.cli import app

NOW = "2026-11-26T09:00:00+00:00"
Run = Callable[..., Result]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "k.db"


def make_run(db_path: Path) -> Run:
    """A function running ``kithkin ARGS`` against the SQLite file ``db_path``."""
    runner = CliRunner(
        env={
            "KITHKIN_DATABASE_URL": f"sqlite:///{db_path}",
            "KITHKIN_NOW": NOW,
            "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
            "KITHKIN_DEBUG": None,
        }
    )

    def invoke(*args: str, input: str | None = None) -> Result:  # noqa: A002
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def run(db_path: Path) -> Run:
    return make_run(db_path)


@pytest.fixture
def ready(run: Run) -> Run:
    """A set-up profile (Europe/Berlin) with three people."""
    ok(run("init", "--yes", "--timezone", "Europe/Berlin"))
    ok(run("people", "add", "Ada Lovelace", "--circle", "inner", "--nickname", "Ada"))
    ok(run("people", "add", "Grace Hopper", "--circle", "close"))
    ok(run("people", "add", "Grace Kelly", "--circle", "wider"))
    return run


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def as_json(result: Result) -> Any:
    """The one JSON document a --json command printed (and nothing else on either stream)."""
    ok(result)
    assert result.stderr == ""
    return json.loads(result.stdout)


def db_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read straight from the file."""
    if not path.exists():
        return {}
    with sqlite3.connect(path) as conn:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        out = {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    conn.close()
    return out


def assert_one_line_error(result: Result, code: int) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output
    return lines[0]
