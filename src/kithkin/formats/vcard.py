"""Read vCard 2.1, 3.0 and 4.0 files (Apple, Google, Android, Outlook, Evolution, Nextcloud).

The file is split into cards here, line by line, so that one broken card cannot sink the others
and every problem carries the line its card starts on; each card is then read by ``vobject``.
While splitting, quoted-printable soft line breaks (vCard 2.1) are joined, because ``vobject``
does not join them, and PHOTO/LOGO/SOUND/KEY properties are dropped unread, so huge base64 photos
cost neither time nor memory. vCard 2.1 has no comma escape: the commas of its text values are
escaped before vobject reads them (``FN:Doe, John`` is one name).

Kept as written: the structured name (``N``; several values of one part joined by ``,``),
``ORG`` as the organisation and its units (the department, several joined by ``;``), ``TITLE``,
and a birthday in words (4.0 ``BDAY;VALUE=text``, or ``X-KITHKIN-BIRTHDAY-TEXT`` where BDAY
cannot hold one), never a problem. ``PROFILE:VCard`` is dropped unread; other RFC 2426/6350
properties kithkin does not use (KIND, GENDER, MAILER, CLASS ...) are read and left aside.
``how_met`` is kept in ``X-KITHKIN-HOW-MET``. Writing is :mod:`kithkin.formats.vcard_write`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kithkin.domain.model import NAME_PARTS, ContactPoint
from kithkin.formats.contacts import ContactRecord, Problem, parse_birthday

SOURCE = "vcard"
# A birthday in words where BDAY cannot hold one (vCard 2.1 and 3.0, or next to a dated BDAY).
BDAY_TEXT = "X-KITHKIN-BIRTHDAY-TEXT"
NAME_FIELDS = NAME_PARTS
_N_ATTRS = ("family", "given", "additional", "prefix", "suffix")
# Photos and the like are dropped unread; PROFILE:VCard (RFC 2426, written by Lotus Notes) says
# nothing the BEGIN line does not, and vobject refuses it, so it is dropped too.
_SKIPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY", "PROFILE"})
# The TYPE words a strict validator accepts (RFC 2426 / RFC 6350); any other label is written
# the Apple way, as an ``itemN.X-ABLabel`` group.
_TEL_TYPES = frozenset(
    {"home", "work", "msg", "pref", "voice", "fax", "cell", "video", "pager", "bbs", "modem"}
    | {"car", "isdn", "pcs", "text", "textphone"}
)
_EMAIL_TYPES = frozenset({"home", "work", "internet", "pref", "x400"})
_KEPT_TYPES = frozenset({"fax", "pager", "video", "text", "textphone", "car", "isdn"})
_HANDLES = ("IMPP", "X-SOCIALPROFILE")
_NOT_LABELS = frozenset({"internet", "pref", "voice", "x400", "uri", "text", "encoding"})
_LABEL_ALIASES = {"cell": "mobile", "iphone": "mobile", "main": "main"}
_TYPE_FOR_LABEL = {"mobile": "CELL"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_PLAIN_LABEL = re.compile(r"^[a-z][a-z0-9-]*$")
_TEXT_PROPS = frozenset({"FN", "N", "ORG", "NOTE", "NICKNAME", "TITLE", "ROLE"})
_QP_CHARSET = re.compile(r"(?i)(;ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE)")
_VERSION = ("VERSION:", "VERSION;")
_BATCH = 64  # cards read by one vobject call (a failing call reads its cards one by one)


@dataclass(frozen=True, slots=True)
class _Card:
    line: int
    index: int
    lines: tuple[str, ...]


def parse_vcards(data: str | bytes) -> tuple[list[ContactRecord], list[Problem]]:
    """Read every card of a vCard file; bad cards become problems, good ones records."""
    records: list[ContactRecord] = []
    problems: list[Problem] = []
    batch: list[_Card] = []
    for item in iter_cards(_lines(data)):
        if isinstance(item, _Card):
            batch.append(item)
            if len(batch) < _BATCH:
                continue
        for record, card_problems in _read_batch(batch):
            problems.extend(card_problems)
            if record is not None:
                records.append(record)
        batch.clear()
        if isinstance(item, Problem):
            problems.append(item)
    for record, card_problems in _read_batch(batch):
        problems.extend(card_problems)
        if record is not None:
            records.append(record)
    return records, problems


def _read_batch(cards: list[_Card]) -> list[tuple[ContactRecord | None, list[Problem]]]:
    """Read several cards with one ``vobject.readComponents`` call over their joined text;
    if vobject fails anywhere in it (or does not give one component a card), each card is read
    again on its own, so a bad card is reported exactly as when read alone."""
    import vobject

    from kithkin.formats.vcard_lines import read_lines

    fast: dict[int, _Props] = {}
    for card in cards:  # the common card, read line by line as vobject reads it
        lines = read_lines(_commas_escaped(card.lines))
        if lines is not None:
            fast[id(card)] = _Props(lines)
    # vobject keeps the last VERSION line it saw for the next card: a card without its own is
    # read alone, as in a file of its own (vobject 0.9 reads every vCard version alike, so this
    # only guards against a vobject that tells versions apart).
    joined = [c for c in cards if id(c) not in fast and _has_version(c.lines)]
    try:
        text = "".join(_joined(_commas_escaped(c.lines)) for c in joined)
        components = list(vobject.readComponents(text)) if joined else []
    except Exception:
        components = []
    if len(components) != len(joined):
        return [_record(c, fast[id(c)]) if id(c) in fast else _read_card(c) for c in cards]
    read = dict(zip((id(card) for card in joined), components, strict=True))
    out: list[tuple[ContactRecord | None, list[Problem]]] = []
    for card in cards:
        props = fast.get(id(card))
        if props is None:
            component = read.get(id(card))
            try:
                props = None if component is None else _Props(component.getChildren())
            except Exception:
                props = None
        # a card left out, or one vobject read but kithkin cannot: read alone, as before
        out.append(_read_card(card) if props is None else _record(card, props))
    return out


def _lines(data: str | bytes) -> Iterator[str]:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    else:
        text = data.removeprefix("\ufeff")
    for raw in io.StringIO(text, newline=""):
        yield raw.rstrip("\r\n")


class _Lines:
    """The content lines of the card being read: soft breaks joined, photos left out."""

    __slots__ = ("lines", "qp_open", "skipping", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self.lines: list[str] = []
        self.skipping = self.qp_open = False

    def feed(self, line: str) -> None:
        if self.qp_open:
            self.lines[-1] = self.lines[-1][:-1] + line
            self.qp_open = line.endswith("=")
        elif line[:1] in (" ", "\t"):
            if not self.skipping:
                self.lines.append(line)
        elif line.strip():
            head = line.split(":", 1)[0]
            self.skipping = head.split(";", 1)[0].rsplit(".", 1)[-1].upper() in _SKIPPED
            if not self.skipping:
                self.lines.append(line)
                self.qp_open = line.endswith("=") and "QUOTED-PRINTABLE" in head.upper()

    def close(self) -> tuple[str, ...]:
        if self.qp_open:  # END:VCARD also ends a quoted-printable value left dangling by "="
            self.lines[-1] = self.lines[-1][:-1]
        return tuple(self.lines)


def iter_cards(lines: Iterable[str]) -> Iterator[_Card | Problem]:
    """Split physical lines into cards (``BEGIN:VCARD`` .. ``END:VCARD``), yielding problems too.

    Stray text between cards is reported once per run of lines; a card cut short by another
    ``BEGIN:VCARD`` or by the end of the file is reported as missing its END.
    """
    current: _Lines | None = None
    index = 0
    stray_reported = False
    for number, line in enumerate(lines, start=1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if current is not None:
                yield Problem(current.start, index, "import.vcard.missing_end")
                index += 1
            current, stray_reported = _Lines(number), False
        elif current is None:
            if marker and not stray_reported:
                yield Problem(number, None, "import.vcard.stray_text", line[:80])
                stray_reported = True
        elif marker == "END:VCARD":
            yield _Card(current.start, index, current.close())
            index += 1
            current = None
        else:
            current.feed(line)
    if current is not None:
        yield Problem(current.start, index, "import.vcard.missing_end")


def _has_version(lines: tuple[str, ...]) -> bool:
    if lines and lines[0][:8].upper() in _VERSION:
        return True
    return any(ln[:8].upper() in _VERSION for ln in lines)


def _commas_escaped(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The card's lines as vobject reads them (vCard 2.1 commas escaped, see
    :func:`_commas_literal`)."""
    if any(ln.strip().upper() == "VERSION:2.1" for ln in lines):
        return _commas_literal(lines)
    return lines


