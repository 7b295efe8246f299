"""A graded exposure ladder for social anxiety (science reference, section 3).

One goal per ladder; 8 to 15 specific situations, each with the feared prediction and a
predicted anxiety (SUDS, 0-100), kept easiest first. Each attempt is recorded as a behavioural
experiment: before (prediction, belief 0-100 %, predicted peak) and after (actual peak, what
happened, whether the prediction came true, belief re-rated, what I learned).

Moving up is offered, never forced: the next step is offered after :data:`COMPLETIONS_TO_OFFER`
completed attempts at the current step in which the actual peak was at most
:data:`PEAK_OK` or the re-rated belief was at most :data:`BELIEF_OK` (our design choice,
following the evidence that expectancy violation matters, Craske et al. 2014). Stepping back is
always allowed.

The planner's cap: a step's predicted anxiety maps to the catalogue's 1-5 scale as
0-20 -> 1, 21-40 -> 2, 41-60 -> 3, 61-80 -> 4, 81-100 -> 5 (:func:`to_catalogue_anxiety`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kithkin.domain import limits
from kithkin.domain.errors import ConflictError, InputError
from kithkin.domain.model import check_range, check_text

MIN_STEPS, MAX_STEPS = limits.LADDER_STEPS
COMPLETIONS_TO_OFFER = 2
PEAK_OK = 40
BELIEF_OK = 30
RISING_RUN = 3  # this many rising actual peaks in a row, ending high, suggests extra support
RISING_HIGH = 70


class LadderSize(InputError):
    """A ladder needs between 8 and 15 steps."""

    key = "ladder_size"


class StepsNotSorted(InputError):
    """A ladder's steps must go from easiest to hardest (make_ladder sorts them)."""

    key = "ladder_not_sorted"


class StepOutOfRange(InputError):
    """A step number does not exist on the ladder."""

    key = "ladder_step_out_of_range"


class StepNotOffered(ConflictError):
    """The next step is not offered yet; keep practising the current one."""

    key = "ladder_step_not_offered"


class CameTrue(StrEnum):
    """Whether the feared prediction came true."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


@dataclass(frozen=True, slots=True)
class Step:
    """A situation on the ladder."""

    description: str
    feared_prediction: str
    predicted_anxiety: int  # SUDS 0-100

    def __post_init__(self) -> None:
        check_text("step description", self.description, limit=limits.STEP_DESCRIPTION)
        check_range("predicted anxiety", self.predicted_anxiety, *limits.SUDS)


@dataclass(frozen=True, slots=True)
class Ladder:
    """A goal and its steps, easiest first (build it with :func:`make_ladder`)."""

    goal: str
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        check_text("ladder goal", self.goal, limit=limits.LADDER_GOAL)
        if not MIN_STEPS <= len(self.steps) <= MAX_STEPS:
            raise LadderSize(low=MIN_STEPS, high=MAX_STEPS, value=len(self.steps))
        anxieties = [s.predicted_anxiety for s in self.steps]
        if anxieties != sorted(anxieties):
            raise StepsNotSorted()


def make_ladder(goal: str, steps: Iterable[Step]) -> Ladder:
    """A ladder with its steps sorted easiest first (stable for equal ratings)."""
    ordered = sorted(steps, key=lambda s: s.predicted_anxiety)
    return Ladder(goal=goal.strip(), steps=tuple(ordered))


@dataclass(frozen=True, slots=True)
class Attempt:
    """One exposure, recorded before and (once done) after."""

    step: int  # index into the ladder's steps
    day: date
    prediction: str
    belief_before: int  # % belief in the feared prediction
    predicted_peak: int  # SUDS 0-100
    safety_behaviours_to_drop: tuple[str, ...] = ()
    actual_peak: int | None = None  # None: not done yet
    what_happened: str = ""
    came_true: CameTrue | None = None
    belief_after: int | None = None
    learned: str = ""
    safety_behaviours_used: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_range("step", self.step, 0, MAX_STEPS - 1)
        check_range("belief before", self.belief_before, *limits.BELIEF)
        check_range("predicted peak", self.predicted_peak, *limits.SUDS)
        check_range("actual peak", self.actual_peak, *limits.SUDS)
        check_range("belief after", self.belief_after, *limits.BELIEF)

    @property
    def completed(self) -> bool:
        return self.actual_peak is not None

    @property
    def went_well(self) -> bool:
        """Completed with a peak of at most 40 or a re-rated belief of at most 30 %."""
        if self.actual_peak is None:
            return False
        belief_ok = self.belief_after is not None and self.belief_after <= BELIEF_OK
        return self.actual_peak <= PEAK_OK or belief_ok


def _check_step(ladder: Ladder, level: int) -> None:
    if not 0 <= level < len(ladder.steps):
        raise StepOutOfRange(value=level + 1, high=len(ladder.steps))


def next_step_offered(ladder: Ladder, attempts: Iterable[Attempt], level: int) -> bool:
    """Whether to offer the step above ``level`` (the user may always decline)."""
    _check_step(ladder, level)
    if level + 1 >= len(ladder.steps):
        return False
    good = sum(1 for a in attempts if a.step == level and a.went_well)
    return good >= COMPLETIONS_TO_OFFER


def step_up(ladder: Ladder, attempts: Iterable[Attempt], level: int) -> int:
    """Accept the offer of the next step; :class:`StepNotOffered` if it is not offered."""
    if not next_step_offered(ladder, attempts, level):
        raise StepNotOffered(level=level + 1)
    return level + 1


def step_back(ladder: Ladder, level: int) -> int:
    """Go back one step (always allowed; the bottom step stays put)."""
    _check_step(ladder, level)
    return max(0, level - 1)


def to_catalogue_anxiety(predicted_anxiety: int) -> int:
    """Map SUDS 0-100 to the catalogue's 1-5: 0-20 -> 1, 21-40 -> 2, ..., 81-100 -> 5."""
    check_range("predicted anxiety", predicted_anxiety, *limits.SUDS)
    return max(1, -(-predicted_anxiety // 20))


def anxiety_cap(ladder: Ladder, level: int) -> int:
    """The highest catalogue anxiety (1-5) the planner may suggest at this ladder level."""
    _check_step(ladder, level)
    return to_catalogue_anxiety(ladder.steps[level].predicted_anxiety)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """Predicted vs actual for one completed attempt, for the trend chart."""

    day: date
    step: int
    predicted_peak: int
    actual_peak: int
    belief_before: int
    belief_after: int | None

    @property
    def overestimate(self) -> int:
        """How much higher the fear was predicted than it turned out (negative: worse)."""
        return self.predicted_peak - self.actual_peak

    @property
    def belief_change(self) -> int | None:
        return None if self.belief_after is None else self.belief_after - self.belief_before


def trend(attempts: Sequence[Attempt]) -> list[TrendPoint]:
    """Completed attempts in date order (then step), predicted against actual."""
    done = [a for a in attempts if a.actual_peak is not None]
    done.sort(key=lambda a: (a.day, a.step))
    return [
        TrendPoint(
            a.day, a.step, a.predicted_peak, a.actual_peak or 0, a.belief_before, a.belief_after
        )
        for a in done
    ]


def distress_rising(attempts: Sequence[Attempt]) -> bool:
    """Whether the last few actual peaks keep rising and end high (time to suggest support)."""
    peaks = [p.actual_peak for p in trend(attempts)][-RISING_RUN:]
    if len(peaks) < RISING_RUN:
        return False
    rising = all(a < b for a, b in itertools.pairwise(peaks))
    return rising and peaks[-1] >= RISING_HIGH
