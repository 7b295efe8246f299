"""The phone's quick paths on Today: check-in chips and the quick log with people chips."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kithkin.domain.errors import InputError
from kithkin.domain.model import PersonStatus
from kithkin.web import forms

if TYPE_CHECKING:
    from starlette.datastructures import FormData

    from kithkin.domain.model import Person

CHIPS = 8  # people chips shown on Today
KIND_CHIPS = ("text", "call", "video_call", "coffee", "meal", "walk_run", "visit")


class MissingChoice(InputError):
    """A scale the user must choose on (mood, stress) was left unchosen."""

    key = "choice_missing"


def req_choice(form: FormData, name: str, *, low: int, high: int) -> int:
    """A chosen number; nothing chosen is an error (never a silent default)."""
    value = forms.opt_int(form, name)
    if value is None:
        raise MissingChoice(field=name, low=low, high=high)
    return value


def opt_float(form: FormData, name: str, *, label: str) -> float | None:
    raw = forms.text(form, name)
    if not raw:
        return None
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        raise forms.NotANumber(field=label, value=raw) from None


class NobodyChosen(InputError):
    """Today's quick log was sent with no one ticked or named (a stray tap must not count the
    day's connection)."""

    key = "quick_log_nobody"


class NobodyNamed(InputError):
    """The log page was sent with no one chosen or named."""

    key = "log_nobody"


def with_names(form: FormData) -> list[str]:
    """Everyone named: each ticked chip (``#id``) and each comma-separated typed name."""
    return [n.strip() for v in forms.many(form, "with") for n in v.split(",") if n.strip()]


def kept_quick_log(form: FormData) -> dict[str, Any]:
    """The quick log as sent, to fill it in again beside an error: the ticked chips
    (``#id``), the kind and the names typed in the search."""
    sent = [v.strip() for v in forms.many(form, "with") if v.strip()]
    chips = [v for v in sent if v.startswith("#") and v[1:].isdigit()]
    typed = [n.strip() for v in sent if v not in chips for n in v.split(",") if n.strip()]
    return {"chips": chips, "kind": forms.text(form, "kind"), "with": ", ".join(typed)}


def quick_people(*, uow: Any, plan: Any, due: list[Person]) -> list[Person]:
    """The people worth a chip: open ideas of today first, then who is due, then the people of
    the latest logs; active ones only, each once, at most :data:`CHIPS`."""
    ids: list[int] = []
    for s in plan.suggestions:
        if s.person is not None and s.person.id is not None and s.status == "open":
            ids.append(s.person.id)
    ids += [p.id for p in due if p.id is not None]
    for item in uow.interactions.find(limit=12):
        ids += list(item.person_ids)
    order = list(dict.fromkeys(ids))
    found = uow.people.get_many(order[: CHIPS * 2])
    people = [
        found[i]
        for i in order
        if i in found and found[i].status is PersonStatus.ACTIVE and not found[i].archived
    ]
    return people[:CHIPS]


def person_page(next_path: str) -> int | None:
    """The person whose page a quick log came from (``next`` is ``/people/<id>``), or None."""
    prefix = "/people/"
    rest = next_path[len(prefix) :] if next_path.startswith(prefix) else ""
    return int(rest) if rest.isdigit() and len(rest) < 12 else None