def _joined(lines: Sequence[str]) -> str:
    return "BEGIN:VCARD\r\n" + "\r\n".join(lines) + "\r\nEND:VCARD\r\n"


def _parse_component(card: _Card) -> Any:
    import vobject

    lines = _commas_escaped(card.lines)
    try:
        return vobject.readOne(_joined(lines))
    except UnicodeDecodeError:
        # Outlook writes quoted-printable Windows-1252 without saying so.
        fixed = [_QP_CHARSET.sub(r";CHARSET=windows-1252\1", ln, count=1) for ln in lines]
        return vobject.readOne(_joined(fixed))


def _commas_literal(lines: tuple[str, ...]) -> tuple[str, ...]:
    """vCard 2.1 has no comma escape: a comma in a text value is part of it (``FN:Doe, John``,
    ``ORG:Company, The``). vobject reads the 3.0 way, where a bare comma separates values, so
    the commas of text values are escaped before it reads them."""
    out: list[str] = []
    text_value = False
    for line in lines:
        if line[:1] in (" ", "\t"):
            out.append(_escape_commas(line) if text_value else line)
            continue
        head, sep, value = line.partition(":")
        name = head.split(";", 1)[0].rsplit(".", 1)[-1].upper()
        text_value = bool(sep) and (name in _TEXT_PROPS or name.startswith("X-"))
        out.append(f"{head}:{_escape_commas(value)}" if text_value else line)
    return tuple(out)


