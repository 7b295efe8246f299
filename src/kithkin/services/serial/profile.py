"""Your profile, as ``kithkin init --json`` and ``GET``/``PUT /api/profile`` answer it."""

from __future__ import annotations

from typing import Any

from kithkin.domain.model import Profile


def profile_dict(profile: Profile) -> dict[str, Any]:
    return {
        "timezone": profile.timezone,
        "daily_goal": profile.daily_goal,
        "rest_days_per_week": profile.rest_days_per_week,
        "weekday_minutes": profile.weekday_minutes,
        "weekend_minutes": profile.weekend_minutes,
        "barriers": sorted(b.value for b in profile.barriers),
        "started_on": profile.started_on.isoformat() if profile.started_on else None,
    }
