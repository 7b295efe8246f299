"""Cadences: who is due, network health, birthdays coming up."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kithkin.domain.cadence import (
    cadence_of,
    last_contact,
    network_health,
    standing,
    standings,
    upcoming_birthdays,
)
from kithkin.domain.model import Birthday, Person, PersonStatus

CIRCLES = {"inner": 7, "close": 14, "friends": 30, "wider": 90}
TODAY = date(2026, 11, 26)


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_cadence_own_override_beats_circle() -> None:
    assert cadence_of(Person("A", circle="inner"), CIRCLES) == 7
    assert cadence_of(Person("A", circle="inner", cadence_days=3), CIRCLES) == 3
    assert cadence_of(Person("A", circle=None), CIRCLES) is None
    assert cadence_of(Person("A", circle="unknown"), CIRCLES) is None


def test_due_on_the_cadence_day_not_before() -> None:
    p6 = Person("A", id=1, circle="inner", last_contact_at=at(date(2026, 11, 20)))
    p7 = Person("B", id=2, circle="inner", last_contact_at=at(date(2026, 11, 19)))
    s6 = standing(p6, CIRCLES, today=TODAY, tz="UTC")
    s7 = standing(p7, CIRCLES, today=TODAY, tz="UTC")
    assert s6 is not None and (s6.days_since, s6.due) == (6, False)
    assert s7 is not None and (s7.days_since, s7.due) == (7, True)


def test_never_contacted_is_due_and_ranks_first() -> None:
    never = Person("Zed", id=1, circle="wider")
    late = Person("Amy", id=2, circle="inner", last_contact_at=at(date(2026, 11, 16)))  # 10/7
    s = standing(never, CIRCLES, today=TODAY, tz="UTC")
    assert s is not None and s.due and s.days_since is None and s.overdue_ratio == 2.0
    ordered = standings([late, never], CIRCLES, today=TODAY, tz="UTC")
    assert [x.person.name for x in ordered] == ["Zed", "Amy"]


def test_days_since_counts_local_days() -> None:
    # 23:30 UTC on the 18th is already the 19th in Berlin: 7 local days ago, not 8.
    person = Person("A", circle="inner", last_contact_at=datetime(2026, 11, 18, 23, 30, tzinfo=UTC))
    berlin = standing(person, CIRCLES, today=TODAY, tz="Europe/Berlin")
    utc = standing(person, CIRCLES, today=TODAY, tz="UTC")
    assert berlin is not None and utc is not None
    assert (berlin.days_since, utc.days_since) == (7, 8)


def test_people_outside_the_plan_have_no_standing() -> None:
    for person in (
        Person("A", circle=None),
        Person("A", circle="inner", archived=True),
        Person("A", circle="inner", status=PersonStatus.TRIAGE),
        Person("A", circle="inner", status=PersonStatus.IGNORED),
    ):
        assert standing(person, CIRCLES, today=TODAY, tz="UTC") is None


def test_network_health_counts_people_within_their_cadence() -> None:
    people = [
        Person("A", id=1, circle="inner", last_contact_at=at(TODAY)),
        Person("B", id=2, circle="friends", last_contact_at=at(date(2026, 11, 1))),
        Person("C", id=3, circle="inner"),
        Person("D", id=4, circle=None),
    ]
    assert network_health(standings(people, CIRCLES, today=TODAY, tz="UTC")) == (2, 3)
    assert network_health([]) == (0, 0)


def test_ties_order_by_closeness_then_name() -> None:
    people = [
        Person("b", id=1, circle="inner", closeness=3),
        Person("a", id=2, circle="inner", closeness=3),
        Person("c", id=3, circle="inner", closeness=5),
    ]
    assert [s.person.name for s in standings(people, CIRCLES, today=TODAY, tz="UTC")] == [
        "c",
        "a",
        "b",
    ]


def test_birthdays_within_a_week_with_age_when_the_year_is_known() -> None:
    people = [
        Person("Soon", id=1, birthday=Birthday(11, 28, 1990)),
        Person("Today", id=2, birthday=Birthday(11, 26)),
        Person("Later", id=3, birthday=Birthday(12, 10)),
        Person("Gone", id=4, birthday=Birthday(11, 27), archived=True),
        Person("Last week", id=5, birthday=Birthday(11, 20)),
    ]
    got = upcoming_birthdays(people, today=TODAY)
    assert [(b.person.name, b.in_days, b.turns) for b in got] == [
        ("Today", 0, None),
        ("Soon", 2, 36),
    ]


def test_birthday_wraps_into_next_year() -> None:
    got = upcoming_birthdays([Person("NY", birthday=Birthday(1, 2))], today=date(2026, 12, 30))
    assert [(b.on, b.in_days) for b in got] == [(date(2027, 1, 2), 3)]


def test_29_february_falls_on_28_february_in_common_years() -> None:
    leap = Birthday(2, 29, 2000)
    assert leap.next_on_or_after(date(2027, 2, 1)) == date(2027, 2, 28)
    assert leap.next_on_or_after(date(2028, 2, 1)) == date(2028, 2, 29)
    assert leap.next_on_or_after(date(2027, 3, 1)) == date(2028, 2, 29)
    got = upcoming_birthdays([Person("Leap", birthday=leap)], today=date(2027, 2, 25))
    assert [(b.on, b.turns) for b in got] == [(date(2027, 2, 28), 27)]
    no_year = Birthday(2, 29)
    assert no_year.age_on(date(2027, 2, 28)) is None
    assert no_year.next_on_or_after(date(2026, 11, 26)) == date(2027, 2, 28)


def test_last_contact_only_moves_forward() -> None:
    early, late = at(date(2026, 1, 1)), at(date(2026, 2, 1))
    assert last_contact(None, early) == early
    assert last_contact(late, early) == late
    assert last_contact(early, late) == late
