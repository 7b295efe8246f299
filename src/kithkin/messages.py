"""Every sentence a user reads, in one place, keyed.

Tests assert on keys (and on the data behind them), never on the prose, so the warm tone can be
edited freely here. Keep the voice encouraging and never shaming: a missed day is a rest day.
"""

from __future__ import annotations

from typing import Any

ERRORS: dict[str, str] = {
    "error": "Something went wrong.",
    "bad_input": "That value is not allowed.",
    "not_found": "Nothing found.",
    "conflict": "That clashes with what is already stored.",
    "out_of_range": "{field} must be between {low} and {high}; got {value}.",
    "bad_choice": "{field} must be one of: {allowed}; got '{value}'.",
    "bad_date": (
        "Could not read '{value}' as {what}. Use YYYY-MM-DD, YYYY-MM-DDTHH:MM, HH:MM, "
        "'today' or 'yesterday'."
    ),
    "nonexistent_time": (
        "{value} does not exist in {timezone}: the clocks jump forward then. "
        "Pick a time outside the daylight-saving gap."
    ),
    "in_future": (
        "{value} is still to come. Log what has happened; for what is next, see 'kithkin plan'."
    ),
    "unknown_timezone": (
        "'{value}' is not a known time zone. Use an IANA name such as Europe/Berlin or "
        "America/New_York."
    ),
    "unknown_name": "No one in your people matches '{name}'.{hint}",
    "ambiguous_name": "'{name}' could be {candidates}. Use more of the name, or the id.",
    "empty_value": "{field} cannot be empty.",
    "too_long": "{field} can be at most {limit} characters; this one has {length}.",
    "person_not_found": "There is no person with id {id}.",
    "followup_not_found": "There is no follow-up with id {id}.",
    "circle_not_found": "There is no circle called '{name}'. Circles: {allowed}.",
    "duplicate_name": "{what} '{name}' already exists.",
    "not_initialised": "kithkin is not set up yet. Run 'kithkin init' (or 'kithkin demo').",
    "database_unavailable": "Could not open the database at {url}: {reason}",
    "demo_needs_empty": (
        "This database already has people in it; the demo only fills an empty one. "
        "Point --database-url at a new file to try it."
    ),
    "interaction_not_found": "There is no interaction with id {id}.",
    "unexpected": (
        "Something went wrong on our side, and nothing was saved. Please try again; if it keeps "
        "happening, the server's log says what broke."
    ),
    "bad_config": "Could not read the config file {path}: {reason}",
    "schema_outdated": (
        "The database schema is at revision {revision}, this kithkin needs {head}. "
        "Run 'kithkin db upgrade' (after a backup)."
    ),
    # --- planner ---
    "action_field_invalid": "Action '{action}': {field} must be {allowed}; got '{value}'.",
    "catalogue_unreadable": "The action catalogue could not be read: {reason}",
    "action_id_clash": (
        "There is already an action with id '{id}'. Pick another id for your own action."
    ),
    "ladder_size": "A ladder needs {low} to {high} steps; this one has {value}.",
    "ladder_not_sorted": "A ladder's steps go from easiest to hardest.",
    "ladder_step_out_of_range": "There is no step {value}; this ladder has {high} steps.",
    "ladder_step_not_offered": (
        "Step {level} stays where it is for now. A couple more goes at this step, and the next "
        "one will be offered. There is no rush."
    ),
    # --- end planner ---
    # --- science ---
    "unknown_instrument": "There is no questionnaire called '{value}'. Questionnaires: {allowed}.",
    "wrong_answer_count": (
        "{instrument} has {expected} questions, so it needs {expected} answers; got {got}."
    ),
    "answer_out_of_range": (
        "Answer {item} of {instrument} must be a whole number from {low} to {high}; got {value}."
    ),
    "item_text_missing": (
        "The questions of {instrument} are not shipped with kithkin, because their licence does "
        "not allow it yet. Put your own copy in a plain text file, one question per line "
        "({expected} lines; blank lines and lines starting with # are skipped), and use that."
    ),
    "item_text_wrong_count": (
        "The question file for {instrument} should hold {expected} questions, one per line; "
        "it holds {got}. Blank lines and lines starting with # are skipped."
    ),
    "duplicate_day": "There are two daily rows for {day}; give one row per day.",
    "bad_evidence": "The evidence catalogue is not valid (card {card}): {reason}.",
    # --- end science ---
    # --- planner cli ---
    "suggestion_unknown": (
        "There is no suggestion {number} in today's plan; pick a number from 1 to {high}."
    ),
    "suggestion_none_today": (
        "Today's plan has no suggestions, so there is no number {number} to pick. "
        "Try 'kithkin suggest --minutes 5'."
    ),
    "suggestion_already_done": (
        "Suggestion {number} is already done (lovely), so there is nothing to {what}."
    ),
    "ladder_step_spec": (
        "Write each step as 'description|feared prediction|predicted anxiety 0-100'; got '{value}'."
    ),
    "ladder_missing": (
        "There is no ladder yet. Build one with 'kithkin ladder create --goal ... --step ...'."
    ),
    "attempt_not_found": "There is no ladder attempt with id {id}.",
    "attempt_already_completed": "Attempt {id} already has its 'after' part recorded.",
    # --- end planner cli ---
    # --- insights ---
    "item_file_missing": (
        "The questions of {instrument} do not ship with kithkin (their licence does not allow "
        "it yet). Put your own copy in {path}, one question per line ({expected} lines), or "
        "pass --items FILE."
    ),
    "item_file_unreadable": "Could not read the question file {path}: {reason}.",
    "bad_answers": (
        "Answers should be whole numbers separated by commas, like 3,3,2,2,3; got '{value}'."
    ),
    "experiment_consent_required": (
        "An experiment asks you to connect on days a coin picks, and records your check-ins to "
        "compare. Start it with --consent once you are happy to take part; you can stop any time."
    ),
    "experiment_running": (
        "An experiment is already running. See it with 'kithkin experiment status', or end it "
        "with 'kithkin experiment stop' before starting another."
    ),
    "no_experiment": (
        "There is no experiment yet. Start one with 'kithkin experiment start --consent'."
    ),
    "chart_format": (
        "Charts are saved as SVG or PNG: use a file name ending in .svg or .png (got {path})."
    ),
    # --- end insights ---
    # --- contacts, calendars, reminders ---
    "not_in_triage": "{name} is not waiting in triage.",
    "restore_needs_empty": (
        "This database already holds data, so the backup was not restored. Point --database-url "
        "at a new, empty database and run the import there."
    ),
    "bad_backup": "This file is not a kithkin backup this version can read ({reason}).",
    "backup_sqlite_only": (
        "'kithkin backup' copies a SQLite database. For PostgreSQL, use pg_dump "
        "(or 'kithkin export json' for a portable copy)."
    ),
    "file_unreadable": "Could not read {path}: {reason}",
    "file_exists": "{path} already exists; pass --force to overwrite it.",
    "calendar_exists": "A calendar called '{name}' is already registered.",
    "calendar_not_found": "There is no calendar called '{name}'.",
    "bad_every": "Could not read '{value}' as a repeat; use e.g. 1w, 2w or 4w.",
    "person_no_timezone": (
        "{name} has no time zone yet. Add one with 'kithkin people edit {name} --timezone ...'."
    ),
    "no_call_slot": (
        "No {minutes}-minute slot stays inside both waking windows (and your free time) on "
        "every occurrence over the next {weeks} weeks. Try fewer minutes or wider waking hours."
    ),
    "no_feed_token": "There is no live feed token to revoke.",
    "bad_reminder_setting": "The reminder setting {name} = '{value}' could not be read.",
    # --- end contacts, calendars, reminders ---
    # --- web ---
    "not_a_number": "{field} must be a whole number; got '{value}'.",
    "csrf_rejected": (
        "This form has expired or came from another site. Reload the page and try again."
    ),
    "page_not_found": "There is no page here.",
    # --- end web ---
    # --- web insights and data ---
    "upload_too_large": "That file is larger than {limit_mb} MB. Export fewer contacts at a time.",
    "upload_missing": "Choose a file to import first.",
    "upload_needs_header": (
        "Uploads to the API need an X-Requested-With header (any value), so that another "
        "website cannot send one on your behalf."
    ),
    # --- end web insights and data ---
    # --- web planner ---
    "missing_number": "{field} needs a number.",
    "answer_missing": "Please pick an answer for question {item}.",
    # --- end web planner ---
    # --- web polish ---
    "backup_too_large": "This backup is over {limit_mb} MB, the most the web app accepts.",
    # --- end web polish ---
    # --- phone ---
    "choice_missing": "Choose your {field}: a number from {low} to {high}.",
    # --- end phone ---
}

