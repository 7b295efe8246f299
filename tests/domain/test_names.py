"""Forgiving name matching."""

from __future__ import annotations

import pytest

from kithkin.domain.errors import AmbiguousName, InputError, UnknownName
from kithkin.domain.names import NameEntry, fold, match

PEOPLE = [
    NameEntry(1, "Ada Lovelace", "Ada"),
    NameEntry(2, "Adam Smith"),
    NameEntry(3, "José Álvarez", "Pepe"),
    NameEntry(4, "Grace Hopper"),
    NameEntry(5, "Grace Kelly"),
    NameEntry(12, "Zoë  Müller"),
]


def test_fold_lowercases_strips_accents_and_collapses_spaces() -> None:
    assert fold("  Zoë   MÜLLER ") == "zoe muller"
    assert fold("José") == "jose"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ada", 1),  # exact nickname beats Adam's prefix
        ("Ada L", 1),
        ("lovelace", 1),
        ("ADA LOVELACE", 1),
        ("adam", 2),
        ("smith", 2),
        ("jose", 3),
        ("álvarez", 3),
        ("pepe", 3),
        ("zoe muller", 12),
        ("Zoë", 12),
        ("hopper", 4),
        ("g kelly", 5),
        ("#12", 12),
        (" #4 ", 4),
        ("velac", 1),  # a substring is the last resort
    ],
)
def test_forgiving_match(query: str, expected: int) -> None:
    assert match(query, PEOPLE).id == expected


def test_ambiguous_names_list_the_candidates_with_ids() -> None:
    with pytest.raises(AmbiguousName) as caught:
        match("grace", PEOPLE)
    assert isinstance(caught.value, InputError)
    assert "Grace Hopper (#4)" in caught.value.message
    assert "Grace Kelly (#5)" in caught.value.message


def test_unknown_name_offers_names_with_the_same_first_letter() -> None:
    with pytest.raises(UnknownName) as caught:
        match("gertrude", PEOPLE)
    assert "Grace Hopper" in caught.value.message
    assert caught.value.params["name"] == "gertrude"


def test_unknown_id_and_empty_query() -> None:
    with pytest.raises(UnknownName):
        match("#99", PEOPLE)
    with pytest.raises(UnknownName):
        match("   ", PEOPLE)
    with pytest.raises(UnknownName):
        match("ada", [])
