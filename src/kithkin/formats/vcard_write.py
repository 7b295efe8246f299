"""Write contact records as vCard 3.0 (the default), 4.0 or 2.1, so that
:func:`kithkin.formats.vcard.parse_vcards` reads every field back unchanged.

3.0 is what every common address book imports (Google and Outlook read 4.0 poorly); 4.0 is for
CardDAV servers and Thunderbird; 2.1 for old phones and Outlook 2003.

- ``N`` is the structured name as it was read (family; given; additional; prefix; suffix); a
  person without one gets it built from the display name (titles as prefix, ``Jr``/``III`` as
  suffix, ``Family, Given`` read the other way round).
- ``ORG`` is the organisation, then the department's units (kept joined by ``;``).
- Escaping: in 3.0 and 4.0 ``\\``, ``,``, ``;`` and line breaks are escaped in text values, and
  ``,`` and ``;`` inside one part of ``N`` or ``ORG``. vCard 2.1 has no comma escape (a comma is
  literal there, and read back as one), only ``\\;``; a value with a line break or a letter
  outside ASCII is written ``ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8`` on one line.
- A birthday in words: ``BDAY;VALUE=text:`` in 4.0. 2.1 and 3.0 have no text birthday, so it
  goes in ``X-KITHKIN-BIRTHDAY-TEXT`` (so does a 4.0 card's when it also has a dated birthday).
- Labels made of the TYPE words RFC 2426 allows (``work fax``, ``home``, ``pager``) go in
  ``TYPE``; any other label uses the Apple/Google ``itemN.X-ABLabel`` grouping, so a strict
  validator accepts the file. A birthday without a year is ``--MM-DD`` (``--MMDD`` in 4.0).
  ``how_met`` is kept in ``X-KITHKIN-HOW-MET``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from typing import Literal

from kithkin.domain.contacts import ContactRecord, structured_name
from kithkin.domain.model import Birthday, ContactPoint
from kithkin.formats.vcard import BDAY_TEXT

Version = Literal["2.1", "3.0", "4.0"]
VERSIONS: tuple[Version, ...] = ("3.0", "4.0", "2.1")

_TEL_TYPES = frozenset(
    {"home", "work", "msg", "pref", "voice", "fax", "cell", "video", "pager", "bbs", "modem"}
    | {"car", "isdn", "pcs", "text", "textphone"}
)
_EMAIL_TYPES = frozenset({"home", "work", "internet", "pref", "x400"})
_TYPE_FOR_LABEL = {"mobile": "CELL"}
_PLAIN_LABEL = re.compile(r"^[a-z][a-z0-9-]*$")


def write_vcards(records: Sequence[ContactRecord], version: str = "3.0") -> str:
    """Write records as vCard ``version`` (``3.0``, ``4.0`` or ``2.1``) text that
    :func:`parse_vcards` reads back without loss."""
    chosen = next((v for v in VERSIONS if v == version), None)
    if chosen is None:
        raise ValueError(version)
    out = io.StringIO()
    for record in records:
        _Card(out, chosen).write(record)
    return out.getvalue()


class _Card:
    __slots__ = ("out", "version")

    def __init__(self, out: io.StringIO, version: Version) -> None:
        self.out = out
        self.version = version

    def write(self, record: ContactRecord) -> None:
        self.line("BEGIN", "VCARD", raw=True)
        self.line("VERSION", self.version, raw=True)
        self.line("FN", record.full_name)
        parts = record.name_parts
        if not any(parts):
            parts = structured_name(record.full_name)
        self.line("N", ";".join(self.escape(p) for p in parts), raw=True)
        self.text("UID", record.uid or "")
        self.text("NICKNAME", record.nickname)
        self.text("NOTE", record.notes)
        self.text("TITLE", record.title)
        self.text("X-KITHKIN-HOW-MET", record.how_met)
        if record.organisation or record.department:
            units = record.department.split(";") if record.department else []
            self.line(
                "ORG", ";".join(self.escape(p) for p in (record.organisation, *units)), raw=True
            )
        if record.birthday is not None:
            self.line("BDAY", _birthday_text(record.birthday, self.version), raw=True)
        if record.birthday_text:
            if self.version == "4.0" and record.birthday is None:
                self.text("BDAY", record.birthday_text, params=";VALUE=text")
            else:
                self.text(BDAY_TEXT, record.birthday_text)
        groups = iter(range(1, 1_000_000))
        for prop, points in (
            ("EMAIL", record.emails),
            ("TEL", record.phones),
            ("X-SOCIALPROFILE", record.handles),
        ):
            for point in points:
                self.point(prop, point, groups)
        self.line("END", "VCARD", raw=True)

    def text(self, name: str, value: str, *, params: str = "") -> None:
        if value:
            self.line(name + params, self.escape(value), raw=True)

    def escape(self, value: str) -> str:
        """A text value, or one part of ``N`` or ``ORG``, escaped for this version."""
        value = value.replace("\\", "\\\\").replace(";", "\\;")
        if self.version == "2.1":
            return value  # commas are literal in 2.1; line breaks go quoted-printable
        value = value.replace(",", "\\,")
        return value.replace("\r\n", "\n").replace("\n", "\\n")

    def line(self, name: str, value: str, *, raw: bool = False) -> None:
        if not raw:
            value = self.escape(value)
        if self.version == "2.1" and not (value.isascii() and "\n" not in value):
            self.out.write(_quoted_printable(name, value))
            return
        self.out.write(_folded(f"{name}:{value}"))

    def point(self, name: str, point: ContactPoint, groups: Iterator[int]) -> None:
        value = self.escape(point.value)
        if not point.label:
            self.line(name, value, raw=True)
            return
        allowed = _TEL_TYPES if name == "TEL" else _EMAIL_TYPES if name == "EMAIL" else frozenset()
        words = [_TYPE_FOR_LABEL.get(w, w).lower() for w in point.label.split(" ")]
        if all(_PLAIN_LABEL.match(w) and w in allowed for w in words):
            if self.version == "2.1":
                params = "".join(f";{w.upper()}" for w in words)
            else:
                params = ";TYPE=" + ",".join(w.upper() for w in words)
            self.line(name + params, value, raw=True)
            return
        group = f"item{next(groups)}"
        self.line(f"{group}.{name}", value, raw=True)
        self.line(f"{group}.X-ABLabel", self.escape(point.label), raw=True)


def _folded(line: str) -> str:
    """A content line folded at 75 octets (never inside a UTF-8 character), CRLF-ended."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    out: list[str] = []
    chunk = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(chunk)
            chunk, size, limit = "", 0, 74  # a continuation line starts with a space
        chunk += char
        size += width
    out.append(chunk)
    return "\r\n ".join(out) + "\r\n"


def _quoted_printable(name: str, value: str) -> str:
    """A vCard 2.1 line in quoted-printable UTF-8. Written on one line, without soft line
    breaks: readers that unfold only the 3.0 way (vobject among them) do not join those."""
    encoded = "".join(
        chr(byte) if (33 <= byte <= 126 and byte != 61) or byte == 32 else f"={byte:02X}"
        for byte in value.encode("utf-8")
    )
    if encoded.endswith(" "):
        encoded = encoded[:-1] + "=20"
    return f"{name};ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{encoded}\r\n"


def _birthday_text(birthday: Birthday, version: Version) -> str:
    dash = "" if version == "4.0" else "-"
    if birthday.year is None:
        return f"--{birthday.month:02d}{dash}{birthday.day:02d}"
    return f"{birthday.year:04d}{dash}{birthday.month:02d}{dash}{birthday.day:02d}"
