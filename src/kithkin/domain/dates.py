"""The one date format, following the user's locale: "today", "yesterday", "tomorrow", else
"Thu 3 Dec" (day first), "Thu, Dec 3" (month first) or "Thu 2026-12-03" (year first), with the
year when it is not this one.

kithkin speaks English, so the names of days and months stay English: the locale chooses the
order people read dates in (a German or British reader sees "3 Dec", an American "Dec 3", a
Swede or a Japanese reader "2026-12-03"). A locale not listed here reads day first. No Babel:
the three orders cover the locales that matter here, and importing Babel would cost the CLI's
``today`` its start-up budget.

Where the locale comes from: the ``locale`` setting (``KITHKIN_LOCALE``, ``locale`` in the
config file) first; then, on the web, the browser's Accept-Language, and in the CLI ``LC_ALL``,
``LC_TIME`` or ``LANG``. The interfaces set the order for what they render with
:func:`use_order`; a date formatted outside it reads day first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

DAY_FIRST, MONTH_FIRST, YEAR_FIRST = "dmy", "mdy", "ymd"
ORDERS = (DAY_FIRST, MONTH_FIRST, YEAR_FIRST)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Regions that read the month first (en-US, es-US, en-PH and the US territories).
_MONTH_FIRST_REGIONS = frozenset({"US", "PH", "PR", "GU", "AS", "VI", "UM", "MP", "FM", "MH"})
# Languages and regions that read the year first (ISO order).
_YEAR_FIRST_LANGUAGES = frozenset({"sv", "ja", "zh", "ko", "hu", "lt", "mn"})
_YEAR_FIRST_REGIONS = frozenset({"CA", "ZA", "CN", "TW", "JP", "KR"})

_ORDER: ContextVar[str] = ContextVar("kithkin_date_order", default=DAY_FIRST)


def order_for_locale(tag: str | None) -> str | None:
    """The order of a locale name ("en_US.UTF-8", "en-GB", "sv", "de-AT"); None for none
    ("", "C", "POSIX", "*")."""
    if not tag:
        return None
    name = tag.strip().split(".", 1)[0].split("@", 1)[0].replace("_", "-")
    if not name or name.upper() in ("C", "POSIX", "*"):
        return None
    parts = name.split("-")
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if not language.isalpha():
        return None
    if region in _MONTH_FIRST_REGIONS and language in ("en", "es"):
        return MONTH_FIRST
    if language in _YEAR_FIRST_LANGUAGES or region in _YEAR_FIRST_REGIONS:
        return YEAR_FIRST
    return DAY_FIRST


def order_from_accept_language(header: str | None) -> str | None:
    """The order of the browser's most wanted language (``Accept-Language``), if it names one."""
    if not header:
        return None
    best: tuple[float, int, str | None] = (0.0, 0, None)
    for position, item in enumerate(header.split(",")[:20]):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        order = order_for_locale(tag)
        if order is not None and (weight, -position) > best[:2]:
            best = (weight, -position, order)
    return best[2]


def order_from_environment(environ: Mapping[str, str]) -> str | None:
    """The order of the POSIX locale: ``LC_ALL``, then ``LC_TIME``, then ``LANG``."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            return order_for_locale(value)
    return None


def current_order() -> str:
    return _ORDER.get()


@contextmanager
def use_order(order: str | None) -> Iterator[None]:
    """Format dates in ``order`` inside the block (None: day first)."""
    token = _ORDER.set(order if order in ORDERS else DAY_FIRST)
    try:
        yield
    finally:
        _ORDER.reset(token)


def set_order(order: str | None) -> None:
    """Format dates in ``order`` from now on in this context (the CLI sets it once)."""
    _ORDER.set(order if order in ORDERS else DAY_FIRST)


def day_label(
    day: date | None,
    today: date | None = None,
    *,
    weekday: bool = True,
    year: bool | None = None,
) -> str:
    """The one date format. With ``today``: "today", "yesterday" and "tomorrow", and the year
    only when it is not this one; without it the year is shown (``year`` forces either)."""
    if day is None:
        return ""
    if today is not None:
        relative = {0: "today", -1: "yesterday", 1: "tomorrow"}.get((day - today).days)
        if relative is not None:
            from kithkin import messages

            return messages.text(f"phoneux.day.{relative}")
    show_year = year if year is not None else (today is None or day.year != today.year)
    return _format(day, weekday=weekday, show_year=show_year, long=False)


def long_day(day: date) -> str:
    """A day as a heading: "Thursday 3 December" ("Thursday, December 3"; year first: the date
    in ISO order after the weekday)."""
    return _format(day, weekday=True, show_year=False, long=True)


def _format(day: date, *, weekday: bool, show_year: bool, long: bool) -> str:
    order = _ORDER.get()
    name = WEEKDAYS[day.weekday()] if long else WEEKDAYS[day.weekday()][:3]
    month = MONTHS[day.month - 1] if long else MONTHS[day.month - 1][:3]
    if order == YEAR_FIRST:
        body = day.isoformat()
        return f"{name} {body}" if weekday else body
    if order == MONTH_FIRST:
        body = f"{month} {day.day}" + (f", {day.year}" if show_year else "")
        return f"{name}, {body}" if weekday else body
    body = f"{day.day} {month}" + (f" {day.year}" if show_year else "")
    return f"{name} {body}" if weekday else body
