"""People and follow-ups."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "person.added": "Added {name} ({circle}).",
    "person.updated": "Updated {name}.",
    "person.archived": "Archived {name}. Their history stays; they leave your plan.",
    "followup.added": "Follow-up #{id} for {name}: {text}",
    "followup.done": "Follow-up #{id} done. Nice.",
    "web.person.added": "Added. What matters to them? Follow-ups help you remember.",
    "web.person.no_timeline": "No moments logged yet. A short message is a lovely start.",
    "web.person.no_followups": "Nothing to follow up on.",
    "web.people.none": "No one matches.",
    "web.person.saved": "Saved. What you remember about them is up to date.",
    "web.person.archived": (
        "Archived. Their history stays; they leave your plan. Bring them back any time."
    ),
    "web.person.unarchived": "Welcome back to your circles.",
    "web.person.deleted": "That moment is removed; their last contact is worked out again.",
    "web.person.archive_confirm": (
        "Archiving keeps every moment you logged, and takes them out of your plan and reminders."
    ),
    "web.person.delete_confirm": "Remove this moment for good? It cannot be undone.",
    "web.person.archived_note": "Archived: they are not in your plan.",
    "web.person.contacts_hint": "One per line; add a label after #, such as 'work'.",
    "web.followups.intro": "Everything you meant to ask or do, soonest first.",
    "web.followups.none": "Nothing to follow up on. Lovely.",
    "web.people.triage": "{count} imported people wait for you to choose their circle.",
    # --- contacts ---
    "people.merge.preview": "Merging {other} into {keep}. The result:",
    "people.merge.result": "  {name}: {contacts}",
    "people.merge.moves": (
        "  Moving with them: {interactions} moments, {followups} follow-ups, {calls} recurring "
        "calls, {suggestions} suggestions."
    ),
    "people.merge.confirm": "Merge them into one person?",
    "people.merge.kept_apart": "Nothing changed; they stay two people.",
    "people.merge.done": "{other} is now part of {keep}, with all their history.",
    "web.merge.intro": (
        "Two cards for one person? Choose the other card: its details and history join "
        "{name}, and that card is then removed."
    ),
    "web.merge.preview": "{other} merged into {keep} will look like this:",
    "web.merge.moves": (
        "Moving with them: {interactions} moments, {followups} follow-ups, {calls} recurring "
        "calls, {suggestions} suggestions. Nothing is lost."
    ),
    "web.person.merged": "Merged. Everything you had for both is here now.",
    # --- end contacts ---
    # --- undo ---
    "web.person.delete_person_confirm": (
        "This removes them, their follow-ups and their links to moments you logged. To keep "
        "their history, archive them instead. You can undo this right after."
    ),
    # --- end undo ---
    # --- cli ---
    "circle.ask_create": "There is no circle called '{name}' yet. Make it now?",
    "circle.ask_days": "How often to be in touch with the '{name}' circle, in days",
    "people.none_yet": (
        'No one in your people yet. Add someone: kithkin people add "Their Name" --circle inner'
    ),
    "people.none_match": "No one matches.",
    "people.last_today": "today",
    # --- end cli ---
}
