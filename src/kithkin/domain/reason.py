"""Why the planner suggests something, in plain words (its own module, so that reading a stored
plan back does not import the planner)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Reason:
    """Why, in plain words: a message key and the values that fill it."""

    key: str
    params: dict[str, str | int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        from kithkin.messages import text

        return text(self.key, **self.params)
