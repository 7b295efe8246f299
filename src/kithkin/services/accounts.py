"""Account use cases of hosted mode (#16): accounts, log in and out, sessions, personal access
tokens, invites and sign-up, password change, deleting an account.

Secrets (session cookies, tokens, invite links) are 32 random bytes shown once; only their
SHA-256 is stored, so a lookup by hash reveals nothing through its timing and a copy of the
database logs no one in. Passwords are hashed with argon2id (argon2-cffi, imported lazily).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kithkin.domain import accounts as rules
from kithkin.domain.accounts import (
    Account,
    ApiToken,
    BadInvite,
    BadLogin,
    Caller,
    LoginTaken,
    NoSuchAccount,
    Scope,
    SessionInfo,
    SignUp,
    SignUpClosed,
    TooManyAttempts,
)
from kithkin.domain.errors import NotFoundError
from kithkin.services.accounts_ports import AccountRepo, AccountStore

if TYPE_CHECKING:
    from argon2 import PasswordHasher

TOKEN_PREFIX = "kk_"  # noqa: S105 - not a secret; personal access tokens: recognisable in a leaked file or a log


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _secret() -> str:
    return secrets.token_urlsafe(32)


# argon2id with argon2-cffi's defaults (RFC 9106's low-memory profile). Tests lower the cost:
# (time_cost, memory_cost in KiB, parallelism).
ARGON2_COST: tuple[int, int, int] | None = None


def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    if ARGON2_COST is None:
        return PasswordHasher()
    time_cost, memory_cost, parallelism = ARGON2_COST
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _verify(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    if stored is None:
        # the same work as a real check, so an unknown name answers no faster than a known one
        _hasher().hash(password)
        return False
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# --- accounts (the admin's command line and sign-up) ---
def add_account(*, store: AccountStore, name: str, password: str, now: datetime) -> int:
    login = rules.login_name(name)
    hashed = hash_password(rules.check_password(password))
    with store.open(write=True) as repo:
        if repo.by_name(login) is not None:
            raise LoginTaken(name=login)
        return repo.add(login, hashed, now)


def list_accounts(*, store: AccountStore) -> list[Account]:
    with store.open() as repo:
        return repo.all()


def set_disabled(*, store: AccountStore, name: str, disabled: bool) -> Account:
    """Disable (or enable again) an account; disabling also ends its sessions."""
    with store.open(write=True) as repo:
        account = _named(repo, name)
        repo.set_disabled(account.id, disabled)
        if disabled:
            repo.remove_sessions(account.id)
        return account


def _named(repo: AccountRepo, name: str) -> Account:
    account = repo.by_name(name.strip().lower())
    if account is None:
        raise NoSuchAccount(name=name)
    return account


def create_invite(*, store: AccountStore, now: datetime, days: int = rules.INVITE_DAYS) -> str:
    """A new invite's secret (for the link ``/signup?invite=...``), valid ``days`` days."""
    from datetime import timedelta

    secret = _secret()
    with store.open(write=True) as repo:
        repo.add_invite(digest(secret), now, now + timedelta(days=max(1, days)))
    return secret


def invite_is_live(*, store: AccountStore, invite: str, now: datetime) -> bool:
    with store.open() as repo:
        return repo.invite_is_live(digest(invite), now)


def sign_up(
    *,
    store: AccountStore,
    mode: SignUp,
    name: str,
    password: str,
    invite: str | None,
    now: datetime,
) -> int:
    """A new account, when sign-up is open or the invite is live (used up in the same
    transaction)."""
    if mode is SignUp.CLOSED:
        raise SignUpClosed()
    login = rules.login_name(name)
    hashed = hash_password(rules.check_password(password))
    with store.open(write=True) as repo:
        if repo.by_name(login) is not None:
            raise LoginTaken(name=login)
        account_id = repo.add(login, hashed, now)
        if mode is SignUp.INVITE and not (
            invite and repo.use_invite(digest(invite), now, account_id)
        ):
            raise BadInvite()  # leaving the block without committing drops the new account
        return account_id


# --- logging in and out ---
@dataclass(frozen=True, slots=True)
class NewSession:
    secret: str  # the cookie's value, shown once
    caller: Caller


