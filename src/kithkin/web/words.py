"""Plain words for the templates: channels and kinds by their labels (never an internal id), one
date format with "today" and "yesterday", initials avatars with stable colours, and the links
that reach a person (call, text, e-mail, WhatsApp, Signal)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from kithkin import messages
from kithkin.domain.dates import day_label, long_day
from kithkin.domain.model import KINDS

AVATAR_TONES = 6
"""How many avatar colours ``static/app.css`` defines (``.avatar.tone-0`` ...): all from the app's
palette, each with text at AA contrast (checked by ``tests/web/test_words.py``)."""

CHANNELS = ("async_message", "voice_message", "call", "video", "in_person")


def channel_label(channel: str) -> str:
    """A suggestion's channel in words ("a message", not "async_message")."""
    key = f"phoneux.channel.{channel}"
    return messages.text(key) if key in messages.TEXT else channel.replace("_", " ")


def kind_label(kind: str) -> str:
    """A kind of interaction by its label ("walk or run together", not "walk_run")."""
    found = KINDS.get(kind)
    return found.label if found else kind.replace("_", " ")


def moment_label(at: datetime, zone_name: str, now: datetime | None = None) -> str:
    """An instant as the user's local day (as everywhere: "today", "yesterday"...) and time."""
    from kithkin.domain.timeutil import zone

    tz = zone(zone_name)
    local = at.astimezone(tz)
    today = now.astimezone(tz).date() if now is not None else None
    return f"{day_label(local.date(), today)} {local:%H:%M}"


_BROWSERS = (
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS", "a Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    """A browser as people name it ("Firefox on Android"), not its user-agent string."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    if browser and system:
        return messages.text("accounts.device", browser=browser, system=system)
    return browser or system or messages.text("accounts.device_unknown")


def iso_day_label(value: str) -> str:
    """A day kept as ISO text (a shared or exported record) in the one date format."""
    from datetime import date

    return day_label(date.fromisoformat(value))


def instrument_name(instrument_id: str) -> str:
    """A questionnaire by its name ("PSS-10"), not its id."""
    from kithkin.domain.questionnaires import INSTRUMENTS

    found = INSTRUMENTS.get(instrument_id)
    return found.name if found else instrument_id


def shares_label(shares: Any) -> str:
    """What a client shares with a coach, in words ("check-ins, Power of One")."""
    return ", ".join(sorted((messages.text(f"coach.shared.{s}") for s in shares), key=str.casefold))


def days_ago(days: int) -> str:
    """ "today", "yesterday", "1 day"... with a correct plural (never "0 days ago")."""
    if days <= 0:
        return messages.text("phoneux.day.today")
    if days == 1:
        return messages.text("phoneux.day.yesterday")
    return messages.text("phoneux.day.days_ago", days=days)


def plural(count: int, one: str, many: str) -> str:
    """``"1 person"``, ``"3 people"``: the count with the right word."""
    return f"{count} {one if count == 1 else many}"


@dataclass(frozen=True, slots=True)
class Avatar:
    initials: str
    tone: int


def tone_for(person_id: int | None) -> int:
    """A stable colour for a person: a hash of the id (Knuth's multiplicative), never random."""
    return ((person_id or 0) * 2654435761 % 2**32) % AVATAR_TONES


def avatar(person: Any) -> Avatar:
    """Initials (first letters of the first and last words) and a tone from the person's id."""
    words = [w for w in re.split(r"[\s\-]+", str(person.display_name)) if w and w[0].isalnum()]
    if not words:
        initials = "?"
    elif len(words) == 1:
        initials = words[0][:1]
    else:
        initials = words[0][:1] + words[-1][:1]
    return Avatar(initials.upper(), tone_for(getattr(person, "id", None)))


@dataclass(frozen=True, slots=True)
class ReachLink:
    kind: str  # call, sms, email, whatsapp, signal
    href: str
    label: str


def _phone_digits(value: str) -> str:
    """A number for links: digits and a leading plus ("+49 170 123-45 67" -> "+491701234567",
    "0049 ..." -> "+49...")."""
    raw = value.strip()
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        return "+" + digits
    if raw.startswith("00"):
        return "+" + digits[2:]
    return digits


def reach_links(person: Any, opener: str = "") -> list[ReachLink]:
    """Buttons that reach a person from their known numbers and e-mail addresses: call (tel:),
    text (sms: with the drafted opener as the body), WhatsApp (wa.me, international numbers
    only), Signal (signal.me) and e-mail (mailto:). The first number and address are used."""
    phones = [c.value for c in person.contacts if c.kind == "phone" and c.value.strip()]
    emails = [c.value for c in person.contacts if c.kind == "email" and "@" in c.value]
    name = person.display_name
    links: list[ReachLink] = []
    if phones:
        number = _phone_digits(phones[0])
        if len(number.lstrip("+")) >= 3:
            body = f"?body={quote(opener)}" if opener else ""
            links.append(ReachLink("call", f"tel:{number}", messages.text("phoneux.reach.call")))
            links.append(
                ReachLink("sms", f"sms:{number}{body}", messages.text("phoneux.reach.sms"))
            )
            if number.startswith("+"):  # WhatsApp and Signal need the country code
                text = f"?text={quote(opener)}" if opener else ""
                wa = f"https://wa.me/{number.lstrip('+')}{text}"
                links.append(ReachLink("whatsapp", wa, messages.text("phoneux.reach.whatsapp")))
                sg = f"https://signal.me/#p/{number}"
                links.append(ReachLink("signal", sg, messages.text("phoneux.reach.signal")))
    if emails:
        subject = quote(messages.text("phoneux.reach.subject", name=name))
        body = f"&body={quote(opener)}" if opener else ""
        href = f"mailto:{quote(emails[0], safe='@+.')}?subject={subject}{body}"
        links.append(ReachLink("email", href, messages.text("phoneux.reach.email")))
    return links


def register(env: Any) -> None:
    """Make the words available to every template."""
    env.globals.update(
        channel_label=channel_label,
        kind_label=kind_label,
        day_label=day_label,
        iso_day_label=iso_day_label,
        moment_label=moment_label,
        device_label=device_label,
        instrument_name=instrument_name,
        shares_label=shares_label,
        long_day=long_day,
        days_ago=days_ago,
        plural=plural,
        avatar=avatar,
        reach_links=reach_links,
    )
