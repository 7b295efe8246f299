"""The ranking keeps key tuples only for the people at or above the ``limit``-th best score
(issue 14): the top ``limit`` are exactly the first ``limit`` of everyone ranked, ties at the
cut included (they break by id)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithkin.domain.catalogue import Action
from kithkin.domain.model import Feeling, FollowUp, Profile
from kithkin.domain.plan.inputs import PlanInput
from kithkin.domain.plan.scoring import make_context, rank
from kithkin.domain.roster import Member
from tests.domain.test_planner import CIRCLES, inputs

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def _ranked(inp: PlanInput, limit: int | None) -> list[tuple[int, float]]:
    ctx = make_context(inp, now_only=False)
    return [(c.person_id, c.score) for c in rank(inp, ctx, limit=limit)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_top_is_the_head_of_everyone_ranked(
    data: st.DataObject, actions: tuple[Action, ...]
) -> None:
    inp = data.draw(inputs(actions))
    everyone = _ranked(inp, None)
    for limit in range(1, len(everyone) + 2):
        assert _ranked(inp, limit) == everyone[:limit]


def test_ties_across_the_cut_break_by_id(actions: tuple[Action, ...]) -> None:
    """Forty people with the same score, a follow-up above them and nobody in a circle: the
    cut falls inside the tie, and the lowest ids are kept."""
    last = int((NOW - timedelta(days=3)).timestamp())
    people = [
        Member(i, f"P{i}", "", "friends", None, 3, *_neutral(), last) for i in range(40, 0, -1)
    ]
    people.append(Member(99, "No circle", "", None, None, 5, *_neutral(), None))
    inp = PlanInput(
        today=TODAY,
        now=NOW,
        profile=Profile(timezone="UTC"),
        people=people,
        actions=actions,
        circles=CIRCLES,
        follow_ups={17: (FollowUp(17, "the move", due=TODAY, id=1),)},
    )
    everyone = _ranked(inp, None)
    assert everyone[0][0] == 17
    assert [pid for pid, _ in everyone[1:]] == [i for i in range(1, 41) if i != 17]
    for limit in (1, 2, 5, 39, 40, 41, 64):
        assert _ranked(inp, limit) == everyone[:limit]
    assert _ranked(replace(inp, exclude_people=frozenset({17})), 3) == everyone[1:4]


def _neutral() -> tuple[object, ...]:
    """feeling, time zone, birthday (month, day, year), interests, how met."""
    return (Feeling.NEUTRAL, None, None, None, None, (), "")
