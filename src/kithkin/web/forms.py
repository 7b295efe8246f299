"""Reading HTML forms: text to numbers, and errors placed beside the field they concern."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.datastructures import FormData

from kithkin.domain.errors import (
    AmbiguousName,
    BadDate,
    InputError,
    NonexistentLocalTime,
    UnknownName,
    UnknownTimezone,
)


class NotANumber(InputError):
    """A form field that needs a whole number got something else."""

    key = "not_a_number"


def values(form: FormData) -> dict[str, object]:
    """The form's text fields as they were typed, to fill the form in again beside errors."""
    return {k: v for k, v in form.items() if isinstance(v, str)}


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def opt_int(form: FormData, name: str, *, label: str | None = None) -> int | None:
    """The field as an int, None when left empty, :class:`NotANumber` otherwise."""
    raw = text(form, name)
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise NotANumber(field=label or name.replace("_", " "), value=raw) from None


def req_int(form: FormData, name: str, *, default: int, label: str | None = None) -> int:
    value = opt_int(form, name, label=label)
    return default if value is None else value


def checked(form: FormData, name: str) -> bool:
    return text(form, name).lower() in ("on", "true", "1", "yes")


def many(form: FormData, name: str) -> list[str]:
    return [v.strip() for v in form.getlist(name) if isinstance(v, str) and v.strip()]


BY_TYPE: tuple[tuple[type[InputError], str], ...] = (
    (UnknownName, "with"),
    (AmbiguousName, "with"),
    (UnknownTimezone, "timezone"),
    (BadDate, "when"),
    (NonexistentLocalTime, "when"),
)


def field_errors(
    exc: InputError, fields: Mapping[str, str], *, fallback: str = "form"
) -> dict[str, str]:
    """``{form field: message}`` for ``exc``. ``fields`` maps the names errors use (the domain's
    "mood before", or an error type's default such as "with") to this form's field names."""
    label = exc.params.get("field")
    if isinstance(label, str) and label in fields:
        return {fields[label]: exc.message}
    for family, name in BY_TYPE:
        if isinstance(exc, family) and name in fields:
            return {fields[name]: exc.message}
    return {fallback: exc.message}
