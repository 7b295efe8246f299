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
CLIENT_ID = 64  # the id a browser makes for a log or check-in it queued offline (a UUID)
KIND_ID = 40  # an interaction's kind ("coffee")
BIRTHDAY_TEXT = 12  # a birthday as typed: 1815-12-10 or 12-10
WHEN = 40  # a moment as typed ("18:30", "yesterday 18:30")
DATE_TEXT = 20  # a day as typed ("2026-11-26", "tomorrow")
CHOICE = 20  # one of a few named choices (a feeling: "warm")
LIST_ITEMS = 50  # names in one interaction, interests of a person, contact points of a person

# --- ranges ---
SCALE_1_5 = (1, 5)  # closeness, quality
SCALE_1_10 = (1, 10)  # mood, stress, energy
CADENCE_DAYS = (1, 3650)
MINUTES = (0, 24 * 60)  # an interaction's length
SLEEP_HOURS = (0, 24)
DEVICE_CLOCK_YEARS = (1970, 2199)  # a device's clock sent with a queued write (queued_at, sent_at)
DAILY_GOAL = (1, 10)
REST_DAYS_PER_WEEK = (0, 6)
DAY_MINUTES = (0, 600)  # minutes a weekday or a weekend day has for connecting

# --- the planner: custom actions, snoozes, questionnaire reminders ---
ACTION_ID = 64  # letters, digits and underscores, starting with a letter
ACTION_TITLE = 120
ACTION_HOW = 1000
ACTION_KIND = KIND_ID
SOCIAL_LOAD = (1, 3)
SNOOZE_DAYS = (1, 60)
INSTRUMENT_ID = 20
ANSWERS = 20  # the most items a questionnaire has
EVERY_DAYS = (0, 3650)  # days between questionnaire reminders; 0 turns them off

# --- exposure ladders ---
LADDER_STEPS = (8, 15)
LADDER_GOAL = NAME
STEP_DESCRIPTION = NAME
FEARED_PREDICTION = 500
PREDICTION = NAME  # the prediction written before an attempt
ATTEMPT_TEXT = 2000  # what happened, what was learned
SUDS = (0, 100)  # anxiety ratings: predicted, expected and actual peaks
BELIEF = (0, 100)  # how much the feared prediction is believed, in %
