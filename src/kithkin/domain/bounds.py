"""The range of whole numbers the databases store (a signed 64-bit integer), checked at the
edges so that an id, offset or limit beyond it is a clear refusal, never a driver's overflow."""

from __future__ import annotations

import re

from kithkin.domain.errors import InputError

MAX_STORED_INT = 2**63 - 1
MIN_STORED_INT = -(2**63)
_WHOLE = re.compile(r"[+-]?[0-9]+")


class NumberOutOfRange(InputError):
    """A whole number lies outside what the database stores."""

    key = "number_out_of_range"


def fits(value: int) -> bool:
    return MIN_STORED_INT <= value <= MAX_STORED_INT


def check_stored_int(name: str, value: int) -> int:
    if not fits(value):
        shown = str(value) if len(str(value)) <= 30 else str(value)[:27] + "..."
        raise NumberOutOfRange(name=name, value=shown, maximum=MAX_STORED_INT)
    return value


def text_out_of_range(raw: str) -> bool:
    """True for text that spells a whole number outside the stored range (checked on the
    digits, so that a 10,000-digit string costs nothing)."""
    value = raw.strip()
    if not _WHOLE.fullmatch(value):
        return False
    digits = value.lstrip("+-").lstrip("0")
    if len(digits) > 19:
        return True
    return not fits(int(value))
