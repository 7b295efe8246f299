from __future__ import annotations

import pytest

from kithkin.domain.catalogue import (
    CHANNELS,
    GROUPS,
    MINUTES,
    NEEDS,
    SELFCARE,
    Action,
    ActionFieldInvalid,
    ActionIdClash,
    CatalogueUnreadable,
    interest_tags,
    merge_actions,
    parse_actions,
)
from kithkin.domain.model import KINDS
from kithkin.messages import ERRORS

CUSTOM = """
[[action]]
id = "board_game_night"
title = "Board game night"
how = "Invite two friends over for one short game."
minutes = 90
channel = "in_person"
social_load = 3
anxiety = 3
group = "small_group"
needs = ["same_city"]
kind = "visit"
"""


def test_at_least_forty_valid_actions(actions: tuple[Action, ...]) -> None:
    assert len(actions) >= 40
    assert len({a.id for a in actions}) == len(actions)
    for a in actions:
        assert a.minutes in MINUTES
        assert a.channel in CHANNELS
        assert a.group in GROUPS
        assert 1 <= a.social_load <= 3
        assert 1 <= a.anxiety <= 5
        assert a.kind in KINDS
        assert set(a.selfcare) <= set(SELFCARE)
        assert set(a.needs) <= set(NEEDS)
        assert a.title and a.how
        assert not a.custom


def test_article_examples_are_covered(actions: tuple[Action, ...]) -> None:
    by_id = {a.id: a for a in actions}
    expected = {
        "thoughtful_text": ("async_message", "text"),
        "voice_message": ("voice_message", "voice_message"),
        "virtual_coffee": ("video", "video_call"),
        "barista_small_talk": ("in_person", "small_talk"),
        "neighbour_hello": ("in_person", "small_talk"),
        "walk_together": ("in_person", "walk_run"),
        "run_together": ("in_person", "walk_run"),
        "group_fitness_class": ("in_person", "class"),
        "cook_together": ("in_person", "cooking"),
        "meal_prep_together": ("in_person", "cooking"),
        "regular_video_call": ("video", "video_call"),
        "join_online_community": ("async_message", "online_community"),
        "gratitude_message": ("async_message", "text"),
        "compliment": ("async_message", "text"),
        "share_memory_photo": ("async_message", "text"),
        "ask_follow_up": ("async_message", "text"),
        "birthday_message": ("async_message", "text"),
        "call_instead_of_text": ("call", "call"),
    }
    for action_id, (channel, kind) in expected.items():
        assert (by_id[action_id].channel, by_id[action_id].kind) == (channel, kind)
    assert by_id["virtual_coffee"].minutes == 10
    assert 10 in by_id["call_instead_of_text"].evidence
    assert "run" in by_id["run_together"].selfcare
    assert "class" in by_id["group_fitness_class"].selfcare
    assert "cooking" in by_id["meal_prep_together"].selfcare


def test_weak_ties_flagged(actions: tuple[Action, ...]) -> None:
    weak = {a.id for a in actions if a.weak_tie}
    assert {"barista_small_talk", "neighbour_hello", "colleague_virtual_coffee"} <= weak
    for a in actions:
        if any(w in a.id for w in ("barista", "neighbour", "colleague")):
            assert a.weak_tie, a.id


def test_short_actions_exist_for_little_time(actions: tuple[Action, ...]) -> None:
    assert sum(1 for a in actions if a.minutes <= 5 and not a.weak_tie) >= 10


@pytest.mark.parametrize(
    ("line", "replacement", "field"),
    [
        ('channel = "in_person"', 'channel = "pigeon"', "channel"),
        ("minutes = 90", "minutes = 7", "minutes"),
        ("social_load = 3", "social_load = 4", "social_load"),
        ("anxiety = 3", "anxiety = 0", "anxiety"),
        ('group = "small_group"', 'group = "crowd"', "group"),
        ('kind = "visit"', 'kind = "telepathy"', "kind"),
        ('needs = ["same_city"]', 'needs = ["car"]', "needs"),
        ('title = "Board game night"', 'title = ""', "title"),
        ('kind = "visit"', 'kind = "visit"\nweak_tie = "yes"', "weak_tie"),
        ('kind = "visit"', 'kind = "visit"\ncolour = "red"', "colour"),
        ('id = "board_game_night"', 'id = "Board Game"', "id"),
    ],
)
def test_bad_field_named(line: str, replacement: str, field: str) -> None:
    with pytest.raises(ActionFieldInvalid) as info:
        parse_actions(CUSTOM.replace(line, replacement))
    assert info.value.params["field"] == field
    assert info.value.key in ERRORS
    assert field in info.value.message


def test_missing_field_named() -> None:
    with pytest.raises(ActionFieldInvalid) as info:
        parse_actions(CUSTOM.replace('how = "Invite two friends over for one short game."\n', ""))
    assert info.value.params["field"] == "how"


def test_unreadable_toml() -> None:
    with pytest.raises(CatalogueUnreadable):
        parse_actions("[[action]\nid=")
    with pytest.raises(CatalogueUnreadable):
        parse_actions("title = 'no actions'")


def test_merge_custom_and_clash(actions: tuple[Action, ...]) -> None:
    custom = parse_actions(CUSTOM, custom=True)
    merged = merge_actions(actions, custom)
    assert merged[-1].id == "board_game_night" and merged[-1].custom
    clash = parse_actions(CUSTOM.replace("board_game_night", "compliment"), custom=True)
    with pytest.raises(ActionIdClash) as info:
        merge_actions(actions, clash)
    assert info.value.params["id"] == "compliment"
    with pytest.raises(ActionIdClash):
        parse_actions(CUSTOM + CUSTOM)


def test_interest_tags() -> None:
    assert interest_tags(["Running", "yoga", "chess"]) == {"run": "Running", "class": "yoga"}
