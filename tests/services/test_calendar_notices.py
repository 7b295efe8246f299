"""A registered local calendar that cannot be read any more is reported by ``remind`` once a
day (each calendar), never every run; readable calendars say nothing (#12). Both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kithkin.bootstrap import App
from kithkin.formats.feed import calendar_trouble
from kithkin.messages import text
from kithkin.services.calendar_health import unreadable_calendars
from kithkin.services.calendars import add_calendar
from kithkin.services.reminders import Delivery, ReminderSettings, run_reminders

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"
MORNING = datetime(2026, 11, 26, 7, 5, tzinfo=UTC)
NOTHING_ELSE = ReminderSettings(
    morning=None,
    followups=None,
    birthdays=None,
    checkin=None,
    weekly_review=None,
    questionnaires=None,
)


class Inbox:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, *, title: str, body: str, key: str = "") -> Delivery:
        self.sent.append((title, body))
        return Delivery(True)


def _register(app: App, tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "work.ics"
    good.write_bytes((FIXTURES / "weekly_berlin_dst.ics").read_bytes())
    bad = tmp_path / "family.ics"
    bad.write_bytes((FIXTURES / "weekly_berlin_dst.ics").read_bytes())
    with app.uow(write=True) as uow:
        add_calendar(uow=uow, now=MORNING, name="work", path=str(good))
        add_calendar(uow=uow, now=MORNING, name="family", path=str(bad))
    return good, bad


def _remind(app: App, inbox: Inbox, now: datetime) -> None:
    run_reminders(
        units=app.uow,
        now=now,
        notifier=inbox,
        settings=NOTHING_ELSE,
        check_calendar=calendar_trouble,
    )


def test_readable_calendars_are_not_reported(app: App, tmp_path: Path) -> None:
    _register(app, tmp_path)
    with app.uow() as uow:
        assert unreadable_calendars(sources=uow.calendars.find(), check=calendar_trouble) == []
    inbox = Inbox()
    _remind(app, inbox, MORNING)
    assert inbox.sent == []


def test_an_unreadable_calendar_is_named_with_its_reason(app: App, tmp_path: Path) -> None:
    _, bad = _register(app, tmp_path)
    bad.write_text("this is no longer a calendar\n", encoding="utf-8")
    with app.uow() as uow:
        (found,) = unreadable_calendars(sources=uow.calendars.find(), check=calendar_trouble)
    assert found.name == "family"
    assert "iCalendar" in found.reason
    bad.unlink()
    with app.uow() as uow:
        (gone,) = unreadable_calendars(sources=uow.calendars.find(), check=calendar_trouble)
    assert gone.name == "family" and gone.reason


def test_remind_reports_an_unreadable_calendar_once_a_day(app: App, tmp_path: Path) -> None:
    _, bad = _register(app, tmp_path)
    bad.unlink()
    inbox = Inbox()
    _remind(app, inbox, MORNING)
    _remind(app, inbox, MORNING + timedelta(minutes=5))
    _remind(app, inbox, MORNING + timedelta(hours=6))
    assert len(inbox.sent) == 1
    title, body = inbox.sent[0]
    assert title == text("remind.calendar.title")
    assert "family" in body and "work" not in body
    _remind(app, inbox, MORNING + timedelta(days=1))
    assert len(inbox.sent) == 2
