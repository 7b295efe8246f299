"""Several web processes on one database (issue #16): a write through one process is never
hidden by another process's page cache. Process A is `kithkin serve`; B is
`kithkin serve --workers 2` (two uvicorn worker processes, each with its own cache)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kithkin.services.profiles import init_profile
from tests.cli.smtp_sink import free_port
from tests.conftest import FIXED_NOW, make_app


def call(port: int, path: str, body: dict[str, Any] | None = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=data,
        headers={"Content-Type": "application/json", "Connection": "close"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def wait_until_up(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text()
        try:
            call(port, "/api/today")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"the server on {port} did not answer: {log.read_text()}")


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[tuple[int, int]]:
    app = make_app(database_url)
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="UTC")
        uow.commit()
    app.close()
    env = {
        **os.environ,
        "KITHKIN_CONFIG": str(tmp_path / "absent.toml"),
        "KITHKIN_DATA_DIR": str(tmp_path),
        "KITHKIN_DATABASE_URL": database_url,
        "KITHKIN_NOW": FIXED_NOW.isoformat(),
    }
    ports = free_port(), free_port()
    started = []
    log = tmp_path / "serve.log"
    with log.open("ab") as out:
        for port, workers in zip(ports, ("1", "2"), strict=True):
            command = ["serve", "--port", str(port), "--workers", workers]
            started.append(
                subprocess.Popen(
                    [sys.executable, "-m", "kithkin", *command],
                    env=env,
                    cwd=tmp_path,
                    stdout=out,
                    stderr=out,
                )
            )
    try:
        for port, server in zip(ports, started, strict=True):
            wait_until_up(port, server, log)
        yield ports
    finally:
        for server in started:
            server.terminate()
        for server in started:
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(30)


def test_a_write_in_one_process_shows_at_once_in_the_others(servers: tuple[int, int]) -> None:
    a, b = servers
    for _ in range(8):  # every worker of B has Today cached (new connection each time)
        assert call(b, "/api/today")["count"] == 0
    for n in range(1, 4):
        writer, reader = (a, b) if n % 2 else (b, a)
        call(writer, "/api/interactions", {"kind": "call", "with_other": f"Someone {n}"})
        for _ in range(8):
            assert call(reader, "/api/today")["count"] == n
            assert call(writer, "/api/today")["count"] == n
