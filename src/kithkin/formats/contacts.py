"""What the contact parsers return: records, and problems with the line they were found on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kithkin.domain.contacts import ContactRecord
from kithkin.domain.model import Birthday
from kithkin.messages import text
from kithkin.services.contacts_import import BadRecord

__all__ = ["ContactRecord", "Problem", "bad_records", "parse_birthday"]

# Apple Contacts stores a birthday without a year as year 1604 (with X-APPLE-OMIT-YEAR=1604).
APPLE_NO_YEAR = 1604

_NO_YEAR = re.compile(r"^--(\d\d)-?(\d\d)$")
_WITH_YEAR = re.compile(r"^(\d{4})-?(\d\d)-?(\d\d)(?:[T ].*)?$")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a file that could not be read.

    ``line`` is the 1-based line it starts on; ``record_index`` counts the records (cards, CSV
    rows) of the file from 0, or is None for a problem with the whole file. ``message_key`` is a
    key of :data:`kithkin.messages.TEXT`; ``detail`` is the offending text or a list of what was
    expected, to show alongside.
    """

    line: int
    record_index: int | None
    message_key: str
    detail: str = ""


def bad_records(problems: list[Problem]) -> list[BadRecord]:
    """Parser problems as the import service's bad records, in the user's words (the CLI and the
    web show the same report). A bad birthday keeps its person, without the birthday."""
    return [
        BadRecord(
            line=p.line,
            record=None if p.record_index is None else p.record_index + 1,
            message=text(p.message_key, detail=p.detail)
            if "{detail}" in text(p.message_key)
            else text(p.message_key),
            detail=p.detail,
            kept=p.message_key == "import.bad_birthday",
        )
        for p in problems
    ]


def parse_birthday(text: str, *, omit_year: str | None = None) -> Birthday | None:
    """Read a vCard or CSV birthday: ``1985-05-04``, ``19850504``, ``--05-04``, ``--0504``.

    Apple's year 1604 (or the year named by ``X-APPLE-OMIT-YEAR``) means "no year". A time after
    the date is ignored. Returns None for an empty value; raises ValueError when unreadable.
    """
    value = text.strip()
    if not value:
        return None
    if match := _NO_YEAR.match(value):
        day = date(2000, int(match[1]), int(match[2]))  # a leap year admits 29 Feb
        return Birthday(month=day.month, day=day.day)
    if match := _WITH_YEAR.match(value):
        year = int(match[1])
        no_year = year == APPLE_NO_YEAR or (omit_year is not None and omit_year.strip() == match[1])
        day = date(2000 if no_year else year, int(match[2]), int(match[3]))
        return Birthday(month=day.month, day=day.day, year=None if no_year else year)
    raise ValueError(value)
