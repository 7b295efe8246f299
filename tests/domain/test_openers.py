from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kithkin.domain.model import Person
from kithkin.domain.openers import draft_opener, draft_openers, since_words
from kithkin.messages import TEXT

TODAY = date(2025, 3, 10)
ADA = Person(name="Ada Lovelace", id=12, interests=("running", "poetry"), how_met="at university")


def test_openers_use_what_was_recorded() -> None:
    drafts = draft_openers(
        person=ADA, today=TODAY, last_kind="coffee", last_day=TODAY - timedelta(days=200), count=10
    )
    keys = [d.key for d in drafts]
    assert {"opener.interest.0", "opener.last.0", "opener.how_met.0"} <= set(keys)
    assert keys[-2:] == ["opener.plain.0", "opener.plain.1"]  # generic ones last
    last = next(d for d in drafts if d.key == "opener.last.0")
    assert last.params["since"] == "6 months"
    assert last.params["kind"] == TEXT["opener.kind.in_person"]
    assert all(d.params["name"] == "Ada" for d in drafts)
    for d in drafts:
        assert "{" not in d.text and len(d.text) < 160


def test_plain_opener_when_nothing_recorded() -> None:
    bob = Person(name="Bob", id=3)
    assert draft_opener(person=bob, today=TODAY).key.startswith("opener.plain.")


def test_since_words() -> None:
    assert since_words(20) == "2 weeks"
    assert since_words(95) == "3 months"
    assert since_words(400) == "about a year"
    assert since_words(1000) == "2 years"


@given(st.integers(0, 10_000), st.integers(0, 3000))
def test_deterministic_and_rotating(person_id: int, offset: int) -> None:
    person = Person(name="Sam Lee", id=person_id, nickname="Sammy", interests=("yoga",))
    day = TODAY + timedelta(days=offset)
    first = draft_openers(person=person, today=day)
    assert first == draft_openers(person=person, today=day)
    assert first[0].params["name"] == "Sammy"
    assert len(first) == 3
