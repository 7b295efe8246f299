"""Reminders and other settings."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "remind.morning.body_pick": "Your Power of One idea: {title} ({who}).",
    "remind.questionnaire.title": "A short check on how you are",
    "remind.questionnaire.body": "{name} is due: 'kithkin assess {id}' or the Assess page.",
    "remind.morning.title": "Your day of connection",
    "remind.morning.body_due": "Might like to hear from you: {names}.",
    "remind.morning.body_followups": "Follow-ups: {items}.",
    "remind.morning.body_empty": "Nothing pressing today. One small hello still counts.",
    "remind.followups.title": "Follow-ups due",
    "remind.birthdays.title": "Birthdays coming up",
    "remind.birthday.today": "{name} today",
    "remind.birthday.soon": "{name} on {date}",
    "remind.checkin.title": "A moment to check in",
    "remind.checkin.body": "How are you today? A ten-second check-in helps you see what helps.",
    "remind.weekly.title": "Your week of connection",
    "remind.weekly.body": (
        "A few minutes to look back at your week: 'kithkin today' and your people."
    ),
    "remind.summary": "{sent} sent, {failed} failed (will retry), {queued} newly due.",
    # --- hosted-scale ---
    "worker.no_destination": (
        "No notification address for this account: add a notify URL with {placeholder} in it."
    ),
    "worker.summary": (
        "{sent} sent, {failed} failed (will retry), {queued} newly due, {released} given back."
    ),
    "worker.lost_claims": (
        "{count} reminders were sent after their claim had passed to another worker: "
        "they may have gone out twice. Raise lease_seconds in [worker]."
    ),
    # --- end hosted-scale ---
    # --- contacts2 ---
    "remind.calendar.title": "A calendar cannot be read",
    "remind.calendar.body": (
        "Your calendar '{name}' cannot be read ({reason}). Until it reads again, kithkin counts "
        "none of your time as free. Fix the file, or forget it with 'kithkin calendar remove'."
    ),
    # --- end contacts2 ---
}
