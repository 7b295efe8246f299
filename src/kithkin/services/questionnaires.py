"""Questionnaires: take one (scored, then stored), history, schedule and what is due."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from kithkin.domain import limits
from kithkin.domain import questionnaires as q
from kithkin.domain.errors import InputError
from kithkin.domain.model import check_range
from kithkin.domain.timeutil import local_day
from kithkin.services.insights_ports import StoredResponse
from kithkin.services.profiles import get_profile

if TYPE_CHECKING:
    from kithkin.services.daily_ports import DailyReads
    from kithkin.services.ports import UnitOfWork

ITEM_FILES = {q.PSS10: "pss10.txt", q.PSS4: "pss4.txt", q.LSNS6: "lsns6.txt"}
VERSION = 1


class ItemFileMissing(InputError):
    """A questionnaire's item text is not shipped and no item file was found."""

    key = "item_file_missing"


class ItemFileUnreadable(InputError):
    """The item file given with --items could not be read."""

    key = "item_file_unreadable"


class BadAnswers(InputError):
    """The --answers text is not a comma-separated list of whole numbers."""

    key = "bad_answers"


@dataclass(frozen=True, slots=True)
class Assessment:
    """A completed questionnaire as stored, with its score."""

    response: StoredResponse
    score: q.Score

    def as_dict(self) -> dict[str, Any]:
        return {**response_dict(self.response), "score": self.score.as_dict()}


def response_dict(r: StoredResponse) -> dict[str, Any]:
    return {
        "id": r.id,
        "instrument": r.instrument_id,
        "version": r.version,
        "answers": list(r.answers),
        "raw": r.raw,
        "percent": r.percent,
        "band": r.band,
        "flags": list(r.flags),
        "completed_at": r.completed_at.isoformat(),
        "date": r.day.isoformat(),
    }


def parse_answers(text: str) -> list[int]:
    """``"3,3,2,2,3"`` -> ``[3, 3, 2, 2, 3]``; raises :class:`BadAnswers`."""
    parts = [p.strip() for p in text.replace(" ", ",").split(",") if p.strip()]
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise BadAnswers(value=text) from None


def item_file_name(instrument_id: str) -> str:
    return ITEM_FILES.get(instrument_id, f"{instrument_id}.txt")


def questions(instrument_id: str, *, supplied: str | None, default_path: str) -> tuple[str, ...]:
    """The questions to show. ``supplied`` is the item file's content when one was found."""
    inst = q.instrument(instrument_id)
    if supplied is None and not inst.item_text_shipped:
        raise ItemFileMissing(instrument=inst.name, path=default_path, expected=inst.n_items)
    return q.item_text(instrument_id, supplied)


def take(
    *, uow: UnitOfWork, now: datetime, instrument_id: str, answers: Sequence[int]
) -> Assessment:
    """Score ``answers`` and store them; invalid answers raise and store nothing."""
    result = q.score(instrument_id, answers)
    profile = get_profile(uow=uow)
    response = uow.questionnaires.add(
        StoredResponse(
            instrument_id=instrument_id,
            answers=tuple(answers),
            raw=result.raw,
            percent=result.percent,
            band=result.band,
            flags=result.flags,
            completed_at=now,
            day=local_day(now, profile.timezone),
            version=VERSION,
        )
    )
    uow.commit()
    return Assessment(response, result)


def result(*, uow: UnitOfWork, instrument_id: str, response_id: int) -> Assessment | None:
    """A stored response of ``instrument_id`` with its score as stored (the range and any
    subscales worked out again from its answers), or None when this owner has no such response."""
    for response in history(uow=uow, instrument_id=instrument_id):
        if response.id == response_id:
            score = replace(
                q.score(instrument_id, response.answers),
                raw=response.raw,
                percent=response.percent,
                band=response.band,
                flags=response.flags,
            )
            return Assessment(response, score)
    return None


def history(*, uow: UnitOfWork, instrument_id: str | None = None) -> list[StoredResponse]:
    if instrument_id is not None:
        q.instrument(instrument_id)
    return uow.questionnaires.find(instrument_id=instrument_id)


def schedule(*, uow: DailyReads) -> dict[str, int]:
    """Days between reminders per instrument (defaults overlaid by the user's; 0 means off)."""
    return {**q.DEFAULT_EVERY_DAYS, **uow.questionnaires.schedules()}


def set_schedule(*, uow: UnitOfWork, instrument_id: str, every_days: int) -> dict[str, int]:
    q.instrument(instrument_id)
    check_range("every", every_days, *limits.EVERY_DAYS)
    uow.questionnaires.set_schedule(instrument_id, every_days)
    uow.commit()
    return schedule(uow=uow)


def due(*, uow: DailyReads, today: date) -> list[q.Due]:
    active = {k: v for k, v in schedule(uow=uow).items() if v > 0}
    return q.due_instruments(uow.questionnaires.last_done(), today=today, every_days=active)
