"""The exposure ladder: create it, record attempts as behavioural experiments, move by choice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kithkin.domain import limits
from kithkin.domain.errors import ConflictError, InputError, NotFoundError
from kithkin.domain.ladder import (
    Attempt,
    CameTrue,
    Ladder,
    Step,
    StepOutOfRange,
    TrendPoint,
    distress_rising,
    make_ladder,
    next_step_offered,
    step_back,
    step_up,
    trend,
)
from kithkin.domain.model import check_choice, check_length, check_range, check_text
from kithkin.domain.timeutil import local_day
from kithkin.services.interactions import record
from kithkin.services.planning_ports import PlanningUnitOfWork, StoredAttempt, StoredLadder
from kithkin.services.profiles import get_profile

LADDER_KIND = "small_talk"  # what a completed exposure logs as
LADDER_MINUTES = 10


class StepSpecInvalid(InputError):
    """A step is not written as 'description|feared prediction|predicted 0-100'."""

    key = "ladder_step_spec"


class NoLadder(NotFoundError):
    """There is no exposure ladder yet."""

    key = "ladder_missing"


class AttemptNotFound(NotFoundError):
    """No exposure attempt has this id."""

    key = "attempt_not_found"


class AttemptAlreadyCompleted(ConflictError):
    """The attempt already has its 'after' part."""

    key = "attempt_already_completed"


def parse_step(spec: str) -> Step:
    """Read ``'description|feared prediction|predicted 0-100'``."""
    parts = [p.strip() for p in spec.split("|")]
    if len(parts) != 3 or not parts[2].lstrip("-").isdigit():
        raise StepSpecInvalid(value=spec)
    return checked_step(parts[0], parts[1], int(parts[2]))


def checked_step(description: str, feared_prediction: str, predicted_anxiety: int) -> Step:
    """A new step, each text within the domain's limits (``domain.limits``)."""
    feared = check_length("feared prediction", feared_prediction, limit=limits.FEARED_PREDICTION)
    return Step(description.strip(), feared, predicted_anxiety)


@dataclass(frozen=True, slots=True)
class LadderView:
    id: int
    ladder: Ladder
    level: int
    attempts: list[StoredAttempt]
    offered: bool
    trend: list[TrendPoint]
    support: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "goal": self.ladder.goal,
            "level": self.level + 1,
            "steps": [
                {
                    "number": i + 1,
                    "description": s.description,
                    "feared_prediction": s.feared_prediction,
                    "predicted_anxiety": s.predicted_anxiety,
                    "current": i == self.level,
                }
                for i, s in enumerate(self.ladder.steps)
            ],
            "next_step_offered": self.offered,
            "suggest_support": self.support,
            "attempts": [
                {
                    "id": a.id,
                    "step": a.attempt.step + 1,
                    "day": a.attempt.day.isoformat(),
                    "completed": a.attempt.completed,
                }
                for a in self.attempts
            ],
            "trend": [
                {
                    "day": p.day.isoformat(),
                    "step": p.step + 1,
                    "predicted_peak": p.predicted_peak,
                    "actual_peak": p.actual_peak,
                    "belief_before": p.belief_before,
                    "belief_after": p.belief_after,
                }
                for p in self.trend
            ],
        }


def _active(uow: PlanningUnitOfWork) -> StoredLadder:
    stored = uow.ladders.active()
    if stored is None:
        raise NoLadder()
    return stored


def _view(uow: PlanningUnitOfWork, stored: StoredLadder) -> LadderView:
    attempts = uow.ladders.attempts(stored.id)
    plain = [a.attempt for a in attempts]
    return LadderView(
        id=stored.id,
        ladder=stored.ladder,
        level=stored.level,
        attempts=attempts,
        offered=next_step_offered(stored.ladder, plain, stored.level),
        trend=trend(plain),
        support=distress_rising(plain),
    )


def create_ladder(
    *, uow: PlanningUnitOfWork, now: datetime, goal: str, steps: Sequence[str]
) -> LadderView:
    """A new ladder (steps sorted easiest first), which becomes the active one."""
    ladder = make_ladder(check_text("ladder goal", goal), [parse_step(s) for s in steps])
    uow.ladders.create(ladder, created_at=now)
    uow.commit()
    return _view(uow, _active(uow))


