"""Reconnect openers: a warm, short first message to a dormant tie, drafted from templates.

The drafts use only what the user recorded (interests, the last interaction's kind and day,
how they met). Template families are tried in a fixed order and rotated by the person's id and
the date, so the same person on the same day always gets the same drafts. No network, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kithkin.domain.model import KINDS, Person

FAMILIES: dict[str, tuple[str, ...]] = {
    "interest": ("opener.interest.0", "opener.interest.1"),
    "last": ("opener.last.0", "opener.last.1"),
    "how_met": ("opener.how_met.0",),
    "plain": ("opener.plain.0", "opener.plain.1"),
}


@dataclass(frozen=True, slots=True)
class Opener:
    """A drafted message: a template key and the words that fill it."""

    key: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        from kithkin.messages import text

        return text(self.key, **self.params)


def since_words(days: int) -> str:
    """A gentle, rounded 'how long ago' (``3 months``, ``about a year``)."""
    from kithkin.messages import text

    if days < 60:
        return text("opener.since.weeks", n=max(1, days // 7))
    if days < 365:
        return text("opener.since.months", n=days // 30)
    if days < 730:
        return text("opener.since.year")
    return text("opener.since.years", n=days // 365)


def _first_name(person: Person) -> str:
    return person.nickname.strip() or (person.name.split() or [person.name])[0]


def draft_openers(
    *,
    person: Person,
    today: date,
    last_kind: str | None = None,
    last_day: date | None = None,
    count: int = 3,
) -> list[Opener]:
    """Up to ``count`` openers, the best first, deterministic for (person id, today)."""
    from kithkin.messages import text

    seed = (person.id or 0) * 7 + today.toordinal()
    base = {"name": _first_name(person)}
    drafts: list[Opener] = []
    interests = [i.strip() for i in person.interests if i.strip()]
    if interests:
        interest = interests[seed % len(interests)]
        drafts += [Opener(k, {**base, "interest": interest}) for k in FAMILIES["interest"]]
    if last_kind in KINDS and last_day is not None and last_day < today:
        words = {
            "kind": text(f"opener.kind.{KINDS[last_kind].mode.value}"),
            "since": since_words((today - last_day).days),
        }
        drafts += [Opener(k, {**base, **words}) for k in FAMILIES["last"]]
    if person.how_met.strip():
        how = {"how_met": person.how_met.strip().rstrip(".")}
        drafts += [Opener(k, {**base, **how}) for k in FAMILIES["how_met"]]
    drafts += [Opener(k, dict(base)) for k in FAMILIES["plain"]]
    # Rotate within the specific drafts so the plain ones stay last resorts.
    specific = len(drafts) - len(FAMILIES["plain"])
    if specific:
        turn = seed % specific
        drafts = drafts[turn:specific] + drafts[:turn] + drafts[specific:]
    return drafts[:count]


def draft_opener(
    *, person: Person, today: date, last_kind: str | None = None, last_day: date | None = None
) -> Opener:
    """The single best opener for today."""
    return draft_openers(
        person=person, today=today, last_kind=last_kind, last_day=last_day, count=1
    )[0]
