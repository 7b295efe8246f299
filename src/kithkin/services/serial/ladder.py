"""A ladder attempt, as ``kithkin ladder before|after --json`` and
``POST /api/ladder/attempts[/{id}/after]`` answer it."""

from __future__ import annotations

from typing import Any

from kithkin.services.planning_ports import StoredAttempt


def attempt_before_dict(attempt_id: int, step: int) -> dict[str, Any]:
    """The prediction saved before an attempt (``step`` as the user numbers it, from 1)."""
    return {"attempt_id": attempt_id, "step": step}


def attempt_after_dict(done: StoredAttempt) -> dict[str, Any]:
    """The attempt once done: prediction against what happened, and the interaction it logged."""
    a = done.attempt
    return {
        "attempt_id": done.id,
        "step": a.step + 1,
        "predicted_peak": a.predicted_peak,
        "actual_peak": a.actual_peak,
        "came_true": a.came_true.value if a.came_true else None,
        "belief_before": a.belief_before,
        "belief_after": a.belief_after,
        "interaction_id": done.interaction_id,
    }
