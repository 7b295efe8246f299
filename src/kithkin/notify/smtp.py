"""Reminders by e-mail straight over SMTP, one connection kept open per mail server.

Apprise opens a connection and loads the system's certificate store for every message (about
100 ms of CPU each): fine for one person's few reminders a day, too slow for a worker sending
thousands. ``kithkin worker`` sends a ``mailto://`` or ``mailtos://`` URL through this module when
the URL names its SMTP server (``smtp=...``, or the host is an IP address or ``localhost``); any
other URL goes through Apprise as before. The URL is read as Apprise reads it:
``mailtos://user:password@host:port?from=a@example.org&to=b@example.org&smtp=mail.example.org``
(``mailtos`` on port 465 is SMTPS, otherwise STARTTLS; ``mailto`` is plain SMTP).
"""

from __future__ import annotations

import hashlib
import ipaddress
import smtplib
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from kithkin.services.reminders import Delivery, Notifier

IDLE = 20.0  # seconds: a connection idle longer than this is closed and opened afresh


@dataclass(frozen=True, slots=True)
class SmtpTarget:
    host: str
    port: int
    mode: str  # "plain" | "starttls" | "ssl"
    user: str
    password: str
    sender: str
    to: tuple[str, ...]

    @property
    def server(self) -> tuple[str, int, str, str]:
        return (self.host, self.port, self.mode, self.user)


def _is_local_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def parse(url: str) -> SmtpTarget | None:
    """The SMTP target of a ``mailto(s)://`` URL that names its server, else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("mailto", "mailtos") or not parts.hostname:
        return None
    query = {k.lower(): v[-1] for k, v in parse_qs(parts.query).items()}
    server = query.get("smtp", "")
    if not server and not _is_local_host(parts.hostname):
        return None  # Apprise knows the big providers' servers; leave those to it
    secure = parts.scheme == "mailtos"
    port = parts.port or (587 if secure else 25)
    mode = "plain" if not secure else ("ssl" if port == 465 else "starttls")
    user = unquote(parts.username or "")
    sender = query.get("from") or (f"{user}@{parts.hostname}" if user else "")
    to = tuple(a for a in query.get("to", "").replace(",", " ").split() if a) or (sender,)
    if not sender:
        return None
    return SmtpTarget(
        host=server or parts.hostname,
        port=port,
        mode=mode,
        user=user,
        password=unquote(parts.password or ""),
        sender=sender,
        to=to,
    )


class SmtpConnections:
    """Open connections, one per server, shared by the notifiers of every account."""

    def __init__(self, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._open: dict[tuple[str, int, str, str], tuple[smtplib.SMTP, float]] = {}
        self._lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None

    def _context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = ssl.create_default_context()  # loaded once, not once a message
        return self._tls

    def _connect(self, t: SmtpTarget) -> smtplib.SMTP:
        conn: smtplib.SMTP
        if t.mode == "ssl":
            conn = smtplib.SMTP_SSL(t.host, t.port, timeout=self.timeout, context=self._context())
        else:
            conn = smtplib.SMTP(t.host, t.port, timeout=self.timeout)
            if t.mode == "starttls":
                conn.starttls(context=self._context())
        if t.user:
            conn.login(t.user, t.password)
        return conn

    def send(self, target: SmtpTarget, message: EmailMessage) -> Delivery:
        with self._lock:
            conn, last = self._open.pop(target.server, (None, 0.0))
            try:
                if conn is not None and time.monotonic() - last > IDLE:
                    _quit(conn)
                    conn = None
                if conn is None:
                    conn = self._connect(target)
                conn.send_message(message, from_addr=target.sender, to_addrs=list(target.to))
            except (smtplib.SMTPException, OSError) as exc:
                if conn is not None:
                    _quit(conn)
                return Delivery(False, f"{type(exc).__name__}: {exc}"[:500])
            self._open[target.server] = (conn, time.monotonic())
            return Delivery(True)

    def close(self) -> None:
        with self._lock:
            for conn, _ in self._open.values():
                _quit(conn)
            self._open.clear()


def _message_id(key: str, message: EmailMessage, body: str, domain: str) -> str:
    """``key`` and a digest of who and what: a resend keeps its id, and two different messages
    that happen to share a key (two databases, say) never share an id."""
    if not key:
        return make_msgid(domain=domain)
    what = "\0".join((message["From"], message["To"], message["Subject"], body))
    return f"<kithkin.{key}.{hashlib.sha256(what.encode()).hexdigest()[:12]}@{domain}>"


def _quit(conn: smtplib.SMTP) -> None:
    try:
        conn.quit()
    except (smtplib.SMTPException, OSError):
        conn.close()


class SmtpNotifier:
    """Implements :class:`kithkin.services.reminders.Notifier` for SMTP targets."""

    def __init__(self, targets: list[SmtpTarget], connections: SmtpConnections) -> None:
        self.targets, self.connections = targets, connections

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        for target in self.targets:
            domain = target.sender.rpartition("@")[2] or "kithkin.invalid"
            message = EmailMessage()
            message["Subject"] = title
            message["From"] = target.sender
            message["To"] = ", ".join(target.to)
            message["Date"] = formatdate(localtime=False)
            # the same reminder sent again keeps its Message-ID (see services.reminder_worker)
            message["Message-ID"] = _message_id(key, message, body, domain)
            message.set_content(body)
            result = self.connections.send(target, message)
            if not result.ok:
                return result
        return Delivery(True)


class _Both:
    """Direct SMTP for the URLs that allow it, Apprise for the rest."""

    def __init__(self, first: SmtpNotifier, rest: Notifier) -> None:
        self.first, self.rest = first, rest

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        done = self.first.send(title=title, body=body, key=key)
        return self.rest.send(title=title, body=body, key=key) if done.ok else done


def notifier(urls: list[str], connections: SmtpConnections) -> Notifier:
    """One notifier for ``urls``: direct SMTP where the URL allows it, Apprise otherwise."""
    from kithkin.notify.apprise import AppriseNotifier

    targets = [t for t in (parse(u) for u in urls) if t is not None]
    others = [u for u in urls if parse(u) is None]
    if not targets:
        return AppriseNotifier(others)
    direct = SmtpNotifier(targets, connections)
    return _Both(direct, AppriseNotifier(others)) if others else direct
