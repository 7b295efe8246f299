"""Reading the vCard exports of common address books, and writing vCards that read back."""

from __future__ import annotations

import base64
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithkin.domain.contacts import structured_name
from kithkin.domain.model import Birthday, ContactPoint
from kithkin.formats.contacts import ContactRecord, Problem, parse_birthday
from kithkin.formats.vcard import NAME_FIELDS, parse_vcards
from kithkin.formats.vcard_write import write_vcards

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> tuple[list[ContactRecord], list[Problem]]:
    return parse_vcards((FIXTURES / name).read_bytes())


def by_name(records: list[ContactRecord]) -> dict[str, ContactRecord]:
    return {record.full_name: record for record in records}


def test_apple_ios17_export() -> None:
    records, problems = read("apple_contacts_ios17.vcf")
    assert problems == []
    assert [r.full_name for r in records] == ["Amara Okafor", "Sven Lindqvist", "Harbour Bakery"]
    amara = records[0]
    assert amara.line == 1
    assert amara.nickname == "Ami"
    assert (amara.organisation, amara.department) == ("Riverside Clinic", "Paediatrics")
    assert amara.title == "Nurse"
    assert amara.emails == (
        ContactPoint("email", "amara.okafor@example.com", "home"),
        ContactPoint("email", "a.okafor@riverside.example.org", "work"),
        ContactPoint("email", "amara@oldmail.example", "other"),
    )
    assert amara.phones == (
        ContactPoint("phone", "+44 7700 900123", "mobile"),
        ContactPoint("phone", "020 7946 0018", "home"),
        ContactPoint("phone", "+44 7700 900999", "Oma's phone"),
    )
    assert amara.handles == (ContactPoint("handle", "amara.climbs", "instagram"),)
    assert amara.birthday == Birthday(3, 14, 1988)
    assert amara.notes == "Met at the climbing gym.\nLoves jollof rice, hates mornings."
    assert amara.source == "vcard"
    sven = records[1]
    assert (sven.line, sven.birthday) == (29, Birthday(11, 2))
    assert records[2].phones == (ContactPoint("phone", "+1 (555) 010-4477", "work"),)


def test_google_vcard_export() -> None:
    records, problems = read("google_contacts.vcf")
    assert problems == []
    people = by_name(records)
    amara = people["Amara Okafor"]
    assert (amara.organisation, amara.title) == ("Riverside Clinic", "Nurse")
    assert amara.notes.endswith("in the spring and have kept going every Thursday since.")
    tomas = people["Tomás García"]
    assert tomas.line == 17
    assert tomas.birthday == Birthday(5, 4)
    assert tomas.emails[1] == ContactPoint("email", "tomas.g@uni.example.es", "Uni")


def test_android_2_1_quoted_printable_with_soft_breaks() -> None:
    records, problems = read("android_2_1_qp.vcf")
    assert problems == []
    joerg, yui = records
    assert joerg.full_name == "Jörg Müller"
    assert joerg.notes.endswith("Er singt Bass und bäckt das beste Brot der Stadt.")
    assert joerg.phones == (
        ContactPoint("phone", "+49 170 1234567", "mobile"),
        ContactPoint("phone", "030 1234567", "home"),
    )
    assert joerg.birthday == Birthday(8, 23, 1979)
    assert (yui.full_name, yui.line, yui.birthday) == ("中村 結衣", 16, Birthday(9, 12))


def test_outlook_2_1_windows_1252() -> None:
    records, problems = read("outlook_2_1.vcf")
    assert problems == []
    siobhan, kwame = records
    assert siobhan.full_name == "Siobhán Brennan"
    assert siobhan.notes == "Neighbour from the Seattle days.\nLikes long hikes."
    assert siobhan.birthday == Birthday(7, 4, 1985)
    assert (siobhan.organisation, siobhan.department) == ("Contoso Ltd", "Finance")
    assert kwame.line == 15
    assert kwame.emails == (ContactPoint("email", "KWAME.OSEI@Example.com"),)


def test_vcard_4() -> None:
    (priya,), problems = read("vcard4.vcf")
    assert problems == []
    assert priya.uid == "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
    assert priya.phones == (
        ContactPoint("phone", "+91-98765-43210", "mobile"),
        ContactPoint("phone", "+91-80-2345-6789", "home"),
    )
    assert priya.birthday == Birthday(5, 4)
    assert priya.handles == (ContactPoint("handle", "xmpp:priya@jabber.example"),)
    assert priya.notes == "Book club, second Tuesday."


def test_malformed_cards_do_not_sink_the_good_ones() -> None:
    records, problems = read("malformed.vcf")
    assert [(r.full_name, r.line) for r in records] == [
        ("Good One", 2),
        ("Bad Birthday", 15),
        ("Good Two", 24),
    ]
    assert records[1].birthday is None
    assert [(p.line, p.record_index, p.message_key) for p in problems] == [
        (1, None, "import.vcard.stray_text"),
        (7, 1, "import.vcard.missing_end"),
        (10, 2, "import.no_name"),
        (15, 3, "import.bad_birthday"),
        (20, 4, "import.vcard.unreadable"),
        (29, 6, "import.vcard.missing_end"),
    ]
    assert problems[3].detail == "sometime in May"


