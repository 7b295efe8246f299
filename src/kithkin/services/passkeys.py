"""Passkeys (#16): make one for your account, list and remove them, log in with one.

The ceremonies are py_webauthn's (``webauthn``, imported lazily): this module makes the options
the browser needs, keeps each challenge (its SHA-256) for a few minutes and uses it up with the
answer, then has the library verify the answer against the site (host name and origin) the
request came to. A passkey login makes the same session as a password login, and counts towards
the same limits: a failed passkey login is a failure for the address and, when the passkey is
known, for its account; a disabled account logs in with nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from kithkin.domain import accounts as rules
from kithkin.domain.accounts import Caller, TooManyAttempts
from kithkin.domain.errors import NotFoundError
from kithkin.domain.passkeys import (
    CEREMONY_MS,
    CHALLENGE_TTL,
    PASSKEYS_MAX,
    Passkey,
    PasskeyFailed,
    PasskeyNotAdded,
    Purpose,
    Site,
    TooManyPasskeys,
    passkey_name,
)
from kithkin.services.accounts import NewSession, _secret, digest
from kithkin.services.passkeys_ports import PasskeyRepo, PasskeyStore

if TYPE_CHECKING:
    from webauthn.helpers.structs import AuthenticationCredential, RegistrationCredential

RP_NAME = "kithkin"


def _b64(raw: bytes) -> str:
    from webauthn.helpers import bytes_to_base64url

    return bytes_to_base64url(raw)


def _challenge_hash(challenge: bytes) -> str:
    return hashlib.sha256(challenge).hexdigest()


def _address_key(address: str) -> str:
    return f"address:{address[:200]}"


def _wait(repo: PasskeyRepo, keys: list[str], now: datetime) -> int | None:
    waits = [rules.wait_seconds(repo.failures(k, now - rules.WINDOW), now) for k in keys]
    return max((w for w in waits if w is not None), default=None)


# --- your passkeys ---
def list_passkeys(*, store: PasskeyStore, owner_id: int) -> list[Passkey]:
    with store.open() as repo:
        return repo.passkeys_of(owner_id)


def remove_passkey(*, store: PasskeyStore, owner_id: int, passkey_id: int) -> None:
    """Remove one of the owner's passkeys (another owner's id is simply not found)."""
    with store.open(write=True) as repo:
        if not repo.remove_passkey(owner_id, passkey_id):
            raise NotFoundError()


def registration_options(*, store: PasskeyStore, caller: Caller, site: Site, now: datetime) -> str:
    """The browser's options (JSON) to make a new passkey for the caller's account, bound to
    the caller's session. Every passkey of an account carries the same user handle (32 random
    bytes, never the account's id or name)."""
    from webauthn import generate_registration_options, options_to_json
    from webauthn.helpers import base64url_to_bytes
    from webauthn.helpers.structs import (
        AuthenticatorSelectionCriteria,
        AuthenticatorTransport,
        PublicKeyCredentialDescriptor,
        ResidentKeyRequirement,
        UserVerificationRequirement,
    )

    if caller.session_id is None:
        raise NotFoundError()
    with store.open() as repo:
        existing = repo.passkeys_of(caller.owner_id)
    if len(existing) >= PASSKEYS_MAX:
        raise TooManyPasskeys(limit=PASSKEYS_MAX)
    handle = existing[0].user_handle if existing else _b64(secrets.token_bytes(32))
    known = {t.value for t in AuthenticatorTransport}
    options = generate_registration_options(
        rp_id=site.rp_id,
        rp_name=RP_NAME,
        user_name=caller.name,
        user_id=base64url_to_bytes(handle),
        timeout=CEREMONY_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            require_resident_key=True,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(
                id=base64url_to_bytes(p.credential_id),
                transports=[AuthenticatorTransport(t) for t in p.transports if t in known],
            )
            for p in existing
            if p.rp_id == site.rp_id
        ],
    )
    with store.open(write=True) as repo:
        repo.add_challenge(
            _challenge_hash(options.challenge),
            Purpose.REGISTER,
            now + CHALLENGE_TTL,
            now=now,
            owner_id=caller.owner_id,
            session_id=caller.session_id,
            user_handle=handle,
        )
    return options_to_json(options)


def _registration(raw: str) -> tuple[RegistrationCredential, bytes]:
    """The browser's answer and the challenge it signed, or ``PasskeyNotAdded``."""
    from webauthn.helpers import parse_client_data_json, parse_registration_credential_json
    from webauthn.helpers.exceptions import WebAuthnException

    try:
        credential = parse_registration_credential_json(raw)
        client_data = parse_client_data_json(credential.response.client_data_json)
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError):
        raise PasskeyNotAdded() from None
    return credential, client_data.challenge