TEXT: dict[str, str] = {
    "status.met": "Power of One: done for today. Lovely.",
    "status.open": "Power of One: still open today. One small, real connection is enough.",
    "status.rest": "A rest day. Rest is part of the practice.",
    "status.missed": "Not met.",
    "streak.line": "Streak {streak} day(s), best {best}. Habit strength {strength}%.",
    "streak.none": "Every streak starts with one. Today is a fine day to begin.",
    "consistency.line": "Last 30 days: {percent}% of your active days met the goal.",
    "network.line": "Network health: in touch with {in_touch} of {total} people at their rhythm.",
    "today.due_header": "Who might like to hear from you",
    "today.followups_header": "Follow-ups due",
    "today.birthdays_header": "Birthdays in the next 7 days",
    "today.nothing_due": "Everyone is within their rhythm. Enjoy it.",
    "today.never": "not yet in touch",
    "today.days_ago": "{days} days since you were in touch ({circle}: every {cadence} days)",
    "logged": "Logged: {kind} with {with_} on {day}.",
    "logged.meaningful": "That counts for today's Power of One.",
    "logged.meaningful_on": "That counts for your Power of One on {day}.",
    "checkin.saved": "Check-in saved for {day}: mood {mood}/10, stress {stress}/10.",
    "checkin.updated": "Updated your check-in for {day}: mood {mood}/10, stress {stress}/10.",
    "person.added": "Added {name} ({circle}).",
    "person.updated": "Updated {name}.",
    "person.archived": "Archived {name}. Their history stays; they leave your plan.",
    "followup.added": "Follow-up #{id} for {name}: {text}",
    "followup.done": "Follow-up #{id} done. Nice.",
    "init.done": "All set. Your daily goal is {goal} meaningful connection(s); take it gently.",
    "demo.done": (
        "Demo life ready: {people} people, {interactions} interactions, {checkins} check-ins."
    ),
    "db.upgraded": "Database is at the latest schema ({revision}).",
    "db.backup": "Backed up the database to {path} before upgrading it.",
    "nobody": "no one in particular",
    # --- planner ---
    "plan.reason.overdue": "last in touch {days} days ago; {circle} every {cadence} days",
    "plan.reason.in_rhythm": "last in touch {days} days ago; within your {cadence}-day rhythm",
    "plan.reason.never": "not in touch yet; {circle} every {cadence} days",
    "plan.reason.follow_up": "you noted: {text}. Ask how it went",
    "plan.reason.follow_up_due": "you noted: {text} (due {due})",
    "plan.reason.birthday_today": "it's their birthday today",
    "plan.reason.birthday_soon": "birthday in {days} day(s)",
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
    "ladder.offer_next": (
        "You've shown yourself this step is manageable. Try the next one when you like."
    ),
    "ladder.support": (
        "This has been feeling harder lately. Stepping back is fine, and talking it through with a "
        "professional can help."
    ),
    # --- end planner ---
    # --- formats ---
    "import.vcard.missing_end": "This card has no END:VCARD, so it was left out.",
    "import.vcard.stray_text": "Some text outside any card was left out.",
    "import.vcard.unreadable": "This card could not be read, so it was left out.",
    "import.no_name": "This contact has no name, so it was left out.",
    "import.bad_birthday": "The birthday could not be read; the rest of the contact was kept.",
    "import.csv.unknown_header": (
        "This file does not look like that export. Expected columns such as: {detail}."
    ),
    "calendar.unreadable": "This calendar file could not be read.",
    "calendar.bad_event": "One event could not be read, so it was left out.",
    "calendar.birthday": "{name}'s birthday",
    # --- end formats ---
    # --- science ---
    "questionnaire.band.who5.fine": "Your score is above 50, the WHO-5 screening line.",
    "questionnaire.band.who5.poor": (
        "Your score is 50 or below, which the WHO-5 authors read as poor wellbeing: "
        "consider a screening with your doctor. This is not a diagnosis. "
        "(Topp et al. 2015, Psychother Psychosom)"
    ),
    "questionnaire.band.who5.low": (
        "Your score is 28 or below. This is not a diagnosis, and it is a good moment to talk "
        "with a professional you trust, such as your doctor, about how you have been feeling. "
        "(Topp et al. 2015, Psychother Psychosom)"
    ),
    "questionnaire.flag.who5.talk": (
        "If things feel heavy, a doctor or counsellor can help. You deserve that support."
    ),
    "questionnaire.band.ucla3.lonely": (
        "A score of 6 or more is often read as feeling lonely. That line is a common "
        "convention whose origin we could not verify. (Scale: Hughes et al. 2004, Research on "
        "Aging)"
    ),
    "questionnaire.band.ucla3.not_lonely": (
        "Your score is below 6, the line a common convention uses for loneliness. "
        "(Scale: Hughes et al. 2004, Research on Aging)"
    ),
    "questionnaire.flag.ucla3.cutoff_convention": (
        "The line at 6 is a convention; its origin is unverified."
    ),
    "questionnaire.band.pss.informal_low": "Informal band: lower stress (0-13).",
    "questionnaire.band.pss.informal_moderate": "Informal band: moderate stress (14-26).",
    "questionnaire.band.pss.informal_high": "Informal band: higher stress (27-40).",
    "questionnaire.flag.pss.no_cutoffs": (
        "The PSS is not a diagnostic tool and has no official cut-offs; it is most useful for "
        "comparing you with yourself over time. (Cohen et al. 1983, J Health Soc Behav)"
    ),
    "questionnaire.flag.pss.bands_informal": (
        "These bands are informal: common in apps, with no verified source."
    ),
    "questionnaire.band.lsns6.at_risk": (
        "Your total is below 12, the line Lubben et al. (2006, The Gerontologist) use for a "
        "risk of social isolation. Small, regular steps with one or two people can change it."
    ),
    "questionnaire.band.lsns6.connected": (
        "Your total is 12 or more, above the line Lubben et al. (2006, The Gerontologist) use "
        "for a risk of social isolation."
    ),
    "questionnaire.flag.lsns6.norms_older_adults": (
        "The LSNS-6 was validated with people aged 65 and over, so read it as a rough guide."
    ),
    "questionnaire.due": "{name} is due: it takes about two minutes.",
    "insights.mood.not_enough_data": (
        "Not enough days yet to compare your mood on social and quieter days ({n_social} and "
        "{n_non_social} so far). It takes {min_days} days with a check-in, at least "
        "{min_per_group} of each kind. Every check-in brings it closer."
    ),
    "insights.stress.not_enough_data": (
        "Not enough days yet to compare your stress on social and quieter days ({n_social} and "
        "{n_non_social} so far). It takes {min_days} days with a check-in, at least "
        "{min_per_group} of each kind."
    ),
    "insights.mood.social": (
        "On days you connected with someone, your evening mood averaged {delta:+} points "
        "compared with other days (range {low:+} to {high:+}; {n_social} vs {n_non_social} days)."
    ),
    "insights.stress.social": (
        "On days you connected with someone, your stress averaged {delta:+} points compared "
        "with other days (range {low:+} to {high:+}; {n_social} vs {n_non_social} days)."
    ),
    "insights.clear": "The range leaves out zero, so the difference is clear in your data so far.",
    "insights.unclear": "The range includes zero, so there is no clear difference yet.",
    "insights.rough": "A rough estimate: it firms up after about {early_below} days of check-ins.",
    "insights.next_day": (
        "The day after a social day, your mood tended to be {coef:+} points different "
        "(range {low:+} to {high:+}; {n} days), allowing for the day before's mood."
    ),
    "insights.mode_stands_out.in_person": "Days with in-person time stood out for your mood.",
    "insights.mode_stands_out.call": "Days with a call or video call stood out for your mood.",
    "insights.mode_stands_out.message": "Days with messages stood out for your mood.",
    "insights.people_lift": (
        "{count} of your people tend to leave you in a brighter mood than before you met."
    ),
    "insights.pattern_not_proof": "This is your pattern, not proof of cause.",
    "insights.caveats": (
        "Other things move with social days too: a low mood can make plans fall through, "
        "weekends differ, illness keeps us home, and looking at many comparisons turns up "
        "some by chance."
    ),
    "experiment.not_enough_data": (
        "Your experiment needs {min_days} days with a mood check-in, at least {min_per_arm} of "
        "each kind; {n_days} so far."
    ),
    "experiment.result.clear": (
        "On challenge days your mood averaged {delta:+} points compared with usual days "
        "({n_challenge} vs {n_usual} days; randomization p = {p_value}). Because a coin chose "
        "the days, chance alone is an unlikely explanation."
    ),
    "experiment.result.unclear": (
        "On challenge days your mood averaged {delta:+} points compared with usual days "
        "({n_challenge} vs {n_usual} days; randomization p = {p_value}): no clear difference yet."
    ),
    "experiment.can_say": (
        "A coin picked the challenge days in advance, so weekends, busy weeks and your mood "
        "could not decide them. A clear difference points to the challenge itself, for you, "
        "during these weeks."
    ),
    "experiment.cannot_say": (
        "It cannot say whether the same holds for other people or other seasons, which part of "
        "the challenge mattered, or how much came from expecting to feel better."
    ),
    "experiment.by_assignment": (
        "Each day counts as the coin assigned it, even when plans changed; that keeps the "
        "comparison fair."
    ),
    # --- end science ---
    # --- planner cli ---
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
    "ladder.created": "Ladder ready: {steps} steps towards '{goal}'. You start at step 1.",
    "ladder.level": "You are on step {level} of {steps}: {description}",
    "ladder.before_saved": (
        "Attempt #{id} noted. Afterwards, record how it went: kithkin ladder after {id} ..."
    ),
    "ladder.after_saved": (
        "Recorded. You predicted {predicted}, it peaked at {actual}. Well done for trying."
    ),
    "ladder.up": "Step {level}: {description}. Go gently.",
    "ladder.back": "Back to step {level}: {description}. Stepping back is part of it.",
    "ladder.trend_header": "Predicted vs actual (anxiety peak 0-100)",
    # --- end planner cli ---
    # --- insights ---
    "assess.saved": "Saved your {name} for {day}. Thank you for taking a moment for yourself.",
    "assess.score": "Score: {raw} (range {low}-{high}).",
    "assess.percent": "Score: {raw} of {high}, {percent}%.",
    "assess.answer_prompt": "Your answer ({low}-{high})",
    "assess.attribution": "{name}. {citation}",
    "assess.history_empty": "No questionnaires yet. 'kithkin assess who5' takes about two minutes.",
    "assess.schedule_set": "{name}: every {every} days.",
    "assess.schedule_off": "{name}: no reminders.",
    "today.questionnaire_due": "Questionnaire due: {name} ('kithkin assess {id}').",
    "today.experiment_challenge": (
        "Experiment day {day} of {days}: today is a connection-challenge day. One small, real "
        "moment with someone is plenty."
    ),
    "today.experiment_usual": "Experiment day {day} of {days}: a usual day, nothing extra to do.",
    "insights.header": "Your patterns so far ({days} days with data)",
    "insights.by_mode_header": "By kind of contact (mood, against days with no contact)",
    "insights.by_dose_header": "By how many connections (mood, against days with none)",
    "insights.by_person_header": (
        "People who tend to leave you feeling better (mood after minus before)"
    ),
    "insights.weekly_header": "Recent weeks",
    "insights.questionnaires_header": "Questionnaires over time",
    "insights.evidence_header": "What research says",
    "insights.chart_saved": "Chart saved to {path}.",
    "insights.chart_title": "Mood and stress on days you connected",
    "insights.chart_desc": (
        "Difference in average evening mood and stress on days with at least one meaningful "
        "connection compared with other days, with 95% ranges. Your pattern, not proof of cause."
    ),
    "insights.chart_axis": "difference (points)",
    "insights.chart_empty": "Not enough days yet",
    "experiment.started": (
        "Your experiment runs from {start} to {end} ({days} days). A coin has already picked the "
        "challenge days; check in each evening so the comparison is fair."
    ),
    "experiment.status_challenge": "Day {day} of {days}: a connection-challenge day.",
    "experiment.status_usual": "Day {day} of {days}: a usual day.",
    "experiment.status_outside": "The experiment ran from {start} to {end}.",
    "experiment.progress": "{done} days done, {challenge} of them challenge days.",
    "experiment.stopped": "Experiment stopped. Your report: 'kithkin experiment report'.",
    # --- end insights ---
    # --- contacts, calendars, reminders ---
    "import.summary": (
        "{created} new (waiting in triage), {updated} updated, {unchanged} unchanged, "
        "{skipped} skipped."
    ),
    "import.dry_run": "Dry run: nothing was written. This is what the import would do:",
    "import.refused": (
        "Nothing was imported: {count} record(s) could not be read. Fix them, or run again "
        "with --skip-bad to import the others."
    ),
    "import.problem": "line {line}, record {record}: {message} {detail}",
    "import.triage_hint": "Run 'kithkin triage' to choose who joins your circles.",
    "import.changed": "{name}: {changes}",
    "export.done": "Wrote {count} {what} to {path}.",
    "triage.empty": "No one is waiting in triage.",
    "triage.prompt": (
        "{name}: keep in a circle [i]nner/[c]lose/[f]riends/[w]ider, leave in the wider "
        "[n]etwork, [x] ignore, [s]kip, [q]uit"
    ),
    "triage.done": "{name}: {action}.",
    "triage.summary": "{kept} kept, {wider} in the wider network, {ignored} ignored, {left} left.",
    "backup.exported": "Backup written to {path} ({rows} rows).",
    "backup.restored": "Backup restored ({rows} rows).",
    "backup.copied": "Copied the database to {path}.",
    "calendar.added": "Calendar '{name}' registered; it is re-read each time you plan.",
    "calendar.removed": "Calendar '{name}' removed.",
    "calendar.none": "No calendars registered. Add one with 'kithkin calendar add FILE.ics'.",
    "calendar.free": "Free on {day}: {minutes} minutes.",
    "call.proposal": (
        "Every {every} week(s) on {weekday} at {user_time} your time ({other_time} for {name}), "
        "{minutes} minutes: it stays inside both waking windows all {count} times."
    ),
    "call.saved": "Saved. Export it with 'kithkin export ics FILE'.",
    "call.none": "No recurring calls saved yet.",
    "call.summary": "Call with {name}",
    "feed.token": ("Your calendar feed token (shown once; keep it secret): {token}"),
    "feed.revoked": "Revoked {count} feed token(s). Subscriptions using them stop updating.",
    "planned.summary": "Connect with {name}: {text}",
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
    "remind.none_configured": (
        "No notification URLs set (KITHKIN_NOTIFY_URLS or notify_urls in the config file)."
    ),
    # --- end contacts, calendars, reminders ---
    # --- web ---
    "web.flash.logged": "Logged. Thank you for reaching out.",
    "web.flash.checkin": "Check-in saved. Noticing how you feel is part of the practice.",
    "web.flash.profile": "Your settings are saved.",
    "web.flash.circle": "Circle saved.",
    "web.flash.welcome": "Welcome to kithkin. One small, real connection a day is the whole idea.",
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
    "web.person.added": "Added. What matters to them? Follow-ups help you remember.",
    "web.person.no_timeline": "No moments logged yet. A short message is a lovely start.",
    "web.person.no_followups": "Nothing to follow up on.",
    "web.people.none": "No one matches.",
    "web.error.back": "Go back to Today",
    "web.power.source": (
        "Why one a day: in a study of more than 900 students, those asked to have one quality "
        "conversation on a given day reported higher well-being that evening. Hall, Holmstrom, "
        "Pennington, Perrault & Totzkay (2023), Communication Research."
    ),
    # --- end web ---
    # --- web insights and data ---
    "web.insights.lead": (
        "What your own days say so far: {days} days with a check-in or a moment logged."
    ),
    "web.insights.progress": (
        "Keep checking in: after {min_days} days, with at least {min_per_group} days of each "
        "kind, kithkin shows your first rough numbers here."
    ),
    "web.insights.rough": "rough",
    "web.insights.rough_hint": "Rough: it firms up after about {early_below} days.",
    "web.insights.next_day_none": (
        "Not enough pairs of days yet to look at the day after a social day."
    ),
    "web.insights.by_person_none": (
        "When you log your mood before and after a moment with someone, five times or more, "
        "you will see here who tends to lift you."
    ),
    "web.insights.questionnaires_none": (
        "No questionnaires yet. A short one now and then shows slower changes than daily moods."
    ),
    "web.insights.weekly_none": "Your weeks will show here once you have a little history.",
    "web.insights.group.social": "Days you connected",
    "web.insights.group.in_person": "In person",
    "web.insights.group.call": "Call or video",
    "web.insights.group.message": "Messages",
    "web.insights.group.dose_1": "One connection",
    "web.insights.group.dose_2plus": "Two or more",
    "web.insights.measure.mood": "Mood",
    "web.insights.measure.stress": "Stress",
    "web.insights.mode_desc": (
        "Average evening mood on days with each kind of contact, compared with days with no "
        "contact at all, with 95% ranges."
    ),
    "web.insights.dose_desc": (
        "Average evening mood on days with one, or two or more, meaningful connections, "
        "compared with days with none, with 95% ranges."
    ),
    "web.insights.questionnaires_desc": (
        "Your questionnaire scores over time, as a share of the highest score."
    ),
    "web.insights.streak_title": "Your streak, week by week",
    "web.insights.network_title": "Support network health",
    "web.insights.streak_desc": "Your streak at the end of each week (rest days never break it).",
    "web.insights.network_desc": (
        "The share of your people you were in touch with at their rhythm, at the end of each week."
    ),
    "web.experiment.intro": (
        "Curious whether connecting really lifts your mood? For a few weeks a coin picks some "
        "days as connection-challenge days, in advance. On those days you make one small extra "
        "effort; on the others you live as usual. Your evening check-ins then show the difference."
    ),
    "web.experiment.consent": (
        "I agree to take part: kithkin stores the coin flips and compares my own check-ins. "
        "I can stop at any time."
    ),
    "web.experiment.challenge": (
        "Today is a connection-challenge day. One small, real moment with someone is plenty."
    ),
    "web.experiment.usual": "Today is a usual day: nothing extra to do.",
    "web.experiment.started": (
        "Your experiment has started. Check in each evening so the comparison is fair."
    ),
    "web.experiment.stopped": "Experiment stopped. Its days so far still count in the report.",
    "web.import.intro": (
        "Bring your people in from your phone, Google, Outlook or LinkedIn. kithkin checks the "
        "file first and shows what would change; nothing is written until you confirm."
    ),
    "web.import.reselect": "To import, choose the file again and press Import.",
    "web.import.refused": (
        "Nothing was imported: {count} record(s) could not be read. Fix them, or tick "
        "'Skip bad records' to import the others."
    ),
    "web.import.dry_run": (
        "Checked: nothing has been written yet. This is what the import would do."
    ),
    "web.import.done": "Imported. New people wait in triage, so you choose who joins your circles.",
    "web.triage.intro": (
        "Everyone your import brought in waits here. Keep the ones who matter in a circle, leave "
        "acquaintances in the wider network, or ignore someone: they will not come back on the "
        "next import."
    ),
    "web.triage.empty": "No one is waiting. Lovely.",
    "web.triage.kept": "{name}: now in {circle}.",
    "web.triage.wider": "{name}: in your wider network.",
    "web.triage.ignored": "{name}: ignored.",
    "web.data.reminders_intro": (
        "Reminders are set in your config file (the [reminders] table and notify_urls); "
        "'kithkin remind' or 'kithkin worker' sends them."
    ),
    "web.data.notify_count": "{count} notification destination(s) configured.",
    "web.data.notify_none": (
        "No notification destinations yet: add notify_urls to your config file to get reminders."
    ),
    "web.data.log_empty": "No reminders sent yet.",
    "web.data.feed_intro": (
        "Subscribe to your planned connections, recurring calls and birthdays from any calendar "
        "app. The link carries a secret: anyone with it can read your feed."
    ),
    "web.data.feed_token": (
        "Here is your feed link. It is shown only this once, so copy it now into your calendar "
        "app's 'subscribe by URL'."
    ),
    "web.data.feed_revoked": "Feed links revoked: subscriptions stop updating.",
    "web.data.exports_intro": (
        "Your data is yours. Download it whenever you like; the JSON backup holds everything."
    ),
    # --- end web insights and data ---
    # --- web planner ---
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
    "web.today.wellbeing_header": "For your wellbeing",
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
    "web.ladder.intro": (
        "If social situations make you anxious, a ladder helps you face them one small step at "
        "a time. List 8 to 15 situations, from mildly uneasy to currently too hard, and rate how "
        "anxious each would make you (0 calm, 100 the most anxious you can imagine)."
    ),
    "web.ladder.create_header": "Build your ladder",
    "web.ladder.create_hint": (
        "Fill in {low} to {high} steps in any order; kithkin sorts them easiest first. Rows left "
        "empty are skipped."
    ),
    "web.ladder.goal_label": "What you are working towards",
    "web.ladder.goal_placeholder": "Start conversations with colleagues",
    "web.ladder.more_steps": "More steps (up to {high})",
    "web.ladder.create_button": "Build my ladder",
    "web.ladder.created": "Your ladder is ready. You start at step 1, whenever you like.",
    "web.ladder.keep_going": (
        "Keep practising this step at your own pace. When it has gone well a couple of times, "
        "the next one will be offered. There is no rush."
    ),
    "web.ladder.up_button": "Take the next step",
    "web.ladder.back_button": "Step back",
    "web.ladder.moved_up": "You moved up a step. Go gently.",
    "web.ladder.moved_back": "You stepped back. That is part of it, and fine.",
    "web.ladder.steps_header": "Your steps, easiest first",
    "web.ladder.fear": "Fear: {fear}",
    "web.ladder.before_header": "Before you try",
    "web.ladder.before_hint": (
        "Write down what you expect, so afterwards you can compare it with what really happened."
    ),
    "web.ladder.prediction_label": "What I fear will happen",
    "web.ladder.before_button": "Save my prediction",
    "web.ladder.before_saved": "Prediction saved. Afterwards, come back and record how it went.",
    "web.ladder.after_header": "How did it go?",
    "web.ladder.attempt_title": "Step {step}, {day}",
    "web.ladder.you_predicted": (
        "You predicted: {prediction} (belief {belief} %, anxiety peak {peak})."
    ),
    "web.ladder.came_true_legend": "Did the prediction come true?",
    "web.ladder.after_button": "Save how it went",
    "web.ladder.after_saved": (
        "Recorded, and logged as a moment of connection. Well done for trying."
    ),
    "web.ladder.trend_header": "Predicted and actual",
    "web.ladder.chart_desc": (
        "For each attempt you completed: the anxiety peak you predicted beforehand and the peak "
        "you actually felt, on a scale from 0 to 100."
    ),
    "web.ladder.chart_empty": "Your first completed attempt will show here",
    "web.ladder.new_ladder": "Start a different ladder",
    "web.ladder.source": (
        "Exposure recorded as a behavioural experiment: prediction before, what happened after "
        "(Craske et al. 2014, Behav Res Ther 58:10-23). The rule for offering the next step "
        "(two attempts with a peak of 40 or less, or belief of 30 % or less) is kithkin's own "
        "design choice. This is self-help, not therapy."
    ),
    "web.assess.intro": (
        "Short, validated questionnaires help you see how you are doing over time. They compare "
        "you with yourself; none of them is a diagnosis."
    ),
    "web.assess.due_header": "Due now",
    "web.assess.instruments_header": "Questionnaires",
    "web.assess.needs_file": "Its questions are not shipped with kithkin.",
    "web.assess.how_to_add": "How to add them",
    "web.assess.history_header": "Your history",
    "web.assess.history_empty": "No questionnaires yet. The WHO-5 takes about two minutes.",
    "web.assess.schedule_header": "Reminders on Today",
    "web.assess.schedule_hint": "How often each one is due, in days; 0 turns it off.",
    "web.assess.schedule_saved": "Schedule saved.",
    "web.assess.missing_header": "The questions are not here yet",
    "web.assess.file_missing": (
        "The questions of the {name} do not ship with kithkin, because their licence does not "
        "allow it yet. Put your own copy in a plain text file, one question per line ({expected} "
        "lines; blank lines and lines starting with # are skipped), at the path below, then "
        "reload this page."
    ),
    "web.assess.file_path": "Save the file as:",
    "web.assess.take_intro": "Time frame: {period}. There are no right or wrong answers.",
    "web.assess.submit": "See my score",
    "web.assess.not_a_diagnosis": (
        "A questionnaire score is a snapshot to compare with yourself over time, not a diagnosis."
    ),
    "web.assess.see_history": "See your history",
    # --- end web planner ---
    # --- web polish ---
    "web.person.saved": "Saved. What you remember about them is up to date.",
    "web.person.archived": (
        "Archived. Their history stays; they leave your plan. Bring them back any time."
    ),
    "web.person.unarchived": "Welcome back to your circles.",
    "web.person.deleted": "That moment is removed; their last contact is worked out again.",
    "web.person.archive_confirm": (
        "Archiving keeps every moment you logged, and takes them out of your plan and reminders."
    ),
    "web.person.delete_confirm": "Remove this moment for good? It cannot be undone.",
    "web.person.archived_note": "Archived: they are not in your plan.",
    "web.person.contacts_hint": "One per line; add a label after #, such as 'work'.",
    "web.followups.intro": "Everything you meant to ask or do, soonest first.",
    "web.followups.none": "Nothing to follow up on. Lovely.",
    "web.people.triage": "{count} imported people wait for you to choose their circle.",
    "web.restore.intro": (
        "Restore a backup made with Download your data or 'kithkin export json'. It goes only "
        "into an empty database, so nothing you have is ever overwritten."
    ),
    "web.restore.not_empty": (
        "This database already holds your data, so the backup was not restored. Start kithkin "
        "with a new, empty database, then restore there (before the welcome steps)."
    ),
    "web.restore.done": "Restored {rows} rows. Welcome back.",
    "web.restore.welcome": "Moving from another device? Restore a backup instead.",
    # --- end web polish ---
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
}


def error_text(key: str, **params: Any) -> str:
    """The user-facing sentence for an error key."""
    template = ERRORS.get(key, ERRORS["error"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def text(key: str, **params: Any) -> str:
    """The user-facing sentence for a text key."""
    template = TEXT[key]
    return template.format(**params) if params else template
