"""The structured name, organisation, department, job title and a birthday in words are kept
by import, written by every vCard version's export and carried by the JSON backup and its
restore validation (#12). Both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete

from kithkin.bootstrap import App
from kithkin.domain.errors import InputError
from kithkin.formats.vcard import parse_vcards
from kithkin.formats.vcard_write import write_vcards
from kithkin.services.backup import export_backup, import_backup
from kithkin.services.contacts_import import export_records, import_contacts
from kithkin.storage.tables import accounts
from tests.conftest import FIXED_NOW, make_app

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def _import_file(app: App, name: str) -> None:
    records, problems = parse_vcards((FIXTURES / name).read_bytes())
    assert problems == []
    with app.uow(write=True) as uow:
        assert import_contacts(uow=uow, now=FIXED_NOW, records=records).applied


def _person(app: App, name: str):
    with app.uow() as uow:
        return next(p for p in uow.contacts.load_all() if p.name == name)


def test_outlook_2003_name_and_org_are_kept_and_exported_in_each_version(app: App) -> None:
    _import_file(app, "outlook_2003_org_comma.vcf")
    john = _person(app, "John Doe")
    assert (john.family_name, john.given_name, john.name_prefix, john.name_suffix) == (
        "Doe",
        "John",
        "Mr.",
        "III",
    )
    assert (john.organisation, john.department) == ("Company, The", "TheDepartment")
    assert "Company" not in john.notes  # no longer folded into the notes
    with app.uow() as uow:
        records = export_records(uow=uow)
    lines = {v: write_vcards(records, v).splitlines() for v in ("2.1", "3.0", "4.0")}
    for version in ("2.1", "3.0", "4.0"):
        assert "N:Doe;John;;Mr.;III" in lines[version]
    assert "ORG:Company, The;TheDepartment" in lines["2.1"]
    assert "ORG:Company\\, The;TheDepartment" in lines["3.0"]
    assert "ORG:Company\\, The;TheDepartment" in lines["4.0"]


def test_a_text_birthday_is_its_own_field_and_exported(app: App) -> None:
    _import_file(app, "vcard4_text_birthday.vcf")
    with app.uow() as uow:
        ada = next(p for p in uow.contacts.load_all() if p.birthday_text)
        records = export_records(uow=uow)
    assert (ada.birthday, ada.birthday_text) == (None, "circa 1800")
    assert "circa" not in ada.notes
    assert "BDAY;VALUE=text:circa 1800" in write_vcards(records, "4.0").splitlines()
    assert "X-KITHKIN-BIRTHDAY-TEXT:circa 1800" in write_vcards(records, "3.0").splitlines()


def test_the_backup_carries_them_and_restore_checks_them(app: App) -> None:
    _import_file(app, "outlook_2003_org_comma.vcf")
    _import_file(app, "vcard4_text_birthday.vcf")
    with app.uow() as uow:
        first = export_backup(uow=uow)
    row = next(r for r in first["tables"]["people"] if r["family_name"] == "Doe")
    assert (row["organisation"], row["department"]) == ("Company, The", "TheDepartment")
    assert any(r["birthday_text"] == "circa 1800" for r in first["tables"]["people"])
    url = app.engine.url.render_as_string(hide_password=False)
    with app.engine.begin() as conn:
        conn.execute(delete(accounts))
    app.close()
    restored = make_app(url)
    try:
        bad = json.loads(json.dumps(first))
        bad["tables"]["people"][0]["department"] = "x" * 201
        with restored.uow(write=True) as uow, pytest.raises(InputError):
            import_backup(uow=uow, document=bad)
        with restored.uow(write=True) as uow:
            import_backup(uow=uow, document=json.loads(json.dumps(first)))
        with restored.uow() as uow:
            people = {p.name: p for p in uow.contacts.load_all()}
        john = people["John Doe"]
        assert (john.family_name, john.organisation) == ("Doe", "Company, The")
        assert any(p.birthday_text == "circa 1800" for p in people.values())
    finally:
        restored.close()


def test_edit_person_sets_and_empties_them_and_refuses_too_long(app: App) -> None:
    """What `kithkin people edit --given-name ...` asks of the service, on both backends."""
    from kithkin.domain.errors import TooLong
    from kithkin.services.people import add_person, edit_person

    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
    fields = {
        "family_name": "King",
        "given_name": "Augusta",
        "organisation": "Company, The",
        "job_title": "Analyst",
        "birthday_text": "circa 1815",
    }
    with app.uow(write=True) as uow:
        edit_person(uow=uow, ref="ada", now=FIXED_NOW, **{k: f" {v} " for k, v in fields.items()})
    ada = _person(app, "Ada Lovelace")
    assert {k: getattr(ada, k) for k in fields} == fields
    with app.uow(write=True) as uow, pytest.raises(TooLong):
        edit_person(uow=uow, ref="ada", now=FIXED_NOW, department="x" * 201, job_title="")
    with app.uow(write=True) as uow:
        edit_person(uow=uow, ref="ada", now=FIXED_NOW, organisation="", department=None)
    ada = _person(app, "Ada Lovelace")
    assert (ada.organisation, ada.department, ada.job_title) == ("", "", "Analyst")