def _escape_commas(value: str) -> str:
    if "," not in value:
        return value
    out: list[str] = []
    escaped = False
    for char in value:
        if char == "," and not escaped:
            out.append("\\")
        out.append(char)
        escaped = char == "\\" and not escaped
    return "".join(out)


def _bad_line(card: _Card) -> str:
    """The first content line vobject cannot read, shortened, to show the user (or "")."""
    from vobject.base import textLineToContentLine

    for line in card.lines:
        try:
            textLineToContentLine(line)
        except Exception:
            return line[:80]
    return ""


def _read_card(card: _Card) -> tuple[ContactRecord | None, list[Problem]]:
    try:
        component = _parse_component(card)
        props = _Props(component.getChildren())
    except UnicodeDecodeError:
        return None, [Problem(card.line, card.index, "import.vcard.bad_encoding")]
    except Exception:  # any failure inside vobject is one unreadable card, in our words
        return None, [Problem(card.line, card.index, "import.vcard.unreadable", _bad_line(card))]
    return _record(card, props)


def _record(card: _Card, props: _Props) -> tuple[ContactRecord | None, list[Problem]]:
    name = props.full_name()
    if not name:
        return None, [Problem(card.line, card.index, "import.no_name")]
    problems: list[Problem] = []
    birthday = None
    bday = props.first("BDAY")
    birthday_text = ""
    if bday is not None:
        omit = bday.params.get("X-APPLE-OMIT-YEAR", [None])[0]
        is_text = any(v.lower() == "text" for v in bday.params.get("VALUE", ()))
        if is_text:  # vCard 4.0 allows a birthday in words ("circa 1800"): kept as text
            birthday_text = str(bday.value).strip()
        else:
            try:
                birthday = parse_birthday(str(bday.value), omit_year=omit)
            except ValueError:
                problems.append(
                    Problem(card.line, card.index, "import.bad_birthday", str(bday.value))
                )
    organisation, department = props.organisation()
    if not birthday_text:
        birthday_text = props.text(BDAY_TEXT)
    record = ContactRecord(
        full_name=name,
        line=card.line,
        uid=props.text("UID") or None,
        nickname=props.text("NICKNAME"),
        emails=props.points("EMAIL", "email"),
        phones=props.points("TEL", "phone"),
        handles=tuple(p for prop in _HANDLES for p in props.points(prop, "handle")),
        birthday=birthday,
        notes=props.text("NOTE"),
        organisation=organisation,
        department=department,
        title=props.text("TITLE"),
        how_met=props.text("X-KITHKIN-HOW-MET"),
        source=SOURCE,
        birthday_text=birthday_text,
        **props.name_parts(),
    )
    return record, problems


