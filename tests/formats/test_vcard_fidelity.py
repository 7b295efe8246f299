"""vCard details as their exporters wrote them: ORG with a comma, PROFILE, text birthdays, fax
and pager lines, custom labels the way Apple writes them, problems in kithkin's words."""

from __future__ import annotations

from pathlib import Path

import vobject

from kithkin.domain.contacts import ContactRecord
from kithkin.domain.model import ContactPoint
from kithkin.formats.vcard import parse_vcards
from kithkin.formats.vcard_write import write_vcards
from kithkin.messages import TEXT

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str):
    return parse_vcards((FIXTURES / name).read_bytes())


def test_outlook_2003_org_with_a_comma_is_text_not_a_list() -> None:
    (record,), problems = read("outlook_2003_org_comma.vcf")
    assert problems == []
    assert (record.organisation, record.department) == ("Company, The", "TheDepartment")
    assert record.name_parts == ("Doe", "John", "", "Mr.", "III")
    assert [(p.value, p.label) for p in record.phones] == [
        ("(111) 555-1212", "work"),
        ("(404) 555-1212", "home"),
        ("(111) 555-1213", "work fax"),
    ]


def test_a_lotus_notes_card_with_profile_is_read() -> None:
    (record,), problems = read("lotus_notes_8_5.vcf")
    assert problems == []
    assert record.full_name == "Hiroshi Kimura"
    assert (record.organisation, record.department) == (
        "Lotus Development Corp.",
        "Notes Product Group",
    )
    assert [p.label for p in record.phones] == ["work", "work fax"]


def test_a_text_birthday_is_kept_as_text_and_never_blocks_the_file() -> None:
    records, problems = read("vcard4_text_birthday.vcf")
    assert problems == []
    ada, charles = records
    assert (ada.birthday, ada.birthday_text) == (None, "circa 1800")
    assert ada.notes == "First line\nSecond line"
    assert (charles.birthday.month, charles.birthday.day) == (12, 26)
    assert [(p.value, p.label) for p in charles.phones] == [("+44-20-7946-0001", "work pager")]


def test_fax_and_custom_labels_export_valid_and_come_back() -> None:
    record = ContactRecord(
        "Lena Gray",
        phones=(
            ContactPoint("phone", "+1 555 0100", "work fax"),
            ContactPoint("phone", "+1 555 0101", "assistant"),
            ContactPoint("phone", "+1 555 0102", "main"),
            ContactPoint("phone", "+1 555 0103", "mobile"),
        ),
        emails=(ContactPoint("email", "lena@example.com", "Custom Type"),),
    )
    text = write_vcards([record])
    assert "ASSISTANT" not in text.upper().replace("X-ABLABEL:ASSISTANT", "")
    assert "TYPE=WORK,FAX" in text and "TYPE=CELL" in text
    assert "item2.X-ABLabel:assistant" in text
    card = vobject.readOne(text)
    for prop in card.contents.get("tel", []) + card.contents.get("email", []):
        for value in prop.params.get("TYPE", []):
            assert value.lower() in {"work", "fax", "cell", "home", "internet", "pref"}
    (back,), problems = parse_vcards(text)
    assert problems == []
    assert back.phones == record.phones and back.emails == record.emails


def test_problems_are_worded_by_kithkin_never_the_codec_or_library() -> None:
    broken = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\r\nthis is not a property\r\nEND:VCARD\r\n"
    _, problems = parse_vcards(broken)
    (problem,) = problems
    assert problem.message_key == "import.vcard.unreadable"
    assert problem.detail == "this is not a property"
    assert "codec" not in TEXT[problem.message_key]


def test_the_structured_name_is_written_not_the_whole_name_as_given() -> None:
    text = write_vcards([ContactRecord("Mr. John Doe III"), ContactRecord("Ada")])
    assert "N:Doe;John;;Mr.;III\r\n" in text
    assert "N:;Ada;;;\r\n" in text
    back, _ = parse_vcards(text)
    assert [r.full_name for r in back] == ["Mr. John Doe III", "Ada"]
