"""CSRF tokens (an HMAC of a per-browser random id kept in a cookie) and security headers.

The cookie holds a random session id; forms carry ``HMAC(secret, id)``. A page on another
origin can neither read the cookie nor compute the HMAC, so it cannot forge a form post. The
JSON API accepts only ``application/json`` bodies, which a cross-origin page cannot send without
a CORS preflight that kithkin never grants.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kithkin.domain.errors import KithkinError

COOKIE = "kithkin_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
KEY_FILE = "web-secret.key"

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class CsrfRejected(KithkinError):
    """A form post arrived without a valid CSRF token."""

    key = "csrf_rejected"


def secret_key(data_dir: Path) -> bytes:
    """The signing key kept in the data directory (created on first use). When the directory
    does not exist, a key for this process only: tokens then last until a restart."""
    path = data_dir / KEY_FILE
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    if data_dir.is_dir():
        try:
            path.touch(mode=0o600)
            path.write_text(key.hex(), encoding="ascii")
        except OSError:
            pass
    return key


class Csrf:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def token_for(self, session_id: str) -> str:
        return hmac.new(self._key, session_id.encode(), hashlib.sha256).hexdigest()

    def check(self, session_id: str | None, token: str | None) -> None:
        if not session_id or not token:
            raise CsrfRejected()
        if not hmac.compare_digest(self.token_for(session_id), token):
            raise CsrfRejected()


def _cookie_value(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except CookieError:
                return None
            if COOKIE in jar:
                return jar[COOKIE].value
    return None


def csrf_cookie(session: str) -> str:
    return f"{COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax"


def new_csrf_cookie() -> str:
    """A new CSRF session id's cookie: given at login and logout, so a token learned before
    (another person's, on a shared computer) does not work after."""
    return csrf_cookie(secrets.token_urlsafe(24))


def _sets_csrf(headers: list[Any]) -> bool:
    prefix = f"{COOKIE}=".encode()
    return any(k.lower() == b"set-cookie" and v.startswith(prefix) for k, v in headers)


class SecurityMiddleware:
    """Adds security headers to every response and gives each browser a CSRF session id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = _cookie_value(scope)
        fresh = None
        if not session or len(session) > 100:
            session = fresh = secrets.token_urlsafe(24)
        scope.setdefault("state", {})["csrf_session"] = session

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in HEADERS if h[0] not in present)
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", CSP.encode()))
                if fresh is not None and not _sets_csrf(headers):
                    headers.append((b"set-cookie", csrf_cookie(fresh).encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - names, not a bind


_HOST = re.compile(
    r"(?:\[(?P<ip6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?))"
    r"(?::(?P<port>[0-9]{1,5}))?"
)


def parse_host(header: str) -> str | None:
    """The host of a Host header, strictly: a name (letters, digits, dots, hyphens) or an IPv4
    address or a bracketed IPv6 address, then at most a numeric port; None for anything else
    (``127.0.0.1:8203@evil.example``, ``localhost:abc``, a port above 65535)."""
    found = _HOST.fullmatch(header.strip().lower())
    if found is None or (found["port"] is not None and int(found["port"]) > 65535):
        return None
    return found["ip6"] or found["name"]


def host_name(header: str) -> str:
    """The host part of a Host header: ``[::1]:8000`` -> ``::1``, ``Example.org:80`` ->
    ``example.org`` (as given, when it does not parse)."""
    value = header.strip().lower()
    return parse_host(value) or value


def allowed_hosts(bind_host: str, extra: tuple[str, ...]) -> frozenset[str] | None:
    """The host names a request may name; None when the check is switched off ("*")."""
    if "*" in extra:
        return None
    names = set(LOOPBACK_NAMES) | {host_name(h) for h in extra}
    if bind_host not in WILDCARD_BINDS:
        names.add(host_name(bind_host))
    return frozenset(names)


class HostGuard:
    """Answers only requests addressed to this server's own names.

    A local server with no login is otherwise open to DNS rebinding: a web page whose name
    points at 127.0.0.1 becomes same-origin with kithkin and could read and write the user's
    data. Browsers always send the name they used in the Host header, so checking it is enough.
    """

    def __init__(self, app: ASGIApp, *, allowed: frozenset[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.allowed is None or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [v for k, v in scope.get("headers") or [] if k == b"host"]
        name = parse_host(hosts[0].decode("latin-1")) if len(hosts) == 1 else None
        if name is not None and name in self.allowed:
            await self.app(scope, receive, send)
            return
        body = b"Unknown host name. kithkin answers to this machine's own names only."
        await send(
            {
                "type": "http.response.start",
                "status": 400,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def check_form_token(request: Any, form: Any) -> None:
    """Check a posted form's CSRF token (its field, or the htmx header) for this browser."""
    token = form.get(FIELD) or request.headers.get(HEADER)
    csrf: Csrf = request.app.state.csrf
    csrf.check(request.state.csrf_session, token if isinstance(token, str) else None)
