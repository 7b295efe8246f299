"""A line-level reader for the common vCard: what vobject 0.9 gives, without building its objects.

``vobject.readComponents`` builds a component, a content line object per property, looks up a
behaviour for each and decodes it, which costs several times what kithkin does with the values.
:func:`read_lines` gives, for a card it fully understands, the same properties in the same shape
(``name``, ``group``, ``params``, ``singletonparams``, ``value``) with the same values vobject's
content lines have once read: vobject's own line grammar (``vobject.base.parseLine``), its
parameter table, its quoted-printable decoding, and its decoding per property (backslash
escapes, a text value cut at its first bare comma, ``N`` and ``ADR`` as vobject's ``Name`` and
``Address``, ``ORG`` as fields, ``CATEGORIES`` as a list, ``VERSION`` and ``GEO`` as written).

For anything else it returns None and the card is read by vobject as before: a card without a
VERSION line, a folded line at the start, a line vobject's grammar refuses, nested components
(``BEGIN``/``END``), any ``ENCODING`` other than quoted-printable, a ``BASE64`` parameter, or a
quoted-printable value that does not decode. So a card read here gives exactly the record and
the problems it gives when vobject reads it (``tests/formats/test_vcard_lines.py`` compares the
two on every fixture, on generated files and on random cards).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from typing import Any, cast

from vobject.base import ParseError, parseLine
from vobject.vcard import Address, Name

# vobject.icalendar.escapableCharList: what a backslash escapes in a text value
_ESCAPABLE = '\\;,Nn"'
_NAME_ORDER = ("family", "given", "additional", "prefix", "suffix")
_ADDRESS_ORDER = ("box", "extended", "street", "city", "region", "code", "country")
_AS_WRITTEN = frozenset({"VERSION", "GEO"})  # vobject leaves their values undecoded
_NESTED = frozenset({"BEGIN", "END", "PROFILE"})
_TOKENS = {
    sep: re.compile(r"\\(.)|(\\)$|(" + re.escape(sep) + r")|[^\\" + re.escape(sep) + r"]+", re.S)
    for sep in (",", ";")
}


class Line:
    """One property of a card, as vobject's ``ContentLine`` holds it after reading."""

    __slots__ = ("group", "name", "params", "singletonparams", "value")

    def __init__(
        self,
        name: str,
        group: str | None,
        params: dict[str, list[str]],
        singletonparams: list[str],
        value: Any,
    ) -> None:
        self.name = name
        self.group = group
        self.params = params
        self.singletonparams = singletonparams
        self.value = value


def read_lines(lines: Sequence[str]) -> list[Line] | None:
    """The properties of one card (its content lines between BEGIN and END), or None when the
    card needs vobject itself."""
    logical: list[str] = []
    for line in lines:
        if line[:1] in (" ", "\t"):
            if not logical:  # vobject would fold it into the BEGIN line
                return None
            logical[-1] += line[1:]
        else:
            logical.append(line)
    out: list[Line] = []
    version = False
    for text in logical:
        prop = _read_line(text)
        if prop is None:
            return None
        version = version or prop.name == "VERSION"
        out.append(prop)
    return out if version else None


def _read_line(text: str) -> Line | None:
    try:
        raw_name, raw_params, value, group = parseLine(text)
    except ParseError:
        return None
    name = raw_name.upper()
    if name in _NESTED:
        return None
    params: dict[str, list[str]] = {}
    singletons: list[str] = []
    for param in raw_params:  # as vobject's ContentLine builds its table
        if len(param) == 1:
            singletons += param
        else:
            params.setdefault(param[0].upper(), []).extend(param[1:])
    qp = False
    encoding = params.get("ENCODING")
    if encoding is not None and "QUOTED-PRINTABLE" in encoding:
        qp = True
        encoding.remove("QUOTED-PRINTABLE")
        if not encoding:
            del params["ENCODING"]
    if "QUOTED-PRINTABLE" in singletons:
        qp = True
        singletons.remove("QUOTED-PRINTABLE")
    if "ENCODING" in params or "BASE64" in singletons:
        return None  # base64 and other encodings: vobject's own reading
    if qp:
        charset = params["CHARSET"][0] if "CHARSET" in params else "utf-8"
        try:
            raw = cast(bytes, codecs.decode(value.encode("utf-8"), "quoted-printable"))
            value = raw.decode(charset)
        except Exception:  # undecodable or unknown charset: vobject, then the cp1252 retry
            return None
    return Line(name, group, params, singletons, _decoded(name, value))


def _decoded(name: str, value: str) -> Any:
    if name in _AS_WRITTEN:
        return value
    if name == "N":
        return Name(**dict(zip(_NAME_ORDER, split_fields(value), strict=False)))
    if name == "ADR":
        return Address(**dict(zip(_ADDRESS_ORDER, split_fields(value), strict=False)))
    if name == "ORG":
        return split_fields(value)
    if name == "CATEGORIES":
        return text_values(value)
    return text_values(value)[0]


def split_fields(value: str) -> list[Any]:
    """``vobject.vcard.splitFields``: fields on ``;``, each a string or a list of its values."""
    fields = []
    for field in text_values(value, ";", ";"):
        values = text_values(field)
        fields.append(values[0] if len(values) == 1 else values)
    return fields


def text_values(value: str, sep: str = ",", escapable: str = _ESCAPABLE) -> list[str]:
    """``vobject.icalendar.stringToTextValues``: the values separated by ``sep``, backslash
    escapes of ``escapable`` resolved (``\\n`` a line break), other escapes kept as written, a
    trailing empty value dropped (and a lone backslash at the end read as vobject reads it)."""
    if "\\" not in value:
        parts = value.split(sep)
        if len(parts) > 1 and not parts[-1]:
            parts.pop()
        return parts
    results: list[str] = []
    current: list[str] = []
    for match in _TOKENS[sep].finditer(value):
        escaped, trailing, separator = match.groups()
        if escaped is not None:
            if escaped in escapable:
                current.append("\n" if escaped in "nN" else escaped)
            else:
                current.append("\\" + escaped)
        elif trailing is not None:
            current.append("\\eof")  # vobject reads the end of the text as the escaped "eof"
        elif separator is not None:
            results.append("".join(current))
            current = []
        else:
            current.append(match[0])
    if current or not results:
        results.append("".join(current))
    return results
