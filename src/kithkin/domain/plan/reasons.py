"""Reasons in plain words for the few chosen suggestions: message keys and their values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kithkin.domain.timeutil import zone

if TYPE_CHECKING:
    from kithkin.domain.plan.choice import Chosen
    from kithkin.domain.plan.scoring import Candidate, Context

Params = dict[str, str | int]


def reasons_for(chosen: Chosen, ctx: Context) -> list[tuple[str, Params]]:
    """Why this person (if any), and why this way, most important first."""
    out: list[tuple[str, Params]] = []
    cand = chosen.candidate
    action = chosen.action
    if cand is not None:
        out += _who(cand)
    elif action.kind == "online_community":
        out.append(("plan.reason.community", {}))
    else:
        out.append(("plan.reason.weak_tie", {}))
    if chosen.shared_interest:
        out.append(("plan.reason.shared_interest", {"interest": chosen.shared_interest}))
    if cand is not None and chosen.other_tz != ctx.user_tz:
        out.append(("plan.reason.far_away", {"timezone": chosen.other_tz}))
    out += _when(chosen, ctx)
    if 10 in action.evidence and action.channel == "call":
        out.append(("plan.reason.call_over_text", {}))
    if 9 in action.evidence:
        out.append(("plan.reason.gratitude", {}))
    if ctx.little_time and action.minutes <= 5:
        out.append(("plan.reason.little_time", {"minutes": action.minutes}))
    if ctx.introvert and action.group == "one_to_one" and action.social_load == 1:
        out.append(("plan.reason.gentle", {}))
    if ctx.anxious:
        out.append(("plan.reason.ladder", {}))
    if chosen.repeat:
        out.append(("plan.reason.repeat", {}))
    return out


def _when(chosen: Chosen, ctx: Context) -> list[tuple[str, Params]]:
    """When a call or video can happen (their local time), if it is worth saying."""
    action, cand = chosen.action, chosen.candidate
    if not action.live or chosen.proposed_time is None or cand is None:
        return []
    their = chosen.proposed_time.astimezone(zone(chosen.other_tz)).strftime("%H:%M")
    if chosen.proposed_time != ctx.now:
        return [("plan.reason.proposed", {"their_time": their})]
    if chosen.other_tz != ctx.user_tz:
        return [("plan.reason.awake_now", {"their_time": their})]
    return []


def _who(cand: Candidate) -> list[tuple[str, Params]]:
    out: list[tuple[str, Params]] = []
    if cand.birthday_in == 0:
        out.append(("plan.reason.birthday_today", {}))
    elif cand.birthday_in is not None:
        out.append(("plan.reason.birthday_soon", {"days": cand.birthday_in}))
    if cand.follow_up is not None:
        item = cand.follow_up
        if item.due is not None:
            out.append(
                ("plan.reason.follow_up_due", {"text": item.text, "due": item.due.isoformat()})
            )
        else:
            out.append(("plan.reason.follow_up", {"text": item.text}))
    if cand.dormant and cand.days is not None:
        out.append(("plan.reason.reconnect", {"days": cand.days}))
    circle = cand.person.circle or ""
    if cand.days is None:
        out.append(("plan.reason.never", {"circle": circle, "cadence": cand.cadence}))
    elif cand.days >= cand.cadence:
        out.append(
            ("plan.reason.overdue", {"days": cand.days, "circle": circle, "cadence": cand.cadence})
        )
    else:
        out.append(("plan.reason.in_rhythm", {"days": cand.days, "cadence": cand.cadence}))
    if cand.person.feeling.value == "energising":
        out.append(("plan.reason.energising", {}))
    return out
