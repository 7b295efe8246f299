"""Every sentence a user reads, keyed, one module per feature area.

Tests assert on keys (and on the data behind them), never on the prose, so the warm tone can be
edited freely here. Keep the voice encouraging and never shaming: a missed day is a rest day.

``ERRORS`` (``errors``: a :class:`~kithkin.domain.errors.KithkinError`'s ``key`` -> sentence)
and ``TEXT`` (every other sentence) are the areas' dictionaries merged. ``tests/test_messages.py``
checks that every error class's key and every key used in ``src/`` and in the templates exists,
and that no key is defined twice.
"""

from __future__ import annotations

from typing import Any

from kithkin.messages import (
    accounts,
    cli,
    data,
    errors,
    insights,
    ladder,
    people,
    plan,
    settings,
    today,
    web,
)

AREAS = (today, people, plan, ladder, insights, data, settings, web, cli, accounts)

ERRORS: dict[str, str] = dict(errors.ERRORS)
TEXT: dict[str, str] = {}
for _area in AREAS:
    TEXT.update(_area.TEXT)


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """Numbers as a person reads them: a rounded negative zero is just zero ("+0.0", not "-0.0")."""
    return {k: 0.0 if isinstance(v, float) and v == 0 else v for k, v in params.items()}


def error_text(key: str, **params: Any) -> str:
    """The user-facing sentence for an error key."""
    template = ERRORS.get(key, ERRORS["error"])
    try:
        return template.format(**_plain(params))
    except (KeyError, IndexError):
        return template


def text(key: str, **params: Any) -> str:
    """The user-facing sentence for a text key."""
    template = TEXT[key]
    return template.format(**_plain(params)) if params else template
