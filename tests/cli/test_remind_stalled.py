"""`kithkin remind` against a mail server that accepts and then stalls (issue #10.6).

While the send hangs, `kithkin log` and `kithkin checkin` from other processes succeed (the
reminder holds no transaction while it talks to the network); then the failed delivery makes
`remind` exit non-zero, with the error, its failed state and its retry time.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kithkin.messages import text
from tests.cli.conftest import NOW, Run, ok

HANG = 120  # seconds: far longer than the commands need; the test releases the server itself


class StalledSmtp:
    """Accepts connections and never completes its greeting: a '220-' continuation line now and
    then keeps the client's read time-out from firing, until the test releases it."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.listener.settimeout(0.2)  # so that the serving thread notices the end
        self.stopped = threading.Event()
        self.port = int(self.listener.getsockname()[1])
        self.connected = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            conn.settimeout(None)
            self.connected.set()
            with conn:
                while not self.release.wait(0.5):
                    conn.sendall(b"220-still thinking\r\n")
            # The connection closes mid-greeting: the client's send fails.

    def close(self) -> None:
        self.release.set()
        self.stopped.set()
        self.thread.join(timeout=HANG)
        self.listener.close()


@pytest.fixture
def stalled() -> Iterator[StalledSmtp]:
    server = StalledSmtp()
    yield server
    server.close()


def _env(db_path: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KITHKIN_")}
    env.update(
        KITHKIN_DATABASE_URL=f"sqlite:///{db_path}",
        KITHKIN_NOW=NOW,
        KITHKIN_CONFIG="/proc/kithkin-absent/kithkin.toml",
        KITHKIN_NOTIFY_URLS=f"mailto://127.0.0.1:{port}?from=k@example.com&to=you@example.com",
    )
    return env


def _kithkin(*args: str) -> list[str]:
    return [sys.executable, "-m", "kithkin", *args]


def test_log_and_checkin_succeed_while_remind_is_stuck_on_the_mail_server(
    ready: Run, db_path: Path, stalled: StalledSmtp
) -> None:
    env = _env(db_path, stalled.port)
    remind = subprocess.Popen(
        _kithkin("remind", "--json"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert stalled.connected.wait(HANG), "remind never reached the mail server"
        for args in (("log", "call", "--with", "Ada"), ("checkin", "--mood", "6", "--stress", "3")):
            done = subprocess.run(
                _kithkin(*args), env=env, capture_output=True, text=True, timeout=HANG, check=False
            )
            assert done.returncode == 0, done.stderr
            assert remind.poll() is None, "the send should still be in progress"
        stalled.release.set()
        out, err = remind.communicate(timeout=HANG)
    finally:
        if remind.poll() is None:
            remind.kill()
            remind.wait()
    assert remind.returncode == 1, err
    report = json.loads(out)
    failed = report["failed"]
    assert failed and not report["sent"]
    for entry in failed:
        assert entry["status"] == "failed" and entry["last_error"] and entry["attempts"] == 1
        assert entry["next_attempt_at"] == "2026-11-26T09:01:00+00:00"
    lead = text("remind.failed", count=len(failed), when="@", error="").split("@")[0]
    assert err.startswith(lead) and "2026-11-26T09:01+00:00" in err
    status = ok(ready("remind", "--status", "--json"))
    assert {r["status"] for r in json.loads(status.stdout)} == {"failed"}


def test_remind_exits_non_zero_when_the_server_is_down(ready: Run, db_path: Path) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    done = subprocess.run(
        _kithkin("remind"),
        env=_env(db_path, port),
        capture_output=True,
        text=True,
        timeout=HANG,
        check=False,
    )
    assert done.returncode == 1
    assert "1 sent" not in done.stdout
    assert len(done.stderr.strip().splitlines()) == 1
