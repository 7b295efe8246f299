"""The states of a suggestion in a stored day plan (the database keeps these strings)."""

OPEN, DONE, SKIPPED, SNOOZED = "open", "done", "skipped", "snoozed"
