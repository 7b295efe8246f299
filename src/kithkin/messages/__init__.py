"""Every sentence a user reads, keyed, one module per feature area.

Tests assert on keys (and on the data behind them), never on the prose, so the warm tone can be
edited freely here. Keep the voice encouraging and never shaming: a missed day is a rest day.

``ERRORS`` (``errors``: a :class:`~kithkin.domain.errors.KithkinError`'s ``key`` -> sentence)
and ``TEXT`` (every other sentence) are the areas' dictionaries merged. ``tests/test_messages.py``
checks that every error class's key and every key used in ``src/`` and in the templates exists,
and that no key is defined twice.

The areas are imported when first needed: :func:`text` looks in the areas in ``AREA_NAMES``
order and imports the next one only while the key is not found (the daily loop's sentences are
in the first area, ``today``), :func:`error_text` imports ``errors`` on the first error, and
``TEXT``, ``ERRORS`` and ``AREAS`` import everything when read (PEP 562 ``__getattr__``). Keys
are unique across areas, so the first area holding a key gives the same sentence as the merge.
"""

from __future__ import annotations

import importlib
import string
import threading
from types import ModuleType
from typing import Any

AREA_NAMES = (
    "today",
    "people",
    "plan",
    "ladder",
    "insights",
    "data",
    "settings",
    "web",
    "cli",
    "accounts",
)

# Declared for the type checker only: bare annotations make no global, so reading one goes to
# the module's __getattr__ below, which loads every area and then stores the global.
TEXT: dict[str, str]
ERRORS: dict[str, str]
AREAS: tuple[ModuleType, ...]

_loaded: list[dict[str, str]] = []  # the TEXT of each area imported so far, in AREA_NAMES order
_errors: dict[str, str] = {}
_lock = threading.Lock()  # web requests may ask for their first sentences at the same time


def _area(name: str) -> ModuleType:
    return importlib.import_module(f"kithkin.messages.{name}")


def _load_next(seen: int) -> bool:
    """Make sure more than ``seen`` areas are loaded; False when every area already is."""
    with _lock:
        if len(_loaded) > seen:
            return True
        if len(_loaded) == len(AREA_NAMES):
            return False
        _loaded.append(_area(AREA_NAMES[len(_loaded)]).TEXT)
        return True


def _error_templates() -> dict[str, str]:
    if not _errors:
        with _lock:
            if not _errors:
                _errors.update(_area("errors").ERRORS)
    return _errors


def __getattr__(name: str) -> Any:
    if name == "TEXT":
        while _load_next(len(_loaded)):
            pass
        merged: dict[str, str] = {}
        for area in _loaded:
            merged.update(area)
        globals()["TEXT"] = merged
        return merged
    if name == "ERRORS":
        globals()["ERRORS"] = _error_templates()
        return _errors
    if name == "AREAS":
        areas = tuple(_area(n) for n in AREA_NAMES)
        globals()["AREAS"] = areas
        return areas
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """Numbers as a person reads them: a rounded negative zero is just zero ("+0.0", not "-0.0")."""
    return {k: 0.0 if isinstance(v, float) and v == 0 else v for k, v in params.items()}


class _Formatter(string.Formatter):
    """``str.format`` plus plurals: ``{count:record|records}`` is "record" when count is 1 and
    "records" otherwise; a form may hold the number itself (``{every:week|{every} weeks}``).
    ``{due:day}`` shows a day (a date, or ISO text as plans store it) in the one date format."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value == 1 else many
        if format_spec == "day":
            from datetime import date

            from kithkin.domain.dates import day_label

            day = value if isinstance(value, date) else date.fromisoformat(str(value))
            return day_label(day)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _format(template: str, params: dict[str, Any]) -> str:
    plain = _plain(params)
    if "|" in template or ":day}" in template:
        return _FORMATTER.vformat(template, (), plain)
    return template.format(**plain)


def error_text(key: str, **params: Any) -> str:
    """The user-facing sentence for an error key."""
    errors = _error_templates()
    template = errors.get(key, errors["error"])
    try:
        return _format(template, params)
    except (KeyError, IndexError):
        return template


def text(key: str, **params: Any) -> str:
    """The user-facing sentence for a text key."""
    template = _template(key)
    return _format(template, params) if params else template


def _template(key: str) -> str:
    seen = 0
    while True:
        for area in _loaded[seen:]:
            if key in area:
                return area[key]
            seen += 1
        if not _load_next(seen):
            raise KeyError(key)
