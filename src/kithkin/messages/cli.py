"""The command line's own sentences."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "cli.unexpected": (
        "Error: something unexpected went wrong ({kind}). "
        "Nothing was saved. Run again with --debug for details."
    ),
    # --- undo ---
    "undo.done": "Undone: {label}.",
    "undo.none": "Nothing to undo.",
    "undo.list_title": "Recent changes (newest first)",
    "undo.button": "Undo",
    "deleted": "Deleted {what} {id}.",
    "updated": "Updated {what} {id}.",
    "restored_person": "{name} is back in your people.",
    "version": "kithkin {version}",
    "prompt.number": "Please answer with a whole number from {low} to {high}.",
    "prompt.choice": "Please answer with one of: {choices}.",
    "fresh_install": (
        "Welcome to kithkin. Start with 'kithkin init' to set up your profile, or try "
        "'kithkin demo' to explore with sample data. 'kithkin --help' lists every command."
    ),
    # --- end undo ---
    # --- cli ---
    "cli.examples": "Examples:",
    "log.none": "Nothing logged yet. For example: kithkin log call --with NAME",
    "log.none_since": "Nothing logged since then.",
    "checkin.none": "No check-ins yet. 'kithkin checkin' asks two quick questions.",
    "checkin.none_since": "No check-ins since then.",
    # --- end cli ---
}
