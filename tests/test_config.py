"""Settings precedence: flag > KITHKIN_* environment > config file > platform default."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kithkin.config import BadConfig, load_settings


def test_defaults_follow_the_xdg_directories(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    settings = load_settings(env)
    assert settings.data_dir == tmp_path / "data" / "kithkin"
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'kithkin' / 'kithkin.db'}"
    assert settings.host == "127.0.0.1" and settings.port == 8000


def test_a_relative_xdg_directory_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = load_settings(
        {"XDG_DATA_HOME": "relative/path", "KITHKIN_CONFIG": "/proc/kithkin-absent"}
    )
    assert settings.data_dir == tmp_path / ".local" / "share" / "kithkin"


def test_flag_beats_environment_beats_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'database_url = "sqlite:///from-file.db"\nport = 9000\nhost = "0.0.0.0"\n'
        'notify_urls = ["mailto://a", "ntfy://b"]\n',
        encoding="utf-8",
    )
    env = {"KITHKIN_CONFIG": str(config), "KITHKIN_PORT": "9100"}
    from_file = load_settings(env)
    assert from_file.database_url == "sqlite:///from-file.db"
    assert from_file.port == 9100  # the environment beats the file
    assert from_file.host == "0.0.0.0"
    assert from_file.notify_urls == ("mailto://a", "ntfy://b")
    flagged = load_settings(env, {"database_url": "sqlite:///flag.db", "port": None})
    assert flagged.database_url == "sqlite:///flag.db"
    assert flagged.port == 9100  # a flag left unset does not hide the environment


def test_environment_lists_and_fixed_clock() -> None:
    settings = load_settings(
        {
            "KITHKIN_CONFIG": "/proc/kithkin-absent",
            "KITHKIN_NOTIFY_URLS": "mailto://x  ntfy://y",
            "KITHKIN_NOW": "2026-11-26T09:00:00",
            "KITHKIN_DEBUG": "yes",
        }
    )
    assert settings.notify_urls == ("mailto://x", "ntfy://y")
    assert settings.fixed_now == datetime(2026, 11, 26, 9, tzinfo=UTC)
    assert settings.debug is True


@pytest.mark.parametrize(
    ("content", "env"),
    [("this is = = not toml", {}), ("", {"KITHKIN_NOW": "next tuesday"})],
)
def test_a_bad_config_is_one_clear_error(tmp_path: Path, content: str, env: dict[str, str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(BadConfig):
        load_settings({"KITHKIN_CONFIG": str(config), **env})


@pytest.mark.parametrize("port", ["abc", "0", "70000"])
def test_a_bad_port_is_one_clear_error(port: str) -> None:
    with pytest.raises(BadConfig):
        load_settings({"KITHKIN_CONFIG": "/proc/kithkin-absent", "KITHKIN_PORT": port})
