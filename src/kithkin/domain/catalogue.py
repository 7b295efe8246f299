"""The catalogue of micro-interactions: what an action is, and how a catalogue file is read.

The built-in catalogue lives in ``kithkin/catalogue/actions.toml``; services read it
(``services.planning.builtin_actions``) and pass the text to :func:`parse_actions`. User-defined
actions use the same schema and join the built-ins through :func:`merge_actions`. This module
does no I/O.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kithkin.domain.errors import InputError
from kithkin.domain.model import KINDS

MINUTES = (2, 5, 10, 20, 30, 60, 90)
CHANNELS = ("async_message", "voice_message", "call", "video", "in_person")
LIVE_CHANNELS = frozenset({"call", "video"})  # need both people awake at the same time
GROUPS = ("one_to_one", "small_group", "group")
SELFCARE = ("walk", "run", "gym", "class", "cooking", "meal", "outdoors")
NEEDS = ("phone", "same_city", "shared_interest")
OCCASIONS = ("", "follow_up", "upcoming_event", "birthday", "reconnect", "far_away")
_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
EVIDENCE_NUMBERS = tuple(range(1, 15))  # science-reference section 2, items 1-14

# Words people write in a person's interests, mapped to the self-care tags they share.
INTEREST_TAGS: Mapping[str, tuple[str, ...]] = {
    "walk": ("walk",),
    "walking": ("walk",),
    "hiking": ("walk", "outdoors"),
    "hike": ("walk", "outdoors"),
    "run": ("run",),
    "running": ("run",),
    "jogging": ("run",),
    "marathon": ("run",),
    "trail running": ("run", "outdoors"),
    "gym": ("gym",),
    "weights": ("gym",),
    "lifting": ("gym",),
    "climbing": ("gym", "outdoors"),
    "bouldering": ("gym",),
    "fitness": ("gym", "class"),
    "yoga": ("class",),
    "pilates": ("class",),
    "spin": ("class",),
    "spinning": ("class",),
    "crossfit": ("class", "gym"),
    "dance": ("class",),
    "dancing": ("class",),
    "class": ("class",),
    "cooking": ("cooking",),
    "cook": ("cooking",),
    "baking": ("cooking",),
    "meal prep": ("cooking",),
    "food": ("meal",),
    "restaurants": ("meal",),
    "eating out": ("meal",),
    "outdoors": ("outdoors",),
    "nature": ("outdoors",),
    "cycling": ("outdoors",),
    "gardening": ("outdoors",),
}


class ActionFieldInvalid(InputError):
    """A field of a catalogue action is missing or holds a value that is not allowed."""

    key = "action_field_invalid"


class CatalogueUnreadable(InputError):
    """A catalogue file is not valid TOML or has no actions."""

    key = "catalogue_unreadable"


class ActionIdClash(InputError):
    """Two actions share an id (a custom action may not reuse a built-in id)."""

    key = "action_id_clash"


@dataclass(frozen=True, slots=True)
class Action:
    """One micro-interaction from the catalogue."""

    id: str
    title: str
    how: str
    minutes: int
    channel: str
    social_load: int
    anxiety: int
    group: str
    kind: str
    selfcare: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    weak_tie: bool = False
    occasion: str = ""
    evidence: tuple[int, ...] = ()
    custom: bool = False

    @property
    def live(self) -> bool:
        """Whether both people must be free at the same moment (a call or a video)."""
        return self.channel in LIVE_CHANNELS


def interest_tags(interests: Iterable[str]) -> dict[str, str]:
    """Self-care tags a person's interests point to, each with the interest that named it."""
    out: dict[str, str] = {}
    for interest in interests:
        for tag in INTEREST_TAGS.get(interest.strip().lower(), ()):
            out.setdefault(tag, interest.strip())
    return out


