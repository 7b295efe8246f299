"""The daily loop: Power of One, streaks, Today, logging, check-ins, set-up and the demo."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "status.met": "Power of One: done for today. Lovely.",
    "status.open": "Power of One: still open today. One small, real connection is enough.",
    "status.rest": "A rest day. Rest is part of the practice.",
    "status.missed": "Not met.",
    "streak.line": "Streak: {streak} (best {best}). Habit strength {strength}%.",
    "streak.none": "Every streak starts with one. Today is a fine day to begin.",
    "consistency.line": "Last 30 days: {percent}% of your active days met the goal.",
    "network.line": "Network health: in touch with {in_touch} of {total} people at their rhythm.",
    "today.due_header": "Who might like to hear from you",
    "today.followups_header": "Follow-ups due",
    "today.birthdays_header": "Birthdays in the next 7 days",
    "today.nothing_due": "Everyone is within their rhythm. Enjoy it.",
    "today.never": "not yet in touch",
    "today.days_ago": "{days} days since you were in touch ({circle}: every {cadence} days)",
    "logged": "Logged: {kind} with {with_}, {day}.",
    "logged.meaningful": "That counts for today's Power of One.",
    "logged.meaningful_on": "That counts for your Power of One for {day}.",
    "checkin.saved": "Check-in saved for {day}: mood {mood}/10, stress {stress}/10.",
    "checkin.updated": "Updated your check-in for {day}: mood {mood}/10, stress {stress}/10.",
    "init.done": (
        "All set. Your daily goal, in meaningful connections a day: {goal}. Take it gently."
    ),
    "demo.done": (
        "Demo life ready: {people} people, {interactions} interactions, {checkins} check-ins."
    ),
    "db.upgraded": "Database is at the latest schema ({revision}).",
    "db.backup": "Backed up the database to {path} before upgrading it.",
    "nobody": "no one in particular",
    "today.questionnaire_due": "Questionnaire due: {name} ('kithkin assess {id}').",
    "today.experiment_challenge": (
        "Experiment day {day} of {days}: today is a connection-challenge day. One small, real "
        "moment with someone is plenty."
    ),
    "today.experiment_usual": "Experiment day {day} of {days}: a usual day, nothing extra to do.",
    "web.welcome.intro": (
        "A few questions so kithkin fits your life. You can change every answer later in Settings."
    ),
    "web.today.empty": (
        "No one here yet. Add the people who matter to you, and kithkin will help you "
        "keep in touch at a rhythm that suits each of them."
    ),
    "web.checkin.intro": "How are you today? One tap saves it; you can update it later today.",
    "web.checkin.done": "You checked in today: mood {mood}/10, stress {stress}/10.",
    "web.log.intro": "Who did you connect with? Only that matters; the rest is optional.",
    "web.power.source": (
        "Why one a day: in a study of more than 900 students, those asked to have one quality "
        "conversation on a given day reported higher well-being that evening. Hall, Holmstrom, "
        "Pennington, Perrault & Totzkay (2023), Communication Research."
    ),
    "web.today.wellbeing_header": "For your wellbeing",
    # --- undo ---
    "checkin.ask_mood": "Mood now, 1 (low) to 10 (great)",
    "checkin.ask_stress": "Stress now, 1 (calm) to 10 (overwhelmed)",
    "init.ask_barrier": (
        "What gets in the way? l = little time, i = introversion, s = social anxiety, n = none"
    ),
    # --- end undo ---
    # --- phone ---
    "phone.power.met": "Today's connection: done. Lovely.",
    "phone.power.met_more": "Today's connection: done, {count} moments so far. Lovely.",
    "phone.power.open": "Today's connection: not yet. One small, real moment is enough.",
    "phone.power.rest": "A rest day. Rest is part of the practice.",
    "phone.power.explain": (
        "Power of One: one meaningful connection a day (a real moment with someone, even a "
        "short one) is the whole goal. Hall, Holmstrom, Pennington, Perrault & Totzkay (2023), "
        "Communication Research."
    ),
    "phone.power.count": "{count} of {goal} meaningful connections today",
    "phone.power.count_one": "{count} of 1 meaningful connection today",
    "phone.checkin.header": "How are you?",
    "phone.checkin.hint": "Tap your mood and your stress; it saves itself.",
    "phone.checkin.more": "More: energy, sleep, a note",
    "phone.quick.header": "Log a moment",
    "phone.quick.people_hint": "Tap everyone who was there.",
    "phone.quick.search": "Someone else",
    "phone.errors.header": "Please check this:",
    "phone.timeline.minutes_with": "{minutes} min with {names}",
    "phone.plan.more_one": "1 more idea",
    "phone.plan.more_many": "{count} more ideas",
    # --- end phone ---
    # --- cli ---
    "init.ask_zone": "Your time zone",
    "init.ask_goal": "Meaningful connections per day",
    "init.ask_weekday": "Minutes you can give on a weekday",
    "init.ask_weekend": "Minutes on a weekend day",
    "today.no_people": (
        "No one in your people yet. Add someone who matters, and kithkin keeps you in touch: "
        'kithkin people add "Their Name" --circle inner'
    ),
    "init.next": (
        'Next: add the people who matter (kithkin people add "Their Name" --circle inner), '
        "then 'kithkin today' shows your day."
    ),
    # --- end cli ---
    # --- contacts2 ---
    "today.calendar_unreadable": (
        "Your calendar '{name}' cannot be read just now ({reason}); no time counts as free "
        "until it reads again."
    ),
    # --- end contacts2 ---
    # --- phone-ux ---
    "phoneux.idea.more": "Why? What to say, snooze",
    "phoneux.power.first": (
        "Power of One: one meaningful connection a day, even a short one, is the whole goal."
    ),
    "phoneux.checkin.scale": "1 low, 10 great; stress 1 calm, 10 overwhelmed",
    "phoneux.quick.kinds": "How",
    "phoneux.quick.no_people": "No one to tap yet.",
    "phoneux.quick.add_someone": "Add someone",
    "phoneux.channel.async_message": "a message",
    "phoneux.channel.voice_message": "voice message",
    "phoneux.channel.call": "call",
    "phoneux.channel.video": "video call",
    "phoneux.channel.in_person": "in person",
    "phoneux.day.today": "today",
    "phoneux.day.yesterday": "yesterday",
    "phoneux.day.tomorrow": "tomorrow",
    "phoneux.day.days_ago": "{days} days ago",
    "phoneux.reach.call": "Call",
    "phoneux.reach.sms": "Text",
    "phoneux.reach.email": "E-mail",
    "phoneux.reach.whatsapp": "WhatsApp",
    "phoneux.reach.signal": "Signal",
    "phoneux.reach.subject": "Hello {name}",
    "phoneux.reach.header": "Reach out",
    "phoneux.reach.none": (
        "Add a phone number or an e-mail address to call, text or write from here."
    ),
    "phoneux.due.line": "last in touch {ago} ({circle}: every {every})",
    "phoneux.quick.more": "Someone else, more detail",
    "phoneux.quick.detail": "Add a note, a mood or another day",
    "phoneux.idea.more_short": "Why?",
    "phoneux.power.open_first": "Today's connection: not yet.",
    "phoneux.checkin.more_short": "More",
    "phoneux.plan.pick_short": "Top pick",
    "phoneux.person.last": "last in touch {ago}",
    "phoneux.person.today": "in touch today",
    "phoneux.reach.add": "Add a number or address",
    # --- end phone-ux ---
}
