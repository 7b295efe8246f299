"""Config mistakes are not silent (issue #10, point 11)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kithkin.config import BadConfig, load_settings
from tests.cli.conftest import assert_one_line_error, make_run


def test_an_unknown_key_names_the_nearest_valid_one(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('databse_url = "sqlite:///x.db"\n')
    with pytest.raises(BadConfig) as raised:
        load_settings({"KITHKIN_CONFIG": str(config)})
    assert "databse_url" in raised.value.message
    assert "did you mean 'database_url'" in raised.value.message


def test_known_keys_and_the_reminders_table_are_accepted(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('account = "me"\nport = 8100\n[reminders]\n')
    settings = load_settings({"KITHKIN_CONFIG": str(config)})
    assert (settings.account, settings.port) == ("me", 8100)


def test_a_missing_config_file_given_with_the_flag_is_exit_2(tmp_path: Path) -> None:
    run = make_run(tmp_path / "k.db")
    line = assert_one_line_error(run("--config", str(tmp_path / "nonexistent.toml"), "today"), 2)
    assert "nonexistent.toml" in line
    assert not (tmp_path / "k.db").exists()


def test_a_typo_in_the_config_file_is_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'databse_url = "sqlite:///{tmp_path / "other.db"}"\n')
    run = make_run(tmp_path / "k.db")
    line = assert_one_line_error(run("--config", str(config), "today"), 2)
    assert "database_url" in line


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_data_dir_and_backups_are_private(tmp_path: Path) -> None:
    db = tmp_path / "data" / "kithkin.db"
    run = make_run(db)
    assert run("init", "--yes").exit_code == 0
    assert _mode(db) == 0o600
    assert _mode(db.parent) == 0o700
    for extra in db.parent.glob("kithkin.db-*"):  # the WAL and shared-memory files
        assert _mode(extra) == 0o600, extra
    copy = tmp_path / "copy.db"
    assert run("backup", str(copy)).exit_code == 0
    assert _mode(copy) == 0o600
