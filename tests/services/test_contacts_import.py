"""Contacts import, triage, vCard export and JSON backup, on both backends."""

from __future__ import annotations

import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from kithkin.bootstrap import App
from kithkin.domain.contacts import ContactRecord
from kithkin.domain.model import ContactPoint, PersonStatus
from kithkin.formats.contacts_csv import parse_csv
from kithkin.formats.vcard import parse_vcards
from kithkin.formats.vcard_write import write_vcards
from kithkin.services.backup import (
    RestoreNeedsEmptyDatabase,
    export_backup,
    import_backup,
)
from kithkin.services.contacts_import import BadRecord, export_records, import_contacts
from kithkin.services.followups import add_followup
from kithkin.services.ports import PeopleQuery
from kithkin.services.triage import NotInTriage, TriageAction, triage_list, triage_person
from kithkin.storage.tables import accounts
from tests.conftest import FIXED_NOW, make_app
from tests.services.helpers import canonical

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"
VCARDS = [
    "apple_contacts_ios17.vcf",
    "google_contacts.vcf",
    "android_2_1_qp.vcf",
    "outlook_2_1.vcf",
    "vcard4.vcf",
]


def _import(app: App, records, problems=(), **kw):
    with app.uow(write=True) as uow:
        return import_contacts(uow=uow, now=FIXED_NOW, records=records, problems=problems, **kw)


def _people(app: App):
    with app.uow() as uow:
        return uow.contacts.load_all()


def test_every_vcard_fixture_imports_into_triage_and_reimports_unchanged(app: App) -> None:
    total = 0
    for name in VCARDS:
        records, problems = parse_vcards((FIXTURES / name).read_bytes())
        assert not problems, name
        report = _import(app, records)
        total += report.created
        again = _import(app, records)
        assert (again.created, again.updated) == (0, 0), name
    people = _people(app)
    assert len(people) == total > 0
    assert all(p.status is PersonStatus.TRIAGE and p.circle is None for p in people)


def test_csv_exports_import_and_overlap_without_duplicates(app: App) -> None:
    for fmt in ("google", "outlook", "linkedin"):
        records, _ = parse_csv(
            (
                FIXTURES / {"linkedin": "linkedin_connections.csv"}.get(fmt, f"{fmt}.csv")
            ).read_bytes(),
            fmt,
        )
        _import(app, records, skip_bad=True)
    count = len(_people(app))
    records, _ = parse_vcards((FIXTURES / "google_contacts.vcf").read_bytes())
    report = _import(app, records)
    assert len(_people(app)) == count + report.created
    assert report.unchanged + report.updated >= 1  # the same people, seen from another export


def test_merge_adds_details_and_reports_them(app: App) -> None:
    _import(
        app, [ContactRecord("Ada Lovelace", emails=(ContactPoint("email", "ada@example.com"),))]
    )
    report = _import(
        app,
        [
            ContactRecord(
                "Ada L.",
                emails=(ContactPoint("email", "ADA@example.com"),),
                phones=(ContactPoint("phone", "+44 20 1234"),),
                nickname="Ada",
            )
        ],
    )
    assert (report.created, report.updated) == (0, 1)
    assert {c.field for c in report.changes[0].changes} == {"phone", "nickname"}
    [ada] = _people(app)
    assert ada.name == "Ada Lovelace" and ada.nickname == "Ada"
    assert [c.value for c in ada.contacts] == ["ada@example.com", "+44 20 1234"]


def test_malformed_all_or_nothing_and_skip_bad(app: App) -> None:
    records, problems = parse_vcards((FIXTURES / "malformed.vcf").read_bytes())
    bad = [
        BadRecord(
            p.line, p.record_index, p.message_key, kept=p.message_key == "import.bad_birthday"
        )
        for p in problems
    ]
    refused = _import(app, records, bad)
    assert refused.refused and not refused.applied
    assert _people(app) == []
    assert {p.line for p in refused.problems} >= {7, 10, 15, 20, 29}
    done = _import(app, records, bad, skip_bad=True)
    assert done.applied and done.created == len(records) and done.skipped == 4
    assert len(_people(app)) == len(records)


def test_dry_run_writes_nothing(app: App) -> None:
    records, _ = parse_vcards((FIXTURES / "vcard4.vcf").read_bytes())
    report = _import(app, records, dry_run=True)
    assert report.created == len(records) and not report.applied
    assert _people(app) == []


