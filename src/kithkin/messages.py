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
    "demo_needs_empty": (
        "This database already has people in it; the demo only fills an empty one. "
        "Point --database-url at a new file to try it."
    ),
    "interaction_not_found": "There is no interaction with id {id}.",
    "bad_config": "Could not read the config file {path}: {reason}",
    "schema_outdated": (
        "The database schema is at revision {revision}, this kithkin needs {head}. "
        "Run 'kithkin db upgrade' (after a backup)."
    ),
    # --- web ---
    "not_a_number": "{field} must be a whole number; got '{value}'.",
    "csrf_rejected": (
        "This form has expired or came from another site. Reload the page and try again."
    ),
    "page_not_found": "There is no page here.",
    # --- end web ---
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
    "demo.done": (
        "Demo life ready: {people} people, {interactions} interactions, {checkins} check-ins."
    ),
    "db.upgraded": "Database is at the latest schema ({revision}).",
    "db.backup": "Backed up the database to {path} before upgrading it.",
    "nobody": "no one in particular",
    # --- web ---
    "web.flash.logged": "Logged. Thank you for reaching out.",
    "web.flash.checkin": "Check-in saved. Noticing how you feel is part of the practice.",
    "web.flash.profile": "Your settings are saved.",
    "web.flash.circle": "Circle saved.",
    "web.flash.welcome": "Welcome to kithkin. One small, real connection a day is the whole idea.",
    "web.welcome.intro": (
        "A few questions so kithkin fits your life. You can change every answer later in Settings."
    ),
    "web.today.empty": (
        "No one here yet. Add the people who matter to you, and kithkin will help you "
        "keep in touch at a rhythm that suits each of them."
    ),
    "web.checkin.intro": "How are you today? One tap saves it; you can update it later today.",
    "web.checkin.done": "You checked in today: mood {mood}/10, stress {stress}/10.",
    "web.log.intro": "Who did you connect with? Only that matters; the rest is optional.",
    "web.person.added": "Added. What matters to them? Follow-ups help you remember.",
    "web.person.no_timeline": "No moments logged yet. A short message is a lovely start.",
    "web.person.no_followups": "Nothing to follow up on.",
    "web.people.none": "No one matches.",
    "web.error.back": "Go back to Today",
    "web.power.source": (
        "Why one a day: in a study of more than 900 students, those asked to have one quality "
        "conversation on a given day reported higher well-being that evening. Hall, Holmstrom, "
        "Pennington, Perrault & Totzkay (2023), Communication Research."
    ),
    # --- end web ---
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
