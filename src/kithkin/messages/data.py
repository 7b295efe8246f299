"""Import, export, backup and restore, calendars and calls, triage and the calendar feed."""

from __future__ import annotations

TEXT: dict[str, str] = {
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
    "import.summary": (
        "{created} new (waiting in triage), {updated} updated, {unchanged} unchanged, "
        "{skipped} skipped."
    ),
    "import.dry_run": "Dry run: nothing was written. This is what the import would do:",
    "import.refused": (
        "Nothing was imported: {count} {count:record|records} could not be read. Fix them, or "
        "run again "
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
    "backup.exported": "Backup written to {path} ({rows} {rows:row|rows}).",
    "backup.restored": "Backup restored ({rows} {rows:row|rows}).",
    "backup.copied": "Copied the database to {path}.",
    "calendar.added": "Calendar '{name}' registered; it is re-read each time you plan.",
    "calendar.removed": "Calendar '{name}' removed.",
    "calendar.none": "No calendars registered. Add one with 'kithkin calendar add FILE.ics'.",
    "calendar.free": "Free on {day}: {minutes} minutes.",
    "call.proposal": (
        "Every {every:week|{every} weeks} on {weekday} at {user_time} your time ({other_time} "
        "for {name}), {minutes} minutes: it stays inside both waking windows all {count} times."
    ),
    "call.saved": "Saved. Export it with 'kithkin export ics FILE'.",
    "call.none": "No recurring calls saved yet.",
    "call.summary": "Call with {name}",
    "feed.token": ("Your calendar feed token (shown once; keep it secret): {token}"),
    "feed.revoked": (
        "Revoked {count} feed {count:token|tokens}. Subscriptions using {count:it|them} stop "
        "updating."
    ),
    "web.import.intro": (
        "Bring your people in from your phone, Google, Outlook or LinkedIn. kithkin checks the "
        "file first and shows what would change; nothing is written until you confirm."
    ),
    "web.import.reselect": "To import, choose the file again and press Import.",
    "web.import.refused": (
        "Nothing was imported: {count} {count:record|records} could not be read. Fix them, or "
        "tick "
        "'Skip bad records' to import the others."
    ),
    "web.import.dry_run": (
        "Checked: nothing has been written yet. This is what the import would do."
    ),
    "web.import.done": "Imported. New people wait in triage, so you choose who joins your circles.",
    "web.triage.intro": (
        "Everyone your import brought in waits here. Keep the ones who matter in a circle, leave "
        "acquaintances in the wider network, or ignore someone: they will not come back on the "
        "next import."
    ),
    "web.triage.empty": "No one is waiting. Lovely.",
    "web.triage.kept": "{name}: now in {circle}.",
    "web.triage.wider": "{name}: in your wider network.",
    "web.triage.ignored": "{name}: ignored.",
    "web.data.reminders_intro": (
        "Choose below when reminders come and where they go (saved with your other settings); "
        "'kithkin remind' or 'kithkin worker' sends them."
    ),
    "web.data.notify_count": "{count} notification {count:destination|destinations} configured.",
    "web.data.reminders_hosted": (
        "On this server, the person who runs it chooses when reminders come and where they go. "
        "Here is what was sent to you lately."
    ),
    "web.data.notify_none": ("No destination yet: add one below to get reminders."),
    "web.data.log_empty": "No reminders sent yet.",
    "web.data.feed_intro": (
        "Subscribe to your planned connections, recurring calls and birthdays from any calendar "
        "app. The link carries a secret: anyone with it can read your feed."
    ),
    "web.data.feed_token": (
        "Here is your feed link. It is shown only this once, so copy it now into your calendar "
        "app's 'subscribe by URL'."
    ),
    "web.data.feed_revoked": "Feed links revoked: subscriptions stop updating.",
    "web.data.exports_intro": (
        "Your data is yours. Download it whenever you like; the JSON backup holds everything."
    ),
    "web.restore.intro": (
        "Restore a backup made with Download your data or 'kithkin export json'. The whole file "
        "is checked first: it is restored completely or not at all. What you have is replaced "
        "only if you tick the box, and then saved to a file first."
    ),
    "web.restore.not_empty": (
        "This account already holds your data, so nothing was restored. To replace it with the "
        "backup, tick 'Replace my data' and restore again (what is here now is saved to a file "
        "first), or cancel and keep what you have."
    ),
    "web.restore.done": "Restored {rows} {rows:row|rows}. Welcome back.",
    "web.restore.welcome": "Moving from another device? Restore a backup instead.",
    # --- trust-b ---
    "remind.failed": (
        "{count} {count:reminder|reminders} could not be delivered; kithkin tries again from "
        "{when} (the next 'kithkin remind' after that). Last error: {error}"
    ),
    "calendar.cut": (
        "A repeating event ({detail}) was cut at {count} occurrences, so the calendar may show "
        "less busy time than it holds."
    ),
    # --- end trust-b ---
    # --- trust-a ---
    "backup.replaced": (
        "Backup restored ({rows} rows). Your data before the restore is saved in {path}."
    ),
    "web.restore.replace": (
        "Replace my data with this backup (what is here now is saved to a file first)"
    ),
    "web.restore.replaced_hosted": (
        "Restored {rows} {rows:row|rows}. What was here before is kept safe on the server."
    ),
    "web.restore.calendars_left_out": (
        "{count} calendar {count:file was|files were} left out: on a server, kithkin reads no "
        "files from your own computer."
    ),
    "web.restore.replaced": (
        "Restored {rows} {rows:row|rows}. What was here before is saved in {path}."
    ),
    # --- contacts ---
    "import.possible_duplicate": (
        "line {line}: {name} shares the {field} {value} with {other}, but their names differ, "
        "so {name} was kept as a separate person."
    ),
    "import.duplicate_hint": (
        "If two of them are one person after all, run 'kithkin people merge KEEP OTHER'."
    ),
    "web.import.duplicates": (
        "Kept as separate people, because their names differ although they share a detail. "
        "If two are one person, open one and choose Merge."
    ),
    "web.import.duplicate": "{name} shares the {field} {value} with {other}.",
    "import.birthday_text": "Birthday: {birthday}",
    "calendar.not_ics": "it is not an iCalendar file",
    "import.unused_columns": (
        "These columns hold data kithkin does not keep, so they were not imported: {columns}."
    ),
    "import.vcard.bad_encoding": (
        "This card's text is in an encoding kithkin cannot read (save the file as UTF-8), so it "
        "was left out."
    ),
    # --- end contacts ---
    # --- undo ---
    "call.not_saved": "Nothing was saved: run it again with --save to keep this plan.",
    "feed.url": (
        "Subscribe to this address in your calendar app (while 'kithkin serve' runs): {url}"
    ),
    # --- end undo ---
    # --- phone-ux ---
    "phoneux.import.good_one": "Import the 1 good one",
    "phoneux.import.good_many": "Import the {count} good ones",
    "phoneux.remind.saved": "Reminders saved. They apply from the next round.",
    "phoneux.remind.test_title": "kithkin: a test",
    "phoneux.remind.test_body": "If you can read this, your reminders will reach you.",
    "phoneux.remind.test_sent": "Test sent. Check your phone or inbox.",
    "phoneux.remind.test_failed": (
        "The test did not go out. Check the addresses below; the list of recent reminders "
        "shows what went wrong."
    ),
    "phoneux.remind.change": "Change reminders",
    "phoneux.remind.urls": "Where reminders go (one Apprise URL a line)",
    "phoneux.remind.urls_fixed": (
        "Where reminders go is set by {source} when kithkin starts, so it is changed there, "
        "not here. The times below are yours to change."
    ),
    "phoneux.remind.urls_hint": (
        "For example ntfys://ntfy.sh/your-own-topic for phone notifications. Left empty, the "
        "current destinations stay (they are not shown, as they can hold passwords)."
    ),
    "phoneux.remind.clear": "Remove all destinations",
    "phoneux.remind.times_hint": "Leave a time empty to turn that reminder off.",
    "phoneux.remind.quiet": "Quiet hours: nothing is sent between these times",
    "phoneux.remind.save": "Save reminders",
    "phoneux.remind.test": "Send a test",
    # --- end phone-ux ---
}
