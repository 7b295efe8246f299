"""The registered calendars ``kithkin today`` checks are still readable, and its one line for
each that is not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kithkin.cli.render import console
from kithkin.messages import text

if TYPE_CHECKING:
    from kithkin.services.calendar_health import UnreadableCalendar
    from kithkin.services.ports import CalendarSource


def unreadable_calendars(
    calendars: list[CalendarSource], *, limit_mb: int
) -> list[UnreadableCalendar]:
    """The registered calendars that cannot be read (nothing is imported when there are none,
    so the daily command pays nothing for a feature it does not use)."""
    if not calendars:
        return []
    from kithkin.formats.feed import calendar_trouble
    from kithkin.services import calendar_health

    return calendar_health.unreadable_calendars(
        sources=calendars, check=lambda path: calendar_trouble(path, limit_mb=limit_mb)
    )


def show_unreadable(found: list[UnreadableCalendar]) -> None:
    """One line each, never wrapped, before the day."""
    for u in found:
        line = text("today.calendar_unreadable", name=u.name, reason=u.reason)
        console().print(line, style="yellow", markup=False, soft_wrap=True)
