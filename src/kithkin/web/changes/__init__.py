"""Undo and corrections: the change journal's API, the flash's Undo button, deleting a person
and correcting a logged moment."""