def log_in(
    *,
    store: AccountStore,
    name: str,
    password: str,
    address: str,
    user_agent: str,
    now: datetime,
) -> NewSession:
    """A session for the account when the password is right. Refused without checking while
    the account or the address has had too many wrong passwords in the last minute."""
    login = name.strip().lower()[: rules.LOGIN_MAX]
    keys = [f"account:{login}", f"address:{address[:200]}"]
    with store.open() as repo:
        waits = [rules.wait_seconds(repo.failures(k, now - rules.WINDOW), now) for k in keys]
        account = repo.by_name(login)
        stored = None if account is None else repo.password_hash(account.id)
    wait = max((w for w in waits if w is not None), default=None)
    if wait is not None:
        raise TooManyAttempts(seconds=wait)
    good = _verify(stored, password)
    with store.open(write=True) as repo:
        if not good or account is None or account.disabled:
            repo.add_failure(keys, now, prune_before=now - rules.WINDOW)
            failed = True
        else:
            secret = _secret()
            session_id = repo.add_session(
                account.id, digest(secret), now, user_agent[: rules.USER_AGENT_MAX]
            )
            failed = False
    if failed or account is None:
        raise BadLogin()
    return NewSession(secret, Caller(account.id, account.name, session_id=session_id))


def resolve_session(*, store: AccountStore, secret: str, now: datetime) -> Caller | None:
    """The caller behind a session cookie, or None (unknown, ended, not seen for
    ``SESSION_IDLE``, or a disabled account). Notes when it was last seen, at most every few
    minutes."""
    with store.lookup() as found_by:  # one statement, the latest committed state
        pair = found_by.session_and_account(digest(secret))
    if pair is None or pair[1].disabled:
        return None
    found, account = pair
    if now - found.last_seen_at >= rules.SESSION_IDLE:  # not seen for a month: it ends
        with store.open(write=True) as repo:
            repo.remove_session(found.owner_id, found.id)
        return None
    renewed = now - found.last_seen_at >= rules.TOUCH_EVERY
    if renewed:
        with store.open(write=True) as repo:
            repo.touch_session(found.id, now)
    return Caller(account.id, account.name, session_id=found.id, renewed=renewed)


def log_out(*, store: AccountStore, caller: Caller) -> None:
    if caller.session_id is not None:
        with store.open(write=True) as repo:
            repo.remove_session(caller.owner_id, caller.session_id)


def log_out_everywhere(*, store: AccountStore, owner_id: int) -> int:
    with store.open(write=True) as repo:
        return repo.remove_sessions(owner_id)


def list_sessions(*, store: AccountStore, owner_id: int) -> list[SessionInfo]:
    with store.open() as repo:
        return repo.sessions_of(owner_id)


def revoke_session(*, store: AccountStore, owner_id: int, session_id: int) -> None:
    """End one of the owner's sessions (another owner's id is simply not found)."""
    with store.open(write=True) as repo:
        if not repo.remove_session(owner_id, session_id):
            raise NotFoundError()


def change_password(*, store: AccountStore, caller: Caller, current: str, new: str) -> None:
    """A new password, after the current one; every other session of the account ends."""
    hashed = hash_password(rules.check_password(new))
    with store.open() as repo:
        stored = repo.password_hash(caller.owner_id)
    if not _verify(stored, current):
        raise BadLogin()
    with store.open(write=True) as repo:
        repo.set_password(caller.owner_id, hashed)
        repo.remove_sessions(caller.owner_id, keep=caller.session_id)


def delete_account(*, store: AccountStore, caller: Caller, password: str) -> None:
    """Delete the caller's account and, through the schema's cascades, every row it owns."""
    with store.open() as repo:
        stored = repo.password_hash(caller.owner_id)
    if not _verify(stored, password):
        raise BadLogin()
    with store.open(write=True) as repo:
        repo.remove(caller.owner_id)


# --- personal access tokens ---
def create_token(
    *, store: AccountStore, owner_id: int, label: str, scope: Scope, now: datetime
) -> tuple[int, str]:
    """A new token: its id and its secret (shown this once)."""
    secret = TOKEN_PREFIX + _secret()
    with store.open(write=True) as repo:
        token_id = repo.add_token(
            owner_id, digest(secret), label.strip()[: rules.LABEL_MAX], scope, now
        )
    return token_id, secret


def list_tokens(*, store: AccountStore, owner_id: int) -> list[ApiToken]:
    with store.open() as repo:
        return repo.tokens_of(owner_id)


def revoke_token(*, store: AccountStore, owner_id: int, token_id: int) -> None:
    with store.open(write=True) as repo:
        if not repo.remove_token(owner_id, token_id):
            raise NotFoundError()


def resolve_token(*, store: AccountStore, secret: str, now: datetime) -> Caller | None:
    with store.lookup() as found_by:  # one statement, the latest committed state
        pair = found_by.token_and_account(digest(secret))
    if pair is None or pair[1].disabled:
        return None
    found, account = pair
    last = found.last_used_at
    if last is None or now - last >= rules.TOUCH_EVERY:
        with store.open(write=True) as repo:
            repo.touch_token(found.id, now)
    return Caller(account.id, account.name, token_scope=found.scope)
