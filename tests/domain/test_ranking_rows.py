"""The planner ranks from the ranking roster's rows as read (``RankingRows``, issue 14): the
scores, the top, the plan and the nearness are those of the members the rows make."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithkin.domain.catalogue import Action
from kithkin.domain.model import Feeling
from kithkin.domain.plan import history
from kithkin.domain.plan.inputs import PlanInput
from kithkin.domain.plan.planner import plan_day, plan_week
from kithkin.domain.plan.scoring import as_members, make_context, rank
from kithkin.domain.roster import RANKING_ROW, Member, RankingRows
from tests.domain.test_planner import CIRCLES, inputs

UNKNOWN_CIRCLE = 99  # a circle id the rows' names do not know: the member has no circle


def _rows(members: list[Member], *, unknown: bool) -> RankingRows:
    ids = {name: i for i, name in enumerate(sorted(CIRCLES), 1)}
    rows = [
        (
            m.id,
            ids[m.circle] if m.circle is not None else UNKNOWN_CIRCLE,
            m.cadence_days,
            m.closeness,
            m.feeling.value,
            m.timezone,
            m.birth_month,
            m.birth_day,
            m.last_contact,
        )
        for m in members
        if m.circle is not None or unknown
    ]
    return RankingRows(rows, {i: name for name, i in ids.items()})


def _ranked(inp: PlanInput, limit: int | None) -> list[tuple[int, float, int | None, bool]]:
    ctx = make_context(inp, now_only=False)
    return [(c.person_id, c.score, c.days, c.dormant) for c in rank(inp, ctx, limit=limit)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), unknown=st.booleans())
def test_rows_rank_and_plan_as_the_members_they_make(
    data: st.DataObject, unknown: bool, actions: tuple[Action, ...]
) -> None:
    inp = data.draw(inputs(actions))
    rows = _rows(list(as_members(inp.people)), unknown=unknown)
    made = list(rows)
    assert [m.id for m in made] == [row[0] for row in rows.rows]
    from_rows, from_members = replace(inp, people=rows), replace(inp, people=made)
    for limit in (None, 1, 3, 64):
        assert _ranked(from_rows, limit) == _ranked(from_members, limit)
    assert plan_day(from_rows) == plan_day(from_members)
    assert plan_week(from_rows, days=3) == plan_week(from_members, days=3)
    for tz in ("UTC", "Europe/London", "America/New_York"):
        assert history.histories(rows, {}, tz) == history.histories(made, {}, tz)
    recent = {row[0]: ["thoughtful_text"] for row in rows.rows[::2]}
    assert history.histories(rows, recent, "UTC") == history.histories(made, recent, "UTC")


def test_a_row_makes_the_member_field_by_field() -> None:
    row = (7, 3, 11, 4, "energising", "Europe/London", 12, 10, 1_700_000_000)
    assert dict(zip(RANKING_ROW, row, strict=True))["circle_id"] == 3
    rows = RankingRows([row, (*row[:1], 5, *row[2:])], {3: "inner"})
    assert len(rows) == 2
    first, second = rows
    assert first == rows[0] == rows[:1][0]
    assert first == Member(
        7,
        "",
        "",
        "inner",
        11,
        4,
        Feeling.ENERGISING,
        "Europe/London",
        12,
        10,
        None,
        (),
        "",
        1_700_000_000,
    )
    assert first.feeling is Feeling.ENERGISING
    assert second.circle is None  # circle 5 is not one of the names


def test_rows_compare_as_the_members_they_make() -> None:
    row = (7, 3, 11, 4, "neutral", None, None, None, None)
    rows = RankingRows([row], {3: "inner"})
    assert rows == list(rows) == RankingRows([row], {3: "inner"})
    assert rows != RankingRows([row], {3: "outer"})
    assert rows != RankingRows([], {3: "inner"})
    assert "inner" in repr(rows)
