"""A local SMTP sink for the worker tests (aiosmtpd on 127.0.0.1), able to hold one message."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections import Counter
from email import message_from_bytes
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Sink:
    """Counts accepted messages by (recipient, subject). With ``hold_at=n`` the n-th message
    is held before it is accepted (``held`` is set, with its subject in ``held_subject``) until
    ``release`` is set; then it is refused (451), as a server does for a client that left."""

    def __init__(self, *, hold_at: int | None = None) -> None:
        self.port = free_port()
        self.accepted: Counter[tuple[str, str]] = Counter()
        self.seen = 0
        self.hold_at = hold_at
        self.held = threading.Event()
        self.release = threading.Event()
        self.held_subject = ""
        self.peers: set[tuple[str, int]] = set()  # client addresses: one per connection
        self.message_ids: Counter[str] = Counter()  # of the accepted messages
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content)
        subject = str(message["Subject"])
        with self._lock:
            self.seen += 1
            self.peers.add(tuple(session.peer))
            hold = self.seen == self.hold_at
        if hold:
            self.held_subject = subject
            self.held.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 60)
            return "451 Try again later"
        with self._lock:
            self.message_ids[str(message["Message-ID"])] += 1
            for rcpt in envelope.rcpt_tos:
                self.accepted[(rcpt, subject)] += 1
        return "250 OK"

    def url(self) -> str:
        return f"mailto://127.0.0.1:{self.port}?from=kithkin@example.com&to={{account}}@example.com"

    def __enter__(self) -> Sink:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._controller.stop()
