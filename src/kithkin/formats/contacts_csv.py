"""Read the contact CSV files that Google Contacts, Outlook and LinkedIn export.

The dialect is recognised from the header (:func:`detect_format`); a ``--format`` that names
another one is refused (:class:`CsvFormatMismatch`) and columns with data that kithkin does not
keep are named (:func:`unused_columns`). Outlook's headers are read in English, German and French.

Google: the current export (``First Name``, ``Middle Name``, ``Last Name`` ... ``E-mail 1 -
Label``, ``E-mail 1 - Value``, ``Phone 1 - Label`` ...) and the older one (``Name``, ``Given
Name``, ``Family Name`` ... ``E-mail 1 - Type``); a cell may hold several values joined by
``" ::: "``. Outlook: ``E-mail Address``, ``Mobile Phone``, ``Business Phone`` ... with US
``M/D/YYYY`` birthdays (a first number above 12 is read as the day) and ``0/0/00`` for none.
LinkedIn's ``Connections.csv`` starts with a few ``Notes:`` lines before its header; lines
before the header are skipped for every format.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kithkin.domain.errors import InputError
from kithkin.domain.model import Birthday, ContactPoint, check_choice
from kithkin.formats.contacts import ContactRecord, Problem, parse_birthday


class CsvFormatMismatch(InputError):
    """The file's header is another exporter's than the one the user named."""

    key = "import.csv_format_mismatch"


FORMATS = ("google", "outlook", "linkedin")
_HEADER_SEARCH_ROWS = 20
_MULTI = " ::: "
_NUMBERED = re.compile(r"^(e-mail|phone) (\d+) - (label|type|value)$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")  # German Outlook: day first
_KNOWN_LABELS = {"home", "work", "mobile", "other", "main", "pager", "cell"}

_OUTLOOK_EMAILS = ("e-mail address", "e-mail 2 address", "e-mail 3 address")
_OUTLOOK_PHONES = (
    ("mobile phone", "mobile"),
    ("home phone", "home"),
    ("home phone 2", "home"),
    ("business phone", "work"),
    ("business phone 2", "work"),
    ("primary phone", "main"),
    ("other phone", "other"),
    ("pager", "pager"),
    ("home fax", "home fax"),
    ("business fax", "work fax"),
)
# The headers a file must have to be read as each format (any one of each group).
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "google": (("first name", "name", "given name"),),
    "outlook": (("first name",), ("last name",), ("e-mail address",)),
    "linkedin": (("first name",), ("last name",), ("url",)),
}
_EXPECTED_TEXT = {
    "google": "First Name, Last Name, E-mail 1 - Value, Phone 1 - Value (or Name, Given Name)",
    "outlook": "First Name, Last Name, E-mail Address, Mobile Phone, Birthday, Notes",
    "linkedin": "First Name, Last Name, URL, Email Address, Company, Position, Connected On",
}


# Outlook writes its headers in the language of the installation: these are read as English.
_OUTLOOK_ALIASES = {
    # German (Outlook 2010-365, "Exportieren in eine Datei")
    "vorname": "first name",
    "weitere vornamen": "middle name",
    "nachname": "last name",
    "anrede": "title",
    "spitzname": "nickname",
    "e-mail-adresse": "e-mail address",
    "e-mail 2: adresse": "e-mail 2 address",
    "e-mail 3: adresse": "e-mail 3 address",
    "mobiltelefon": "mobile phone",
    "telefon privat": "home phone",
    "telefon privat 2": "home phone 2",
    "telefon geschäftlich": "business phone",
    "telefon geschäftlich 2": "business phone 2",
    "haupttelefon": "primary phone",
    "weiteres telefon": "other phone",
    "firma": "company",
    "abteilung": "department",
    "position": "job title",
    "geburtstag": "birthday",
    "notizen": "notes",
    # French
    "prénom": "first name",
    "deuxième prénom": "middle name",
    "nom": "last name",
    "adresse de messagerie": "e-mail address",
    "téléphone mobile": "mobile phone",
    "téléphone (domicile)": "home phone",
    "téléphone (bureau)": "business phone",
    "société": "company",
    "anniversaire": "birthday",
}
# Columns each reader uses (besides Google's numbered e-mail and phone columns); any other column
# holding data is named in the report, never dropped without a word.
_USED: dict[str, frozenset[str]] = {
    "google": frozenset(
        {"first name", "middle name", "last name", "name", "given name", "additional name"}
        | {"family name", "nickname", "notes", "birthday", "organization name"}
        | {"organization 1 - name", "organization title", "organization 1 - title"}
        | {"name prefix", "name suffix", "organization department", "organization 1 - department"}
    ),
    "outlook": frozenset(
        {"first name", "middle name", "last name", "nickname", "notes", "birthday", "company"}
        | {"department", "job title", *_OUTLOOK_EMAILS, *(h for h, _ in _OUTLOOK_PHONES)}
        | {"title", "suffix"}
    ),
    "linkedin": frozenset(
        {"first name", "last name", "url", "email address", "company", "position"}
    ),
}


def detect_format(header: list[str]) -> str | None:
    """Which exporter wrote a CSV header (lower-cased cells): ``google`` (the current export,
    or the older ``Name``/``Given Name`` one), ``outlook`` (Outlook's own in English, German or
    French, and Google's "Outlook CSV"), ``linkedin``; None when none matches."""
    names = set(header)
    if any(_NUMBERED.match(n) for n in names):
        return "google"
    outlook = {_OUTLOOK_ALIASES.get(n, n) for n in header}
    if {"first name", "last name"} <= outlook and (
        "e-mail address" in outlook or "mobile phone" in outlook or "business phone" in outlook
    ):
        return "outlook"
    if {"first name", "last name", "url"} <= names:
        return "linkedin"
    if {"name", "given name", "family name"} <= names:
        return "google"
    return None


def _header_name(cell: str, fmt: str) -> str:
    name = cell.strip().lower()
    return _OUTLOOK_ALIASES.get(name, name) if fmt == "outlook" else name


def unused_columns(data: str | bytes, fmt: str) -> list[str]:
    """Columns of the file that hold data the ``fmt`` reader does not use, as the file names
    them, in file order."""
    rows = csv.reader(io.StringIO(_text(data), newline=""))
    header: list[str] | None = None
    used: list[bool] = []
    filled: set[int] = set()
    for cells in rows:
        names = [_header_name(cell, fmt) for cell in cells]
        if header is None:
            if _has_required(names, fmt):
                header = cells
                used = [n in _USED[fmt] or bool(_NUMBERED.match(n)) for n in names]
            continue
        filled.update(i for i, cell in enumerate(cells) if cell.strip())
    if header is None:
        return []
    return [name.strip() for i, name in enumerate(header) if i in filled and not used[i]]


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    index: int
    cells: dict[str, str]

    def get(self, name: str) -> str:
        return self.cells.get(name, "").replace("\r\n", "\n").strip()


def parse_csv(data: str | bytes, fmt: str) -> tuple[list[ContactRecord], list[Problem]]:
    """Read a contacts CSV export; ``fmt`` is ``google``, ``outlook`` or ``linkedin``.

    An unknown ``fmt`` raises :class:`kithkin.domain.errors.BadChoice`.
    """
    check_choice("format", fmt, FORMATS)
    rows = _rows(_text(data), fmt)
    first = next(rows)
    if isinstance(first, Problem):
        return [], [first]
    reader = _READERS[fmt]
    records: list[ContactRecord] = []
    problems: list[Problem] = []
    for row in rows:
        assert isinstance(row, _Row)
        if not any(row.cells.values()):
            continue
        record, row_problems = reader(row)
        problems.extend(row_problems)
        if record is not None:
            records.append(record)
    return records, problems


def _text(data: str | bytes) -> str:
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    return data.removeprefix("\ufeff")


def _rows(text: str, fmt: str) -> Iterator[_Row | Problem]:
    """First the header as an empty row (or a Problem), then one row per CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    previous_end = count = 0
    for cells in reader:
        start, previous_end = previous_end + 1, reader.line_num
        names = [_header_name(cell, fmt) for cell in cells]
        if header is None:
            found = (
                detect_format([cell.strip().lower() for cell in cells])
                if reader.line_num < _HEADER_SEARCH_ROWS
                else None
            )
            if found is not None and found != fmt:
                raise CsvFormatMismatch(given=fmt, found=found)
            if _has_required(names, fmt):
                header = names
                yield _Row(start, -1, {})
            elif reader.line_num >= _HEADER_SEARCH_ROWS:
                break
            continue
        yield _Row(start, count, dict(zip(header, cells, strict=False)))
        count += 1
    if header is None:
        yield Problem(1, None, "import.csv.unknown_header", _EXPECTED_TEXT[fmt])


def _has_required(names: list[str], fmt: str) -> bool:
    present = set(names)
    return all(any(name in present for name in group) for group in _REQUIRED[fmt])


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _label(text: str) -> str:
    label = text.strip().removeprefix("* ").strip()
    if label.lower() in _KNOWN_LABELS:
        return "mobile" if label.lower() == "cell" else label.lower()
    return label


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(_MULTI) if part.strip()]


def _birthday(row: _Row, text: str) -> tuple[Birthday | None, list[Problem]]:
    value = text.strip()
    if value in ("", "0/0/00", "0/0/0000"):
        return None, []
    try:
        dotted = _DOTTED_DATE.match(value)
        if dotted is not None:
            day, month, year = int(dotted[1]), int(dotted[2]), int(dotted[3])
            return parse_birthday(f"{year:04d}-{month:02d}-{day:02d}"), []
        us = _US_DATE.match(value)
        if us is None:
            return parse_birthday(value), []
        first, second, year = int(us[1]), int(us[2]), int(us[3])
        month, day = (second, first) if first > 12 else (first, second)
        if year < 100:
            year += 1900 if year > 30 else 2000
        return parse_birthday(f"{year:04d}-{month:02d}-{day:02d}"), []
    except ValueError:
        return None, [Problem(row.line, row.index, "import.bad_birthday", value)]


def _finish(
    row: _Row, source: str, name: str, birthday_text: str = "", **fields: object
) -> tuple[ContactRecord | None, list[Problem]]:
    if not name:
        return None, [Problem(row.line, row.index, "import.no_name")]
    birthday, problems = _birthday(row, birthday_text)
    record = ContactRecord(
        full_name=name,
        line=row.line,
        birthday=birthday,
        source=source,
        **fields,  # type: ignore[arg-type]
    )
    return record, problems


def _google(row: _Row) -> tuple[ContactRecord | None, list[Problem]]:
    name = _join(row.get("first name"), row.get("middle name"), row.get("last name"))
    name = (
        name
        or row.get("name")
        or _join(row.get("given name"), row.get("additional name"), row.get("family name"))
    )
    numbered: dict[tuple[str, str], dict[str, str]] = {}
    for header, value in row.cells.items():
        match = _NUMBERED.match(header)
        if match:
            slot = numbered.setdefault((match[1], match[2]), {})
            slot["value" if match[3] == "value" else "label"] = value
    emails: list[ContactPoint] = []
    phones: list[ContactPoint] = []
    for (what, _), slot in sorted(numbered.items(), key=lambda kv: (kv[0][0], int(kv[0][1]))):
        target, kind = (emails, "email") if what == "e-mail" else (phones, "phone")
        for value in _split(slot.get("value", "")):
            target.append(ContactPoint(kind, value, _label(slot.get("label", ""))))
    return _finish(
        row,
        "google",
        name,
        row.get("birthday"),
        nickname=row.get("nickname"),
        notes=row.get("notes"),
        organisation=row.get("organization name") or row.get("organization 1 - name"),
        department=row.get("organization department") or row.get("organization 1 - department"),
        title=row.get("organization title") or row.get("organization 1 - title"),
        emails=tuple(emails),
        phones=tuple(phones),
        family_name=row.get("last name") or row.get("family name"),
        given_name=row.get("first name") or row.get("given name"),
        additional_names=row.get("middle name") or row.get("additional name"),
        name_prefix=row.get("name prefix"),
        name_suffix=row.get("name suffix"),
    )


def _outlook(row: _Row) -> tuple[ContactRecord | None, list[Problem]]:
    name = _join(row.get("first name"), row.get("middle name"), row.get("last name"))
    emails = tuple(ContactPoint("email", row.get(h)) for h in _OUTLOOK_EMAILS if row.get(h))
    phones = tuple(
        ContactPoint("phone", row.get(header), label)
        for header, label in _OUTLOOK_PHONES
        if row.get(header)
    )
    return _finish(
        row,
        "outlook",
        name,
        row.get("birthday"),
        nickname=row.get("nickname"),
        notes=row.get("notes"),
        organisation=row.get("company"),
        department=row.get("department"),
        title=row.get("job title"),
        emails=emails,
        phones=phones,
        family_name=row.get("last name"),
        given_name=row.get("first name"),
        additional_names=row.get("middle name"),
        name_prefix=row.get("title"),
        name_suffix=row.get("suffix"),
    )


def _linkedin(row: _Row) -> tuple[ContactRecord | None, list[Problem]]:
    name = _join(row.get("first name"), row.get("last name"))
    url, email = row.get("url"), row.get("email address")
    return _finish(
        row,
        "linkedin",
        name,
        organisation=row.get("company"),
        title=row.get("position"),
        family_name=row.get("last name"),
        given_name=row.get("first name"),
        emails=(ContactPoint("email", email),) if email else (),
        handles=(ContactPoint("handle", url, "linkedin"),) if url else (),
    )


_READERS: dict[str, Callable[[_Row], tuple[ContactRecord | None, list[Problem]]]] = {
    "google": _google,
    "outlook": _outlook,
    "linkedin": _linkedin,
}
