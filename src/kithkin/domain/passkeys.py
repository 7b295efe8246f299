"""Passkeys of hosted mode (#16): a second way to log in, beside the password.

Pure: the records the store returns, the site a passkey belongs to, limits and failures. The
ceremony (py_webauthn) lives in ``services.passkeys``; the rows in ``storage.passkey_repos``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kithkin.domain.errors import InputError

NAME_MAX = 60
PASSKEYS_MAX = 20  # per account: enough for every device someone owns
# A challenge answers once, within this long of being made (the browser's own timeout is
# shorter: CEREMONY_MS).
CHALLENGE_TTL = timedelta(minutes=5)
CEREMONY_MS = 120_000


class Purpose(StrEnum):
    REGISTER = "register"
    LOG_IN = "log-in"


@dataclass(frozen=True, slots=True)
class Site:
    """Where passkeys are made and used: the host name the browser ties them to (the relying
    party's id) and the origin its pages come from (``https://name[:port]``)."""

    rp_id: str
    origin: str


@dataclass(frozen=True, slots=True)
class Passkey:
    id: int
    owner_id: int
    name: str
    credential_id: str  # base64url, as the browser gives it
    public_key: bytes  # COSE
    sign_count: int
    user_handle: str  # base64url; the same for all of an account's passkeys
    transports: tuple[str, ...]
    rp_id: str
    created_at: datetime
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class Challenge:
    """A challenge taken back (used up): whose it was and the user handle it was made with."""

    owner_id: int | None
    user_handle: str | None


class PasskeyFailed(InputError):
    """A passkey did not log in: unknown, removed, for another site, a used or expired
    challenge, a bad signature, or a disabled account (the same words for all)."""

    key = "passkey_failed"


class PasskeyNotAdded(InputError):
    """A new passkey could not be checked, so it was not added."""

    key = "passkey_not_added"


class TooManyPasskeys(InputError):
    key = "too_many_passkeys"


class PasskeysUnavailable(InputError):
    """This address cannot use passkeys: not HTTPS (nor localhost), or an IP address."""

    key = "passkeys_unavailable"


def passkey_name(raw: str, *, fallback: str) -> str:
    """A passkey's name as the person typed it (trimmed to ``NAME_MAX``), or ``fallback``."""
    name = " ".join(raw.split())[:NAME_MAX]
    return name or fallback[:NAME_MAX]
