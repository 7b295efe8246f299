"""Record shapes declared once: the people table's columns and the person record's fields.

Standard library (and the pure domain) only: the lean reader (``storage.lean``) reads these
without SQLAlchemy. From these lists are built the SQLAlchemy columns (``storage.tables``), the
columns the full path selects (``storage.people_repos``), the lean reader's SQL, and the order
in which the row decoders (``storage.rows``) unpack a row (``tests/storage/test_shapes.py``
holds the decoders to these names). Adding a field to a person means adding it here, to the
decoder and to a revision.
"""

from __future__ import annotations

from typing import NamedTuple

from kithkin.domain.limits import BIRTHDAY_WORDS, CARD_FIELD
from kithkin.domain.model import CARD_FIELDS


class Col(NamedTuple):
    """One column of a table. ``type``: int, str (with ``length``), text, bool, utc (an aware
    instant), or ``fk:<table>`` (an integer that refers to ``<table>.id``, set NULL on delete)."""

    name: str
    type: str
    length: int | None = None
    nullable: bool = False
    default: str | None = None  # the server default, as SQL text


# The people table after ``id`` and ``owner_id``, in order.
PEOPLE: tuple[Col, ...] = (
    Col("name", "str", 200),
    Col("nickname", "str", 100, default=""),
    Col("circle_id", "fk:circles", nullable=True),
    Col("cadence_days", "int", nullable=True),
    Col("closeness", "int", default="3"),
    Col("feeling", "str", 20, default="neutral"),
    Col("timezone", "str", 64, nullable=True),
    Col("birth_month", "int", nullable=True),
    Col("birth_day", "int", nullable=True),
    Col("birth_year", "int", nullable=True),
    Col("interests", "text", default=""),
    Col("how_met", "text", default=""),
    Col("notes", "text", default=""),
    Col("archived", "bool", default="0"),
    Col("status", "str", 20, default="active"),
    Col("uid", "str", 255, nullable=True),
    Col("last_contact_at", "utc", nullable=True),
    Col("created_at", "utc"),
    # The name and work as an address book writes them (vCard N, ORG, TITLE), and a birthday
    # in words (vCard 4.0 ``BDAY;VALUE=text``): kept as written, exported as read (0011).
    *(Col(name, "str", CARD_FIELD, default="") for name in CARD_FIELDS),
    Col("birthday_text", "str", BIRTHDAY_WORDS, default=""),
)

CIRCLE_NAME = "circle_name"  # a record field read from the joined circles table, not people

# What the planner and the daily view read of everyone (the lean roster), in this order...
ROSTER_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "nickname",
    CIRCLE_NAME,
    "cadence_days",
    "closeness",
    "feeling",
    "timezone",
    "birth_month",
    "birth_day",
    "birth_year",
    "interests",
    "how_met",
)
# ...and the rest of a full person record.
PERSON_FIELDS: tuple[str, ...] = (
    *ROSTER_FIELDS,
    "notes",
    "archived",
    "status",
    "uid",
    "last_contact_at",
    "created_at",
    *CARD_FIELDS,
    "birthday_text",
)

# What the planner ranks everyone in a circle by (the ranking roster): columns of the people
# table only, in this order, then the last contact as whole Unix seconds. No join and no text:
# the circle comes as its id (named from the owner's few circles), and the rest of the roster
# (names, interests, phone numbers) is read only for the few people at the top of the ranking.
RANKING_FIELDS: tuple[str, ...] = (
    "id",
    "circle_id",
    "cadence_days",
    "closeness",
    "feeling",
    "timezone",
    "birth_month",
    "birth_day",
)

_INSTANTS = frozenset(c.name for c in PEOPLE if c.type == "utc")

# The records the decoders of ``storage.rows`` read by name: their fields, and the converter
# the lean reader gives each stored day (``kk_day``) or instant (``kk_ts``).
FOLLOWUP_FIELDS: tuple[str, ...] = ("id", "person_id", "text", "due", "done", "created_at")
# What the planner reads of the open follow-ups (``FollowUpRepo.open_for_plan``), in order.
PLAN_FOLLOWUP_FIELDS: tuple[str, ...] = ("id", "person_id", "text", "due")
CHECKIN_FIELDS: tuple[str, ...] = ("day", "mood", "stress", "energy", "sleep_hours", "note")
SUGGESTION_FIELDS: tuple[str, ...] = (
    "id",
    "day",
    "rank",
    "person_id",
    "action_id",
    "title",
    "kind",
    "minutes",
    "channel",
    "social_load",
    "reconnect",
    "reasons",
    "proposed_time",
    "status",
    "snoozed_until",
    "interaction_id",
)
CONVERTERS = {
    "followups": {"due": "kk_day", "created_at": "kk_ts"},
    "checkins": {"day": "kk_day"},
    "suggestions": {"day": "kk_day", "proposed_time": "kk_ts", "snoozed_until": "kk_day"},
}


def lean_named(table: str, fields: tuple[str, ...]) -> str:
    """The SELECT list of ``fields`` of ``table`` for sqlite3, each column under its own name
    (with its converter, if it has one), for the decoders that read attributes."""
    convert = CONVERTERS.get(table, {})
    return ", ".join(f'{f} AS "{f} [{convert[f]}]"' if f in convert else f for f in fields)


def lean_select(fields: tuple[str, ...]) -> str:
    """The SELECT list of ``fields`` for sqlite3, over ``people LEFT OUTER JOIN circles``;
    instants carry the ``kk_ts`` converter, as SQLAlchemy reads them back."""
    out = []
    for name in fields:
        if name == CIRCLE_NAME:
            out.append("circles.name")
        elif name in _INSTANTS:
            out.append(f'people.{name} AS "{name} [kk_ts]"')
        else:
            out.append(f"people.{name}")
    return ", ".join(out)
