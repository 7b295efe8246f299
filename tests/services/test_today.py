"""The day at a glance: streaks over days, a daylight-saving week, a traveller."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from kithkin.bootstrap import App
from kithkin.services.checkins import check_in
from kithkin.services.followups import add_followup
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from kithkin.services.today import today
from tests.conftest import FIXED_NOW


def _setup(app: App, *, tz: str, started_on: date, now: datetime = FIXED_NOW) -> None:
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=now, timezone=tz, started_on=started_on, rest_days_per_week=1)
        add_person(uow=uow, now=now, name="Ada Lovelace", circle="inner")


def _log(app: App, when: str, *, now: datetime = FIXED_NOW, tz: str | None = None) -> date:
    with app.uow(write=True) as uow:
        logged = log_interaction(
            uow=uow, now=now, kind_id="call", with_names=["ada"], when=when, timezone=tz
        )
    return logged.interaction.day


def _today(app: App, now: datetime) -> dict:
    with app.uow() as uow:
        return today(uow=uow, now=now).as_dict()


def test_streak_over_several_days_with_a_rest_day(app: App) -> None:
    _setup(app, tz="Europe/Berlin", started_on=date(2026, 11, 16))  # a Monday
    for day in (16, 17, 19, 20, 23, 24, 25):
        _log(app, f"2026-11-{day}")
    # Week 47: the 18th is its rest day, so the 21st and 22nd are missed; week 48 runs on.
    view = _today(app, FIXED_NOW)
    assert (view["status"], view["met"], view["streak"], view["best_streak"]) == (
        "open",
        False,
        3,
        4,
    )
    _log(app, "today 10:00")
    view = _today(app, FIXED_NOW)
    assert (view["status"], view["count"], view["streak"]) == ("met", 1, 4)
    assert 0 < view["strength"] <= 100
    assert view["consistency_30"] == round(8 / 10, 3)


def test_a_week_across_the_autumn_clock_change_in_berlin(app: App) -> None:
    """Clocks go back on Sunday 25 Oct 2026. Logging just after local midnight every day keeps
    each interaction on its own local day, so the streak is unbroken."""
    tz = "Europe/Berlin"
    _setup(app, tz=tz, started_on=date(2026, 10, 19))
    now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    days = [date(2026, 10, 19) + timedelta(days=i) for i in range(14)]
    logged = [_log(app, f"{d.isoformat()}T00:15", now=now) for d in days]
    assert logged == days
    # The repeated hour: 02:30 on the 25th is read as its first occurrence, still the 25th.
    assert _log(app, "2026-10-25T02:30", now=now) == date(2026, 10, 25)
    view = _today(app, now)
    assert (view["date"], view["status"], view["streak"], view["best_streak"]) == (
        "2026-11-02",
        "open",
        14,
        14,
    )
    with app.uow() as uow:
        counts = uow.day_stats.meaningful_counts()
    assert counts[date(2026, 10, 25)] == 2
    assert set(counts) == set(days)


def test_a_week_across_the_spring_clock_change_in_berlin(app: App) -> None:
    tz = "Europe/Berlin"
    _setup(app, tz=tz, started_on=date(2026, 3, 23))
    now = datetime(2026, 3, 29, 21, 45, tzinfo=UTC)  # 23:45 CEST on Sunday 29 March
    for i in range(6):
        _log(app, f"{date(2026, 3, 23) + timedelta(days=i)}T23:45", now=now)
    # Sunday: the day is 23 hours long; 23:30 local is 21:30 UTC.
    assert _log(app, "today 23:30", now=now) == date(2026, 3, 29)
    view = _today(app, now)
    assert (view["date"], view["status"], view["streak"]) == ("2026-03-29", "met", 7)


def test_a_traveller_keeps_history_as_lived(app: App) -> None:
    """Logged in Tokyo, the days stay Tokyo days after the profile moves to New York."""
    _setup(app, tz="Europe/Berlin", started_on=date(2026, 11, 20))
    tokyo_days = [
        _log(app, f"2026-11-{d}T08:00", tz="Asia/Tokyo") for d in (20, 21, 22, 23, 24, 25)
    ]
    # 08:00 in Tokyo is the previous evening in Berlin and New York: the day is still Tokyo's.
    assert tokyo_days == [date(2026, 11, d) for d in (20, 21, 22, 23, 24, 25)]
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="America/New_York")
    with app.uow() as uow:
        stored = sorted(i.day for i in uow.interactions.find())
        counts = uow.day_stats.meaningful_counts()
    assert stored == tokyo_days
    assert sorted(counts) == tokyo_days
    # 09:00 UTC on the 26th is 04:00 in New York: today is the 26th there, still open.
    view = _today(app, FIXED_NOW)
    assert (view["date"], view["status"], view["streak"]) == ("2026-11-26", "open", 6)
    # Logging now in New York lands on New York's day.
    assert _log(app, "now") == date(2026, 11, 26)
    assert _today(app, FIXED_NOW)["streak"] == 7


def test_today_shows_followups_birthdays_due_people_and_checkin(app: App) -> None:
    with app.uow(write=True) as uow:
        for i in range(7):
            add_person(uow=uow, now=FIXED_NOW, name=f"Friend {i}", circle="inner")
        add_person(uow=uow, now=FIXED_NOW, name="Bea Birthday", circle="none", birthday="11-28")
        add_followup(uow=uow, now=FIXED_NOW, person="friend 0", text="soon", due="2026-11-27")
        add_followup(uow=uow, now=FIXED_NOW, person="friend 1", text="later", due="2026-12-10")
        add_followup(uow=uow, now=FIXED_NOW, person="friend 2", text="undated")
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="coffee", with_names=["friend 3"])
        check_in(uow=uow, now=FIXED_NOW, mood=7, stress=3)
    view = _today(app, FIXED_NOW)
    # undated follow-ups stay on the person's page and feed the plan; today lists dated ones
    assert [f["text"] for f in view["followups"]] == ["soon"]
    assert [(b["name"], b["in_days"], b["turns"]) for b in view["birthdays"]] == [
        ("Bea Birthday", 2, None)
    ]
    assert len(view["due_people"]) == 5
    assert view["due_total"] == 6
    assert view["network_health"] == {"in_touch": 1, "total": 7, "share": round(1 / 7, 3)}
    assert view["checkin"] == {"mood": 7, "stress": 3}
    assert view["met"] is True


def test_days_logged_from_before_onboarding_count_for_the_streak(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", circle="inner")
        for back in (1, 2):
            when = (FIXED_NOW - timedelta(days=back)).isoformat()
            log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["ada"], when=when)
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="text", with_names=["ada"])
    with app.uow() as uow:
        view = today(uow=uow, now=FIXED_NOW).as_dict()
    assert view["streak"] == 3
