"""Hosted mode's tables (#16): sessions, personal access tokens, invites, failed logins,
passkeys and coach sharing. On the metadata of ``storage.tables``, which imports them."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
)

from kithkin.storage.table_kit import _owner, _utc, metadata

# --- hosted-auth (#16): sessions, personal access tokens, invites, failed logins ---
# Secrets are stored as their SHA-256 only (hex): a copy of the database logs no one in.
sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("token_hash", String(64), nullable=False, unique=True),
    _utc("created_at", nullable=False),
    _utc("last_seen_at", nullable=False),
    Column("user_agent", String(200), nullable=False, server_default=""),
    Index("ix_sessions_owner", "owner_id"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", String(60), nullable=False, server_default=""),
    Column("scope", String(20), nullable=False),  # read | read-write
    _utc("created_at", nullable=False),
    _utc("last_used_at"),
    Index("ix_api_tokens_owner", "owner_id"),
)

invites = Table(
    "invites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    _utc("created_at", nullable=False),
    _utc("expires_at", nullable=False),
    _utc("used_at"),
    Column("used_by", Integer, ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
)

# One row per wrong password, keyed "account:<name>" and "address:<ip>"; rows older than the
# rate limit's window are pruned as new ones arrive. In the database, so every web process
# counts the same attempts.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(260), nullable=False),
    _utc("at", nullable=False),
    Index("ix_login_failures_key_at", "key", "at"),
)

# Passkeys (revision 0015): a public key per passkey, found by the id the browser gives back
# (base64url, unique). ``rp_id`` is the host name it was made on: it logs in there only.
passkeys = Table(
    "passkeys",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("credential_id", String(1400), nullable=False, unique=True),
    Column("public_key", LargeBinary, nullable=False),
    Column("sign_count", BigInteger, nullable=False, server_default="0"),  # up to 2**32 - 1
    Column("user_handle", String(100), nullable=False),
    Column("transports", String(200), nullable=False, server_default=""),  # comma-separated
    Column("rp_id", String(253), nullable=False),
    Column("name", String(60), nullable=False),
    _utc("created_at", nullable=False),
    _utc("last_used_at"),
    Index("ix_passkeys_owner", "owner_id"),
)

# A passkey ceremony's challenge (its SHA-256), used up by the answer and good for a few
# minutes: making a passkey is bound to the session that asked (and ends with it), logging in
# to the browser that asked (the hash of its CSRF id). Expired rows are pruned as new ones come.
passkey_challenges = Table(
    "passkey_challenges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("challenge_hash", String(64), nullable=False, unique=True),
    Column("purpose", String(10), nullable=False),  # register | log-in
    Column("owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=True),
    Column("binding", String(64), nullable=True),
    Column("user_handle", String(100), nullable=True),
    _utc("expires_at", nullable=False),
    Index("ix_passkey_challenges_expires_at", "expires_at"),
    Index("ix_passkey_challenges_session_id", "session_id"),
    Index("ix_passkey_challenges_binding", "binding"),
)

# Coach sharing: the client (owner) lets a coach's account see some of their numbers, never
# names or notes; every view by the coach is recorded and shown to the client.
coach_shares = Table(
    "coach_shares",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("coach_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("shares", String(100), nullable=False),  # comma-separated: power,checkins,...
    _utc("created_at", nullable=False),
    UniqueConstraint("owner_id", "coach_id", name="uq_coach_shares_owner_coach"),
    Index("ix_coach_shares_coach", "coach_id"),
)

coach_views = Table(
    "coach_views",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    # empty once the coach deleted their account: the record of the view stays the client's
    Column("coach_id", Integer, ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True),
    Column("shares", String(100), nullable=False),
    _utc("viewed_at", nullable=False),
    Index("ix_coach_views_owner", "owner_id", "viewed_at"),
)
