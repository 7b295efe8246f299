"""Every sentence a user reads, in one place, keyed.

Tests assert on keys (and on the data behind them), never on the prose, so the warm tone can be
edited freely here. Keep the voice encouraging and never shaming: a missed day is a rest day.
"""

from __future__ import annotations

from typing import Any

ERRORS: dict[str, str] = {
    "error": "Something went wrong.",
    "bad_input": "That value is not allowed.",
    "not_found": "Nothing found.",
    "conflict": "That clashes with what is already stored.",
    "out_of_range": "{field} must be between {low} and {high}; got {value}.",
    "bad_choice": "{field} must be one of: {allowed}; got '{value}'.",
    "bad_date": (
        "Could not read '{value}' as {what}. Use YYYY-MM-DD, YYYY-MM-DDTHH:MM, HH:MM, "
        "'today' or 'yesterday'."
    ),
    "nonexistent_time": (
        "{value} does not exist in {timezone}: the clocks jump forward then. "
        "Pick a time outside the daylight-saving gap."
    ),
    "unknown_timezone": (
        "'{value}' is not a known time zone. Use an IANA name such as Europe/Berlin or "
        "America/New_York."
    ),
    "unknown_name": "No one in your people matches '{name}'.{hint}",
    "ambiguous_name": "'{name}' could be {candidates}. Use more of the name, or the id.",
    "empty_value": "{field} cannot be empty.",
    "person_not_found": "There is no person with id {id}.",
    "followup_not_found": "There is no follow-up with id {id}.",
    "circle_not_found": "There is no circle called '{name}'. Circles: {allowed}.",
    "duplicate_name": "{what} '{name}' already exists.",
    "not_initialised": "kithkin is not set up yet. Run 'kithkin init' (or 'kithkin demo').",
    "database_unavailable": "Could not open the database at {url}: {reason}",
}

TEXT: dict[str, str] = {
    "status.met": "Power of One: done for today. Lovely.",
    "status.open": "Power of One: still open today. One small, real connection is enough.",
    "status.rest": "A rest day. Rest is part of the practice.",
    "status.missed": "Not met.",
    "streak.line": "Streak {streak} day(s), best {best}. Habit strength {strength}%.",
    "streak.none": "Every streak starts with one. Today is a fine day to begin.",
    "consistency.line": "Last 30 days: {percent}% of your active days met the goal.",
    "network.line": "Network health: in touch with {in_touch} of {total} people at their rhythm.",
    "today.due_header": "Who might like to hear from you",
    "today.followups_header": "Follow-ups due",
    "today.birthdays_header": "Birthdays in the next 7 days",
    "today.nothing_due": "Everyone is within their rhythm. Enjoy it.",
    "today.never": "not yet in touch",
    "today.days_ago": "last {days} days ago, {circle} every {cadence} days",
    "logged": "Logged: {kind} with {with_} on {day}.",
    "logged.meaningful": "That counts for today's Power of One.",
    "checkin.saved": "Check-in saved for {day}: mood {mood}/10, stress {stress}/10.",
    "checkin.updated": "Updated your check-in for {day}: mood {mood}/10, stress {stress}/10.",
    "person.added": "Added {name} ({circle}).",
    "person.updated": "Updated {name}.",
    "person.archived": "Archived {name}. Their history stays; they leave your plan.",
    "followup.added": "Follow-up #{id} for {name}: {text}",
    "followup.done": "Follow-up #{id} done. Nice.",
    "init.done": "All set. Your daily goal is {goal} meaningful connection(s); take it gently.",
    "demo.done": "Demo life ready: {people} people, {interactions} interactions, {checkins} check-ins.",
    "db.upgraded": "Database is at the latest schema ({revision}).",
    "db.backup": "Backed up the database to {path} before upgrading it.",
    "nobody": "no one in particular",
    # --- formats ---
    "import.vcard.missing_end": "This card has no END:VCARD, so it was left out.",
    "import.vcard.stray_text": "Some text outside any card was left out.",
    "import.vcard.unreadable": "This card could not be read, so it was left out.",
    "import.no_name": "This contact has no name, so it was left out.",
    "import.bad_birthday": "The birthday could not be read; the rest of the contact was kept.",
    "import.csv.unknown_header": (
        "This file does not look like that export. Expected columns such as: {detail}."
    ),
    "calendar.unreadable": "This calendar file could not be read.",
    "calendar.bad_event": "One event could not be read, so it was left out.",
    "calendar.birthday": "{name}'s birthday",
    # --- end formats ---
}


def error_text(key: str, **params: Any) -> str:
    """The user-facing sentence for an error key."""
    template = ERRORS.get(key, ERRORS["error"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def text(key: str, **params: Any) -> str:
    """The user-facing sentence for a text key."""
    template = TEXT[key]
    return template.format(**params) if params else template
