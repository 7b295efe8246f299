"""Which questionnaires can be offered, with their questions.

WHO-5 and UCLA-3 ship their item text. PSS-10, PSS-4 and LSNS-6 are offered only when the user
put their own copy of the questions in ``<data dir>/items/`` (their licences do not let kithkin
ship them); otherwise the pages explain where the file goes. Reading that file is I/O, so it
happens here at the edge, as the CLI's ``assess take`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kithkin.domain import questionnaires as q
from kithkin.domain.errors import InputError
from kithkin.domain.timeutil import local_day
from kithkin.messages import text
from kithkin.services.ports import UnitOfWork
from kithkin.services.profiles import get_profile
from kithkin.services.questionnaires import ItemFileMissing, item_file_name, questions


@dataclass(frozen=True, slots=True)
class Offer:
    """An instrument as the Assess page offers it: its questions, or why they are missing."""

    instrument: q.Instrument
    items: tuple[str, ...]
    problem: str | None  # the message explaining where to put the item file
    path: str

    @property
    def available(self) -> bool:
        return self.problem is None

    def as_dict(self) -> dict[str, Any]:
        inst = self.instrument
        return {
            "id": inst.id,
            "name": inst.name,
            "n_items": inst.n_items,
            "answers": {str(v): inst.label(v) for v in range(inst.answer_min, inst.answer_max + 1)},
            "recall_period": inst.recall_period,
            "stem": inst.stem,
            "items": list(self.items),
            "available": self.available,
            "item_file": self.path,
            "problem": self.problem,
            "citation": inst.citation,
            "licence_note": inst.licence_note,
            "wording_source": inst.wording_source,
        }


def item_path(data_dir: Path, instrument_id: str) -> Path:
    return data_dir / "items" / item_file_name(instrument_id)


def offer(data_dir: Path, instrument_id: str) -> Offer:
    """The questions of ``instrument_id`` (reading the user's item file when there is one)."""
    inst = q.instrument(instrument_id)
    path = item_path(data_dir, inst.id)
    supplied = None
    if not inst.item_text_shipped:
        try:
            supplied = path.read_text(encoding="utf-8")
        except OSError:
            supplied = None
    try:
        items = questions(inst.id, supplied=supplied, default_path=str(path))
    except ItemFileMissing:
        problem = text("web.assess.file_missing", name=inst.name, expected=inst.n_items)
        return Offer(inst, (), problem, str(path))
    except InputError as exc:  # the file is there but holds the wrong number of questions
        return Offer(inst, (), exc.message, str(path))
    return Offer(inst, items, None, str(path))


def offers(data_dir: Path) -> list[Offer]:
    return [offer(data_dir, instrument_id) for instrument_id in q.INSTRUMENTS]


def local_today(uow: UnitOfWork, now: datetime) -> date:
    """The user's local date at ``now`` (questionnaire schedules count in local days)."""
    return local_day(now, get_profile(uow=uow).timezone)
