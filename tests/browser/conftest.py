"""Playwright against Debian's Chromium, and an in-process uvicorn live server per test on a
fresh SQLite database (see /work/shared/notes/stack-notes.md section 3).

Each browser test gets its own Playwright (and so its own event loop), stopped when the test
ends. pytest-playwright's session-wide Playwright would leave its loop marked as running in the
worker's main thread, and every later test in that worker that calls `asyncio.run` (directly or
through a library) would fail: whether it did depended on how xdist dealt out the tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import make_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def browser() -> Iterator[Browser]:
    """A Chromium of this test's own, in a Playwright of its own (see the module's docstring)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from kithkin.web.app import create_app

    app = make_app(f"sqlite:///{tmp_path / 'kithkin.db'}")
    web = create_app(app, csrf_key=b"browser-test-key" * 2)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(web, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