def test_triage_keep_wider_ignore(app: App) -> None:
    _import(app, [ContactRecord(n) for n in ("Ada One", "Ben Two", "Cy Three")])
    with app.uow(write=True) as uow:
        triage_person(uow=uow, ref="Ada One", action=TriageAction.KEEP, circle="close")
        triage_person(uow=uow, ref="Ben Two", action=TriageAction.WIDER)
        triage_person(uow=uow, ref="Cy Three", action=TriageAction.IGNORE)
        assert triage_list(uow=uow) == []
        active = {p.name: p.circle for p in uow.people.find(PeopleQuery())}
    assert active == {"Ada One": "close", "Ben Two": "wider"}
    with app.uow(write=True) as uow:
        try:
            triage_person(uow=uow, ref="Ada One", action=TriageAction.IGNORE)
        except NotInTriage:
            pass
        else:
            raise AssertionError("expected NotInTriage")
    # the ignored person stays ignored across a re-import
    _import(app, [ContactRecord("Cy Three")])
    assert {p.name: p.status for p in _people(app)}["Cy Three"] is PersonStatus.IGNORED


def test_vcard_export_reimports_into_an_empty_database(app: App, tmp_path: Path) -> None:
    records, _ = parse_vcards((FIXTURES / "apple_contacts_ios17.vcf").read_bytes())
    _import(app, records)
    with app.uow() as uow:
        exported = write_vcards(export_records(uow=uow))
    other = make_app(f"sqlite:///{tmp_path / 'other.db'}")
    again, problems = parse_vcards(exported)
    assert not problems
    _import(other, again)

    def key(p):
        return (
            p.name,
            p.nickname,
            p.birthday,
            p.notes,
            p.uid,
            sorted((c.kind, c.value, c.label) for c in p.contacts),
        )

    assert sorted(map(key, _people(other))) == sorted(map(key, _people(app)))
    assert _import(app, again).created == 0
    other.close()


names = st.text(string.ascii_letters + " ", min_size=1, max_size=20).filter(lambda s: s.strip())


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(names, st.integers(0, 10**6)), min_size=1, max_size=8))
def test_export_then_import_round_trip(tmp_path: Path, people: list[tuple[str, int]]) -> None:
    records = [
        ContactRecord(name.strip(), emails=(ContactPoint("email", f"p{n}@example.com"),))
        for name, n in people
    ]
    source = make_app(f"sqlite:///{tmp_path / 'a.db'}")
    target = make_app(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        _import(source, records)
        with source.uow() as uow:
            text = write_vcards(export_records(uow=uow))
        _import(target, parse_vcards(text)[0])
        key = lambda p: (p.name, tuple((c.kind, c.value) for c in p.contacts))  # noqa: E731
        assert sorted(map(key, _people(target))) == sorted(map(key, _people(source)))
    finally:
        source.close()
        target.close()
        for f in tmp_path.glob("*.db*"):
            f.unlink()


def test_backup_round_trip_is_identical(app: App, tmp_path: Path) -> None:
    records, _ = parse_vcards((FIXTURES / "google_contacts.vcf").read_bytes())
    _import(app, records)
    with app.uow(write=True) as uow:
        person = uow.contacts.load_all()[0]
        assert person.id is not None
        add_followup(uow=uow, now=FIXED_NOW, person=f"#{person.id}", text="ask", due="2026-12-01")
    with app.uow() as uow:
        first = export_backup(uow=uow)
    assert first["tables"]["people"] and first["tables"]["followups"]
    url = app.engine.url.render_as_string(hide_password=False)
    with app.engine.begin() as conn:  # empty the database: the account and all it owns
        conn.execute(delete(accounts))
    app.close()
    restored = make_app(url)
    with restored.uow(write=True) as uow:
        import_backup(uow=uow, document=json.loads(json.dumps(first)))
    with restored.uow() as uow:
        second = export_backup(uow=uow)
    # ids are new (a restore never keeps them); everything else, links included, is the same
    assert canonical(second) == canonical(first)
    with restored.uow(write=True) as uow:
        try:
            import_backup(uow=uow, document=first)
        except RestoreNeedsEmptyDatabase:
            pass
        else:
            raise AssertionError("a second restore must be refused")
    restored.close()
