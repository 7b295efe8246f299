"""Connection experiments: consented, coin-flipped challenge days, stored in advance."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from kithkin.domain import experiments as ex
from kithkin.domain.errors import ConflictError, InputError, NotFoundError
from kithkin.domain.insights import Message
from kithkin.domain.model import check_range
from kithkin.domain.timeutil import local_day
from kithkin.services.insights_ports import Experiment
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork

HISTORY_DAYS = 90


class ConsentRequired(InputError):
    """An experiment was started without explicit consent."""

    key = "experiment_consent_required"


class ExperimentRunning(ConflictError):
    """An experiment is already running; only one at a time."""

    key = "experiment_running"


class NoExperiment(NotFoundError):
    """There is no experiment (running, or ever) to show."""

    key = "no_experiment"


@dataclass(frozen=True, slots=True)
class ExperimentStatus:
    experiment: Experiment
    today: date
    challenge_today: bool | None  # None: today is outside the experiment's days
    day_number: int | None
    days_done: int
    challenge_days_done: int
    finished: bool

    @property
    def end_day(self) -> date:
        return date.fromordinal(self.experiment.start_day.toordinal() + self.experiment.days - 1)

    def as_dict(self) -> dict[str, Any]:
        e = self.experiment
        return {
            "id": e.id,
            "active": e.active,
            "start": e.start_day.isoformat(),
            "end": self.end_day.isoformat(),
            "days": e.days,
            "today": self.today.isoformat(),
            "challenge_today": self.challenge_today,
            "day_number": self.day_number,
            "days_done": self.days_done,
            "challenge_days_done": self.challenge_days_done,
            "finished": self.finished,
        }


def _today(uow: UnitOfWork, now: datetime) -> date:
    return local_day(now, get_profile(uow=uow).timezone)


def length_plan(*, uow: UnitOfWork, now: datetime) -> ex.LengthPlan:
    """Days needed for a 1-point difference with 80% power, from the last 90 days' moods."""
    today = _today(uow, now)
    since = date.fromordinal(today.toordinal() - HISTORY_DAYS)
    moods = {c.day: float(c.mood) for c in uow.checkins.find(since=since, until=today)}
    history = [moods.get(date.fromordinal(d)) for d in range(since.toordinal(), today.toordinal())]
    return ex.plan_length(history)


def plan_message(plan: ex.LengthPlan) -> Message:
    """The plan as a sentence (own variability, or the default when history is short)."""
    key = "experiment.plan" if plan.sd_from_history else "experiment.plan_default"
    return Message(
        key,
        (
            ("days_needed", plan.days_needed),
            ("with_mood", plan.days_with_mood_needed),
            ("sd", plan.sd),
            ("rate", round(plan.checkin_rate * 100)),
            ("default_days", plan.default_days),
        ),
    )


def start(
    *,
    uow: UnitOfWork,
    now: datetime,
    consent: bool,
    days: int | None = None,
    seed: int | None = None,
) -> ExperimentStatus:
    """Start an experiment from today; the coin flips are made and stored now.

    Without ``days`` the length is the plan's default (:func:`length_plan`)."""
    if not consent:
        raise ConsentRequired()
    if days is None:
        days = length_plan(uow=uow, now=now).default_days
    check_range("days", days, 14, ex.MAX_DAYS)
    if uow.experiments.active() is not None:
        raise ExperimentRunning()
    today = _today(uow, now)
    # The coin flips must not be guessable ahead (a seed from the clock could be): draw the
    # seed from the operating system. It is stored, so the assignments never change later.
    seed = secrets.randbits(31) if seed is None else seed  # the column is a 32-bit integer
    assignments = ex.assign_days(today, days, seed=seed)
    uow.experiments.add(
        Experiment(start_day=today, days=days, seed=seed, consented_at=now), assignments
    )
    uow.commit()
    return status(uow=uow, now=now)


def _status_of(
    experiment: Experiment, assignments: dict[date, bool], today: date
) -> ExperimentStatus:
    done = [d for d in assignments if d < today]
    number = (today - experiment.start_day).days + 1
    return ExperimentStatus(
        experiment=experiment,
        today=today,
        challenge_today=assignments.get(today) if experiment.active else None,
        day_number=number if today in assignments else None,
        days_done=len(done),
        challenge_days_done=sum(1 for d in done if assignments[d]),
        finished=not experiment.active or today > max(assignments),
    )


def _current(uow: UnitOfWork) -> Experiment:
    found = uow.experiments.active() or uow.experiments.latest()
    if found is None or found.id is None:
        raise NoExperiment()
    return found


def status(*, uow: UnitOfWork, now: datetime) -> ExperimentStatus:
    experiment = _current(uow)
    assert experiment.id is not None
    assignments = uow.experiments.assignments(experiment.id)
    return _status_of(experiment, assignments, _today(uow, now))


def today_nudge(*, uow: UnitOfWork, today: date) -> dict[str, Any] | None:
    """For ``kithkin today``: the running experiment's assignment today, or None."""
    experiment = uow.experiments.active()
    if experiment is None or experiment.id is None:
        return None
    view = _status_of(experiment, uow.experiments.assignments(experiment.id), today)
    if view.day_number is None:
        return None
    return {
        "challenge_today": view.challenge_today,
        "day_number": view.day_number,
        "days": experiment.days,
    }


@dataclass(frozen=True, slots=True)
class ExperimentResult:
    status: ExperimentStatus
    report: ex.ExperimentReport

    def as_dict(self) -> dict[str, Any]:
        return {"experiment": self.status.as_dict(), "report": self.report.as_dict()}


def report(*, uow: UnitOfWork, now: datetime, n_permutations: int = 5000) -> ExperimentResult:
    """Analyse the current (or last) experiment by assignment, over days up to today."""
    view = status(uow=uow, now=now)
    assert view.experiment.id is not None
    assignments = uow.experiments.assignments(view.experiment.id)
    upto = {d: a for d, a in assignments.items() if d <= view.today}
    if view.experiment.stopped_at is not None:
        stopped = local_day(view.experiment.stopped_at, get_profile(uow=uow).timezone)
        upto = {d: a for d, a in upto.items() if d <= stopped}
    moods = {
        c.day: float(c.mood)
        for c in uow.checkins.find(since=view.experiment.start_day, until=view.end_day)
    }
    result = ex.experiment_report(
        upto,
        moods,
        seed=view.experiment.seed,
        n_permutations=n_permutations,
        final=view.finished,
    )
    return ExperimentResult(view, result)


def stop(*, uow: UnitOfWork, now: datetime) -> ExperimentStatus:
    experiment = uow.experiments.active()
    if experiment is None or experiment.id is None:
        raise NoExperiment()
    uow.experiments.stop(experiment.id, now=now)
    uow.commit()
    return status(uow=uow, now=now)
