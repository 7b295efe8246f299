"""Export then import is the identity on every field kithkin keeps (vCard 2.1, 3.0, 4.0), and
the exports are read by a second, independent parser: the strict vCard 3.0 validator ``vcard``,
the vCard 4.0 parser ``pythonvCard4``, and ``ics`` for the ``.ics`` export (#12)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithkin.bootstrap import App
from kithkin.domain.contacts import ContactRecord
from kithkin.domain.model import CARD_FIELDS, Birthday, ContactPoint
from kithkin.formats.icalendar import BirthdayEvent, PlannedConnection, write_calendar
from kithkin.formats.vcard import parse_vcards
from kithkin.formats.vcard_write import write_vcards
from kithkin.services.contacts_import import export_records, import_contacts
from tests.conftest import FIXED_NOW, make_app

_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\r"),
    max_size=20,
).map(str.strip)
_LINES = st.lists(_TEXT, max_size=3).map(lambda lines: "\n".join(lines).strip())
_NAME = _TEXT.filter(bool)
_LABELS = st.sampled_from(["", "home", "work", "mobile", "work fax", "pager", "Oma's phone"])
_EMAIL = st.from_regex(r"[a-z0-9._]{1,10}@[a-z]{1,8}\.[a-z]{2,3}", fullmatch=True)
_PHONE = st.from_regex(r"\+?[0-9][0-9 ()-]{3,14}[0-9]", fullmatch=True)
_BIRTHDAY = st.none() | st.builds(
    Birthday,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    year=st.none() | st.integers(1900, 2020),
)


def _points(kind: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[Any, ...]]:
    point = st.builds(ContactPoint, st.just(kind), values, _LABELS)
    return st.lists(point, max_size=2, unique_by=lambda p: p.value).map(tuple)


RECORDS = st.builds(
    ContactRecord,
    full_name=_NAME,
    uid=st.uuids().map(str),  # each its own person: the UID decides
    nickname=_TEXT,
    emails=_points("email", _EMAIL),
    phones=_points("phone", _PHONE),
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
    department=st.lists(_NAME.filter(lambda u: ";" not in u), max_size=2).map(";".join),
    birthday_text=_TEXT,
)

KEPT = ("name", "nickname", "birthday", "notes", "how_met", "uid", "birthday_text", *CARD_FIELDS)


def _kept(app: App) -> list[tuple[Any, ...]]:
    with app.uow() as uow:
        people = uow.contacts.load_all()
    return sorted(
        (
            *(getattr(p, f) for f in KEPT),
            tuple((c.kind, c.value, c.label) for c in p.contacts),
        )
        for p in people
    )


def _import(app: App, records: list[ContactRecord]) -> None:
    with app.uow(write=True) as uow:
        report = import_contacts(uow=uow, now=FIXED_NOW, records=records)
    assert report.applied


@pytest.mark.parametrize("version", ["3.0", "4.0", "2.1"])
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(RECORDS, min_size=1, max_size=3, unique_by=lambda r: r.uid))
def test_export_then_import_keeps_every_field(
    tmp_path: Path, version: str, records: list[ContactRecord]
) -> None:
    source = make_app(f"sqlite:///{tmp_path / 'a.db'}")
    target = make_app(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        _import(source, records)
        with source.uow() as uow:
            text = write_vcards(export_records(uow=uow), version)
        assert len(list(vobject.readComponents(text))) == len(records)
        back, problems = parse_vcards(text)
        assert problems == []
        _import(target, back)
        assert _kept(target) == _kept(source)
        # and the same file again changes nothing
        with target.uow(write=True) as uow:
            again = import_contacts(uow=uow, now=FIXED_NOW, records=back, dry_run=True)
        assert (again.created, again.updated) == (0, 0)
    finally:
        source.close()
        target.close()
        for f in tmp_path.glob("*.db*"):
            f.unlink()


# --- a second, independent reader ---

CARD = ContactRecord(
    "Dr. Zoë Ann Smith-Jones",
    uid="7d2f0c5e-1",
    nickname="Zo",
    family_name="Smith-Jones",
    given_name="Zoë",
    additional_names="Ann",
    name_prefix="Dr.",
    organisation="Company, The",
    department="Research; Sound",
    title="Engineer",
    notes="Two lines\nand a comma, and a semicolon; and a \\ backslash",
    birthday=Birthday(3, 4, 1980),
    emails=(ContactPoint("email", "zoe@example.com", "work"),),
    phones=(ContactPoint("phone", "+44 20 7946 0001", "work fax"),),
)


def _cards(text: str) -> list[str]:
    return [c + "END:VCARD\r\n" for c in text.split("END:VCARD\r\n") if c.strip()]


def test_a_3_0_export_passes_a_strict_validator() -> None:
    from vcard.vcard_validator import VCard

    (card,) = _cards(write_vcards([CARD], "3.0"))
    values = {p.name: p.values for p in VCard(card).properties}
    assert values["N"] == [["Smith-Jones"], ["Zoë"], ["Ann"], ["Dr."], [""]]
    # the department's units, kept joined by ";", are ORG's units
    assert values["ORG"] == [["Company\\, The"], ["Research"], [" Sound"]]
    (back,), _ = parse_vcards(card)
    assert (back.organisation, back.department) == ("Company, The", "Research; Sound")


def test_a_4_0_export_is_read_by_a_second_parser() -> None:
    from pythonvCard4.vcard import Contact

    (card,) = _cards(write_vcards([CARD], "4.0"))
    contact = Contact.from_vcard(card)
    assert contact.fn == CARD.full_name
    assert contact.n is not None and contact.n[:3] == ["Smith-Jones", "Zoë", "Ann"]
    assert contact.uid == CARD.uid
    assert [e["value"] for e in contact.email] == ["zoe@example.com"]
    assert contact.bday is not None and contact.bday.isoformat() == "1980-03-04"


def test_a_4_0_text_birthday_is_bday_value_text_and_3_0_keeps_it_aside() -> None:
    record = ContactRecord("Ada Lovelace", birthday_text="circa 1800")
    four = write_vcards([record], "4.0")
    three = write_vcards([record], "3.0")
    assert "\r\nBDAY;VALUE=text:circa 1800\r\n" in four
    assert "BDAY" not in three.replace("X-KITHKIN-BIRTHDAY-TEXT", "")
    assert "\r\nX-KITHKIN-BIRTHDAY-TEXT:circa 1800\r\n" in three
    for text in (four, three, write_vcards([record], "2.1")):
        (back,), problems = parse_vcards(text)
        assert (back.birthday, back.birthday_text, problems) == (None, "circa 1800", [])


def test_org_commas_and_semicolons_are_escaped_for_each_version() -> None:
    record = ContactRecord("John Doe", organisation="Company, The", department="R;D")
    lines = {v: write_vcards([record], v).splitlines() for v in ("2.1", "3.0", "4.0")}
    assert "ORG:Company, The;R;D" in lines["2.1"]  # 2.1: a comma is literal
    assert "ORG:Company\\, The;R;D" in lines["3.0"]
    assert "ORG:Company\\, The;R;D" in lines["4.0"]
    weird = ContactRecord("John Doe", organisation="A;B, C")
    assert "ORG:A\\;B\\, C" in write_vcards([weird], "3.0").splitlines()
    assert "ORG:A\\;B, C" in write_vcards([weird], "2.1").splitlines()
    for version in ("2.1", "3.0", "4.0"):
        (back,), _ = parse_vcards(write_vcards([weird], version))
        assert back.organisation == "A;B, C"


def test_the_ics_export_is_read_by_icalendar_and_by_ics() -> None:
    import ics

    events = [
        PlannedConnection(
            key="planned-1",
            summary="Call Zoë, about the move; soon",
            start=datetime(2026, 3, 28, 17, 0, tzinfo=UTC),
            minutes=20,
        ),
        BirthdayEvent(key="birthday-2", name="Ada", birthday=Birthday(12, 10, 1815)),
    ]
    text = write_calendar(events, stamp=datetime(2026, 1, 1, tzinfo=UTC))
    ours = icalendar.Calendar.from_ical(text)
    theirs = ics.Calendar(text)
    assert sorted(str(e["UID"]) for e in ours.walk("VEVENT")) == sorted(
        e.uid for e in theirs.events
    )
    planned = next(e for e in theirs.events if e.uid.startswith("planned"))
    assert planned.name == "Call Zoë, about the move; soon"
    assert planned.begin.datetime == datetime(2026, 3, 28, 17, 0, tzinfo=UTC)
    assert planned.duration.total_seconds() == 20 * 60
