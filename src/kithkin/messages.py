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
    "unknown_timezone": (
        "'{value}' is not a known time zone. Use an IANA name such as Europe/Berlin or "
        "America/New_York."
    ),
    "unknown_name": "No one in your people matches '{name}'.{hint}",
    "ambiguous_name": "'{name}' could be {candidates}. Use more of the name, or the id.",
    "empty_value": "{field} cannot be empty.",
    "person_not_found": "There is no person with id {id}.",
    "followup_not_found": "There is no follow-up with id {id}.",
    "circle_not_found": "There is no circle called '{name}'. Circles: {allowed}.",
    "duplicate_name": "{what} '{name}' already exists.",
    "not_initialised": "kithkin is not set up yet. Run 'kithkin init' (or 'kithkin demo').",
    "database_unavailable": "Could not open the database at {url}: {reason}",
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
    "today.days_ago": "last {days} days ago, {circle} every {cadence} days",
    "logged": "Logged: {kind} with {with_} on {day}.",
    "logged.meaningful": "That counts for today's Power of One.",
    "checkin.saved": "Check-in saved for {day}: mood {mood}/10, stress {stress}/10.",
    "checkin.updated": "Updated your check-in for {day}: mood {mood}/10, stress {stress}/10.",
    "person.added": "Added {name} ({circle}).",
    "person.updated": "Updated {name}.",
    "person.archived": "Archived {name}. Their history stays; they leave your plan.",
    "followup.added": "Follow-up #{id} for {name}: {text}",
    "followup.done": "Follow-up #{id} done. Nice.",
    "init.done": "All set. Your daily goal is {goal} meaningful connection(s); take it gently.",
    "demo.done": "Demo life ready: {people} people, {interactions} interactions, {checkins} check-ins.",
    "db.upgraded": "Database is at the latest schema ({revision}).",
    "db.backup": "Backed up the database to {path} before upgrading it.",
    "nobody": "no one in particular",
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
