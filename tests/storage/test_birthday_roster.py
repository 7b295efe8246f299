"""The birthday roster (the daily view's "birthdays this week") matches (month, day) pairs
exactly, on each backend: one prebuilt statement with the pairs as month * 100 + day (#16)."""

from __future__ import annotations

from kithkin.bootstrap import App
from kithkin.services.people import add_person, archive_person
from tests.conftest import FIXED_NOW

BIRTHDAYS = {
    "Ada": "1992-02-29",
    "Ben": "1985-03-01",
    "Cleo": "1970-12-31",
    "Dev": "2001-01-01",
    "Eve": "1999-01-10",
    "Fay": "1980-11-03",
    "Gus": "1980-01-13",
}


def test_the_roster_is_exactly_the_people_born_on_those_days(app: App) -> None:
    with app.uow(write=True) as uow:
        for name, birthday in BIRTHDAYS.items():
            add_person(uow=uow, now=FIXED_NOW, name=name, birthday=birthday)
        add_person(uow=uow, now=FIXED_NOW, name="Hal")  # no birthday
        add_person(uow=uow, now=FIXED_NOW, name="Ida", birthday="1975-12-31")
        archive_person(uow=uow, ref="Ida")  # archived: never listed
        uow.commit()
    with app.uow() as uow:

        def names(days: list[tuple[int, int]]) -> list[str]:
            return [m.name for m in uow.people.birthday_roster(days)]

        assert names([(2, 29), (3, 1)]) == ["Ada", "Ben"]
        assert names([(12, 31), (1, 1)]) == ["Cleo", "Dev"]
        assert names([(11, 3)]) == ["Fay"]
        assert names([(1, 13), (1, 10)]) == ["Eve", "Gus"]
        assert names([(6, 15)]) == []
        assert names([]) == []
