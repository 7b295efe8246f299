"""The sentences of errors: ``KithkinError.key`` -> sentence, formatted with the error's params."""

from __future__ import annotations

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
    "in_future": (
        "{value} is still to come. Log what has happened; for what is next, see 'kithkin plan'."
    ),
    "unknown_timezone": (
        "'{value}' is not a known time zone. Use a region and a city, such as Europe/Berlin "
        "or America/New_York."
    ),
    "unknown_name": "No one in your people matches '{name}'.{hint}",
    "ambiguous_name": "'{name}' could be {candidates}. Use more of the name, or the id.",
    "empty_value": "{field} cannot be empty.",
    "too_long": "{field} can be at most {limit} characters; this one has {length}.",
    "person_not_found": "There is no person with id {id}.",
    "followup_not_found": "There is no follow-up with id {id}.",
    "circle_not_found": (
        "There is no circle called '{name}'. Circles: {allowed}. To make a new one, run "
        "'kithkin circles set {name} DAYS' (DAYS: how often to be in touch)."
    ),
    "duplicate_name": "{what} '{name}' already exists.",
    "not_initialised": "kithkin is not set up yet. Run 'kithkin init' (or 'kithkin demo').",
    "database_unavailable": "Could not open the database at {url}: {reason}",
    "demo_needs_empty": (
        "This database already has people in it; the demo only fills an empty one. "
        "Point --database-url at a new file to try it."
    ),
    "interaction_not_found": "There is no interaction with id {id}.",
    "unexpected": (
        "Something went wrong on our side, and nothing was saved. Please try again; if it keeps "
        "happening, the server's log says what broke."
    ),
    "bad_config": "Could not read the config file {path}: {reason}",
    "schema_outdated": (
        "The database schema is at revision {revision}, this kithkin needs {head}. "
        "Run 'kithkin db upgrade' (after a backup)."
    ),
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
    "unknown_instrument": "There is no questionnaire called '{value}'. Questionnaires: {allowed}.",
    "wrong_answer_count": (
        "{instrument} has {expected} questions, so it needs {expected} answers; got {got}."
    ),
    "answer_out_of_range": (
        "Answer {item} of {instrument} must be a whole number from {low} to {high}; got {value}."
    ),
    "item_text_missing": (
        "The questions of {instrument} are not shipped with kithkin, because their licence does "
        "not allow it yet. Put your own copy in a plain text file, one question per line "
        "({expected} lines; blank lines and lines starting with # are skipped), and use that."
    ),
    "item_text_wrong_count": (
        "The question file for {instrument} should hold {expected} questions, one per line; "
        "it holds {got}. Blank lines and lines starting with # are skipped."
    ),
    "duplicate_day": "There are two daily rows for {day}; give one row per day.",
    "bad_evidence": "The evidence catalogue is not valid (card {card}): {reason}.",
    "suggestion_unknown": (
        "There is no suggestion {number} in today's plan; pick a number from 1 to {high}."
    ),
    "suggestion_none_today": (
        "Today's plan has no suggestions, so there is no number {number} to pick. "
        "Try 'kithkin suggest --minutes 5'."
    ),
    "suggestion_already_done": (
        "Suggestion {number} is already done (lovely), so there is nothing to {what}."
    ),
    "ladder_step_spec": (
        "Write each step as 'description|feared prediction|predicted anxiety 0-100'; got '{value}'."
    ),
    "ladder_missing": (
        "There is no ladder yet. Build one with 'kithkin ladder create' (it asks for your goal "
        "and the steps)."
    ),
    "attempt_not_found": "There is no ladder attempt with id {id}.",
    "attempt_already_completed": "Attempt {id} already has its 'after' part recorded.",
    "item_file_missing": (
        "The questions of {instrument} do not ship with kithkin (their licence does not allow "
        "it yet). Put your own copy in {path}, one question per line ({expected} lines), or "
        "pass --items FILE."
    ),
    "item_file_unreadable": "Could not read the question file {path}: {reason}.",
    "bad_answers": (
        "Answers should be whole numbers separated by commas, like 3,3,2,2,3; got '{value}'."
    ),
    "experiment_consent_required": (
        "An experiment asks you to connect on days a coin picks, and records your check-ins to "
        "compare. Start it with --consent once you are happy to take part; you can stop any time."
    ),
    "experiment_running": (
        "An experiment is already running. See it with 'kithkin experiment status', or end it "
        "with 'kithkin experiment stop' before starting another."
    ),
    "no_experiment": (
        "There is no experiment yet. Start one with 'kithkin experiment start --consent'."
    ),
    "chart_format": (
        "Charts are saved as SVG or PNG: use a file name ending in .svg or .png (got {path})."
    ),
    "not_in_triage": "{name} is not waiting in triage.",
    "restore_needs_empty": (
        "This database already holds data, so nothing was restored. To replace it with the "
        "backup, run the import again with --replace (your current data is saved to a file "
        "first); to keep both, point --database-url at a new, empty database."
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
        "{name} has no time zone yet. Add one with: kithkin people edit {quoted} --timezone "
        "ZONE (for example Europe/Berlin)."
    ),
    "no_call_slot": (
        "No {minutes}-minute slot stays inside both waking windows (and your free time) on "
        "every occurrence over the next {weeks} weeks. Try fewer minutes or wider waking hours."
    ),
    "no_feed_token": "There is no live feed token to revoke.",
    "bad_reminder_setting": "The reminder setting {name} = '{value}' could not be read.",
    "not_a_number": "{field} must be a whole number; got '{value}'.",
    "csrf_rejected": (
        "This form has expired or came from another site. Reload the page and try again."
    ),
    "page_not_found": "There is no page here.",
    "upload_too_large": "That file is larger than {limit_mb} MB. Export fewer contacts at a time.",
    "upload_missing": "Choose a file to import first.",
    "upload_needs_header": (
        "Uploads to the API need an X-Requested-With header (any value), so that another "
        "website cannot send one on your behalf."
    ),
    "missing_number": "{field} needs a number.",
    "answer_missing": "Please pick an answer for question {item}.",
    "backup_too_large": "This backup is over {limit_mb} MB, the most the web app accepts.",
    # --- trust-b ---
    "file_too_large": (
        "{path} is larger than {limit_mb} MB, the most kithkin reads; raise max_file_mb in "
        "the config file if you trust this file."
    ),
    "file_not_utf8": "{path}, line {line}: this is not UTF-8 text; save the file as UTF-8.",
    "number_out_of_range": (
        "{name} = {value} is outside the numbers kithkin stores (up to {maximum})."
    ),
    "birth_year_range": (
        "The birthday {value} is outside {first}-{last}; give a year in that range, or leave "
        "the year out (MM-DD)."
    ),
    "old_interaction": (
        "{value} is more than a year ago. If that is right, confirm it: --yes on the command "
        "line, the confirm box on the page, or confirm_old in the API."
    ),
    "argument_not_utf8": (
        "Argument {position} is not valid UTF-8 text (or holds a NUL character); type it "
        "again in a UTF-8 terminal."
    ),
    # --- end trust-b ---
    # --- insights ---
    "timeline_svg_only": (
        "The mood-over-time chart is saved as SVG: use a file name ending in .svg (got {path})."
    ),
    # --- end insights (branch) ---
    # --- trust-a ---
    "checkin_needs_mood_stress": (
        "The first check-in of a day needs both mood and stress (1-10); later ones can change "
        "just one thing."
    ),
    "clear_and_set": "{field} was both given a value and asked to be cleared; choose one.",
    "not_clearable": "'{field}' cannot be removed from a check-in; these can: {allowed}.",
    "backup_invalid": "This backup was not restored and nothing was changed: {reason}.",
    "restore_save_failed": (
        "Your current data could not be saved to {path} ({reason}), so nothing was restored."
    ),
    "restore_needs_empty_api": (
        "This account already holds data, so nothing was restored. Send the backup again with "
        "?replace=true to replace it (your current data is saved to a file on the server first)."
    ),
    # --- contacts ---
    "people.merge_same": "{name} is one person already: name two different people to merge.",
    "import.csv_format_mismatch": (
        "This file's header is a {found} CSV, not {given}. Run the import again with "
        "--format {found}."
    ),
    "calendar_unreadable": (
        "The calendar {path} cannot be read any more ({reason}), so kithkin cannot tell when you "
        "are free. Fix the file, or forget it with 'kithkin calendar remove'."
    ),
    # --- end contacts ---
    # --- undo ---
    "undo_nothing": "There is nothing to undo.",
    "undo_change_not_found": "There is no change with id {id} to undo (see 'kithkin undo --list').",
    "undo_already_undone": "Change {id} ({label}) has already been undone.",
    "undo_blocked": (
        "Cannot undo '{label}': a later change ('{later}') touched the same records. "
        "Undo that one first."
    ),
    "checkin_not_found": "There is no check-in with id {id}.",
    "result_not_found": "There is no questionnaire result with id {id}.",
    "log_needs_who": (
        "Who was it with? Give --with NAME, --with-other TEXT, or --alone (so that a moment "
        "is never counted by accident)."
    ),
    "nothing_to_edit": "Nothing to change: give at least one option (see --help).",
    "likely_duplicate": (
        "'{name}' looks like someone you already have: {other} (#{id}; same {why}). "
        "To add them anyway, run the command again with --force."
    ),
    # --- end undo ---
    # --- phone ---
    "choice_missing": "Choose your {field}: a number from {low} to {high}.",
    # --- end phone ---
    # --- cli ---
    "circle_new": (
        "There is no circle called '{name}' yet (your circles: {allowed}); make it with: "
        "kithkin circles set {quoted} DAYS (DAYS: how often to be in touch), then run this "
        "again."
    ),
    # --- end cli ---
    # --- cli (files) ---
    "file_unwritable": "Could not write {path}: {reason}",
    "folder_given": "{path} is a folder; give a file name in it, such as {example}.",
    "log_unknown_name": (
        "No one in your people matches '{name}'.{hint} To add them: kithkin people add "
        "{quoted}; for someone you will not keep up with, use --with-other {quoted} instead."
    ),
    # --- end cli (files) ---
    # --- health ---
    "schema_newer": (
        "This database was written by a newer kithkin, revision {revision}; install a newer "
        "kithkin to open it (nothing was changed)."
    ),
    # --- end health ---
    # --- hosted-auth ---
    "bad_login": "That login name and password do not match. Please try again.",
    "too_many_attempts": (
        "Too many tries in a minute. Please wait {seconds} seconds, then try again."
    ),
    "bad_login_name": (
        "A login name is 1 to {limit} lower-case letters, digits, dots, hyphens or underscores."
    ),
    "weak_password": "A password needs {low} to {high} characters.",
    "login_taken": "The login name '{name}' is taken. Pick another one.",
    "no_such_account": "There is no account called '{name}'.",
    "signup_closed": "Sign-up is closed here. Ask whoever runs this kithkin for an invite.",
    "bad_invite": "This invite link is unknown, already used or expired. Ask for a new one.",
    "serve_needs_hosted": (
        "Serving on {host} would open your data to the network without a login: turn on "
        "accounts with 'kithkin serve --hosted' (or KITHKIN_HOSTED=true), or serve on 127.0.0.1."
    ),
    "bad_share": "Choose what your coach may see: one or more of {allowed}.",
    "passkey_failed": (
        "That passkey did not work here. Try again, or log in with your name and password."
    ),
    "passkey_not_added": "That passkey could not be added. Please try again.",
    "too_many_passkeys": (
        "You have {limit} passkeys, the most an account can have. Remove one you no longer "
        "use, then add the new one."
    ),
    "passkeys_unavailable": (
        "Passkeys work only on this site's secure (https) address. Log in with your password."
    ),
    # --- end hosted-auth ---
    # --- phone-ux ---
    "phoneux_bad_time": "Use a time of day such as 07:30, or leave it empty to turn it off.",
    "phoneux_bad_notify_url": (
        "'{value}' does not look like a notification address: each line is one Apprise URL, "
        "such as ntfys://ntfy.sh/my-topic or mailto://me:password@example.com."
    ),
    # --- end phone-ux ---
    # --- phone-polish ---
    "remind_no_destinations": (
        "Reminders have nowhere to go yet, so nothing was sent. Add a destination under "
        "Settings > Reminders in the web app, or set notify_urls in {config} (or the "
        "KITHKIN_NOTIFY_URLS environment variable) to one or more Apprise URLs, such as "
        "ntfys://ntfy.sh/my-topic."
    ),
    "quick_log_nobody": (
        "Who was it with? Tap a person, or open 'Someone else, more detail' to search (or to "
        "log a moment with someone who is not in your people)."
    ),
    "log_nobody": "Who was it with? Choose or type at least one person from your people.",
    # --- end phone-polish ---
}
