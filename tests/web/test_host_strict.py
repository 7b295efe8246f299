"""The Host header is parsed strictly: a host and an optional numeric port (issue #10.12)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from kithkin.web.security import HostGuard, parse_host


@pytest.mark.parametrize(
    ("header", "host"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("127.0.0.1:8203", "127.0.0.1"),
        ("LocalHost:80", "localhost"),
        ("[::1]:8000", "::1"),
        ("kithkin.example.org", "kithkin.example.org"),
        ("127.0.0.1:8203@evil.example", None),
        ("localhost:abc", None),
        ("localhost:", None),
        ("localhost:99999", None),
        ("evil.example/127.0.0.1", None),
        ("user@localhost", None),
        ("localhost localhost", None),
        ("", None),
        ("[::1", None),
        ("::1", None),
    ],
)
def test_parse_host(header: str, host: str | None) -> None:
    assert parse_host(header) == host


def _status(headers: list[tuple[bytes, bytes]]) -> int:
    reached: list[bool] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        reached.append(True)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    guard = HostGuard(inner, allowed=frozenset({"127.0.0.1", "localhost"}))
    scope = {"type": "http", "headers": headers, "method": "GET", "path": "/"}
    asyncio.run(guard(scope, receive, send))
    status = int(sent[0]["status"])
    assert reached == ([True] if status == 200 else [])
    return status


def test_the_guard_refuses_loose_and_repeated_host_headers() -> None:
    assert _status([(b"host", b"127.0.0.1:8203")]) == 200
    assert _status([(b"host", b"127.0.0.1:8203@evil.example")]) == 400
    assert _status([(b"host", b"localhost:abc")]) == 400
    assert _status([(b"host", b"evil.example"), (b"host", b"127.0.0.1")]) == 400
    assert _status([(b"host", b"127.0.0.1"), (b"host", b"127.0.0.1")]) == 400
    assert _status([]) == 400
