"""The exposure ladder (command line and web)."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "ladder.offer_next": (
        "You've shown yourself this step is manageable. Try the next one when you like."
    ),
    "ladder.support": (
        "This has been feeling harder lately. Stepping back is fine, and talking it through with a "
        "professional can help."
    ),
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
    # --- cli ---
    "ladder.ask_goal": "What are you working towards",
    "ladder.ask_intro": (
        "Now {low} to {high} situations on the way there, in any order: kithkin sorts them "
        "easiest first."
    ),
    "ladder.ask_step": "Situation {number}",
    "ladder.ask_step_or_finish": "Situation {number} (or press Enter to finish)",
    "ladder.ask_fear": "What do you fear will happen (Enter to leave it out)",
    "ladder.ask_anxiety": "How anxious would it make you, 0 (calm) to 100 (the most)",
    # --- end cli ---
}
