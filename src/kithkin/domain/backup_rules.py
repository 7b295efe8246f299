"""The rules a restored backup's rows obey: the same checks as any other write.

A backup is checked against the schema in storage (types, sizes, links); here each row is built
into its domain record (whose checks are the ones every other write goes through: ranges, name
lengths, known time zones and kinds) and the rules that span rows are checked: one profile, at
least one circle, unique names. Rows arrive as plain dicts of Python values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kithkin.domain.errors import BadChoice, EmptyValue, InputError
from kithkin.domain.ladder import CameTrue
from kithkin.domain.model import (
    CARD_FIELDS,
    CONTACT_KINDS,
    NAME_MAX,
    Barrier,
    Birthday,
    CheckIn,
    Circle,
    ContactPoint,
    Feeling,
    Interaction,
    Person,
    PersonStatus,
    Profile,
    check_choice,
    check_range,
    check_text,
)
from kithkin.domain.timeutil import zone

Row = Mapping[str, Any]


class BadBackup(InputError):
    """The file is not a kithkin backup this version can read."""

    key = "bad_backup"


class RowProblem(BadBackup):
    """A restored row breaks a rule; the reason names the table and row."""

    key = "backup_invalid"


def _json(field: str, raw: str, expected: type) -> Any:
    try:
        value = json.loads(raw) if raw else expected()
    except (ValueError, RecursionError):
        raise BadChoice(field=field, allowed="JSON", value=raw[:40]) from None
    if not isinstance(value, expected):
        raise BadChoice(field=field, allowed=f"a JSON {expected.__name__}", value=raw[:40])
    return value


def _profile(r: Row) -> None:
    zone(r["timezone"])
    barriers = [b for b in r.get("barriers", "").split(",") if b]
    for b in barriers:
        check_choice("barriers", b, [x.value for x in Barrier])
    Profile(
        timezone=r["timezone"],
        daily_goal=r["daily_goal"],
        rest_days_per_week=r["rest_days_per_week"],
        weekday_minutes=r["weekday_minutes"],
        weekend_minutes=r["weekend_minutes"],
        waking_start_hour=r.get("waking_start_hour", 8),
        waking_end_hour=r.get("waking_end_hour", 21),
    )
    if r.get("waking_start_hour", 8) >= r.get("waking_end_hour", 21):
        check_range("waking start hour", r["waking_start_hour"], 0, r["waking_end_hour"] - 1)


def _circle(r: Row) -> None:
    check_text("circle name", r["name"], limit=60)
    Circle(name=r["name"], cadence_days=r["cadence_days"], position=r.get("position", 0))


def _person(r: Row) -> None:
    check_text("name", r["name"], limit=NAME_MAX)
    if r.get("timezone") is not None:
        zone(r["timezone"])
    month, day = r.get("birth_month"), r.get("birth_day")
    if (month is None) != (day is None):
        raise EmptyValue(field="birthday month and day")
    interests = _json("interests", r.get("interests", ""), list)
    if not all(isinstance(i, str) for i in interests):
        raise BadChoice(field="interests", allowed="a list of words", value=str(interests)[:40])
    Person(
        name=r["name"],
        nickname=r.get("nickname", ""),
        cadence_days=r.get("cadence_days"),
        closeness=r.get("closeness", 3),
        feeling=Feeling(check_choice("feeling", r.get("feeling", "neutral"), list(Feeling))),
        timezone=r.get("timezone"),
        birthday=(
            Birthday(month, day, r.get("birth_year"))
            if month is not None and day is not None
            else None
        ),
        how_met=r.get("how_met", ""),
        notes=r.get("notes", ""),
        status=PersonStatus(check_choice("status", r.get("status", "active"), list(PersonStatus))),
        birthday_text=_text(r, "birthday_text"),
        **{name: _text(r, name) for name in CARD_FIELDS},  # type: ignore[arg-type]
    )


def _text(r: Row, name: str) -> str:
    """A text field a backup may leave out (one written before it existed): empty then."""
    value = r.get(name, "")
    if not isinstance(value, str):
        raise BadChoice(field=name.replace("_", " "), allowed="text", value=str(value)[:40])
    return value


def _contact(r: Row) -> None:
    check_choice("contact kind", r["kind"], CONTACT_KINDS)
    ContactPoint(kind=r["kind"], value=r["value"], label=r.get("label", ""))


def _interaction(r: Row) -> None:
    Interaction(
        occurred_at=r["occurred_at"],
        day=r["day"],
        kind=r["kind"],
        minutes=r["minutes"],
        with_other=r.get("with_other", ""),
        meaningful=r["meaningful"],
        quality=r.get("quality"),
        mood_before=r.get("mood_before"),
        mood_after=r.get("mood_after"),
        note=r.get("note", ""),
    )


def _followup(r: Row) -> None:
    check_text("follow-up", r["text"], limit=1000)


def _checkin(r: Row) -> None:
    CheckIn(
        day=r["day"],
        mood=r["mood"],
        stress=r["stress"],
        energy=r.get("energy"),
        sleep_hours=r.get("sleep_hours"),
        note=r.get("note", ""),
    )


def _call(r: Row) -> None:
    zone(r["timezone"])
    check_range("weekday", r["weekday"], 0, 6)
    check_range("minutes", r["minutes"], 1, 24 * 60)
    check_range("every (weeks)", r["interval_weeks"], 1, 52)
    hh, _, mm = r["local_time"].partition(":")
    if not (hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60):
        raise BadChoice(field="local time", allowed="HH:MM", value=r["local_time"])


def _reminder(r: Row) -> None:
    check_choice("status", r["status"], ("pending", "sent", "failed"))


def _suggestion(r: Row) -> None:
    reasons = _json("reasons", r["reasons"], list)
    if not all(isinstance(x, list) and len(x) == 2 for x in reasons):
        raise BadChoice(field="reasons", allowed="pairs of key and values", value=r["reasons"][:40])
    check_choice("status", r.get("status", "open"), ("open", "done", "skipped", "snoozed"))


def _custom_action(r: Row) -> None:
    _json("data", r["data"], dict)


def _answers(r: Row) -> None:
    answers = _json("answers", r["answers"], list)
    if not all(type(a) is int for a in answers):
        raise BadChoice(field="answers", allowed="whole numbers", value=r["answers"][:40])


def _attempt(r: Row) -> None:
    if r.get("came_true") is not None:
        check_choice("came true", r["came_true"], list(CameTrue))
    for name in ("belief_before", "predicted_peak", "actual_peak", "belief_after"):
        check_range(name.replace("_", " "), r.get(name), 0, 100)


def _step(r: Row) -> None:
    check_range("predicted anxiety", r["predicted_anxiety"], 0, 100)


RULES: dict[str, Callable[[Row], None]] = {
    "profiles": _profile,
    "circles": _circle,
    "people": _person,
    "contact_points": _contact,
    "interactions": _interaction,
    "followups": _followup,
    "checkins": _checkin,
    "recurring_calls": _call,
    "reminder_log": _reminder,
    "suggestions": _suggestion,
    "custom_actions": _custom_action,
    "questionnaire_responses": _answers,
    "exposure_attempts": _attempt,
    "ladder_steps": _step,
}

UNIQUE: dict[str, tuple[str, ...]] = {
    "circles": ("name",),
    "checkins": ("day",),
    "calendars": ("name",),
    "custom_actions": ("action_id",),
    "suggestions": ("day", "rank"),
    "ladder_steps": ("ladder_id", "position"),
    "reminder_log": ("kind", "occurrence"),
    "questionnaire_schedules": ("instrument_id",),
    "experiment_days": ("experiment_id", "day"),
    "interaction_people": ("interaction_id", "person_id"),
}


def check_backup_rows(tables: Mapping[str, Sequence[Row]]) -> None:
    """Raise :class:`RowProblem` for the first row that breaks a rule (table and row named)."""
    profiles = tables.get("profiles", ())
    if len(profiles) != 1:
        raise RowProblem(reason=f"table profiles: a backup holds one profile, not {len(profiles)}")
    if not tables.get("circles"):
        raise RowProblem(reason="table circles: a backup holds at least one circle")
    for name, rows in tables.items():
        rule = RULES.get(name)
        unique = UNIQUE.get(name)
        seen: set[tuple[Any, ...]] = set()
        for index, row in enumerate(rows):
            where = f"table {name}, row {index + 1}"
            if rule is not None:
                try:
                    rule(row)
                except InputError as exc:
                    raise RowProblem(reason=f"{where}: {exc.message}") from None
            if unique is not None:
                key = tuple(row.get(c) for c in unique)
                if key in seen:
                    shown = ", ".join(f"{c} {v}" for c, v in zip(unique, key, strict=True))
                    raise RowProblem(reason=f"{where}: a second row with {shown}")
                seen.add(key)
