"""A contact as read from someone else's address book, and how its values are compared.

The record lives in the domain (not in :mod:`kithkin.formats`) because the pure merge in
:mod:`kithkin.domain.contacts_merge` needs it and the domain may not import the adapters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kithkin.domain.model import Birthday, ContactPoint

_NOT_DIGIT = re.compile(r"\D")
_SPACES = re.compile(r"\s+")
_PREFIXES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """One person found in an imported file.

    ``line`` is the 1-based line in the source file where the person starts. ``emails``,
    ``phones`` and ``handles`` hold :class:`ContactPoint` values of kind ``email``, ``phone`` and
    ``handle`` with the exporter's label (``home``, ``mobile``, ``linkedin`` ...). ``source`` is a
    short tag of the format it came from (``vcard``, ``google``, ``outlook``, ``linkedin``).
    The structured name (vCard ``N``: family; given; additional; prefix; suffix, several values
    of one part joined by ``,``), ``organisation`` and ``department`` (``ORG``; several units
    joined by ``;``), ``title`` and ``birthday_text`` (a birthday in words) are kept as written.
    """

    full_name: str
    line: int = 0
    uid: str | None = None
    nickname: str = ""
    emails: tuple[ContactPoint, ...] = ()
    phones: tuple[ContactPoint, ...] = ()
    handles: tuple[ContactPoint, ...] = ()
    birthday: Birthday | None = None
    notes: str = ""
    organisation: str = ""
    title: str = ""
    how_met: str = ""
    source: str = ""
    family_name: str = ""
    given_name: str = ""
    additional_names: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    department: str = ""
    birthday_text: str = ""

    @property
    def name_parts(self) -> tuple[str, str, str, str, str]:
        """The structured name in vCard's order: family, given, additional, prefix, suffix."""
        return (
            self.family_name,
            self.given_name,
            self.additional_names,
            self.name_prefix,
            self.name_suffix,
        )

    @property
    def contact_points(self) -> tuple[ContactPoint, ...]:
        return self.emails + self.phones + self.handles


def normalise_phone(value: str) -> str:
    """Digits only, keeping a leading ``+``; an international ``00`` prefix becomes ``+``.

    No country code is guessed: ``030 1234`` and ``+49 30 1234`` stay different.
    """
    text = value.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    digits = _NOT_DIGIT.sub("", text)
    if text.startswith("+"):
        return "+" + digits if digits else ""
    if digits.startswith("00") and len(digits) > 2:
        return "+" + digits[2:]
    return digits


def normalise_email(value: str) -> str:
    """An email address compared without case (and without a ``mailto:`` prefix)."""
    text = value.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.casefold()


def fold_name(value: str) -> str:
    """A name compared without case, accents or repeated spaces."""
    if value.isascii():  # nothing to decompose (most names): the same result, much faster
        return _SPACES.sub(" ", value).strip().casefold()
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().casefold()


def contact_key(point: ContactPoint) -> str:
    """The value two contact points of the same kind are compared by."""
    if point.kind == "phone":
        return normalise_phone(point.value)
    if point.kind == "email":
        return normalise_email(point.value)
    return point.value.strip().casefold()


def structured_name(full_name: str) -> tuple[str, str, str, str, str]:
    """``N`` from a display name: leading titles are the prefix, trailing ``Jr``/``III`` the
    suffix, the last word the family name, the first the given name, the rest additional.
    ``Family, Given`` is read the other way round."""
    name = full_name.strip()
    if name.count(",") == 1 and all(part.strip() for part in name.split(",")):
        family, given = (part.strip() for part in name.split(","))
        if given.rstrip(".").lower() not in _SUFFIXES:
            name = f"{given} {family}"
    words = name.split()
    prefix: list[str] = []
    suffix: list[str] = []
    while len(words) > 1 and words[0].rstrip(".").lower() in _PREFIXES:
        prefix.append(words.pop(0))
    while len(words) > 1 and words[-1].rstrip(".,").lower() in _SUFFIXES:
        suffix.insert(0, words.pop())
    if len(words) == 1:
        return ("", words[0], "", " ".join(prefix), " ".join(suffix))
    return (
        words[-1] if words else "",
        words[0] if words else "",
        " ".join(words[1:-1]),
        " ".join(prefix),
        " ".join(suffix),
    )