def register(
    *, store: PasskeyStore, caller: Caller, site: Site, credential: str, name: str, now: datetime
) -> Passkey:
    """Check the browser's new passkey (``credential``: its JSON) against the challenge this
    session was given, and keep its public key under ``name``."""
    from webauthn import verify_registration_response
    from webauthn.helpers.exceptions import WebAuthnException

    parsed, challenge = _registration(credential)
    with store.open(write=True) as repo:  # used up here, whatever comes next
        taken = repo.take_challenge(
            _challenge_hash(challenge), Purpose.REGISTER, now, session_id=caller.session_id
        )
    if taken is None or taken.owner_id != caller.owner_id or taken.user_handle is None:
        raise PasskeyNotAdded()
    try:
        verified = verify_registration_response(
            credential=parsed,
            expected_challenge=challenge,
            expected_rp_id=site.rp_id,
            expected_origin=site.origin,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        raise PasskeyNotAdded() from None
    transports = tuple(t.value for t in parsed.response.transports or ())
    passkey = Passkey(
        id=0,
        owner_id=caller.owner_id,
        name=passkey_name(name, fallback=site.rp_id),
        credential_id=_b64(verified.credential_id),
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        user_handle=taken.user_handle,
        transports=transports,
        rp_id=site.rp_id,
        created_at=now,
        last_used_at=None,
    )
    with store.open(write=True) as repo:
        if len(repo.passkeys_of(caller.owner_id)) >= PASSKEYS_MAX:
            raise TooManyPasskeys(limit=PASSKEYS_MAX)
        if repo.passkey_and_account(passkey.credential_id) is not None:
            raise PasskeyNotAdded()
        passkey_id = repo.add_passkey(passkey)
    return replace(passkey, id=passkey_id)


# --- logging in with a passkey ---
def login_options(
    *, store: PasskeyStore, site: Site, browser: str, address: str, now: datetime
) -> str:
    """The browser's options (JSON) to log in with any passkey it holds for this site; the
    challenge is bound to this browser (``browser``: its CSRF id). Refused while the address
    has had too many failed logins."""
    from webauthn import generate_authentication_options, options_to_json
    from webauthn.helpers.structs import UserVerificationRequirement

    with store.open() as repo:
        wait = _wait(repo, [_address_key(address)], now)
    if wait is not None:
        raise TooManyAttempts(seconds=wait)
    options = generate_authentication_options(
        rp_id=site.rp_id,
        timeout=CEREMONY_MS,
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    with store.open(write=True) as repo:
        repo.add_challenge(
            _challenge_hash(options.challenge),
            Purpose.LOG_IN,
            now + CHALLENGE_TTL,
            now=now,
            binding=digest(browser),
        )
    return options_to_json(options)


def _assertion(raw: str) -> tuple[AuthenticationCredential, bytes] | None:
    from webauthn.helpers import parse_authentication_credential_json, parse_client_data_json
    from webauthn.helpers.exceptions import WebAuthnException

    try:
        credential = parse_authentication_credential_json(raw)
        client_data = parse_client_data_json(credential.response.client_data_json)
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError):
        return None
    return credential, client_data.challenge


def log_in_with_passkey(
    *,
    store: PasskeyStore,
    site: Site,
    browser: str,
    credential: str,
    address: str,
    user_agent: str,
    now: datetime,
) -> NewSession:
    """A session for the account whose passkey signed this browser's challenge; the same
    session, the same limits and the same refusals as :func:`services.accounts.log_in`."""
    keys = [_address_key(address)]
    parsed = _assertion(credential)
    found = taken = None
    secret = ""
    with store.open(write=True) as repo:
        if parsed is not None:
            found = repo.passkey_and_account(parsed[0].id)
            if found is not None:
                keys.append(f"account:{found[1].name}")
            taken = repo.take_challenge(
                _challenge_hash(parsed[1]), Purpose.LOG_IN, now, binding=digest(browser)
            )
        wait = _wait(repo, keys, now)
    if wait is not None:
        raise TooManyAttempts(seconds=wait)
    sign_count = _verified(parsed, found, site) if taken is not None else None
    with store.open(write=True) as repo:
        if sign_count is None or found is None:
            repo.add_failure(keys, now, prune_before=now - rules.WINDOW)
            session_id = None
        else:
            passkey, account = found
            repo.passkey_used(passkey.id, sign_count, now)
            secret = _secret()
            session_id = repo.add_session(
                account.id, digest(secret), now, user_agent[: rules.USER_AGENT_MAX]
            )
    if session_id is None or found is None:
        raise PasskeyFailed()
    return NewSession(secret, Caller(found[1].id, found[1].name, session_id=session_id))


def _verified(
    parsed: tuple[AuthenticationCredential, bytes] | None,
    found: tuple[Passkey, rules.Account] | None,
    site: Site,
) -> int | None:
    """The passkey's new signature count when the answer is good, else None."""
    from webauthn import verify_authentication_response
    from webauthn.helpers.exceptions import WebAuthnException

    if parsed is None or found is None:
        return None
    credential, challenge = parsed
    passkey, account = found
    handle = credential.response.user_handle
    if account.disabled or passkey.rp_id != site.rp_id:
        return None
    if handle is not None and _b64(handle) != passkey.user_handle:
        return None
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=site.rp_id,
            expected_origin=site.origin,
            credential_public_key=passkey.public_key,
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=True,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        return None
    return verified.new_sign_count
