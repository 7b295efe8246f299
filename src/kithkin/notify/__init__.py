"""Notifications through Apprise."""