def parse_actions(toml_text: str, *, custom: bool = False) -> tuple[Action, ...]:
    """Read and validate a catalogue file; raise an :class:`InputError` naming the bad field."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueUnreadable(reason=str(exc)) from None
    rows = data.get("action")
    if not isinstance(rows, list) or not rows:
        raise CatalogueUnreadable(reason="no [[action]] tables")
    actions = tuple(_action(row, custom=custom) for row in rows)
    _check_unique(actions)
    return actions


def merge_actions(builtin: Iterable[Action], custom: Iterable[Action]) -> tuple[Action, ...]:
    """Built-in actions followed by custom ones; a custom id may not clash with any other."""
    merged = (*builtin, *custom)
    _check_unique(merged)
    return merged


def _check_unique(actions: Iterable[Action]) -> None:
    seen: set[str] = set()
    for action in actions:
        if action.id in seen:
            raise ActionIdClash(id=action.id)
        seen.add(action.id)


def _bad(action: str, field: str, allowed: str, value: object) -> ActionFieldInvalid:
    return ActionFieldInvalid(action=action, field=field, allowed=allowed, value=value)


def _text(row: Mapping[str, Any], name: str, action: str) -> str:
    value = row.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _bad(action, name, "a non-empty text", value)
    return value.strip()


def _choice(row: Mapping[str, Any], name: str, action: str, allowed: tuple[Any, ...]) -> Any:
    value = row.get(name)
    if value not in allowed or isinstance(value, bool):
        raise _bad(action, name, "one of " + ", ".join(map(str, allowed)), value)
    return value


def _choices(
    row: Mapping[str, Any], name: str, action: str, allowed: tuple[Any, ...]
) -> tuple[Any, ...]:
    value = row.get(name, [])
    described = "a list of " + ", ".join(map(str, allowed))
    if not isinstance(value, list):
        raise _bad(action, name, described, value)
    for item in value:
        if item not in allowed or isinstance(item, bool):
            raise _bad(action, name, described, item)
    return tuple(dict.fromkeys(value))


def _flag(row: Mapping[str, Any], name: str, action: str) -> bool:
    value = row.get(name, False)
    if not isinstance(value, bool):
        raise _bad(action, name, "true or false", value)
    return value


def action_from_mapping(row: Mapping[str, Any], *, custom: bool = True) -> Action:
    """Validate one action given as a mapping (the fields of an ``[[action]]`` table)."""
    return _action(dict(row), custom=custom)


def action_to_mapping(action: Action) -> dict[str, Any]:
    """The fields of ``action`` as an ``[[action]]`` table would hold them (defaults left out)."""
    out: dict[str, Any] = {
        "id": action.id,
        "title": action.title,
        "how": action.how,
        "minutes": action.minutes,
        "channel": action.channel,
        "social_load": action.social_load,
        "anxiety": action.anxiety,
        "group": action.group,
        "kind": action.kind,
    }
    optional: dict[str, Any] = {
        "selfcare": list(action.selfcare),
        "needs": list(action.needs),
        "weak_tie": action.weak_tie,
        "occasion": action.occasion,
        "evidence": list(action.evidence),
    }
    out.update({k: v for k, v in optional.items() if v})
    return out


def _action(row: Any, *, custom: bool) -> Action:
    if not isinstance(row, dict):
        raise CatalogueUnreadable(reason="an [[action]] entry is not a table")
    action_id = row.get("id")
    if not isinstance(action_id, str) or not _ID.fullmatch(action_id):
        raise _bad(str(action_id), "id", "lower-case letters, digits and underscores", action_id)
    known = {
        "id",
        "title",
        "how",
        "minutes",
        "channel",
        "social_load",
        "anxiety",
        "group",
        "kind",
        "selfcare",
        "needs",
        "weak_tie",
        "occasion",
        "evidence",
    }
    for extra in sorted(set(row) - known):
        raise _bad(action_id, extra, "one of the fields " + ", ".join(sorted(known)), extra)
    return Action(
        id=action_id,
        title=_text(row, "title", action_id),
        how=_text(row, "how", action_id),
        minutes=_choice(row, "minutes", action_id, MINUTES),
        channel=_choice(row, "channel", action_id, CHANNELS),
        social_load=_choice(row, "social_load", action_id, (1, 2, 3)),
        anxiety=_choice(row, "anxiety", action_id, (1, 2, 3, 4, 5)),
        group=_choice(row, "group", action_id, GROUPS),
        kind=_choice(row, "kind", action_id, tuple(KINDS)),
        selfcare=_choices(row, "selfcare", action_id, SELFCARE),
        needs=_choices(row, "needs", action_id, NEEDS),
        weak_tie=_flag(row, "weak_tie", action_id),
        occasion=_choice(row, "occasion", action_id, OCCASIONS) if "occasion" in row else "",
        evidence=_choices(row, "evidence", action_id, EVIDENCE_NUMBERS),
        custom=custom,
    )
