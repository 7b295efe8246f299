"""A saved check-in, as ``kithkin checkin --json`` and ``POST /api/checkins`` answer it."""

from __future__ import annotations

from typing import Any

from kithkin.services.checkins import CheckInResult


def checkin_dict(result: CheckInResult) -> dict[str, Any]:
    c = result.checkin
    return {
        "date": c.day.isoformat(),
        "mood": c.mood,
        "stress": c.stress,
        "energy": c.energy,
        "sleep_hours": c.sleep_hours,
        "note": c.note,
        "created": result.created,
        # Only for a queued check-in older than the day's last change, which was not applied.
        **({"superseded": True} if result.superseded else {}),
    }
