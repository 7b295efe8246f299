"""What the reminders say: the morning message names today's Power of One idea, and a due
questionnaire gets its own reminder."""

from __future__ import annotations

from datetime import UTC, datetime

from kithkin.bootstrap import App
from kithkin.services.people import add_person
from kithkin.services.questionnaires import take
from kithkin.services.reminders import ReminderSettings, due_now
from tests.conftest import FIXED_NOW

MORNING_BERLIN = datetime(2026, 11, 26, 7, 5, tzinfo=UTC)  # 08:05 in Berlin
NINE_BERLIN = datetime(2026, 11, 26, 8, 10, tzinfo=UTC)  # 09:10 in Berlin


def test_morning_reminder_names_the_power_of_one_idea(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", circle="inner")
    with app.uow(write=True) as uow:
        found = due_now(uow=uow, now=MORNING_BERLIN, settings=ReminderSettings())
    morning = next(r for r in found if r.kind == "morning")
    assert "Ada Lovelace" in morning.body
    assert morning.body.splitlines()[0].startswith("Your Power of One idea")


def test_a_due_questionnaire_is_reminded_until_it_is_taken(app: App) -> None:
    settings = ReminderSettings()
    with app.uow(write=True) as uow:
        kinds = {r.kind: r for r in due_now(uow=uow, now=NINE_BERLIN, settings=settings)}
    assert "questionnaires" in kinds and "who5" in kinds["questionnaires"].body
    with app.uow(write=True) as uow:
        take(uow=uow, now=FIXED_NOW, instrument_id="who5", answers=[3, 3, 3, 3, 3])
        take(uow=uow, now=FIXED_NOW, instrument_id="pss10", answers=[2] * 10)
    with app.uow(write=True) as uow:
        kinds = {r.kind for r in due_now(uow=uow, now=NINE_BERLIN, settings=settings)}
    assert "questionnaires" not in kinds


def test_birthdays_today_and_a_week_ahead_are_reminded(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Bea Today", birthday="11-26")
        add_person(uow=uow, now=FIXED_NOW, name="Cal Soon", birthday="1990-12-03")
        add_person(uow=uow, now=FIXED_NOW, name="Dee Midweek", birthday="11-29")
    with app.uow(write=True) as uow:
        found = {
            r.kind: r for r in due_now(uow=uow, now=MORNING_BERLIN, settings=ReminderSettings())
        }
    body = found["birthdays"].body
    assert "Bea Today" in body and "Cal Soon" in body
    assert "Dee Midweek" not in body  # only the day itself and a week ahead, not every day
