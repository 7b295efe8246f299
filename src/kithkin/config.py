"""Settings, built from what is passed in: flag > KITHKIN_* environment > config file > defaults.

Nothing here is read at import time; callers hand in the environment (tests pass a dict).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kithkin.domain.errors import InputError

PREFIX = "KITHKIN_"


class BadConfig(InputError):
    """The configuration file could not be read."""

    key = "bad_config"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    data_dir: Path
    account: str = "local"
    debug: bool = False
    notify_urls: tuple[str, ...] = ()
    host: str = "127.0.0.1"
    port: int = 8000
    fixed_now: datetime | None = None  # KITHKIN_NOW: a fixed clock for tests and scripts
    # Host names the web app answers to besides this machine's own (a hosted deployment's
    # domain); "*" turns the check off. Guards a local server against DNS rebinding.
    allowed_hosts: tuple[str, ...] = ()
    max_file_mb: int = 50  # the largest file kithkin reads (imports, item files, calendars)
    # How long the change journal keeps each action for undo (0: no journal).
    journal_days: int = 30
    # --- hosted-auth (#16) ---
    hosted: bool = False  # accounts and logins (kithkin serve --hosted, KITHKIN_HOSTED=true)
    signup: str = "closed"  # who may create an account in the web: open | invite | closed
    secure_cookies: bool = False  # mark the session cookie Secure even when the request is HTTP
    # --- phone-polish (#14) ---
    locale: str = ""  # the order dates are read in ("en_US", "de"); empty: the browser's or LANG
    # --- hosted-load (#16) ---
    # Behind a reverse proxy: believe its X-Forwarded-For / -Proto (the visitor's address for
    # the login limit, HTTPS for the cookies), from these addresses only. Off unless set.
    proxy_headers: bool = False
    forwarded_allow_ips: tuple[str, ...] = ("127.0.0.1",)
    extra: Mapping[str, Any] = field(default_factory=dict)
    config_path: Path | None = None  # the config file these settings were read from (or would be)
    # Where the notification URLs came from when not the config file ("KITHKIN_NOTIFY_URLS"):
    # a change saved to the file would be overruled at the next start, so Settings says so.
    notify_urls_from: str = ""


def _platform_dir(kind: str, environ: Mapping[str, str]) -> Path:
    """The user's data or config directory for kithkin.

    On Linux this is the XDG rule, computed directly (platformdirs costs ~20 ms to import, a
    tenth of the daily loop's budget); elsewhere platformdirs knows the conventions.
    """
    if sys.platform.startswith("linux"):
        variable, fallback = (
            ("XDG_DATA_HOME", ".local/share") if kind == "data" else ("XDG_CONFIG_HOME", ".config")
        )
        base = environ.get(variable, "").strip()
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / fallback
        return root / "kithkin"
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir("kithkin", appauthor=False))
    return Path(platformdirs.user_config_dir("kithkin", appauthor=False))


KNOWN_KEYS = (
    "database_url",
    "data_dir",
    "account",
    "debug",
    "notify_urls",
    "host",
    "port",
    "allowed_hosts",
    "now",
    "reminders",
    # --- hosted-auth ---
    "hosted",
    "signup",
    "secure_cookies",
    # --- phone-polish ---
    "locale",
    # --- hosted-load ---
    "proxy_headers",
    "forwarded_allow_ips",
)
"""The settings a config file may hold (``reminders`` is a table of its own)."""


def _read_config_file(path: Path, *, required: bool = False) -> dict[str, Any]:
    if not path.exists():
        if required:
            raise BadConfig(path=str(path), reason="no such file")
        return {}
    try:
        found = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadConfig(path=str(path), reason=str(exc)) from None
    for key in found:
        if key not in KNOWN_KEYS:
            import difflib

            nearest = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = f"; did you mean '{nearest[0]}'?" if nearest else ""
            raise BadConfig(
                path=str(path),
                reason=f"unknown setting '{key}'{hint} (known: {', '.join(KNOWN_KEYS)})",
            )
    return found


def load_settings(
    environ: Mapping[str, str], overrides: Mapping[str, Any] | None = None
) -> Settings:
    """Build settings from ``overrides`` (command-line flags), ``environ`` and the config file."""
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    env = {k[len(PREFIX) :].lower(): v for k, v in environ.items() if k.startswith(PREFIX)}
    config_path = Path(
        overrides.get("config")
        or env.get("config")
        or _platform_dir("config", environ) / "config.toml"
    )
    # a file named with --config must exist; the default (or KITHKIN_CONFIG) may be absent
    from_file = _read_config_file(config_path, required=bool(overrides.get("config")))

    def pick(name: str, default: Any = None) -> Any:
        for source in (overrides, env, from_file):
            if source.get(name) not in (None, ""):
                return source[name]
        return default

    def given_outside_the_file(name: str) -> str:
        if overrides.get(name) not in (None, ""):
            return "--" + name.replace("_", "-")
        return PREFIX + name.upper() if env.get(name) not in (None, "") else ""

    data_dir = Path(pick("data_dir") or _platform_dir("data", environ))
    database_url = pick("database_url") or f"sqlite:///{data_dir / 'kithkin.db'}"
    notify = _words(pick("notify_urls", ()))
    allowed_hosts = _words(pick("allowed_hosts", ()), commas=True)
    debug = _flag(pick("debug", False))
    fixed_now = None
    if pick("now"):
        try:
            fixed_now = datetime.fromisoformat(str(pick("now")))
        except ValueError:
            raise BadConfig(path="KITHKIN_NOW", reason="not an ISO date-time") from None
        if fixed_now.tzinfo is None:
            fixed_now = fixed_now.replace(tzinfo=UTC)
    return Settings(
        fixed_now=fixed_now,
        database_url=str(database_url),
        data_dir=data_dir,
        account=str(pick("account", "local")),
        debug=bool(debug),
        notify_urls=notify,
        allowed_hosts=allowed_hosts,
        host=str(pick("host", "127.0.0.1")),
        port=_port(pick("port", 8000)),
        max_file_mb=_megabytes(pick("max_file_mb", 50)),
        journal_days=_journal_days(pick("journal_days", 30)),
        hosted=_flag(pick("hosted", False)),
        signup=_signup(pick("signup", "closed")),
        secure_cookies=_flag(pick("secure_cookies", False)),
        locale=str(pick("locale", "")),
        proxy_headers=_flag(pick("proxy_headers", False)),
        forwarded_allow_ips=_words(pick("forwarded_allow_ips", "127.0.0.1"), commas=True),
        extra=from_file,
        config_path=config_path,
        notify_urls_from=given_outside_the_file("notify_urls"),
    )


def _flag(raw: Any) -> bool:
    if isinstance(raw, str):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return bool(raw)


SIGNUP_MODES = ("open", "invite", "closed")


def _signup(raw: Any) -> str:
    value = str(raw).strip().lower()
    if value not in SIGNUP_MODES:
        raise BadConfig(path="signup", reason=f"one of {', '.join(SIGNUP_MODES)}, not {raw!r}")
    return value


def _megabytes(raw: Any) -> int:
    """``max_file_mb``: a whole number of MiB, 1 to 4096."""
    try:
        value = int(str(raw).strip()) if not isinstance(raw, bool) else 0
    except ValueError:
        value = 0
    if not 1 <= value <= 4096:
        raise BadConfig(path="max_file_mb", reason="a whole number of MB from 1 to 4096")
    return value


def _words(raw: Any, *, commas: bool = False) -> tuple[str, ...]:
    """A list from the config file, or a space-separated environment value (commas too when
    asked: an Apprise URL may itself contain commas, a host name never does)."""
    if isinstance(raw, str):
        return tuple(w for w in (raw.replace(",", " ") if commas else raw).split() if w)
    return tuple(str(w) for w in raw)


def _port(raw: Any) -> int:
    try:
        port = int(raw)
    except (TypeError, ValueError):
        port = -1
    if not 1 <= port <= 65535:
        raise BadConfig(path="port", reason=f"a port is a number from 1 to 65535, not {raw!r}")
    return port


def _journal_days(raw: Any) -> int:
    try:
        days = int(raw)
    except (TypeError, ValueError):
        days = -1
    if not 0 <= days <= 3650:
        raise BadConfig(path="journal_days", reason=f"a number of days from 0 to 3650, not {raw!r}")
    return days


def account_folder(data_dir: Path, owner_id: int) -> Path:
    """An account's own files in hosted mode, under the data directory."""
    return data_dir / "accounts" / str(owner_id)


def remove_account_folder(data_dir: Path, owner_id: int) -> None:
    """An account's own files, gone with the account (a later account may be given its id)."""
    import shutil

    shutil.rmtree(account_folder(data_dir, owner_id), ignore_errors=True)


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **changes)


