"""The schema, as typed SQLAlchemy Core tables. Alembic revisions must keep it in step.

Every row belongs to an owner (an account), even in the single-user local mode.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from kithkin.storage import account_tables, shapes, table_kit
from kithkin.storage.table_kit import _owner, _utc

NAMING = table_kit.NAMING
metadata = table_kit.metadata


def _column(col: shapes.Col) -> Column[object]:
    """A SQLAlchemy column from its declaration in ``storage.shapes``."""
    if col.type == "utc":
        return _utc(col.name, nullable=col.nullable)
    if col.type.startswith("fk:"):
        target = f"{col.type[3:]}.id"
        return Column(
            col.name, Integer, ForeignKey(target, ondelete="SET NULL"), nullable=col.nullable
        )
    kind: Any = {"int": Integer, "text": Text, "bool": Boolean}.get(col.type)
    if kind is None:
        kind = String(col.length)
    return Column(col.name, kind, nullable=col.nullable, server_default=col.default)


accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),  # the login name in hosted mode
    _utc("created_at", nullable=False),
    # hosted mode (#16): an argon2id hash (NULL: no password, cannot log in), and a switch
    Column("password_hash", String(200), nullable=True),
    Column("disabled", Boolean, nullable=False, server_default="0"),
)

profiles = Table(
    "profiles",
    metadata,
    Column("owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("timezone", String(64), nullable=False),
    Column("daily_goal", Integer, nullable=False),
    Column("rest_days_per_week", Integer, nullable=False),
    Column("weekday_minutes", Integer, nullable=False),
    Column("weekend_minutes", Integer, nullable=False),
    Column("barriers", String(200), nullable=False, server_default=""),
    Column("waking_start_hour", Integer, nullable=False, server_default="8"),
    Column("waking_end_hour", Integer, nullable=False, server_default="21"),
    Column("started_on", Date, nullable=False),
)

circles = Table(
    "circles",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("name", String(60), nullable=False),
    Column("cadence_days", Integer, nullable=False),
    Column("position", Integer, nullable=False, server_default="0"),
    UniqueConstraint("owner_id", "name", name="uq_circles_owner_name"),
    CheckConstraint("cadence_days >= 1", name="cadence_positive"),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    *(_column(c) for c in shapes.PEOPLE),
    CheckConstraint("closeness BETWEEN 1 AND 5", name="closeness_range"),
    Index("ix_people_owner_status", "owner_id", "status", "archived"),
    Index("ix_people_owner_name", "owner_id", "name"),
    Index("ix_people_owner_uid", "owner_id", "uid"),
)

contact_points = Table(
    "contact_points",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("value", String(320), nullable=False),
    Column("normalized", String(320), nullable=False),
    Column("label", String(60), nullable=False, server_default=""),
    Index("ix_contact_points_lookup", "owner_id", "kind", "normalized"),
    Index("ix_contact_points_person", "person_id"),
)

interactions = Table(
    "interactions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    _utc("occurred_at", nullable=False),
    Column("day", Date, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("with_other", String(200), nullable=False, server_default=""),
    Column("meaningful", Boolean, nullable=False),
    Column("quality", Integer, nullable=True),
    Column("mood_before", Integer, nullable=True),
    Column("mood_after", Integer, nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    _utc("created_at", nullable=False),
    # Made by the browser for a log written offline: a replay of the same log is a no-op.
    Column("client_id", String(64), nullable=True),
    # By day, with the kind: the week's kinds for the plan's energy budget are read from the
    # index alone (0013; was ``ix_interactions_owner_day``, on owner and day only).
    Index("ix_interactions_owner_day_kind", "owner_id", "day", "kind"),
    Index("ix_interactions_owner_client", "owner_id", "client_id", unique=True),
    # The latest logs, newest first (``InteractionRepo.find(limit=...)``), without a sort (0013).
    Index("ix_interactions_owner_time", "owner_id", "occurred_at", "id"),
)

interaction_people = Table(
    "interaction_people",
    metadata,
    Column(
        "interaction_id",
        Integer,
        ForeignKey("interactions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    _owner(),
    # Copies of the interaction's instant and flag, so "last meaningful contact per person" is an
    # index-only query.
    _utc("occurred_at", nullable=False),
    Column("meaningful", Boolean, nullable=False),
    Index("ix_interaction_people_person", "person_id", "meaningful", "occurred_at"),
    # Owner-wide reads (everyone's meaningful contacts in time order, for insights) are
    # index-only with this one; the person index above does not start with owner_id.
    Index("ix_interaction_people_owner_time", "owner_id", "meaningful", "occurred_at", "person_id"),
)

day_stats = Table(
    "day_stats",
    metadata,
    Column("owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("meaningful_count", Integer, nullable=False),
    Column("interaction_count", Integer, nullable=False),
)

followups = Table(
    "followups",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("due", Date, nullable=True),
    Column("done", Boolean, nullable=False, server_default="0"),
    _utc("created_at", nullable=False),
    Index("ix_followups_owner_open", "owner_id", "done", "due"),
)

checkins = Table(
    "checkins",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("day", Date, nullable=False),
    Column("mood", Integer, nullable=False),
    Column("stress", Integer, nullable=False),
    Column("energy", Integer, nullable=True),
    Column("sleep_hours", Float, nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    # The last change; for one queued offline, when it was made (the phone's clock corrected).
    _utc("updated_at", nullable=False),
    Column("client_id", String(64), nullable=True),  # as interactions.client_id
    UniqueConstraint("owner_id", "day", name="uq_checkins_owner_day"),
    CheckConstraint("mood BETWEEN 1 AND 10", name="mood_range"),
    CheckConstraint("stress BETWEEN 1 AND 10", name="stress_range"),
)

# --- planner ---
# Custom actions (same schema as the built-in catalogue, stored as JSON), the persisted daily
# plan (so "done 2" means what the user saw), and the exposure ladder with its attempts.

custom_actions = Table(
    "custom_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("action_id", String(64), nullable=False),
    Column("data", Text, nullable=False),
    _utc("created_at", nullable=False),
    UniqueConstraint("owner_id", "action_id", name="uq_custom_actions_owner_action"),
)

suggestions = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("day", Date, nullable=False),
    Column("rank", Integer, nullable=False),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), nullable=True),
    Column("action_id", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("channel", String(20), nullable=False),
    Column("social_load", Integer, nullable=False),
    Column("reconnect", Boolean, nullable=False, server_default="0"),
    Column("reasons", Text, nullable=False),
    _utc("proposed_time"),
    Column("status", String(10), nullable=False, server_default="open"),
    Column("snoozed_until", Date, nullable=True),
    Column(
        "interaction_id",
        Integer,
        ForeignKey("interactions.id", ondelete="SET NULL"),
        nullable=True,
    ),
    _utc("created_at", nullable=False),
    UniqueConstraint("owner_id", "day", "rank", name="uq_suggestions_owner_day_rank"),
    CheckConstraint("status IN ('open', 'done', 'skipped', 'snoozed')", name="status_known"),
    Index("ix_suggestions_owner_person", "owner_id", "person_id", "day"),
)

ladders = Table(
    "ladders",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("goal", Text, nullable=False),
    Column("level", Integer, nullable=False, server_default="0"),
    Column("active", Boolean, nullable=False, server_default="1"),
    _utc("created_at", nullable=False),
    Index("ix_ladders_owner_active", "owner_id", "active"),
)

ladder_steps = Table(
    "ladder_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("ladder_id", Integer, ForeignKey("ladders.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("description", Text, nullable=False),
    Column("feared_prediction", Text, nullable=False, server_default=""),
    Column("predicted_anxiety", Integer, nullable=False),
    UniqueConstraint("ladder_id", "position", name="uq_ladder_steps_ladder_position"),
    CheckConstraint("predicted_anxiety BETWEEN 0 AND 100", name="anxiety_range"),
)

exposure_attempts = Table(
    "exposure_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("ladder_id", Integer, ForeignKey("ladders.id", ondelete="CASCADE"), nullable=False),
    Column("step", Integer, nullable=False),
    Column("day", Date, nullable=False),
    Column("prediction", Text, nullable=False),
    Column("belief_before", Integer, nullable=False),
    Column("predicted_peak", Integer, nullable=False),
    Column("actual_peak", Integer, nullable=True),
    Column("what_happened", Text, nullable=False, server_default=""),
    Column("came_true", String(10), nullable=True),
    Column("belief_after", Integer, nullable=True),
    Column("learned", Text, nullable=False, server_default=""),
    Column(
        "interaction_id",
        Integer,
        ForeignKey("interactions.id", ondelete="SET NULL"),
        nullable=True,
    ),
    _utc("created_at", nullable=False),
    Index("ix_exposure_attempts_ladder", "ladder_id", "step"),
)
# --- end planner ---
# --- insights ---
questionnaire_responses = Table(
    "questionnaire_responses",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("instrument_id", String(40), nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("answers", Text, nullable=False),  # JSON list of ints, item order as printed
    Column("raw", Integer, nullable=False),
    Column("percent", Integer, nullable=True),
    Column("band", String(60), nullable=True),
    Column("flags", String(200), nullable=False, server_default=""),
    _utc("completed_at", nullable=False),
    Column("day", Date, nullable=False),
    Index("ix_questionnaire_responses_owner", "owner_id", "instrument_id", "day"),
)

questionnaire_schedules = Table(
    "questionnaire_schedules",
    metadata,
    Column("owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("instrument_id", String(40), primary_key=True),
    Column("every_days", Integer, nullable=False),
    CheckConstraint("every_days >= 0", name="every_days_not_negative"),
)

experiments = Table(
    "experiments",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("start_day", Date, nullable=False),
    Column("days", Integer, nullable=False),
    Column("seed", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    _utc("consented_at", nullable=False),
    _utc("stopped_at"),
    Index("ix_experiments_owner_active", "owner_id", "active"),
)

experiment_days = Table(
    "experiment_days",
    metadata,
    Column(
        "experiment_id",
        Integer,
        ForeignKey("experiments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("day", Date, primary_key=True),
    _owner(),
    Column("challenge", Boolean, nullable=False),
)
# --- end insights ---
# --- contacts, calendars, reminders ---

calendars = Table(
    "calendars",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("name", String(100), nullable=False),
    Column("path", Text, nullable=False),
    _utc("created_at", nullable=False),
    UniqueConstraint("owner_id", "name", name="uq_calendars_owner_name"),
)

recurring_calls = Table(
    "recurring_calls",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("weekday", Integer, nullable=False),  # 0 = Monday, in the user's time zone
    Column("local_time", String(5), nullable=False),  # HH:MM in the user's time zone
    Column("timezone", String(64), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("interval_weeks", Integer, nullable=False),
    Column("first_date", Date, nullable=False),
    _utc("created_at", nullable=False),
    # The last day whose waking windows were checked: the exported RRULE ends there (UNTIL).
    Column("checked_until", Date, nullable=True),
    Index("ix_recurring_calls_owner", "owner_id"),
)

feed_tokens = Table(
    "feed_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("token_hash", String(64), nullable=False, unique=True),
    _utc("created_at", nullable=False),
    _utc("revoked_at"),
)

reminder_log = Table(
    "reminder_log",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("kind", String(40), nullable=False),
    Column("occurrence", String(40), nullable=False),
    Column("status", String(20), nullable=False),  # pending | sent | failed
    Column("title", Text, nullable=False, server_default=""),
    Column("body", Text, nullable=False, server_default=""),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=False, server_default=""),
    _utc("next_attempt_at"),
    _utc("sent_at"),
    _utc("created_at", nullable=False),
    # The worker holding a "sending" claim (host:pid:nonce); its outcome is recorded only by it.
    Column("claimed_by", String(80)),
    UniqueConstraint("owner_id", "kind", "occurrence", name="uq_reminder_log_key"),
    Index("ix_reminder_log_owner_status", "owner_id", "status"),
    Index("ix_reminder_log_due", "status", "next_attempt_at"),
)

# A counter per owner, bumped in the same transaction as every committed write (see
# ``SqlUnitOfWork.commit``): a cache of a computed view is valid while it has not moved. Derived,
# so it is not part of backups.
data_versions = Table(
    "data_versions",
    metadata,
    Column("owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("version", BigInteger, nullable=False),
)

# The change journal: one row per user action (a committed unit of work that wrote), with the
# before-images of the rows it updated or deleted and the keys of the rows it inserted, as JSON
# (see ``kithkin.storage.journal``). Kept for a configurable time; not part of backups.
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("label", String(200), nullable=False),
    _utc("created_at", nullable=False),
    _utc("undone_at"),
    Column("data", Text, nullable=False),
    Index("ix_changes_owner_created", "owner_id", "created_at"),
)


# One row while an owner's stored plan for today is out of date (a person, an interaction, a
# follow-up or the profile changed since it was made): the next read refreshes the plan.
plan_marks = Table(
    "plan_marks",
    metadata,
    Column("owner_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
)

# hosted mode's tables (#16), declared in a module of their own on the same metadata
sessions = account_tables.sessions
api_tokens = account_tables.api_tokens
invites = account_tables.invites
login_failures = account_tables.login_failures
coach_shares = account_tables.coach_shares
coach_views = account_tables.coach_views
passkeys = account_tables.passkeys
passkey_challenges = account_tables.passkey_challenges
