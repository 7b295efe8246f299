"""Data in and out: import, export, restore, the calendar feed, Settings > data."""