def test_problem_keys_have_messages() -> None:
    from kithkin.messages import TEXT

    _, problems = read("malformed.vcf")
    assert all(problem.message_key in TEXT for problem in problems)


def test_huge_folded_photo_is_skipped_harmlessly() -> None:
    photo = base64.b64encode(random.Random(7).randbytes(600_000)).decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEMAIL:big@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:After\r\nEND:VCARD\r\n"
    )
    records, problems = parse_vcards(text)
    assert problems == []
    assert [r.full_name for r in records] == ["Big Photo", "After"]
    assert records[0].emails == (ContactPoint("email", "big@example.com"),)
    assert records[1].line == text.count("\n", 0, text.rindex("BEGIN:VCARD")) + 1


@pytest.mark.parametrize(
    ("text", "omit", "expected"),
    [
        ("1985-05-04", None, Birthday(5, 4, 1985)),
        ("19850504", None, Birthday(5, 4, 1985)),
        ("--0504", None, Birthday(5, 4)),
        ("--05-04", None, Birthday(5, 4)),
        ("1604-05-04", "1604", Birthday(5, 4)),
        ("1604-05-04", None, Birthday(5, 4)),
        ("1900-05-04", "1900", Birthday(5, 4)),
        ("1985-05-04T00:00:00Z", None, Birthday(5, 4, 1985)),
        ("--02-29", None, Birthday(2, 29)),
        ("", None, None),
    ],
)
def test_parse_birthday(text: str, omit: str | None, expected: Birthday | None) -> None:
    assert parse_birthday(text, omit_year=omit) == expected


@pytest.mark.parametrize("text", ["May 4th", "1985-13-01", "1985-02-29", "--0230"])
def test_parse_birthday_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_birthday(text)


# Text without control characters other than newlines (vCard cannot carry them).
_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\r"),
    max_size=30,
).map(str.strip)
_LINES = st.lists(_TEXT, max_size=3).map(lambda lines: "\n".join(lines).strip())
_LABELS = st.sampled_from(["", "home", "work", "mobile", "other", "Oma's phone", "Büro; 2nd"])
_NAME = _TEXT.filter(bool)


def _points(kind: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[tuple]:
    point = st.builds(ContactPoint, st.just(kind), values, _LABELS)
    return st.lists(point, max_size=3).map(tuple)


_EMAIL = st.from_regex(r"[a-z0-9._]{1,10}@[a-z]{1,8}\.[a-z]{2,3}", fullmatch=True)
_PHONE = st.from_regex(r"\+?[0-9][0-9 ()-]{3,14}[0-9]", fullmatch=True)
_BIRTHDAY = st.none() | st.builds(
    Birthday,
    month=st.just(2) | st.integers(1, 12),
    day=st.integers(1, 28),
    year=st.none() | st.integers(1900, 2020),
)
RECORDS = st.builds(
    ContactRecord,
    full_name=_NAME,
    uid=st.none() | st.uuids().map(str),
    nickname=_TEXT,
    emails=_points("email", _EMAIL),
    phones=_points("phone", _PHONE),
    handles=_points("handle", _NAME.filter(lambda v: ":" not in v[:1])),
    birthday=_BIRTHDAY,
    notes=_LINES,
    organisation=_TEXT,
    title=_TEXT,
    how_met=_LINES,
    family_name=_TEXT,
    given_name=_TEXT,
    additional_names=_TEXT,
    name_prefix=_TEXT,
    name_suffix=_TEXT,
    # ORG's units, kept joined by ";"
    department=st.lists(_NAME.filter(lambda u: ";" not in u), max_size=3).map(";".join),
    birthday_text=_TEXT,
)


@pytest.mark.parametrize("version", ["3.0", "4.0", "2.1"])
@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.lists(RECORDS, min_size=1, max_size=4))
def test_write_then_read_keeps_every_field(version: str, records: list[ContactRecord]) -> None:
    text = write_vcards(records, version)
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")
    parsed, problems = parse_vcards(text)
    assert problems == []
    assert [r.__class__(**{**_fields(r), "line": 0, "source": ""}) for r in parsed] == [
        _with_name(r) for r in records
    ]


def _with_name(record: ContactRecord) -> ContactRecord:
    """A record without a structured name is written with the one built from its name."""
    if any(record.name_parts):
        return record
    parts = dict(zip(NAME_FIELDS, structured_name(record.full_name), strict=True))
    return record.__class__(**{**_fields(record), **parts})


def _fields(record: ContactRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in record.__slots__}


def test_written_cards_start_on_the_reported_lines() -> None:
    records = [ContactRecord("Ada Lovelace"), ContactRecord("Alan Turing", nickname="Al")]
    text = write_vcards(records)
    parsed, _ = parse_vcards(text)
    lines = text.splitlines()
    assert [lines[r.line - 1] for r in parsed] == ["BEGIN:VCARD", "BEGIN:VCARD"]
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")


def test_dangling_soft_break_before_end_does_not_swallow_the_next_card() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:2.1\nFN:Dangling\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nFN:Next\nEND:VCARD\n"
    )
    records, problems = parse_vcards(text)
    assert problems == []
    assert [(r.full_name, r.notes, r.line) for r in records] == [
        ("Dangling", "abc", 1),
        ("Next", "", 6),
    ]
