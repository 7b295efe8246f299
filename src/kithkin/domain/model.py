"""The plain data kithkin works with, and the rules that keep it valid.

Everything here is a frozen dataclass of standard-library values. Instants are timezone-aware
UTC ``datetime`` objects; a "day" is a ``date`` in the user's local time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from kithkin.domain import limits
from kithkin.domain.errors import BadChoice, BadDate, EmptyValue, OutOfRange, TooLong


class Feeling(StrEnum):
    """How a person tends to leave the user feeling."""

    ENERGISING = "energising"
    NEUTRAL = "neutral"
    DRAINING = "draining"


class Barrier(StrEnum):
    """The barriers the article names, chosen at onboarding."""

    LITTLE_TIME = "little_time"
    INTROVERSION = "introversion"
    SOCIAL_ANXIETY = "social_anxiety"


class PersonStatus(StrEnum):
    """Where a person stands: in the user's circles, awaiting triage after an import, or ignored."""

    ACTIVE = "active"
    TRIAGE = "triage"
    IGNORED = "ignored"


class Mode(StrEnum):
    """The broad way an interaction happens (used for insights by kind of contact)."""

    MESSAGE = "message"
    CALL = "call"
    IN_PERSON = "in_person"


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of interaction from the catalogue of kinds."""

    id: str
    label: str
    mode: Mode
    minutes: int


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind("text", "thoughtful text", Mode.MESSAGE, 3),
        Kind("voice_message", "voice message", Mode.MESSAGE, 3),
        Kind("letter", "letter or card", Mode.MESSAGE, 15),
        Kind("call", "phone call", Mode.CALL, 15),
        Kind("video_call", "video call", Mode.CALL, 20),
        Kind("coffee", "coffee", Mode.IN_PERSON, 30),
        Kind("meal", "meal together", Mode.IN_PERSON, 60),
        Kind("walk_run", "walk or run together", Mode.IN_PERSON, 40),
        Kind("class", "class or group workout", Mode.IN_PERSON, 60),
        Kind("cooking", "cooking together", Mode.IN_PERSON, 60),
        Kind("small_talk", "small talk", Mode.IN_PERSON, 2),
        Kind("community_event", "community event", Mode.IN_PERSON, 90),
        Kind("online_community", "online community", Mode.MESSAGE, 15),
        Kind("visit", "visit", Mode.IN_PERSON, 90),
        Kind("other", "other", Mode.IN_PERSON, 10),
    )
}

DEFAULT_CIRCLES: tuple[tuple[str, int], ...] = (
    ("inner", 7),
    ("close", 14),
    ("friends", 30),
    ("wider", 90),
)

SCALE_1_5 = limits.SCALE_1_5
SCALE_1_10 = limits.SCALE_1_10
MAX_MINUTES = limits.MINUTES[1]


def check_range(field_name: str, value: float | None, low: float, high: float) -> None:
    """Raise :class:`OutOfRange` unless ``value`` is None or within ``[low, high]``."""
    if value is not None and not low <= value <= high:
        raise OutOfRange(field=field_name, low=low, high=high, value=value)


def check_choice(field_name: str, value: str, allowed: list[str] | tuple[str, ...]) -> str:
    """Return ``value`` if it is allowed, else raise :class:`BadChoice`."""
    if value not in allowed:
        raise BadChoice(field=field_name, allowed=", ".join(allowed), value=value)
    return value


NAME_MAX = limits.NAME  # names and short one-line texts
TEXT_MAX = limits.TEXT  # notes and other free text


def check_text(field_name: str, value: str, *, limit: int = NAME_MAX) -> str:
    """Return the stripped text, or raise :class:`EmptyValue` / :class:`TooLong`."""
    cleaned = value.strip()
    if not cleaned:
        raise EmptyValue(field=field_name)
    return check_length(field_name, cleaned, limit=limit)


def check_length(field_name: str, value: str, *, limit: int = TEXT_MAX) -> str:
    """Return ``value`` if it has at most ``limit`` characters, else raise :class:`TooLong`."""
    if len(value) > limit:
        raise TooLong(field=field_name, limit=limit, length=len(value))
    return value


def kind(kind_id: str) -> Kind:
    """Look a kind up by id (hyphens and spaces are forgiven)."""
    normalised = kind_id.strip().lower().replace("-", "_").replace(" ", "_")
    check_choice("kind", normalised, list(KINDS))
    return KINDS[normalised]


@dataclass(frozen=True, slots=True)
class Birthday:
    """A birthday, with or without the year."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        check_range("birthday month", self.month, 1, 12)
        probe_year = self.year if self.year is not None else 2000  # a leap year admits 29 Feb
        try:
            date(probe_year, self.month, self.day)
        except ValueError:
            shown = f"{self.month:02d}-{self.day:02d}" if self.year is None else f"{self}"
            raise BadDate(value=shown, what="a birthday that exists on the calendar") from None

    @classmethod
    def parse(cls, text: str) -> Birthday:
        """Read ``YYYY-MM-DD``, ``MM-DD``, ``--MM-DD`` or ``--MMDD`` (no year)."""
        raw = text.strip()
        body = raw[2:] if raw.startswith("--") else raw
        try:
            if len(body) == 10:
                parsed = date.fromisoformat(body)
                return cls(parsed.month, parsed.day, parsed.year)
            if len(body) == 4 and body.isdigit():
                return cls(int(body[:2]), int(body[2:]))
            if len(body) == 5 and body[2] == "-":
                return cls(int(body[:2]), int(body[3:]))
        except ValueError:
            pass
        raise BadDate(value=text, what="a birthday (YYYY-MM-DD or MM-DD)")

    def next_on_or_after(self, day: date) -> date:
        """The next date this birthday falls on, on or after ``day`` (29 Feb -> 28 Feb)."""
        for year in (day.year, day.year + 1):
            try:
                candidate = date(year, self.month, self.day)
            except ValueError:
                candidate = date(year, 2, 28)
            if candidate >= day:
                return candidate
        raise AssertionError("unreachable")  # pragma: no cover

    def age_on(self, day: date) -> int | None:
        """How old the person turns on their birthday in ``day``'s year, if the year is known."""
        return None if self.year is None else day.year - self.year

    def __str__(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class ContactPoint:
    """A way to reach someone: a phone, an email or a handle."""

    kind: str  # "phone" | "email" | "handle"
    value: str
    label: str = ""

    def __post_init__(self) -> None:
        check_length("contact", self.value, limit=limits.CONTACT_VALUE)
        check_length("contact label", self.label, limit=limits.CONTACT_LABEL)


CONTACT_KINDS = ("phone", "email", "handle")


@dataclass(frozen=True, slots=True)
class Circle:
    """A group of people with a keep-in-touch cadence in days."""

    name: str
    cadence_days: int
    position: int = 0
    id: int | None = None

    def __post_init__(self) -> None:
        check_range("cadence_days", self.cadence_days, *limits.CADENCE_DAYS)


# The parts of a structured name in vCard's order (N: family; given; additional; prefix;
# suffix), and with them the work fields a person keeps as an address book wrote them.
NAME_PARTS: tuple[str, ...] = (
    "family_name",
    "given_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
)
CARD_FIELDS: tuple[str, ...] = (*NAME_PARTS, "organisation", "department", "job_title")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the user wants to stay close to, and what they remember about them."""

    name: str
    id: int | None = None
    nickname: str = ""
    circle: str | None = "friends"
    cadence_days: int | None = None
    closeness: int = 3
    feeling: Feeling = Feeling.NEUTRAL
    timezone: str | None = None
    birthday: Birthday | None = None
    interests: tuple[str, ...] = ()
    how_met: str = ""
    notes: str = ""
    contacts: tuple[ContactPoint, ...] = ()
    archived: bool = False
    status: PersonStatus = PersonStatus.ACTIVE
    uid: str | None = None
    last_contact_at: datetime | None = None
    created_at: datetime | None = None
    # As an address book wrote them (vCard N, ORG, TITLE); empty when never given.
    family_name: str = ""
    given_name: str = ""
    additional_names: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    organisation: str = ""
    department: str = ""
    job_title: str = ""
    birthday_text: str = ""  # a birthday in words ("circa 1800"), shown as written

    def __post_init__(self) -> None:
        check_range("closeness", self.closeness, *SCALE_1_5)
        check_range("cadence_days", self.cadence_days, *limits.CADENCE_DAYS)
        check_length("name", self.name, limit=limits.NAME)
        check_length("nickname", self.nickname, limit=limits.NICKNAME)
        check_length("how you met", self.how_met, limit=limits.HOW_MET)
        check_length("notes", self.notes, limit=limits.NOTES)
        for name in CARD_FIELDS:
            value = getattr(self, name)
            if len(value) > limits.CARD_FIELD:
                check_length(name.replace("_", " "), value, limit=limits.CARD_FIELD)
        if len(self.birthday_text) > limits.BIRTHDAY_WORDS:
            check_length("birthday in words", self.birthday_text, limit=limits.BIRTHDAY_WORDS)

    def card_fields(self) -> dict[str, str]:
        """The structured name, organisation, department and job title, by field name."""
        return {name: getattr(self, name) for name in CARD_FIELDS}

    @property
    def display_name(self) -> str:
        return self.nickname or self.name

    @property
    def in_plan(self) -> bool:
        """Whether the person takes part in cadences, the plan and network health."""
        return not self.archived and self.status is PersonStatus.ACTIVE and self.circle is not None


@dataclass(frozen=True, slots=True)
class Interaction:
    """One moment of connection. ``occurred_at`` is UTC; ``day`` is the user's local day then."""

    occurred_at: datetime
    day: date
    kind: str
    minutes: int
    person_ids: tuple[int, ...] = ()
    with_other: str = ""
    meaningful: bool = True
    quality: int | None = None
    mood_before: int | None = None
    mood_after: int | None = None
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        check_choice("kind", self.kind, list(KINDS))
        check_range("minutes", self.minutes, *limits.MINUTES)
        check_range("quality", self.quality, *SCALE_1_5)
        check_range("mood before", self.mood_before, *SCALE_1_10)
        check_range("mood after", self.mood_after, *SCALE_1_10)
        check_length("with", self.with_other, limit=limits.NAME)
        check_length("note", self.note, limit=limits.NOTE)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Something to ask or do for a person, optionally by a date."""

    person_id: int
    text: str
    due: date | None = None
    done: bool = False
    id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """The daily check-in: one per local day; a second one that day replaces it."""

    day: date
    mood: int
    stress: int
    energy: int | None = None
    sleep_hours: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        check_range("mood", self.mood, *SCALE_1_10)
        check_range("stress", self.stress, *SCALE_1_10)
        check_range("energy", self.energy, *SCALE_1_10)
        check_range("sleep hours", self.sleep_hours, *limits.SLEEP_HOURS)
        check_length("note", self.note, limit=limits.NOTE)


@dataclass(frozen=True, slots=True)
class Profile:
    """The user's settings for the practice."""

    timezone: str = "UTC"
    daily_goal: int = 1
    rest_days_per_week: int = 1
    weekday_minutes: int = 15
    weekend_minutes: int = 45
    barriers: frozenset[Barrier] = field(default_factory=frozenset)
    waking_start_hour: int = 8
    waking_end_hour: int = 21
    started_on: date | None = None

    def __post_init__(self) -> None:
        check_range("daily goal", self.daily_goal, *limits.DAILY_GOAL)
        check_range("rest days per week", self.rest_days_per_week, *limits.REST_DAYS_PER_WEEK)
        check_range("weekday minutes", self.weekday_minutes, *limits.DAY_MINUTES)
        check_range("weekend minutes", self.weekend_minutes, *limits.DAY_MINUTES)
        check_range("waking start hour", self.waking_start_hour, 0, 23)
        check_range("waking end hour", self.waking_end_hour, 1, 24)

    def minutes_on(self, day: date) -> int:
        """Minutes the user said they have for connection on ``day``."""
        return self.weekend_minutes if day.weekday() >= 5 else self.weekday_minutes
