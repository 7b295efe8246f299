"""Connection experiments: randomized "connection challenge" days and their honest analysis.

The app flips a fair coin for each day *in advance* (:func:`assign_days`); on heads it nudges the
user to connect. Because the assignment is random, a randomization test of the mean mood
difference by assignment is valid under any autocorrelation (Edgington 1980, J Educ Stat
5(3):235-251; Bulté & Onghena 2008, Behav Res Methods 40(2):467-478). Days are analysed by the
assignment made, whether or not the user connected that day ("intention to treat").
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from kithkin.domain import stats
from kithkin.domain.insights import Message, Status
from kithkin.domain.model import check_range

MIN_DAYS = 10  # days with mood before a result is shown
MIN_PER_ARM = 3  # days with mood in each arm
ALPHA = 0.05
MAX_DAYS = 366

DESIGN_MESSAGES = (
    Message("experiment.can_say"),
    Message("experiment.cannot_say"),
    Message("experiment.by_assignment"),
)


def assign_days(start: date, days: int, *, seed: int) -> dict[date, bool]:
    """A fair coin per day from ``start`` for ``days`` days (True: a connection-challenge day).

    Fixed in advance and reproducible from ``seed``; store the result, not the seed alone.
    """
    check_range("experiment days", days, 1, MAX_DAYS)
    rng = random.Random(seed)
    return {start + timedelta(days=i): rng.random() < 0.5 for i in range(days)}


@dataclass(frozen=True, slots=True)
class ExperimentReport:
    """Mean mood on challenge days minus other days, with a randomization p-value."""

    status: Status
    n_days_with_mood: int
    n_challenge_days: int
    n_usual_days: int
    estimate: float | None = None
    p_value: float | None = None
    clear: bool = False
    messages: tuple[Message, ...] = DESIGN_MESSAGES

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["status"] = self.status.value
        out["messages"] = [m.as_dict() for m in self.messages]
        return out


def experiment_report(
    assignments: Mapping[date, bool],
    moods_by_day: Mapping[date, float | None],
    *,
    seed: int,
    n_permutations: int = 5000,
) -> ExperimentReport:
    """Analyse an experiment by assignment. Days without a mood are left out."""
    days = sorted(d for d in assignments if moods_by_day.get(d) is not None)
    arms = [assignments[d] for d in days]
    moods = [float(moods_by_day[d] or 0.0) for d in days]
    n_on = sum(arms)
    n_off = len(days) - n_on
    if len(days) < MIN_DAYS or min(n_on, n_off) < MIN_PER_ARM:
        needed = (
            ("min_days", MIN_DAYS),
            ("min_per_arm", MIN_PER_ARM),
            ("n_days", len(days)),
        )
        return ExperimentReport(
            Status.NOT_ENOUGH_DATA,
            len(days),
            n_on,
            n_off,
            messages=(Message("experiment.not_enough_data", needed), *DESIGN_MESSAGES),
        )
    test = stats.randomization_test(arms, moods, seed=seed, n_draws=n_permutations)
    clear = test.p_value < ALPHA
    result = Message(
        "experiment.result.clear" if clear else "experiment.result.unclear",
        (
            ("delta", round(test.estimate, 1)),
            ("p_value", round(test.p_value, 3)),
            ("n_challenge", n_on),
            ("n_usual", n_off),
        ),
    )
    return ExperimentReport(
        status=Status.OK,
        n_days_with_mood=len(days),
        n_challenge_days=n_on,
        n_usual_days=n_off,
        estimate=test.estimate,
        p_value=test.p_value,
        clear=clear,
        messages=(result, *DESIGN_MESSAGES),
    )