def _toml_value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def save_config(path: Path, changes: Mapping[str, Any]) -> None:
    """Merge ``changes`` (top-level keys; a dict value is a table) into the config file at
    ``path`` and write it whole (a temporary file renamed over it), readable only by the user:
    it may hold notification URLs with tokens. A table (``[reminders]``) is merged key by key.
    Comments in the file are not kept."""
    merged = _read_config_file(path)
    for key, value in changes.items():  # a table is merged key by key, the rest replaced
        old = merged.get(key)
        merged[key] = (
            {**old, **value} if isinstance(old, dict) and isinstance(value, dict) else value
        )
    plain = [f"{k} = {_toml_value(v)}" for k, v in merged.items() if not isinstance(v, dict)]
    tables = [
        f"\n[{k}]\n" + "\n".join(f"{kk} = {_toml_value(vv)}" for kk, vv in v.items())
        for k, v in merged.items()
        if isinstance(v, dict)
    ]
    text = "# kithkin settings (also changed from the web app's Settings)\n"
    text += "\n".join(plain) + "\n" + "\n".join(tables) + "\n"
    from kithkin.formats.files import FileNotWritable, write_private_text

    try:
        write_private_text(path, text)
    except FileNotWritable as exc:
        raise BadConfig(path=str(path), reason=str(exc.params.get("reason", ""))) from None
