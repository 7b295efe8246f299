"""Planning how imported contacts join the people the user already has."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithkin.domain.contacts import ContactRecord, fold_name, normalise_email, normalise_phone
from kithkin.domain.contacts_merge import (
    FieldChange,
    MatchedBy,
    MergeAction,
    MergePlan,
    plan_merge,
)
from kithkin.domain.model import Birthday, ContactPoint, Person, PersonStatus


def email(value: str, label: str = "") -> ContactPoint:
    return ContactPoint("email", value, label)


def phone(value: str, label: str = "") -> ContactPoint:
    return ContactPoint("phone", value, label)


def apply(existing: list[Person], plan: MergePlan) -> list[Person]:
    """What a service would store: updates in place, creations appended with new ids."""
    people = list(existing)
    next_id = max((p.id or 0 for p in people), default=0) + 1
    for item in plan.items:
        if item.existing_index is not None:
            people[item.existing_index] = item.person
        else:
            people.append(replace(item.person, id=next_id))
            next_id += 1
    return people


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+44 (0)20 7946-0018", "+4402079460018"),
        ("+1 (555) 010-4477", "+15550104477"),
        ("0046 70 123 45 67", "+46701234567"),
        ("030 1234567", "0301234567"),
        ("tel:+91-80-2345-6789", "+918023456789"),
        ("", ""),
        ("ext.", ""),
    ],
)
def test_normalise_phone(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected


def test_normalise_email_and_fold_name() -> None:
    assert normalise_email(" Mailto:Amara.Okafor@Example.COM ") == "amara.okafor@example.com"
    assert fold_name("  Tomás   GARCÍA ") == fold_name("tomas garcia") == "tomas garcia"


def test_new_people_wait_in_triage_without_a_circle() -> None:
    record = ContactRecord(
        "Ada Lovelace",
        emails=(email("ada@example.org", "home"),),
        phones=(phone("+44 1"),),
        birthday=Birthday(12, 10),
        notes="Poet of numbers",
        organisation="Analytical Engines",
        title="Countess",
        uid="u-1",
    )
    plan = plan_merge([], [record])
    (item,) = plan.items
    assert item.action is MergeAction.CREATE
    person = item.person
    assert (person.status, person.circle, person.id) == (PersonStatus.TRIAGE, None, None)
    assert person.contacts == (email("ada@example.org", "home"), phone("+44 1"))
    assert person.notes == "Countess, Analytical Engines\nPoet of numbers"
    assert (person.uid, person.birthday) == ("u-1", Birthday(12, 10))


def test_match_order_uid_then_email_then_phone_then_name() -> None:
    existing = [
        Person("By Uid", id=1, uid="uid-1"),
        Person("By Email", id=2, contacts=(email("E@x.org"),)),
        Person("By Phone", id=3, contacts=(phone("0049 30 1"),)),
        Person("Zoë Name", id=4),
    ]
    incoming = [
        ContactRecord("Someone", uid="uid-1", emails=(email("e@x.org"),)),
        ContactRecord("B. Email", emails=(email("e@X.ORG"),), phones=(phone("+49301"),)),
        ContactRecord("Phone", phones=(phone("+49 (30) 1"),)),
        ContactRecord("zoe name"),
    ]
    plan = plan_merge(existing, incoming)
    assert [(i.existing_index, i.matched_by) for i in plan.items] == [
        (0, MatchedBy.UID),
        (1, MatchedBy.EMAIL),
        (2, MatchedBy.PHONE),
        (3, MatchedBy.NAME),
    ]
    assert plan.items[0].changes == (FieldChange("added", "email", "e@x.org"),)
    assert plan.items[1].changes == (FieldChange("added", "phone", "+49301"),)
    assert plan.items[0].person.name == "By Uid"  # the user's name for them stays


def test_merging_only_adds() -> None:
    existing = [
        Person(
            "Amara Okafor",
            id=5,
            nickname="Mara",
            notes="My words",
            birthday=Birthday(3, 14),
            contacts=(email("amara@example.com"),),
            circle="inner",
        )
    ]
    record = ContactRecord(
        "Amara O.",
        nickname="Ami",
        notes="Their words",
        how_met="climbing",
        birthday=Birthday(3, 14, 1988),
        emails=(email("AMARA@example.com"), email("a@work.example")),
    )
    (item,) = plan_merge(existing, [record]).items
    assert item.action is MergeAction.UPDATE
    assert item.changes == (
        FieldChange("added", "email", "a@work.example"),
        FieldChange("set", "how_met", "climbing"),
        FieldChange("set", "birthday_year", "1988-03-14"),
    )
    person = item.person
    assert (person.id, person.name, person.nickname, person.notes) == (
        5,
        "Amara Okafor",
        "Mara",
        "My words",
    )
    assert person.circle == "inner"
    assert person.contacts == (email("amara@example.com"), email("a@work.example"))


def test_a_different_birthday_is_not_overwritten() -> None:
    existing = [Person("Bo", id=1, birthday=Birthday(1, 2, 1990))]
    (item,) = plan_merge(existing, [ContactRecord("Bo", birthday=Birthday(2, 1, 1990))]).items
    assert item.action is MergeAction.UNCHANGED
    assert item.person.birthday == Birthday(1, 2, 1990)


def test_duplicates_within_the_file_merge() -> None:
    incoming = [
        ContactRecord("Tomás García", emails=(email("tomas@example.es"),)),
        ContactRecord("Tomas Garcia", phones=(phone("+34 600"),)),
        ContactRecord("T. García", emails=(email("TOMAS@example.es"),), phones=(phone("0034600"),)),
        ContactRecord("Someone Else"),
    ]
    plan = plan_merge([], incoming)
    assert [i.action for i in plan.items] == [MergeAction.CREATE, MergeAction.CREATE]
    assert plan.items[0].records == (0, 1, 2)
    assert plan.record_items == (0, 0, 0, 1)
    assert plan.item_for(2).person.contacts == (email("tomas@example.es"), phone("+34 600"))
    assert plan.count(MergeAction.CREATE) == 2


def test_an_ambiguous_name_does_not_match() -> None:
    existing = [Person("Sam Lee", id=1), Person("Sam Lee", id=2)]
    (item,) = plan_merge(existing, [ContactRecord("Sam Lee")]).items
    assert item.action is MergeAction.CREATE


def test_ignored_people_are_matched_not_recreated() -> None:
    existing = [Person("Ex", id=1, status=PersonStatus.IGNORED, contacts=(email("ex@x.org"),))]
    (item,) = plan_merge(existing, [ContactRecord("Ex Partner", emails=(email("ex@x.org"),))]).items
    assert (item.action, item.person.status) == (MergeAction.UNCHANGED, PersonStatus.IGNORED)


def test_a_shared_email_prefers_the_person_of_the_same_name_on_a_re_import() -> None:
    # Found by hypothesis: "a a" shares an e-mail with "a aa" (joined to it by a UID), and a
    # nickname makes both names fit; the re-import moved the nickname onto the wrong person.
    records = [
        ContactRecord("a aa", uid="a"),
        ContactRecord("a a", nickname="aa", emails=(email("b@x.org"),)),
        ContactRecord("a a", uid="a", emails=(email("b@x.org"),)),
    ]
    people = apply([], plan_merge([], records))
    again = plan_merge(people, records)
    assert {item.action for item in again.items} == {MergeAction.UNCHANGED}
    assert again.item_for(1).person.id == people[1].id


_WORD = st.text("abcdefgh", min_size=1, max_size=4)
RECORDS = st.builds(
    ContactRecord,
    full_name=st.builds(lambda a, b: f"{a} {b}", _WORD, _WORD),
    uid=st.none() | _WORD,
    nickname=st.just("") | _WORD,
    emails=st.lists(st.builds(email, st.builds("{}@x.org".format, _WORD)), max_size=2).map(tuple),
    phones=st.lists(
        st.builds(phone, st.from_regex(r"\+?[0-9 ]{1,6}", fullmatch=True)), max_size=2
    ).map(tuple),
    birthday=st.none()
    | st.builds(Birthday, st.integers(1, 12), st.integers(1, 28), st.none() | st.just(1990)),
    notes=st.just("") | _WORD,
    how_met=st.just("") | _WORD,
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(RECORDS, max_size=8))
def test_importing_the_same_records_again_changes_nothing(records: list[ContactRecord]) -> None:
    people = apply([], plan_merge([], records))
    again = plan_merge(people, records)
    assert {item.action for item in again.items} <= {MergeAction.UNCHANGED}
    assert apply(people, again) == people


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(RECORDS, max_size=5), st.lists(RECORDS, max_size=5))
def test_merging_never_loses_what_the_user_has(
    first: list[ContactRecord], second: list[ContactRecord]
) -> None:
    people = apply([], plan_merge([], first))
    after = apply(people, plan_merge(people, second))
    for before, now in zip(people, after, strict=False):
        assert set(before.contacts) <= set(now.contacts)
        for name in ("name", "nickname", "notes", "how_met", "uid", "status", "circle", "id"):
            if getattr(before, name):
                assert getattr(now, name) == getattr(before, name)
        if before.birthday is not None:
            assert now.birthday is not None
            assert (now.birthday.month, now.birthday.day) == (
                before.birthday.month,
                before.birthday.day,
            )
