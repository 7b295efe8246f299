"""`kithkin serve` believes a reverse proxy's X-Forwarded-* only when told to (#16): the login
limit per address then counts the visitor's address, never one a local process claims."""

from __future__ import annotations

from typing import Any

import pytest

from kithkin.cli.serve import proxy_options
from kithkin.config import load_settings
from tests.cli.conftest import Run, ok


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The options each `uvicorn.run` was called with (nothing is served)."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **kw: calls.append(kw))
    return calls


def test_proxy_headers_are_off_unless_asked_for(run: Run, started: list[dict[str, Any]]) -> None:
    ok(run("serve", "--hosted"))
    assert started[-1]["proxy_headers"] is False  # uvicorn's own default would be True
    ok(run("serve", "--hosted", "--proxy-headers"))
    assert started[-1]["proxy_headers"] is True
    assert started[-1]["forwarded_allow_ips"] == ["127.0.0.1"]
    ok(run("serve", "--hosted", "--proxy-headers", "--forwarded-allow-ips", "10.0.0.2,10.0.0.3"))
    assert started[-1]["forwarded_allow_ips"] == ["10.0.0.2", "10.0.0.3"]


def test_the_proxy_settings_from_the_environment() -> None:
    base = {"KITHKIN_CONFIG": "/proc/kithkin-absent/kithkin.toml", "KITHKIN_DATABASE_URL": "x"}
    assert proxy_options(load_settings(base)) == {"proxy_headers": False}
    on = load_settings(
        {**base, "KITHKIN_PROXY_HEADERS": "true", "KITHKIN_FORWARDED_ALLOW_IPS": "10.0.0.2"}
    )
    assert proxy_options(on) == {"proxy_headers": True, "forwarded_allow_ips": ["10.0.0.2"]}
