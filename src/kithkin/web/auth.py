"""Hosted mode's gate (#16): every request proves its account before it reaches a route.

``AccountGate`` is an ASGI layer inside the host check and the security headers and outside the
page cache's fast path. For each request it finds the caller from ``Authorization: Bearer
<personal access token>`` (API only; the cookie is then ignored and no CSRF token is asked
for) or from the session cookie (pages and API; a cookie-authenticated API write must carry
the page's CSRF token in ``X-CSRF-Token``), then sets ``bootstrap.REQUEST_OWNER`` so that every
unit of work of the request, and the cache's keys, are that owner's. Without an account, a page
is sent to ``/login`` and an API call gets 401. A read-scoped token that tries to write gets
403 (the scope is its own; another account's objects are 404 in every case).
"""

from __future__ import annotations

import json
from http.cookies import CookieError, SimpleCookie
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kithkin.bootstrap import REQUEST_OWNER, App
from kithkin.domain.accounts import SESSION_IDLE, Caller
from kithkin.messages import text
from kithkin.services.accounts import resolve_session, resolve_token
from kithkin.web.security import HEADER, Csrf, CsrfRejected

SESSION_COOKIE = "kithkin_session"
# the installable app's files hold no one's data (a manifest is fetched without cookies)
PUBLIC_PATHS = frozenset(
    {"/login", "/signup", "/favicon.ico", "/manifest.webmanifest", "/sw.js", "/offline"}
    | {"/login/passkey/options", "/login/passkey"}  # logging in with a passkey
)
PUBLIC_PREFIXES = ("/static/", "/feed/")  # the calendar feed proves itself with its own token
SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
Refusal = tuple[int, str, dict[str, str]]  # status, body, headers
NO_REFUSAL: Refusal = (200, "", {})


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == name:
            return str(value.decode("latin-1"))
    return None


def session_secret(scope: Scope) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except CookieError:
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel is not None and 0 < len(morsel.value) <= 100 else None


# The session cookie lasts as long as the server keeps an unused session; each time the server
# notes the session as seen (at most every TOUCH_EVERY) the cookie is sent again, so both end
# SESSION_IDLE after the last visit.
SESSION_MAX_AGE = int(SESSION_IDLE.total_seconds())


def cookie_header(request: Request, secret: str, *, max_age: int = SESSION_MAX_AGE) -> str:
    """The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS (or when set to)."""
    return _cookie(request.scope, secret, max_age)


def _cookie(scope: Scope, secret: str, max_age: int) -> str:
    app: App = scope["app"].state.kithkin
    parts = [f"{SESSION_COOKIE}={secret}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if scope.get("scheme") == "https" or app.settings.secure_cookies:
        parts.append("Secure")
    parts.append(f"Max-Age={max_age}")
    return "; ".join(parts)


def _renewing(scope: Scope, send: Send, secret: str) -> Send:
    """``send``, adding the session cookie again (a fresh Max-Age) unless the answer sets it."""
    cookie = _cookie(scope, secret, SESSION_MAX_AGE).encode()
    prefix = f"{SESSION_COOKIE}=".encode()

    async def renewed(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(k.lower() == b"set-cookie" and v.startswith(prefix) for k, v in headers):
                headers.append((b"set-cookie", cookie))
            message["headers"] = headers
        await send(message)

    return renewed


class AccountGate:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_public(scope["path"]):
            await self.app(scope, receive, send)
            return
        answer, caller = await self._caller(scope)
        if caller is None:
            await _send(send, *answer)
            return
        scope.setdefault("state", {})["caller"] = caller
        secret = session_secret(scope) if caller.renewed else None
        if secret is not None:
            send = _renewing(scope, send, secret)
        token = REQUEST_OWNER.set(caller.owner_id)
        try:
            await self.app(scope, receive, send)
        finally:
            REQUEST_OWNER.reset(token)

    async def _caller(self, scope: Scope) -> tuple[Refusal, Caller | None]:
        app: App = scope["app"].state.kithkin
        api = scope["path"].startswith("/api/") or scope["path"] == "/api"
        authorization = _header(scope, b"authorization")
        if authorization is not None:
            return await _token_caller(app, scope, authorization, api=api)
        secret = session_secret(scope)
        caller = None
        if secret is not None:
            caller = await run_in_threadpool(
                resolve_session, store=app.accounts, secret=secret, now=app.now()
            )
        if caller is None:
            return (_json(401, "accounts.api.unauthenticated") if api else _to_login(scope)), None
        if api and scope["method"] not in SAFE and not _csrf_ok(scope):
            return _json(403, "accounts.api.csrf"), None
        return NO_REFUSAL, caller


async def _token_caller(
    app: App, scope: Scope, authorization: str, *, api: bool
) -> tuple[Refusal, Caller | None]:
    """A personal access token: the API only, never with the cookie, never a CSRF token."""
    scheme, _, secret = authorization.partition(" ")
    caller = None
    if api and scheme.lower() == "bearer" and 0 < len(secret.strip()) <= 200:
        caller = await run_in_threadpool(
            resolve_token, store=app.accounts, secret=secret.strip(), now=app.now()
        )
    if caller is None:
        return _json(401, "accounts.api.unauthenticated"), None
    if scope["method"] not in SAFE and not caller.can_write:
        return _json(403, "accounts.api.read_only"), None
    return NO_REFUSAL, caller


def _csrf_ok(scope: Scope) -> bool:
    csrf: Csrf = scope["app"].state.csrf
    token = _header(scope, HEADER.encode())
    try:
        csrf.check(scope.get("state", {}).get("csrf_session"), token)
    except CsrfRejected:
        return False
    return True


def _json(status: int, key: str) -> Refusal:
    body = json.dumps({"detail": text(key)})
    headers = {"content-type": "application/json"}
    if status == 401:
        headers["www-authenticate"] = 'Bearer realm="kithkin"'
    return status, body, headers


def _to_login(scope: Scope) -> Refusal:
    target = scope["path"]
    query = scope.get("query_string", b"").decode("latin-1")
    if query:
        target += "?" + query
    location = "/login" if target == "/" else "/login?next=" + quote(target, safe="")
    headers = {"location": location, "content-type": "text/plain; charset=utf-8"}
    if _header(scope, b"hx-request"):
        headers["hx-redirect"] = location
    return 303, "", headers


async def _send(send: Send, status: int, body: str, headers: dict[str, str]) -> None:
    data = body.encode()
    raw = [(k.encode(), v.encode()) for k, v in headers.items()]
    raw.append((b"content-length", str(len(data)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})


def get_caller(request: Request) -> Caller:
    """The account of this request (hosted mode; the gate let nothing else through)."""
    caller: Caller = request.state.caller
    return caller


CallerDep = Annotated[Caller, Depends(get_caller)]
