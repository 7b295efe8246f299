"""Merging two people the user has into one, with their whole history, in one transaction.

``preview_merge`` shows the result without writing; ``merge_people`` writes it: the kept person
gains the other's details (:func:`kithkin.domain.people_merge.combine`), every interaction,
follow-up, recurring call and suggestion of the other moves to them (an interaction they shared
keeps one link), the other is removed, and the kept person's last contact is worked out again
from the interactions. Day counts do not change: no interaction is added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kithkin.domain.model import Person
from kithkin.domain.people_merge import MergeSamePerson, combine
from kithkin.services.people import resolve

if TYPE_CHECKING:
    from kithkin.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class MergePreview:
    """The person kept, the one merged into them, the result, and what moves with the other."""

    keep: Person
    other: Person
    result: Person
    moved: dict[str, int]
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "keep": {"id": self.keep.id, "name": self.keep.name},
            "other": {"id": self.other.id, "name": self.other.name},
            "result": _person_dict(self.result),
            "moved": dict(self.moved),
        }


def _person_dict(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "nickname": p.nickname,
        "circle": p.circle,
        "status": p.status.value,
        "birthday": str(p.birthday) if p.birthday else None,
        "timezone": p.timezone,
        "how_met": p.how_met,
        "notes": p.notes,
        "interests": list(p.interests),
        "contacts": [{"kind": c.kind, "value": c.value, "label": c.label} for c in p.contacts],
    }


def preview_merge(*, uow: UnitOfWork, keep: str | int, other: str | int) -> MergePreview:
    """What merging ``other`` into ``keep`` would do; nothing is written."""
    kept = resolve(uow=uow, ref=keep)
    gone = resolve(uow=uow, ref=other)
    if kept.id == gone.id:
        raise MergeSamePerson(name=kept.name)
    assert gone.id is not None
    return MergePreview(
        keep=kept,
        other=gone,
        result=combine(kept, gone),
        moved=uow.contacts.history_counts(gone.id),
    )


def merge_people(*, uow: UnitOfWork, keep: str | int, other: str | int) -> MergePreview:
    """Merge ``other`` into ``keep`` (see the module); one transaction."""
    preview = preview_merge(uow=uow, keep=keep, other=other)
    assert preview.keep.id is not None and preview.other.id is not None
    uow.contacts.move_history(keep_id=preview.keep.id, other_id=preview.other.id)
    uow.people.update(preview.result)
    uow.people.refresh_last_contact([preview.keep.id])
    result = uow.people.get(preview.keep.id)
    assert result is not None
    uow.commit()
    return MergePreview(
        keep=preview.keep, other=preview.other, result=result, moved=preview.moved, applied=True
    )
