"""Names that may (or may not) belong to the same person, and merging that respects them."""

from __future__ import annotations

import pytest

from kithkin.domain.contacts import ContactRecord
from kithkin.domain.contacts_merge import MatchedBy, MergeAction, PossibleDuplicate, plan_merge
from kithkin.domain.model import ContactPoint, Person
from kithkin.domain.name_match import name_words, names_compatible


def phone(value: str) -> ContactPoint:
    return ContactPoint("phone", value)


def email(value: str) -> ContactPoint:
    return ContactPoint("email", value)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jon Smith", "Jonathan Smith"),
        ("Bill Gates", "William Gates"),
        ("Zoe Martin", "Zoë Martin"),
        ("J. Doe", "John Doe"),
        ("Doe, John", "John Doe"),
        ("Mr. John Doe III", "John Doe"),
        ("John", "John Q. Public"),
        ("Anna-Lena Berg", "Anna Berg"),
        ("amara@example.com", "Amara Okafor"),
    ],
)
def test_compatible_names(a: str, b: str) -> None:
    assert names_compatible([a], [b])
    assert names_compatible([b], [a])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("John Doe", "Jane Doe"),
        ("Anna Berg", "Carl Holm"),
        ("John Smith", "John Smithson"),
        ("Mum", "Sam Lee"),
        ("J. D.", "John Doe"),
    ],
)
def test_incompatible_names(a: str, b: str) -> None:
    assert not names_compatible([a], [b])


def test_name_words_fold_and_drop_titles() -> None:
    assert name_words("Dr. Zoë  O’Brien, ") == ("zoe", "o'brien")
    assert name_words("García, Tomás") == ("tomas", "garcia")


def test_a_shared_landline_never_merges_two_people() -> None:
    existing = [Person("Jane Doe", id=1, contacts=(phone("555-555-1111"),))]
    record = ContactRecord(
        "John Doe", phones=(phone("(555) 555-1111"),), emails=(email("john@doe.example"),)
    )
    plan = plan_merge(existing, [record])
    assert [i.action for i in plan.items] == [MergeAction.CREATE]
    (item,) = plan.items
    assert item.person.name == "John Doe"
    assert item.possible_duplicates == (
        PossibleDuplicate("Jane Doe", 1, 0, "phone", "(555) 555-1111"),
    )


def test_a_switchboard_and_office_address_within_one_file() -> None:
    shared = (phone("+49 30 1000"),)
    office = (email("info@firma.example"),)
    plan = plan_merge(
        [],
        [
            ContactRecord("Anna Berg", phones=shared, emails=office),
            ContactRecord("Carl Holm", phones=shared, emails=office),
        ],
    )
    assert [i.action for i in plan.items] == [MergeAction.CREATE, MergeAction.CREATE]
    assert plan.items[1].possible_duplicates == (
        PossibleDuplicate("Anna Berg", None, None, "email", "info@firma.example"),
    )
    # importing the same file again finds each of them, and changes nothing
    people = [
        Person(i.person.name, id=n, contacts=i.person.contacts) for n, i in enumerate(plan.items)
    ]
    again = plan_merge(people, [ContactRecord("Carl Holm", phones=shared, emails=office)])
    assert [(i.action, i.existing_index) for i in again.items] == [(MergeAction.UNCHANGED, 1)]


def test_spellings_of_one_person_merge() -> None:
    existing = [Person("Jonathan Smith", id=1, contacts=(email("jon@smith.example"),))]
    plan = plan_merge(
        existing,
        [
            ContactRecord("Jon Smith", emails=(email("JON@smith.example"),)),
            ContactRecord(
                "Smith, Jonathan", phones=(phone("+1 2"),), emails=(email("jon@smith.example"),)
            ),
        ],
    )
    assert [(i.action, i.matched_by) for i in plan.items] == [(MergeAction.UPDATE, MatchedBy.EMAIL)]


def test_the_uid_decides_even_when_the_name_changed() -> None:
    existing = [Person("Maria Gonzalez", id=1, uid="u-1", contacts=(phone("1"),))]
    (item,) = plan_merge(existing, [ContactRecord("Maria Schmidt", uid="u-1")]).items
    assert (item.action, item.matched_by) == (MergeAction.UNCHANGED, MatchedBy.UID)
