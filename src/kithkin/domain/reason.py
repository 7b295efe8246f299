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
        from kithkin.messages import TEXT, text

        # 'in touch today', not 'in touch 0 days ago': a key may have a wording for a day count
        # of 0 or 1 ("<key>#0", "<key>#1"), used when the reason's "days" is that count
        variant = f"{self.key}#{self.params.get('days')}"
        return text(variant if variant in TEXT else self.key, **self.params)
