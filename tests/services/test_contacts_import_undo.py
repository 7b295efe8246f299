"""An import is one change that undo takes back whole; importing an unchanged file again writes
nothing, so it is no change at all. On both backends."""

from __future__ import annotations

from pathlib import Path

from kithkin.bootstrap import App
from kithkin.formats.vcard import parse_vcards
from kithkin.services.changes import undo
from kithkin.services.contacts_import import import_contacts
from kithkin.services.people import add_person
from tests.conftest import FIXED_NOW

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures"


def _import(app: App, name: str) -> tuple[int, int]:
    records, problems = parse_vcards((FIXTURES / name).read_bytes())
    assert not problems
    with app.uow(write=True) as uow:
        report = import_contacts(uow=uow, now=FIXED_NOW, records=records)
    return report.created, report.updated


def _everyone(app: App) -> list[tuple[int | None, str, tuple[str, ...]]]:
    with app.uow() as uow:
        return [(p.id, p.name, tuple(c.value for c in p.contacts)) for p in uow.contacts.load_all()]


def _changes(app: App) -> int:
    with app.uow() as uow:
        return len(uow.changes.recent(limit=100))


def test_import_undo_and_import_again_keep_people_and_their_details(app: App) -> None:
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace")
    before = _everyone(app)
    created, _ = _import(app, "apple_contacts_ios17.vcf")
    assert created > 0
    imported = _everyone(app)
    assert len(imported) == len(before) + created
    assert len({pid for pid, _, _ in imported}) == len(imported)
    assert all(points for _, name, points in imported if name != "Ada Lovelace")
    journaled = _changes(app)

    assert _import(app, "apple_contacts_ios17.vcf") == (0, 0)
    assert _changes(app) == journaled  # nothing written, so nothing to undo
    assert _everyone(app) == imported

    with app.uow(write=True) as uow:
        undo(uow=uow, now=FIXED_NOW)
    assert _everyone(app) == before
    assert _import(app, "apple_contacts_ios17.vcf") == (created, 0)
    again = _everyone(app)
    assert [(n, p) for _, n, p in again] == [(n, p) for _, n, p in imported]
    assert len({pid for pid, _, _ in again}) == len(again)
