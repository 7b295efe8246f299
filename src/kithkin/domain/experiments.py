"""Connection experiments: randomized "connection challenge" days and their honest analysis.

The app flips a fair coin for each day *in advance* (:func:`assign_days`); on heads it nudges the
user to connect. Because the assignment is random, a randomization test of the mean mood
difference by assignment is valid under any autocorrelation (Edgington 1980, J Educ Stat
5(3):235-251; Bulté & Onghena 2008, Behav Res Methods 40(2):467-478). Days are analysed by the
assignment made, whether or not the user connected that day ("intention to treat").

Continuous monitoring: the test is valid for one planned look, and reading a full verdict every
evening would find a false "clear" 16-20% of the time. So the analysis is fixed when the
experiment starts: before its planned end (or a stop) the report shows progress only (days
done, days with a check-in in each arm), never an estimate, a p-value or a verdict; the one
verdict comes at the end. However often it is read, the chance of a false "clear" is that of a
single test (<= 5%). The length comes from a power calculation (:func:`plan_length`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
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
MIN_LENGTH = 14
POWER = 0.8
TARGET_DIFFERENCE = 1.0  # points of mood (0-10)
DEFAULT_SD = 1.5  # mood SD used when there is too little history (points)
DEFAULT_CHECKIN_RATE = 0.85  # share of days with an evening check-in, without history
MIN_HISTORY = 14  # check-ins needed to use the user's own variability
Z_975 = 1.959963984540054
Z_80 = 0.8416212335729143

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
class LengthPlan:
    """How many days an experiment needs to find a 1-point difference with 80% power."""

    sd: float
    sd_from_history: bool
    checkin_rate: float
    days_with_mood_needed: int
    days_needed: int
    default_days: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def plan_length(history: Sequence[float | None]) -> LengthPlan:
    """The days needed to detect ``TARGET_DIFFERENCE`` with ``POWER`` at ``ALPHA`` (two-sided).

    ``history`` holds the user's recent evening moods over consecutive days (None: no
    check-in). With a fair coin the difference in means has variance about ``4 sd^2 / n`` for
    ``n`` days with a mood (random assignment breaks the link with autocorrelation), so
    ``n = 4 sd^2 (z_0.975 + z_0.8)^2 / d^2`` days with a mood, divided by the check-in rate.
    With fewer than ``MIN_HISTORY`` check-ins the SD defaults to ``DEFAULT_SD``. The default
    length is that number of days, kept within ``MIN_LENGTH`` and ``MAX_DAYS``.
    """
    moods = [float(m) for m in history if m is not None]
    own = len(moods) >= MIN_HISTORY
    if own:
        mean = sum(moods) / len(moods)
        sd = math.sqrt(sum((m - mean) ** 2 for m in moods) / (len(moods) - 1))
        first = next(i for i, m in enumerate(history) if m is not None)
        rate = len(moods) / (len(history) - first)
    else:
        sd, rate = DEFAULT_SD, DEFAULT_CHECKIN_RATE
    sd = max(sd, 0.5)  # a perfectly flat history would promise an impossible precision
    with_mood = math.ceil(4 * sd**2 * (Z_975 + Z_80) ** 2 / TARGET_DIFFERENCE**2)
    needed = math.ceil(with_mood / max(rate, 0.2))
    return LengthPlan(
        sd=round(sd, 2),
        sd_from_history=own,
        checkin_rate=round(rate, 2),
        days_with_mood_needed=with_mood,
        days_needed=needed,
        default_days=min(max(needed, MIN_LENGTH), MAX_DAYS),
    )


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
    final: bool = True,
) -> ExperimentReport:
    """Analyse an experiment by assignment. Days without a mood are left out.

    ``final`` is False before the planned end: the report then shows progress only (status
    ``in_progress``, counts, no estimate, no p-value, never "clear"), which keeps the single
    planned test valid however often the report is read.
    """
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
    if not final:
        counts = (("n_days", len(days)), ("n_challenge", n_on), ("n_usual", n_off))
        return ExperimentReport(
            Status.IN_PROGRESS,
            len(days),
            n_on,
            n_off,
            messages=(Message("experiment.interim", counts), *DESIGN_MESSAGES),
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
