"""People: the list (cached), a person, editing, follow-ups, triage after an import."""
