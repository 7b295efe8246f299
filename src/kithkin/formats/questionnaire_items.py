"""Which questionnaires can be taken now: the one rule for the web and the CLI.

WHO-5 and UCLA-3 ship their item text. PSS-10, PSS-4 and LSNS-6 can be taken only when the user
put their own copy of the questions in ``<data dir>/items/`` (pasted once in Settings, or saved
there; their licences do not let kithkin ship them); otherwise the pages explain where the file
goes. In hosted mode an account's pasted copy is its own (``<data dir>/accounts/<id>/items/``,
read before the install's ``items/``, which the person running the server may fill for everyone),
so no account changes another's questionnaires (:class:`ItemPlaces`). Reading that file is I/O,
so it happens here, below the web and the CLI, which both ask :func:`takeable` before they
suggest a questionnaire on Today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kithkin.domain import questionnaires as q
from kithkin.domain.errors import InputError
from kithkin.formats.files import FileNotReadable, decode_utf8, read_capped
from kithkin.messages import text
from kithkin.services.questionnaires import ItemFileMissing, item_file_name, questions

if TYPE_CHECKING:
    from kithkin.services.today import TodayView


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


@dataclass(frozen=True, slots=True)
class ItemPlaces:
    """Where one owner's item files are looked for, in order, and where a pasted copy goes."""

    read: tuple[Path, ...]
    write: Path

    @classmethod
    def of(cls, own_folder: Path, data_dir: Path) -> ItemPlaces:
        """``own_folder``: the owner's files (``App.own_folder``; the data directory itself
        for the one person of local mode, the folder the CLI documents)."""
        shared = data_dir / "items"
        own = own_folder / "items"
        return cls((own,) if own == shared else (own, shared), own)


def item_path(places: ItemPlaces, instrument_id: str) -> Path:
    """Where the pasted copy of ``instrument_id``'s questions is saved."""
    return places.write / item_file_name(instrument_id)


def _found(places: ItemPlaces, instrument_id: str) -> Path:
    name = item_file_name(instrument_id)
    for folder in places.read:
        if (folder / name).exists():
            return folder / name
    return places.write / name


def offer(places: ItemPlaces, instrument_id: str) -> Offer:
    """The questions of ``instrument_id`` (reading the user's item file when there is one)."""
    inst = q.instrument(instrument_id)
    path = item_path(places, inst.id)
    supplied = None
    try:
        if not inst.item_text_shipped:
            path = _found(places, inst.id)
            if path.exists():
                supplied = decode_utf8(read_capped(path), path=path)
    except FileNotReadable:
        supplied = None
    except InputError as exc:  # too large, or not UTF-8
        return Offer(inst, (), exc.message, str(path))
    try:
        items = questions(inst.id, supplied=supplied, default_path=str(path))
    except ItemFileMissing:
        problem = text("web.assess.file_missing", name=inst.name, expected=inst.n_items)
        return Offer(inst, (), problem, str(path))
    except InputError as exc:  # the file is there but holds the wrong number of questions
        return Offer(inst, (), exc.message, str(path))
    return Offer(inst, items, None, str(path))


def takeable(due: Iterable[q.Due], places: ItemPlaces) -> tuple[q.Due, ...]:
    """The due questionnaires whose questions are here, so that they can be taken now."""
    return tuple(d for d in due if offer(places, d.instrument_id).available)


def only_takeable(view: TodayView, places: ItemPlaces) -> TodayView:
    """Today's view suggesting only the questionnaires that can be taken now."""
    return replace(view, questionnaires_due=takeable(view.questionnaires_due, places))
