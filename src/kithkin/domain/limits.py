"""Field limits, declared once: the domain's validation (``domain.model`` and the services), the
API's request models (``web.schemas``, ``web.plan_schemas``) and the forms (the templates'
``maxlength``, through the ``limits`` global of ``web.render``) all read this table, so the API
accepts exactly what the command line and the forms accept.

Lengths are in characters; ranges are inclusive ``(low, high)`` pairs.
"""

from __future__ import annotations

# --- lengths ---
NAME = 200  # a person's name, a weak tie ("with"), short one-line texts
NICKNAME = 100
CIRCLE_NAME = 60
TEXT = 10_000  # free text: notes, how you met, a note on an interaction or a check-in
HOW_MET = TEXT
NOTES = TEXT
NOTE = TEXT
CONTACT_VALUE = 320  # the longest e-mail address the standards allow
CONTACT_LABEL = 60
FOLLOWUP_TEXT = 1000
TIMEZONE = 64  # an IANA zone name
CARD_FIELD = 200  # a part of a structured name, an organisation, a department, a job title
BIRTHDAY_TEXT = 200  # a birthday in words ("circa 1800")

# --- ranges ---
SCALE_1_5 = (1, 5)  # closeness, quality
SCALE_1_10 = (1, 10)  # mood, stress, energy
CADENCE_DAYS = (1, 3650)
MINUTES = (0, 24 * 60)  # an interaction's length
SLEEP_HOURS = (0, 24)
DAILY_GOAL = (1, 10)
REST_DAYS_PER_WEEK = (0, 6)
DAY_MINUTES = (0, 600)  # minutes a weekday or a weekend day has for connecting
