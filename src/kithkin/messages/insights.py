"""Insights, questionnaires (assessments) and experiments."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "questionnaire.band.who5.fine": (
        "As a percentage, your score is above 50%, the WHO-5 screening line."
    ),
    "questionnaire.band.who5.poor": (
        "As a percentage, your score is 50% or below, which the WHO-5 authors read as poor "
        "wellbeing: "
        "consider a screening with your doctor. This is not a diagnosis. "
        "(Topp et al. 2015, Psychother Psychosom)"
    ),
    "questionnaire.band.who5.low": (
        "As a percentage, your score is 28% or below. This is not a diagnosis, and it is a "
        "good moment to talk with a professional you trust, such as your doctor, about how "
        "you have been feeling. "
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
        "The day after a day you connected, your mood tended to be {delta:+} points different "
        "(range {low:+} to {high:+}; {n} days), allowing for that day's own contact."
    ),
    "insights.mode_stands_out.in_person": (
        "Days with in-person time stood out for your mood: {delta:+} points against days with "
        "no contact (range {low:+} to {high:+}; {n_social} vs {n_non_social} days)."
    ),
    "insights.mode_stands_out.call": (
        "Days with a call or video call stood out for your mood: {delta:+} points against days "
        "with no contact (range {low:+} to {high:+}; {n_social} vs {n_non_social} days)."
    ),
    "insights.mode_stands_out.message": (
        "Days with messages stood out for your mood: {delta:+} points against days with no "
        "contact (range {low:+} to {high:+}; {n_social} vs {n_non_social} days)."
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
    "assess.saved": "Saved your {name} for {day}. Thank you for taking a moment for yourself.",
    "assess.score": "Score: {raw} (range {low}-{high}).",
    "assess.percent": "Score: {raw} of {high}, {percent}%.",
    "assess.answer_prompt": "Your answer ({low}-{high})",
    "assess.attribution": "{name}. {citation}",
    "assess.history_empty": "No questionnaires yet. 'kithkin assess who5' takes about two minutes.",
    "assess.schedule_set": "{name}: every {every:day|{every} days}.",
    "assess.schedule_off": "{name}: no reminders.",
    "insights.header": "Your patterns so far ({days} days with data)",
    "insights.by_mode_header": "By kind of contact (mood, against days with no contact)",
    "insights.by_dose_header": "By how many connections (mood, against days with none)",
    "insights.by_person_header": (
        "Your mood around time with each person (after minus before, with ranges)"
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
    # --- insights ---
    "insights.person_higher": (
        "Your mood after time with {name} has tended to be higher than before: {delta:+} points "
        "(range {low:+} to {high:+}; {n} times)."
    ),
    "insights.person_lower": (
        "Your mood after time with {name} has tended to be lower than before: {delta:+} points "
        "(range {low:+} to {high:+}; {n} times)."
    ),
    "insights.error_budget": (
        "Each range allows for every comparison on this page at once (Bonferroni for the "
        "headline numbers, Benjamini-Hochberg within the kinds and the people), so with no real "
        "difference anywhere, something would look clear at most about 1 time in 20."
    ),
    "insights.verdict.clear": "clear",
    "insights.verdict.unclear": "no clear difference",
    "experiment.interim": (
        "In progress: {n_days} days with a mood check-in so far ({n_challenge} challenge days, "
        "{n_usual} usual days). The result appears once the experiment ends: looking at it "
        "every evening would turn up a 'difference' by chance, so until then it shows progress "
        "only."
    ),
    "experiment.plan": (
        "To find a 1-point difference in mood 4 times out of 5 (80% power), an experiment needs "
        "about {with_mood} days with a check-in: with your mood's usual spread ({sd} points) "
        "and check-ins on {rate}% of days, about {days_needed} days. Suggested length: "
        "{default_days} days."
    ),
    "experiment.plan_default": (
        "To find a 1-point difference in mood 4 times out of 5 (80% power), an experiment needs "
        "about {with_mood} days with a check-in, assuming a typical spread of {sd} points until "
        "you have two weeks of check-ins, and check-ins on {rate}% of days: about "
        "{days_needed} days. Suggested length: {default_days} days."
    ),
    "insights.time.title": "Mood and stress, last {days} days",
    "insights.time.desc": (
        "Your evening mood and stress (0-10) over the last {days} days; marks along the bottom "
        "show the days you connected with someone. Gaps are days without a check-in."
    ),
    "insights.time.axis": "0-10",
    "insights.time.mood": "Mood",
    "insights.time.stress": "Stress",
    "insights.time.social": "Connected",
    "insights.time.header": "Mood over time, week by week (last {days} days)",
    "insights.time.table": "The same, week by week",
    "insights.time.saved": "Mood-over-time chart ({days} days) saved to {path}.",
    # --- end insights (branch) ---
    # --- phone-ux ---
    "phoneux.items.header": "Paste the questions once",
    "phoneux.items.intro": (
        "Copy the {count} questions of {name} from your own copy (a book, your clinician, the "
        "authors' site) and paste them here, one per line. They stay on this machine, in the "
        "same file the command line reads, so you do this only once."
    ),
    "phoneux.items.label": "The {count} questions, one per line",
    "phoneux.items.save": "Save the questions",
    "phoneux.items.saved": "Saved. The questionnaire is ready to take.",
    "phoneux.items.settings_header": "Questionnaires that need your copy of the questions",
    "phoneux.items.settings_intro": (
        "Some questionnaires' licences do not let kithkin ship their questions. Paste yours "
        "once and they can be taken here and on the command line."
    ),
    "phoneux.items.ready": "{name}: ready",
    # --- end phone-ux ---
}
