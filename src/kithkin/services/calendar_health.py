"""Registered calendars that cannot be read any more: ``today``, the web Today page and
``remind`` say so (a calendar that cannot be read is never taken as free time)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kithkin.services.ports import CalendarSource

# A registered calendar's path -> why it cannot be read, or None when it can.
CalendarCheck = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class UnreadableCalendar:
    id: int
    name: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reason": self.reason}


def unreadable_calendars(
    *, sources: Iterable[CalendarSource], check: CalendarCheck
) -> list[UnreadableCalendar]:
    """The registered calendars (``uow.calendars.find()``) that ``check`` cannot read."""
    out = []
    for source in sources:
        reason = check(source.path)
        if reason is not None:
            out.append(UnreadableCalendar(source.id, source.name, reason))
    return out
