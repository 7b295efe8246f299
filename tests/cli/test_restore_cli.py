"""`kithkin import json`: checked whole, all or nothing; over data only with --replace, after
saving the current data to a file the output names (issue #10, points 3 and 5)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from typer.testing import CliRunner

from kithkin.cli import app
from tests.cli.conftest import NOW, Run, as_json, assert_one_line_error, db_rows, ok


def _runner(db: Path, data_dir: Path) -> Run:
    runner = CliRunner(
        env={
            "KITHKIN_DATABASE_URL": f"sqlite:///{db}",
            "KITHKIN_DATA_DIR": str(data_dir),
            "KITHKIN_NOW": NOW,
            "KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml",
            "KITHKIN_DEBUG": None,
        }
    )
    return lambda *args: runner.invoke(app, list(args), catch_exceptions=False)


def _backup(tmp_path: Path) -> Path:
    source = _runner(tmp_path / "source.db", tmp_path / "source")
    ok(source("init", "--yes", "--timezone", "Europe/Berlin"))
    ok(source("people", "add", "Ada Lovelace"))
    ok(source("log", "call", "--with", "ada"))
    target = tmp_path / "backup.json"
    ok(source("export", "json", str(target)))
    return target


def test_restore_over_data_needs_replace_and_saves_a_copy(tmp_path: Path) -> None:
    backup = _backup(tmp_path)
    db, data_dir = tmp_path / "mine.db", tmp_path / "mine"
    run = _runner(db, data_dir)
    ok(run("init", "--yes", "--timezone", "Europe/Berlin"))
    ok(run("people", "add", "Grace Hopper"))
    before = db_rows(db)
    line = assert_one_line_error(run("import", "json", str(backup)), 1)
    assert "--replace" in line
    assert db_rows(db) == before
    done = as_json(run("import", "json", str(backup), "--replace", "--json"))
    saved = Path(done["saved_to"])
    assert saved.parent == data_dir and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert [p["name"] for p in json.loads(saved.read_text())["tables"]["people"]] == [
        "Grace Hopper"
    ]
    people = as_json(run("people", "list", "--json"))
    assert [p["name"] for p in people] == ["Ada Lovelace"]
    text = ok(run("import", "json", str(backup), "--replace")).stdout
    assert "kithkin-before-restore-" in text


def test_hostile_files_exit_2_and_write_nothing(tmp_path: Path) -> None:
    backup = _backup(tmp_path)
    document = json.loads(backup.read_text())
    db = tmp_path / "mine.db"
    run = _runner(db, tmp_path / "mine")
    ok(run("init", "--yes"))
    before = db_rows(db)
    hostile = tmp_path / "hostile.json"
    nested = "[" * 100_000 + "]" * 100_000
    unknown = {**document, "tables": {**document["tables"], "nonsense": 5}}
    for content in (nested, json.dumps(unknown)):
        hostile.write_text(content)
        for extra in ((), ("--replace",)):
            assert_one_line_error(run("import", "json", str(hostile), *extra), 2)
            assert db_rows(db) == before
    assert not list((tmp_path / "mine").glob("kithkin-before-restore-*"))
