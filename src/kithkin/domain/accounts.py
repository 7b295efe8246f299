"""Accounts of hosted mode: login names, password rules, token scopes, login rate limits.

Pure: the records the account store returns, and the rules applied to them. Hashing and
storage live in ``services.accounts`` and ``storage.accounts_repos``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kithkin.domain.errors import ConflictError, InputError, NotFoundError

LOGIN_MAX = 60
PASSWORD_MIN = 10
PASSWORD_MAX = 200
LABEL_MAX = 60
USER_AGENT_MAX = 200
INVITE_DAYS = 7

# The login rate limit: at most FAILURES_ALLOWED wrong passwords per WINDOW for one account and
# for one address; the next attempt within the window is refused until the oldest one ages out.
FAILURES_ALLOWED = 10
WINDOW = timedelta(minutes=1)
# A session's "last seen" is written at most this often (not on every request); a session not
# seen for SESSION_IDLE ends.
TOUCH_EVERY = timedelta(minutes=5)
SESSION_IDLE = timedelta(days=30)

_LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]*")


class SignUp(StrEnum):
    OPEN = "open"
    INVITE = "invite"
    CLOSED = "closed"


class Scope(StrEnum):
    READ = "read"
    READ_WRITE = "read-write"


class BadLogin(InputError):
    """The login name or password is wrong (the same words for both)."""

    key = "bad_login"


class TooManyAttempts(InputError):
    """Too many wrong passwords in a minute for this account or this address."""

    key = "too_many_attempts"


class BadLoginName(InputError):
    key = "bad_login_name"


class WeakPassword(InputError):
    key = "weak_password"


class LoginTaken(ConflictError):
    key = "login_taken"


class NoSuchAccount(NotFoundError):
    key = "no_such_account"


class SignUpClosed(InputError):
    key = "signup_closed"


class BadInvite(InputError):
    """The invite link is unknown, used or expired."""

    key = "bad_invite"


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    created_at: datetime
    disabled: bool
    has_password: bool


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    owner_id: int
    created_at: datetime
    last_seen_at: datetime
    user_agent: str


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: int
    owner_id: int
    label: str
    scope: Scope
    created_at: datetime
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class Caller:
    """Who a request is from: its account, and how it proved it."""

    owner_id: int
    name: str
    session_id: int | None = None  # logged in with a cookie
    token_scope: Scope | None = None  # or with a personal access token
    renewed: bool = False  # the session's "last seen" moved: its cookie's lifetime starts again

    @property
    def can_write(self) -> bool:
        return self.token_scope is not Scope.READ


def login_name(raw: str) -> str:
    """A login name: lower case letters, digits, dots, hyphens, underscores; 1 to 60."""
    name = raw.strip().lower()
    if not 1 <= len(name) <= LOGIN_MAX or _LOGIN.fullmatch(name) is None:
        raise BadLoginName(limit=LOGIN_MAX)
    return name


def check_password(password: str) -> str:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise WeakPassword(low=PASSWORD_MIN, high=PASSWORD_MAX)
    return password


def scope(raw: str) -> Scope:
    try:
        return Scope(raw.strip().lower())
    except ValueError:
        raise InputError() from None


def wait_seconds(failures: list[datetime], now: datetime) -> int | None:
    """Seconds to wait before the next attempt, or None when it may go ahead: refused while
    ``FAILURES_ALLOWED`` failures lie within the last ``WINDOW``."""
    recent = sorted(f for f in failures if now - f < WINDOW)
    if len(recent) < FAILURES_ALLOWED:
        return None
    free_at = recent[-FAILURES_ALLOWED] + WINDOW
    return max(1, int((free_at - now).total_seconds() + 0.999))


class ServeNeedsHosted(InputError):
    """``kithkin serve`` on an address other than this machine's without accounts."""

    key = "serve_needs_hosted"
