"""The same people exported from two address books import once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kithkin.domain.contacts_merge import MergeAction, plan_merge
from kithkin.domain.model import Birthday, Person
from kithkin.formats.contacts_csv import parse_csv
from kithkin.formats.vcard import parse_vcards

FIXTURES = Path(__file__).parent / "fixtures"


def stored(plan_items: tuple, existing: list[Person]) -> list[Person]:
    people = list(existing)
    for number, item in enumerate(plan_items, start=len(people) + 1):
        if item.existing_index is None:
            people.append(replace(item.person, id=number))
        else:
            people[item.existing_index] = item.person
    return people


def test_google_csv_then_apple_vcard_makes_no_duplicates() -> None:
    google, _ = parse_csv((FIXTURES / "google.csv").read_bytes(), "google")
    apple, _ = parse_vcards((FIXTURES / "apple_contacts_ios17.vcf").read_text())
    people = stored(plan_merge([], google).items, [])
    plan = plan_merge(people, apple)
    after = stored(plan.items, people)
    names = sorted(p.name for p in after)
    assert names == [
        "Amara Okafor",
        "Harbour Bakery",
        "Lena Vogel",
        "Sven Lindqvist",
        "Tomás García",
    ]
    assert [i.action for i in plan.items] == [
        MergeAction.UPDATE,
        MergeAction.UNCHANGED,
        MergeAction.CREATE,
    ]
    amara = next(p for p in after if p.name == "Amara Okafor")
    assert {c.value for c in amara.contacts if c.kind == "phone"} == {
        "+44 7700 900123",
        "020 7946 0018",
        "+44 7700 900999",
    }
    first = plan.items[0].person
    assert first.notes == "Met at the climbing gym.\nWe boulder on Thursdays."
    assert (first.job_title, first.organisation) == ("Nurse", "Riverside Clinic")


def test_both_files_in_one_import_merge_too() -> None:
    google, _ = parse_csv((FIXTURES / "google.csv").read_bytes(), "google")
    vcards, _ = parse_vcards((FIXTURES / "google_contacts.vcf").read_text())
    plan = plan_merge([], [*google, *vcards])
    assert sorted(i.person.name for i in plan.items) == [
        "Amara Okafor",
        "Lena Vogel",
        "Sven Lindqvist",
        "Tomás García",
    ]
    tomas = next(i for i in plan.items if i.person.name == "Tomás García")
    assert tomas.person.birthday == Birthday(5, 4)
    assert len(tomas.records) == 2
