"""HTML pages that change a person: edit everything the CLI's ``people edit`` can, archive and
bring back (each behind a confirmation step), and remove a mistaken moment from the timeline."""

from __future__ import annotations

import functools
import zoneinfo
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from kithkin.domain.errors import CircleNotFound, InputError, KithkinError
from kithkin.domain.model import CARD_FIELDS, Feeling, Person
from kithkin.services.interactions import delete_interaction
from kithkin.services.people import archive_person, edit_person, list_circles, resolve
from kithkin.services.ports import UnitOfWork
from kithkin.web import forms
from kithkin.web.deps import Form, Now, ReadUow, WriteUow, checked_form
from kithkin.web.render import redirect, render

router = APIRouter(include_in_schema=False)

CONTACT_FIELDS = (("email", "emails"), ("phone", "phones"), ("handle", "handles"))
# Names the domain's errors use -> the edit form's fields.
EDIT_FIELDS = {
    **{name.replace("_", " "): name for name in CARD_FIELDS},
    "birthday in words": "birthday_text",
    "name": "name",
    "nickname": "nickname",
    "circle": "circle",
    "cadence_days": "cadence_days",
    "cadence": "cadence_days",
    "closeness": "closeness",
    "feeling": "feeling",
    "timezone": "timezone",
    "when": "birthday",
    "birthday month": "birthday",
    "birthday day": "birthday",
    "contact kind": "emails",
    "contact value": "emails",
}


@functools.cache
def timezone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def person_values(p: Person) -> dict[str, Any]:
    """The edit form's fields, filled from what is stored."""
    values: dict[str, Any] = {
        "name": p.name,
        "nickname": p.nickname,
        "circle": p.circle or "none",
        "cadence_days": p.cadence_days,
        "closeness": str(p.closeness),
        "feeling": p.feeling.value,
        "timezone": p.timezone or "",
        "birthday": _birthday_text(p),
        "interests": ", ".join(p.interests),
        "how_met": p.how_met,
        "notes": p.notes,
        **p.card_fields(),
        "birthday_text": p.birthday_text,
    }
    for kind, field in CONTACT_FIELDS:
        values[field] = "\n".join(
            c.value + (f" #{c.label}" if c.label else "") for c in p.contacts if c.kind == kind
        )
    return values


def _birthday_text(p: Person) -> str:
    """``YYYY-MM-DD``, or ``MM-DD`` without a year (the forms the field's hint names)."""
    b = p.birthday
    if b is None:
        return ""
    return str(b) if b.year is not None else f"{b.month:02d}-{b.day:02d}"


def _lines(form: FormData, name: str) -> list[str]:
    raw = form.get(name)
    return [line.strip() for line in (raw if isinstance(raw, str) else "").splitlines()]


def edit_changes(form: FormData) -> dict[str, Any]:
    """The form as :func:`kithkin.services.people.edit_person` arguments: every field is
    sent, so an emptied field clears what was stored."""
    cadence = forms.opt_int(form, "cadence_days", label="cadence")
    closeness = forms.opt_int(form, "closeness", label="closeness")
    contacts = [
        f"{kind}:{line}" for kind, field in CONTACT_FIELDS for line in _lines(form, field) if line
    ]
    changes: dict[str, Any] = {
        "name": forms.text(form, "name"),
        "nickname": forms.text(form, "nickname"),
        "circle": forms.text(form, "circle") or "none",
        "cadence_days": cadence,
        "closeness": closeness,
        "feeling": forms.text(form, "feeling") or None,
        "timezone": forms.text(form, "timezone") or None,
        "birthday": forms.text(form, "birthday") or None,
        "interests": [forms.text(form, "interests")],
        "how_met": forms.text(form, "how_met"),
        "notes": forms.text(form, "notes"),
        **{name: forms.text(form, name) for name in (*CARD_FIELDS, "birthday_text")},
        "contacts": contacts,
    }
    changes["clear"] = [k for k in ("cadence_days", "timezone", "birthday") if changes[k] is None]
    return changes


def _edit_context(
    uow: UnitOfWork, person: Person, values: dict[str, Any], errors: dict[str, str]
) -> dict[str, Any]:
    return {
        "person": person,
        "values": values,
        "errors": errors,
        "circles": list_circles(uow=uow),
        "feelings": [f.value for f in Feeling],
        "timezones": timezone_names(),
    }


@router.get("/people/{person_id}/edit")
def edit_page(request: Request, person_id: int, uow: ReadUow) -> Response:
    person = resolve(uow=uow, ref=person_id)
    context = _edit_context(uow, person, person_values(person), {})
    return render(request, "person_edit.html", context)


@router.post("/people/{person_id}/edit")
def edit_post(request: Request, person_id: int, form: Form, uow: WriteUow, now: Now) -> Response:
    person = resolve(uow=uow, ref=person_id)
    try:
        edit_person(uow=uow, ref=person_id, now=now, **edit_changes(form))
    except (InputError, CircleNotFound) as exc:
        values = forms.values(form)
        if isinstance(exc, CircleNotFound):
            errors = {"circle": exc.message}
        else:
            errors = forms.field_errors(exc, EDIT_FIELDS, fallback="form")
        if str(exc.params.get("field", "")).startswith("contact"):
            errors = {_contact_field(form, exc): exc.message}
        context = _edit_context(uow, person, values, errors)
        return render(request, "person_edit.html", context, status=422)
    return redirect(f"/people/{person_id}?saved=edited")


def _contact_field(form: FormData, exc: KithkinError) -> str:
    """Which contact box holds the value an error is about (emails when unsure)."""
    value = str(exc.params.get("value", ""))
    for _, field in CONTACT_FIELDS:
        if value and value in forms.text(form, field):
            return field
    return "emails"


@router.post("/people/{person_id}/archive", dependencies=[Depends(checked_form)])
def archive_post(person_id: int, uow: WriteUow) -> Response:
    archive_person(uow=uow, ref=person_id, archived=True)
    return redirect(f"/people/{person_id}?saved=archived")


@router.post("/people/{person_id}/unarchive", dependencies=[Depends(checked_form)])
def unarchive_post(person_id: int, uow: WriteUow) -> Response:
    archive_person(uow=uow, ref=person_id, archived=False)
    return redirect(f"/people/{person_id}?saved=unarchived")


@router.post("/interactions/{interaction_id}/delete")
def interaction_delete(interaction_id: int, form: Form, uow: WriteUow) -> Response:
    """Remove a moment; back to the person it was opened from (their last contact is
    recomputed in the same transaction)."""
    delete_interaction(uow=uow, interaction_id=interaction_id)
    back = forms.opt_int(form, "person") or 0
    return redirect(f"/people/{back}?saved=deleted" if back else "/")
