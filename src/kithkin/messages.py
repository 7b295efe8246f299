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
    # --- planner ---
    "action_field_invalid": "Action '{action}': {field} must be {allowed}; got '{value}'.",
    "catalogue_unreadable": "The action catalogue could not be read: {reason}",
    "action_id_clash": (
        "There is already an action with id '{id}'. Pick another id for your own action."
    ),
    "ladder_size": "A ladder needs {low} to {high} steps; this one has {value}.",
    "ladder_not_sorted": "A ladder's steps go from easiest to hardest.",
    "ladder_step_out_of_range": "There is no step {value}; this ladder has {high} steps.",
    "ladder_step_not_offered": (
        "Step {level} stays where it is for now. A couple more goes at this step, and the next "
        "one will be offered. There is no rush."
    ),
    # --- end planner ---
    # --- contacts, calendars, reminders ---
    "not_in_triage": "{name} is not waiting in triage.",
    "restore_needs_empty": (
        "This database already holds data, so the backup was not restored. Point --database-url "
        "at a new, empty database and run the import there."
    ),
    "bad_backup": "This file is not a kithkin backup this version can read ({reason}).",
    "backup_sqlite_only": (
        "'kithkin backup' copies a SQLite database. For PostgreSQL, use pg_dump "
        "(or 'kithkin export json' for a portable copy)."
    ),
    "file_unreadable": "Could not read {path}: {reason}",
    "file_exists": "{path} already exists; pass --force to overwrite it.",
    "calendar_exists": "A calendar called '{name}' is already registered.",
    "calendar_not_found": "There is no calendar called '{name}'.",
    "bad_every": "Could not read '{value}' as a repeat; use e.g. 1w, 2w or 4w.",
    "person_no_timezone": (
        "{name} has no time zone yet. Add one with 'kithkin people edit {name} --timezone ...'."
    ),
    "no_call_slot": (
        "No {minutes}-minute slot stays inside both waking windows (and your free time) on "
        "every occurrence over the next {weeks} weeks. Try fewer minutes or wider waking hours."
    ),
    "no_feed_token": "There is no live feed token to revoke.",
    "bad_reminder_setting": "The reminder setting {name} = '{value}' could not be read.",
    # --- end contacts, calendars, reminders ---
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
    "today.days_ago": "{days} days since you were in touch ({circle}: every {cadence} days)",
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
    # --- planner ---
    "plan.reason.overdue": "last in touch {days} days ago; {circle} every {cadence} days",
    "plan.reason.in_rhythm": "last in touch {days} days ago; within your {cadence}-day rhythm",
    "plan.reason.never": "not in touch yet; {circle} every {cadence} days",
    "plan.reason.follow_up": "you noted: {text}. Ask how it went",
    "plan.reason.follow_up_due": "you noted: {text} (due {due})",
    "plan.reason.birthday_today": "it's their birthday today",
    "plan.reason.birthday_soon": "birthday in {days} day(s)",
    "plan.reason.reconnect": "you were close once; it has been {days} days",
    "plan.reason.energising": "time with them tends to leave you energised",
    "plan.reason.shared_interest": "you both like {interest}",
    "plan.reason.little_time": "fits in {minutes} minutes",
    "plan.reason.gentle": "a one-to-one, low-key way to connect",
    "plan.reason.ladder": "within your current comfort step",
    "plan.reason.awake_now": "you are both awake now (it's {their_time} for them)",
    "plan.reason.proposed": "a time you are both awake: {their_time} for them",
    "plan.reason.far_away": "they live in another time zone ({timezone})",
    "plan.reason.repeat": "same as yesterday: nothing else fitted today",
    "plan.reason.weak_tie": (
        "small, friendly moments with acquaintances go with happier days (Sandstrom & Dunn 2014)"
    ),
    "plan.reason.community": "a low-pressure way to find people who share your interests",
    "plan.reason.call_over_text": (
        "a call tends to feel closer than a text and less awkward than expected "
        "(Kumar & Epley 2021)"
    ),
    "plan.reason.gratitude": (
        "people tend to underestimate how much thanks means to the receiver (Kumar & Epley 2018)"
    ),
    "plan.note.no_minutes": "No time set aside today. That's fine: rest is part of the practice.",
    "plan.note.recharge": (
        "You've spent this week's social energy. Today is for recharging; you've earned it."
    ),
    "plan.note.recovery": "Yesterday was a big one, so today's ideas are gentle.",
    "plan.note.nobody": "Add a few people you care about and kithkin will suggest who and how.",
    "opener.interest.0": (
        "Hi {name}! Something about {interest} came up today and I thought of you. "
        "How are you doing?"
    ),
    "opener.interest.1": (
        "Hey {name}, are you still into {interest}? I'd love to hear what you've been up to."
    ),
    "opener.last.0": (
        "Hi {name}, I was remembering our {kind} {since} ago and it made me smile. "
        "How are things with you?"
    ),
    "opener.last.1": (
        "Hey {name}! It's been {since} since our {kind}, and I've missed catching up. "
        "Fancy a chat soon?"
    ),
    "opener.how_met.0": (
        "Hi {name}, I was thinking about how we met ({how_met}) and wanted to say hello. "
        "How have you been?"
    ),
    "opener.plain.0": (
        "Hi {name}, you crossed my mind today and I wanted to say hello. How are you?"
    ),
    "opener.plain.1": "Hey {name}! No agenda, just wondering how life is treating you lately.",
    "opener.kind.message": "last chat",
    "opener.kind.call": "last call",
    "opener.kind.in_person": "last time together",
    "opener.since.weeks": "{n} weeks",
    "opener.since.months": "{n} months",
    "opener.since.year": "about a year",
    "opener.since.years": "{n} years",
    "ladder.offer_next": (
        "You've shown yourself this step is manageable. Try the next one when you like."
    ),
    "ladder.support": (
        "This has been feeling harder lately. Stepping back is fine, and talking it through with a "
        "professional can help."
    ),
    # --- end planner ---
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
    # --- contacts, calendars, reminders ---
    "import.summary": (
        "{created} new (waiting in triage), {updated} updated, {unchanged} unchanged, "
        "{skipped} skipped."
    ),
    "import.dry_run": "Dry run: nothing was written. This is what the import would do:",
    "import.refused": (
        "Nothing was imported: {count} record(s) could not be read. Fix them, or run again "
        "with --skip-bad to import the others."
    ),
    "import.problem": "line {line}, record {record}: {message} {detail}",
    "import.triage_hint": "Run 'kithkin triage' to choose who joins your circles.",
    "import.changed": "{name}: {changes}",
    "export.done": "Wrote {count} {what} to {path}.",
    "triage.empty": "No one is waiting in triage.",
    "triage.prompt": (
        "{name}: keep in a circle [i]nner/[c]lose/[f]riends/[w]ider, leave in the wider "
        "[n]etwork, [x] ignore, [s]kip, [q]uit"
    ),
    "triage.done": "{name}: {action}.",
    "triage.summary": "{kept} kept, {wider} in the wider network, {ignored} ignored, {left} left.",
    "backup.exported": "Backup written to {path} ({rows} rows).",
    "backup.restored": "Backup restored ({rows} rows).",
    "backup.copied": "Copied the database to {path}.",
    "calendar.added": "Calendar '{name}' registered; it is re-read each time you plan.",
    "calendar.removed": "Calendar '{name}' removed.",
    "calendar.none": "No calendars registered. Add one with 'kithkin calendar add FILE.ics'.",
    "calendar.free": "Free on {day}: {minutes} minutes.",
    "call.proposal": (
        "Every {every} week(s) on {weekday} at {user_time} your time ({other_time} for {name}), "
        "{minutes} minutes: it stays inside both waking windows all {count} times."
    ),
    "call.saved": "Saved. Export it with 'kithkin export ics FILE'.",
    "call.none": "No recurring calls saved yet.",
    "call.summary": "Call with {name}",
    "feed.token": ("Your calendar feed token (shown once; keep it secret): {token}"),
    "feed.revoked": "Revoked {count} feed token(s). Subscriptions using them stop updating.",
    "planned.summary": "Connect with {name}: {text}",
    "remind.morning.title": "Your day of connection",
    "remind.morning.body_due": "Might like to hear from you: {names}.",
    "remind.morning.body_followups": "Follow-ups: {items}.",
    "remind.morning.body_empty": "Nothing pressing today. One small hello still counts.",
    "remind.followups.title": "Follow-ups due",
    "remind.birthdays.title": "Birthdays coming up",
    "remind.birthday.today": "{name} today",
    "remind.birthday.soon": "{name} on {date}",
    "remind.checkin.title": "A moment to check in",
    "remind.checkin.body": "How are you today? A ten-second check-in helps you see what helps.",
    "remind.weekly.title": "Your week of connection",
    "remind.weekly.body": (
        "A few minutes to look back at your week: 'kithkin today' and your people."
    ),
    "remind.summary": "{sent} sent, {failed} failed (will retry), {queued} newly due.",
    "remind.none_configured": (
        "No notification URLs set (KITHKIN_NOTIFY_URLS or notify_urls in the config file)."
    ),
    # --- end contacts, calendars, reminders ---
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
