"""The daily commands' fast exit (``kithkin.cli._leave``: ``os._exit``, no tear-down) is taken
only when nothing is left for the tear-down to do: not while a non-daemon thread runs, not while
an output stream could not be flushed. Every command that opts in (``kithkin.cli.DAILY``) is
covered, in-process, with ``os._exit`` replaced by a recorder."""

from __future__ import annotations

import errno
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import kithkin.cli as cli
from tests.cli.conftest import NOW, make_run, ok

ARGS = {
    "today": ("today", "--json"),
    "log": ("log", "text", "--with", "Ada"),
    "checkin": ("checkin", "--mood", "6", "--stress", "3"),
}


class FastExit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


@pytest.fixture
def daily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    db = tmp_path / "k.db"
    run = make_run(db)
    ok(run("init", "--yes", "--timezone", "Europe/Berlin"))
    ok(run("people", "add", "Ada Lovelace", "--circle", "inner"))
    monkeypatch.setenv("KITHKIN_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("KITHKIN_NOW", NOW)
    monkeypatch.setenv("KITHKIN_CONFIG", "/proc/kithkin-absent/kithkin.toml")
    monkeypatch.delenv("KITHKIN_DEBUG", raising=False)

    def fake_exit(status: int) -> None:
        raise FastExit(status)

    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    # Threads other tests of this worker left running are not the command's: only a thread
    # started after this point counts (as in a real process, where nothing runs before main).
    already = {t for t in threading.enumerate() if t.is_alive() and not t.daemon}
    current = threading.current_thread()
    monkeypatch.setattr(
        cli,
        "_threads_running",
        lambda: any(
            t is not current and t.is_alive() and not t.daemon and t not in already
            for t in threading.enumerate()
        ),
    )
    yield


def _main(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setattr(sys, "argv", ["kithkin", *ARGS[command]])
    cli.main()


def test_every_command_that_opts_in_is_covered() -> None:
    assert set(ARGS) == set(cli.DAILY)


@pytest.mark.parametrize("command", sorted(cli.DAILY))
def test_the_fast_exit_is_taken_when_nothing_is_left(
    daily: None, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    with pytest.raises(FastExit) as done:
        _main(monkeypatch, command)
    assert done.value.status == 0


@pytest.mark.parametrize("command", sorted(cli.DAILY))
def test_no_fast_exit_while_a_non_daemon_thread_runs(
    daily: None, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    release = threading.Event()
    worker = threading.Thread(target=release.wait, daemon=False)
    worker.start()
    try:
        with pytest.raises(SystemExit) as done:  # the ordinary exit: the interpreter waits
            _main(monkeypatch, command)
        assert done.value.code == 0
    finally:
        release.set()
        worker.join()
    # a daemon thread does not hold the exit back
    daemon = threading.Thread(target=threading.Event().wait, daemon=True)
    daemon.start()
    with pytest.raises(FastExit):
        _main(monkeypatch, command)


class Unflushable(io.StringIO):
    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize("command", sorted(cli.DAILY))
def test_no_fast_exit_while_output_cannot_be_flushed(
    daily: None, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setattr(sys, "stdout", Unflushable())
    with pytest.raises(SystemExit) as done:
        _main(monkeypatch, command)
    assert done.value.code == 1


class ReaderGone(io.StringIO):
    def flush(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_a_reader_that_went_away_still_exits_fast_with_0(
    daily: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", ReaderGone())
    with pytest.raises(FastExit) as done:
        _main(monkeypatch, "today")
    assert done.value.status == 0  # `kithkin today | head -1` succeeds, as with other tools (#15)
