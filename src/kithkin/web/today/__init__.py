"""The daily loop: Today (cached), its suggestion cards, Log, Check-in."""
