"""The planner: reasons, notes, openers, suggestions and custom actions."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "plan.reason.overdue": "last in touch {days} days ago; {circle} every {cadence} days",
    "plan.reason.in_rhythm": "last in touch {days} days ago; within your {cadence}-day rhythm",
    "plan.reason.never": "not in touch yet; {circle} every {cadence} days",
    "plan.reason.follow_up": "you noted: {text}. Ask how it went",
    "plan.reason.follow_up_due": "you noted: {text} (due {due:day})",
    "plan.reason.birthday_today": "it's their birthday today",
    "plan.reason.birthday_soon": "birthday {days:tomorrow|in {days} days}",
    "plan.reason.reconnect": "you were close once; it has been {days} days",
    "plan.reason.energising": "time with them tends to leave you energised",
    "plan.reason.shared_interest": "you both like {interest}",
    "plan.reason.little_time": "fits in {minutes} minutes",
    "plan.reason.gentle": "a one-to-one, low-key way to connect",
    "plan.reason.ladder": "within your current comfort step",
    "plan.reason.awake_now": "you are both awake now (it's {their_time} for them)",
    "plan.reason.proposed": "a time you are both awake: {their_time} for them",
    "plan.reason.far_away": "they live in another time zone ({timezone})",
    "plan.reason.repeat": "same as yesterday: nothing else fitted today",
    "plan.reason.weak_tie": (
        "small, friendly moments with acquaintances go with happier days (Sandstrom & Dunn 2014)"
    ),
    "plan.reason.community": "a low-pressure way to find people who share your interests",
    "plan.reason.call_over_text": (
        "a call tends to feel closer than a text and less awkward than expected "
        "(Kumar & Epley 2021)"
    ),
    "plan.reason.gratitude": (
        "people tend to underestimate how much thanks means to the receiver (Kumar & Epley 2018)"
    ),
    "plan.note.no_minutes": "No time set aside today. That's fine: rest is part of the practice.",
    "plan.note.recharge": (
        "You've spent this week's social energy. Today is for recharging; you've earned it."
    ),
    "plan.note.recovery": "Yesterday was a big one, so today's ideas are gentle.",
    "plan.note.short_time": (
        "Nothing fits in the {minutes} {minutes:minute|minutes} you set aside today: the "
        "smallest ideas take {shortest} minutes. A little more time (Settings, or 'kithkin "
        "init') opens them up, and a quick hello still counts whenever you like."
    ),
    "plan.note.nobody": "Add a few people you care about and kithkin will suggest who and how.",
    "opener.interest.0": (
        "Hi {name}! Something about {interest} came up today and I thought of you. "
        "How are you doing?"
    ),
    "opener.interest.1": (
        "Hey {name}, are you still into {interest}? I'd love to hear what you've been up to."
    ),
    "opener.last.0": (
        "Hi {name}, I was remembering our {kind} {since} ago and it made me smile. "
        "How are things with you?"
    ),
    "opener.last.1": (
        "Hey {name}! It's been {since} since our {kind}, and I've missed catching up. "
        "Fancy a chat soon?"
    ),
    "opener.how_met.0": (
        "Hi {name}, I was thinking about how we met ({how_met}) and wanted to say hello. "
        "How have you been?"
    ),
    "opener.plain.0": (
        "Hi {name}, you crossed my mind today and I wanted to say hello. How are you?"
    ),
    "opener.plain.1": "Hey {name}! No agenda, just wondering how life is treating you lately.",
    "opener.kind.message": "last chat",
    "opener.kind.call": "last call",
    "opener.kind.in_person": "last time together",
    "opener.since.weeks": "{n} weeks",
    "opener.since.months": "{n} months",
    "opener.since.year": "about a year",
    "opener.since.years": "{n} years",
    "plan.header": "Today's ideas (the first one is your Power of One pick)",
    "plan.week_header": "{day}",
    "plan.empty": "No suggestions today.",
    "plan.opener": "A way to start: {text}",
    "plan.status.done": "done",
    "plan.status.skipped": "skipped",
    "plan.status.snoozed": "snoozed until {until}",
    "plan.status.open": "",
    "plan.weak_tie": "someone new or a community",
    "plan.at": "around {time}",
    "suggest.none": "Nothing fits right now. A few quiet minutes for yourself count too.",
    "done.logged": "Done: {title}. Logged as {kind} with {with_}.",
    "skip.done": "Set aside: {title}. {name} will come round again in a few days.",
    "skip.done_weak": "Set aside: {title}.",
    "snooze.done": "Snoozed until {until}: {title}.",
    "actions.added": "Added your action '{id}': {title}.",
    "planned.summary": "Connect with {name}: {text}",
    "web.plan.today_header": "Today's ideas",
    "web.plan.more_ideas": "More ideas on the Plan page",
    "web.plan.pick": "Your Power of One pick",
    "web.plan.why": "Why:",
    "web.plan.opener_label": "A way to start:",
    "web.plan.done_state": "Done. Lovely.",
    "web.plan.done_saved": "Done and logged. Thank you for reaching out.",
    "web.plan.skipped_state": "Set aside for today. That's fine; it will come round again.",
    "web.plan.snoozed_state": "Snoozed until {until}.",
    "web.plan.done_intro": "Filled in from the idea; change anything, or just save.",
    "web.plan.when_hint": "Leave empty for now, or '18:30', 'yesterday 18:30'.",
    "web.plan.intro": (
        "Ideas sized to the time you have: who, how and why. Today's picks are on Today."
    ),
    "web.plan.week_header": "The week ahead",
    "web.plan.week_intro": (
        "A sketch of the next seven days, spread so nobody comes up twice. It adjusts as you go."
    ),
    "web.suggest.header": "Got a few minutes?",
    "web.suggest.label": "I have",
    "web.suggest.log_it": "Did it? Log it",
    "web.suggest.bad_minutes": "Pick a number of minutes from 1 to 600.",
    "web.actions.link": "See every action, or add your own",
    "web.actions.intro": (
        "Everything the planner can suggest, sized in minutes. Add your own rituals: the planner "
        "will offer them too."
    ),
    "web.actions.added": "Your action is added; the planner can suggest it from now on.",
    "web.actions.new_header": "Add your own action",
    "web.actions.title_hint": "Short, like 'Call mum on the way home'.",
    "web.actions.id_hint": "Lower-case letters, digits and underscores, e.g. call_mum.",
    "web.actions.weak_tie": "Done with someone new or an acquaintance",
    "web.actions.catalogue_header": "All actions ({count})",
    # --- cli ---
    "plan.reason.in_rhythm#0": "in touch today; within your {cadence}-day rhythm",
    "plan.reason.in_rhythm#1": "last in touch yesterday; within your {cadence}-day rhythm",
    "plan.reason.overdue#1": "last in touch yesterday; {circle} every {cadence} days",
    "plan.reason.birthday_soon#1": "birthday tomorrow",
    # --- end cli ---
}