class _Props:
    """The properties of one parsed card, by upper-case name, with Apple-style group labels
    (read by vobject, or by :func:`kithkin.formats.vcard_lines.read_lines` in the same shape)."""

    __slots__ = ("by_name", "group_labels")

    def __init__(self, children: Iterable[Any]) -> None:
        self.by_name: dict[str, list[Any]] = {}
        self.group_labels: dict[str, str] = {}
        for child in children:
            name = child.name.upper()
            self.by_name.setdefault(name, []).append(child)
            if name == "X-ABLABEL" and child.group:
                self.group_labels[child.group.upper()] = _clean_label(str(child.value))

    def first(self, name: str) -> Any:
        found = self.by_name.get(name)
        return found[0] if found else None

    def text(self, name: str) -> str:
        prop = self.first(name)
        if prop is None:
            return ""
        value = prop.value
        if isinstance(value, list):
            value = ", ".join(str(part) for part in value if part)
        return str(value).replace("\r\n", "\n").strip()

    def full_name(self) -> str:
        name = self.text("FN")
        if name:
            return name
        structured = self.first("N")
        if structured is None or isinstance(structured.value, str):
            return str(structured.value).replace(";", " ").strip() if structured else ""
        parts = (
            structured.value.prefix,
            structured.value.given,
            structured.value.additional,
            structured.value.family,
            structured.value.suffix,
        )
        words = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
        return " ".join(w.strip() for w in words if w.strip())

    def name_parts(self) -> dict[str, str]:
        """The structured name (``N``), each part's values joined by ``,``."""
        structured = self.first("N")
        value = structured.value if structured is not None else None
        if value is None or isinstance(value, str):
            return {}
        out = {}
        for field, attr in zip(NAME_FIELDS, _N_ATTRS, strict=True):
            part = getattr(value, attr)
            values = part if isinstance(part, list) else [part]
            out[field] = ",".join(str(v) for v in values).strip()
        return out

    def organisation(self) -> tuple[str, str]:
        """``ORG`` as the organisation and its units (the department), joined by ``;``."""
        prop = self.first("ORG")
        if prop is None:
            return "", ""
        parts = _org_parts(prop.value)
        organisation = parts[0].strip() if parts else ""
        return organisation, ";".join(parts[1:]).strip().strip(";").strip()

    def points(self, name: str, kind: str) -> tuple[ContactPoint, ...]:
        found: list[ContactPoint] = []
        for prop in self.by_name.get(name, ()):
            value = str(prop.value).strip()
            user = prop.params.get("X-USER")
            if name == "X-SOCIALPROFILE" and user:
                value = str(user[0]).strip()
            if kind == "phone" and value.lower().startswith("tel:"):
                value = value[4:]
            if kind == "email" and value.lower().startswith("mailto:"):
                value = value[7:]
            if value:
                found.append(ContactPoint(kind, value, self._label(prop)))
        return tuple(found)

    def _label(self, prop: Any) -> str:
        if prop.group and prop.group.upper() in self.group_labels:
            return self.group_labels[prop.group.upper()]
        types = [t for v in prop.params.get("TYPE", ()) for t in v.split(",")]
        words: list[str] = [*types, *prop.singletonparams]
        found: list[str] = []
        for word in words:
            label = word.strip().strip('"').lower()
            if label and label not in _NOT_LABELS:
                label = _LABEL_ALIASES.get(label, label)
                if label not in found:
                    found.append(label)
        if len(found) > 1:  # "work fax", "home pager": the kind of line is kept with the place
            kinds = [w for w in found if w in _KEPT_TYPES][:1]
            places = [w for w in found if w not in _KEPT_TYPES][:1]
            return " ".join(places + kinds)
        return found[0] if found else ""


def _org_parts(value: Any) -> list[str]:
    """ORG as organisation then units. vobject splits a vCard 2.1 value on its (unescaped,
    literal) commas too, ``Company, The`` -> ``['Company', ' The']``: those are joined back."""
    parts = value if isinstance(value, list) else [value]
    out: list[str] = []
    for part in parts:
        joined = ",".join(str(p) for p in part) if isinstance(part, list) else str(part)
        out.append(joined)
    return out


def _clean_label(text: str) -> str:
    match = _APPLE_LABEL.match(text.strip())
    if match:
        return _LABEL_ALIASES.get(match[1].lower(), match[1].lower())
    return text.strip()
