"""Two cards of one person made one: what the kept person looks like afterwards. Pure.

The person kept keeps everything they have: their name, circle, status and every field already
filled. From the other one they gain the contact points they lacked (compared normalised), any
empty field, interests they did not list, and the other's notes and "how you met" added below
their own when both wrote something different. Nothing either of them had is lost.
"""

from __future__ import annotations

from dataclasses import replace

from kithkin.domain.contacts import contact_key
from kithkin.domain.errors import InputError
from kithkin.domain.model import ContactPoint, Person, PersonStatus


class MergeSamePerson(InputError):
    """Both references name the same person."""

    key = "people.merge_same"


_FILLED_WHEN_EMPTY = ("nickname", "timezone", "birthday", "uid", "cadence_days")
_TEXTS = ("how_met", "notes")


def combine(keep: Person, other: Person) -> Person:
    """``keep`` with everything of ``other`` it lacked (see the module's rules)."""
    if keep.id is not None and keep.id == other.id:
        raise MergeSamePerson(name=keep.name)
    fills: dict[str, object] = {}
    for name in _FILLED_WHEN_EMPTY:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            fills[name] = getattr(other, name)
    if _adds_the_year(keep, other):
        fills["birthday"] = other.birthday
    for name in _TEXTS:
        mine, theirs = getattr(keep, name).strip(), getattr(other, name).strip()
        if theirs and theirs not in mine:
            fills[name] = f"{mine}\n\n{theirs}" if mine else theirs
    if keep.circle is None and other.circle is not None:
        fills["circle"] = other.circle
    if keep.status is not PersonStatus.ACTIVE and other.status is PersonStatus.ACTIVE:
        fills["status"] = PersonStatus.ACTIVE
        fills["archived"] = keep.archived and other.archived
    interests = keep.interests + tuple(i for i in other.interests if i not in keep.interests)
    if interests != keep.interests:
        fills["interests"] = interests
    added = _new_points(keep, other)
    if added:
        fills["contacts"] = keep.contacts + added
    last = [t for t in (keep.last_contact_at, other.last_contact_at) if t is not None]
    fills["last_contact_at"] = max(last) if last else None
    return replace(keep, **fills)  # type: ignore[arg-type]


def _adds_the_year(keep: Person, other: Person) -> bool:
    mine, theirs = keep.birthday, other.birthday
    if mine is None or theirs is None or mine.year is not None or theirs.year is None:
        return False
    return (mine.month, mine.day) == (theirs.month, theirs.day)


def _new_points(keep: Person, other: Person) -> tuple[ContactPoint, ...]:
    known = {(p.kind, contact_key(p)) for p in keep.contacts}
    added: list[ContactPoint] = []
    for point in other.contacts:
        key = (point.kind, contact_key(point))
        if key not in known:
            known.add(key)
            added.append(point)
    return tuple(added)