def show_ladder(*, uow: PlanningUnitOfWork) -> LadderView:
    return _view(uow, _active(uow))


def record_before(
    *,
    uow: PlanningUnitOfWork,
    now: datetime,
    step: int,
    prediction: str,
    belief: int,
    predicted_peak: int,
) -> int:
    """Record the 'before' part of an attempt at step ``step`` (1-based); return its id."""
    stored = _active(uow)
    if not 1 <= step <= len(stored.ladder.steps):
        raise StepOutOfRange(value=step, high=len(stored.ladder.steps))
    day = local_day(now, get_profile(uow=uow).timezone)
    attempt = Attempt(
        step=step - 1,
        day=day,
        prediction=check_text("prediction", prediction, limit=limits.PREDICTION),
        belief_before=belief,
        predicted_peak=predicted_peak,
    )
    attempt_id = uow.ladders.add_attempt(stored.id, attempt, created_at=now)
    uow.commit()
    return attempt_id


def record_after(
    *,
    uow: PlanningUnitOfWork,
    now: datetime,
    attempt_id: int,
    peak: int,
    happened: str,
    came_true: str,
    belief_after: int,
    learned: str,
) -> StoredAttempt:
    """Complete an attempt; it also logs a meaningful interaction (a small-talk moment)."""
    found = uow.ladders.get_attempt(attempt_id)
    if found is None:
        raise AttemptNotFound(id=attempt_id)
    if found.attempt.completed:
        raise AttemptAlreadyCompleted(id=attempt_id)
    check_range("peak", peak, *limits.SUDS)
    check_range("belief after", belief_after, *limits.BELIEF)
    check_length("what happened", happened, limit=limits.ATTEMPT_TEXT)
    check_length("what you learned", learned, limit=limits.ATTEMPT_TEXT)
    verdict = CameTrue(check_choice("came true", came_true.strip().lower(), list(CameTrue)))
    stored = _active(uow)
    steps = stored.ladder.steps if stored.id == found.ladder_id else ()
    what = steps[found.attempt.step].description if found.attempt.step < len(steps) else ""
    a = found.attempt
    done = Attempt(
        step=a.step,
        day=a.day,
        prediction=a.prediction,
        belief_before=a.belief_before,
        predicted_peak=a.predicted_peak,
        actual_peak=peak,
        what_happened=happened.strip(),
        came_true=verdict,
        belief_after=belief_after,
        learned=learned.strip(),
    )
    profile = get_profile(uow=uow)
    from kithkin.domain.model import Interaction

    (logged,) = record(
        uow=uow,
        items=[
            Interaction(
                occurred_at=now,
                day=local_day(now, profile.timezone),
                kind=LADDER_KIND,
                minutes=LADDER_MINUTES,
                with_other=what[:200],
                note=learned.strip(),
            )
        ],
        now=now,
    )
    uow.ladders.complete_attempt(attempt_id, done, interaction_id=logged.id)
    uow.commit()
    return StoredAttempt(attempt_id, found.ladder_id, done, logged.id)


def move_up(*, uow: PlanningUnitOfWork) -> LadderView:
    """Accept the offered next step (:class:`StepNotOffered` when it is not offered yet)."""
    stored = _active(uow)
    attempts = [a.attempt for a in uow.ladders.attempts(stored.id)]
    level = step_up(stored.ladder, attempts, stored.level)
    uow.ladders.set_level(stored.id, level)
    uow.commit()
    return _view(uow, StoredLadder(stored.id, stored.ladder, level))


def move_back(*, uow: PlanningUnitOfWork) -> LadderView:
    """Go back one step (always allowed)."""
    stored = _active(uow)
    level = step_back(stored.ladder, stored.level)
    uow.ladders.set_level(stored.id, level)
    uow.commit()
    return _view(uow, StoredLadder(stored.id, stored.ladder, level))


def create_ladder_from_steps(
    *, uow: PlanningUnitOfWork, now: datetime, goal: str, steps: Sequence[Step]
) -> LadderView:
    """Like :func:`create_ladder`, for steps already read field by field (the web form)."""
    ladder = make_ladder(check_text("ladder goal", goal), steps)
    uow.ladders.create(ladder, created_at=now)
    uow.commit()
    return _view(uow, _active(uow))
