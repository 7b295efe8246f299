from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kithkin import messages
from kithkin.domain.errors import InputError, OutOfRange
from kithkin.domain.questionnaires import (
    INSTRUMENTS,
    LSNS6,
    PSS4,
    PSS10,
    UCLA3,
    WHO5,
    AnswerOutOfRange,
    ItemTextMissing,
    ItemTextWrongCount,
    UnknownInstrument,
    WrongAnswerCount,
    due_instruments,
    instrument,
    item_text,
    parse_item_text,
    score,
)

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([0] * 10, 16),
        ([3, 3, 4, 1, 1, 3, 0, 1, 3, 4], 33),
        ([1, 0, 1, 3, 3, 1, 4, 3, 1, 0], 7),
        ([4, 4, 4, 0, 0, 4, 0, 0, 4, 4], 40),
        ([0, 0, 0, 4, 4, 0, 4, 4, 0, 0], 0),
    ],
)
def test_pss10_reference_vectors(answers, expected):
    result = score(PSS10, answers)
    assert result.raw == expected
    assert result.percent is None
    assert "pss.no_cutoffs" in result.flags


@pytest.mark.parametrize(
    ("answers", "expected"), [([0, 0, 0, 0], 8), ([3, 1, 1, 3], 12), ([4, 0, 0, 4], 16)]
)
def test_pss4_reference_vectors(answers, expected):
    result = score(PSS4, answers)
    assert result.raw == expected
    assert result.band is None


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        ([0] * 10, "pss.informal_moderate"),
        ([1, 0, 1, 3, 3, 1, 4, 3, 1, 0], "pss.informal_low"),
        ([3, 3, 4, 1, 1, 3, 0, 1, 3, 4], "pss.informal_high"),
    ],
)
def test_pss10_bands_are_informal(answers, band):
    result = score(PSS10, answers)
    assert result.band == band
    assert "pss.bands_informal" in result.flags


@pytest.mark.parametrize(
    ("answers", "raw", "lonely"),
    [
        ([1, 1, 1], 3, False),
        ([1, 2, 2], 5, False),
        ([2, 2, 2], 6, True),
        ([3, 2, 1], 6, True),
        ([3, 3, 3], 9, True),
    ],
)
def test_ucla3_reference_vectors(answers, raw, lonely):
    result = score(UCLA3, answers)
    assert result.raw == raw
    assert result.band == ("ucla3.lonely" if lonely else "ucla3.not_lonely")
    assert "ucla3.cutoff_convention" in result.flags


@pytest.mark.parametrize(
    ("answers", "raw", "percent", "band", "talk"),
    [
        ([5, 5, 5, 5, 5], 25, 100, "who5.fine", False),
        ([3, 3, 2, 2, 3], 13, 52, "who5.fine", False),
        ([2, 3, 2, 2, 3], 12, 48, "who5.poor", False),
        ([1, 2, 1, 2, 1], 7, 28, "who5.low", True),
    ],
)
def test_who5_reference_vectors(answers, raw, percent, band, talk):
    result = score(WHO5, answers)
    assert (result.raw, result.percent, result.band) == (raw, percent, band)
    assert ("who5.talk" in result.flags) is talk


@pytest.mark.parametrize(
    ("answers", "total", "family", "friends", "at_risk"),
    [
        ([2, 1, 1, 2, 1, 1], 8, 4, 4, True),
        ([3, 2, 2, 3, 2, 2], 14, 7, 7, False),
        ([0, 0, 0, 4, 4, 4], 12, 0, 12, False),
        ([0, 0, 0, 3, 4, 4], 11, 0, 11, True),
    ],
)
def test_lsns6_reference_vectors(answers, total, family, friends, at_risk):
    result = score(LSNS6, answers)
    assert result.raw == total
    assert dict(result.subscales) == {"family": family, "friends": friends}
    assert result.band == ("lsns6.at_risk" if at_risk else "lsns6.connected")


def _answers(inst_id):
    inst = INSTRUMENTS[inst_id]
    return st.lists(
        st.integers(inst.answer_min, inst.answer_max), min_size=inst.n_items, max_size=inst.n_items
    )


instrument_and_answers = st.sampled_from(sorted(INSTRUMENTS)).flatmap(
    lambda i: st.tuples(st.just(i), _answers(i))
)


@given(instrument_and_answers)
def test_score_stays_in_range(case):
    inst_id, answers = case
    inst = INSTRUMENTS[inst_id]
    result = score(inst_id, answers)
    assert inst.raw_min <= result.raw <= inst.raw_max
    if result.percent is not None:
        assert 0 <= result.percent <= 100


@given(instrument_and_answers)
def test_reversing_every_answer_mirrors_the_score(case):
    """Mirroring each answer (x -> min + max - x) maps s to raw_min + raw_max - s, for every
    instrument (for PSS-10: s -> 40 - s), because reverse keying commutes with mirroring."""
    inst_id, answers = case
    inst = INSTRUMENTS[inst_id]
    mirrored = [inst.answer_min + inst.answer_max - x for x in answers]
    assert score(inst_id, mirrored).raw == inst.raw_min + inst.raw_max - score(inst_id, answers).raw


@given(_answers(PSS10), st.integers(0, 9))
def test_pss10_item_direction(answers, index):
    if answers[index] == 4:
        return
    raised = [*answers]
    raised[index] += 1
    step = score(PSS10, raised).raw - score(PSS10, answers).raw
    assert step == (-1 if index + 1 in (4, 5, 7, 8) else 1)


def test_lsns6_subscales_add_up():
    result = score(LSNS6, [5, 4, 3, 2, 1, 0])
    assert sum(dict(result.subscales).values()) == result.raw == 15


@pytest.mark.parametrize("answers", [[1, 2], [1, 2, 3, 4]])
def test_wrong_number_of_answers(answers):
    with pytest.raises(WrongAnswerCount) as err:
        score(UCLA3, answers)
    assert err.value.params == {
        "instrument": instrument(UCLA3).name,
        "expected": 3,
        "got": len(answers),
    }
    assert "3 answers" in err.value.message


@pytest.mark.parametrize("bad", [0, 4, -1, True, 2.5])
def test_answer_out_of_range_names_what_is_allowed(bad):
    with pytest.raises(AnswerOutOfRange) as err:
        score(UCLA3, [1, bad, 1])
    assert err.value.params["item"] == 2
    assert (err.value.params["low"], err.value.params["high"]) == (1, 3)
    assert "from 1 to 3" in err.value.message
    assert isinstance(err.value, InputError)


def test_unknown_instrument_lists_the_known_ones():
    with pytest.raises(UnknownInstrument) as err:
        score("phq9", [0] * 9)
    assert "who5" in err.value.params["allowed"]


def test_ucla3_version_id_is_stored_explicitly():
    assert UCLA3 == "ucla3-3pt"
    assert instrument(UCLA3).answer_max == 3


def test_only_licensed_item_text_ships():
    for inst in INSTRUMENTS.values():
        assert inst.citation
        assert inst.licence_note
        assert len(inst.answer_labels) == inst.answer_max - inst.answer_min + 1
        if inst.item_text_shipped:
            assert len(inst.items) == inst.n_items
        else:
            assert inst.items == ()
    assert {i.id for i in INSTRUMENTS.values() if i.item_text_shipped} == {WHO5, UCLA3}
    assert instrument(WHO5).wording_source
    assert instrument(WHO5).label(0) == "At no time"


def test_parse_item_text_skips_blank_lines_and_comments():
    text = "# my copy of the PSS-4\n\n  first  \nsecond\n# note\nthird\n\nfourth\n"
    assert parse_item_text(PSS4, text) == ("first", "second", "third", "fourth")


@pytest.mark.parametrize("text", [None, "", "\n# only a comment\n"])
def test_parse_item_text_missing(text):
    with pytest.raises(ItemTextMissing) as err:
        parse_item_text(PSS10, text)
    assert err.value.key == "item_text_missing"
    assert err.value.params["expected"] == 10


def test_parse_item_text_wrong_count():
    with pytest.raises(ItemTextWrongCount) as err:
        parse_item_text(LSNS6, "a\nb\nc\n")
    assert (err.value.params["expected"], err.value.params["got"]) == (6, 3)


def test_item_text_prefers_shipped_text_then_the_users_file():
    assert item_text(WHO5) == instrument(WHO5).items
    assert item_text(UCLA3, "x\ny\nz") == ("x", "y", "z")
    with pytest.raises(ItemTextMissing):
        item_text(PSS10)


def test_every_band_flag_and_error_has_a_sentence():
    keys = set()
    for inst_id, inst in INSTRUMENTS.items():
        for low_high in (
            inst.answer_min,
            inst.answer_max,
            (inst.answer_min + inst.answer_max) // 2,
        ):
            result = score(inst_id, [low_high] * inst.n_items)
            keys.update(f"questionnaire.flag.{f}" for f in result.flags)
            if result.band:
                keys.add(f"questionnaire.band.{result.band}")
    assert keys <= set(messages.TEXT)
    for cls in (
        UnknownInstrument,
        WrongAnswerCount,
        AnswerOutOfRange,
        ItemTextMissing,
        ItemTextWrongCount,
    ):
        assert cls.key in messages.ERRORS


def test_due_never_done_is_due_today():
    due = due_instruments({}, today=TODAY)
    assert [(d.instrument_id, d.due_on, d.days_overdue) for d in due] == [
        (PSS10, TODAY, 0),
        (WHO5, TODAY, 0),
    ]


def test_due_follows_default_rhythm():
    last = {WHO5: TODAY - timedelta(days=13), PSS10: TODAY - timedelta(days=30)}
    assert [d.instrument_id for d in due_instruments(last, today=TODAY)] == [PSS10]
    last = {WHO5: TODAY - timedelta(days=20), PSS10: TODAY - timedelta(days=29)}
    due = due_instruments(last, today=TODAY)
    assert [(d.instrument_id, d.days_overdue) for d in due] == [(WHO5, 6)]
    assert due[0].as_dict() == {"instrument_id": WHO5, "due_on": "2026-03-09", "days_overdue": 6}


def test_due_custom_schedule_orders_most_overdue_first():
    last = {UCLA3: TODAY - timedelta(days=41), LSNS6: TODAY - timedelta(days=100)}
    due = due_instruments(last, today=TODAY, every_days={UCLA3: 30, LSNS6: 90})
    assert [d.instrument_id for d in due] == [UCLA3, LSNS6]


def test_due_rejects_bad_schedule():
    with pytest.raises(OutOfRange):
        due_instruments({}, today=TODAY, every_days={WHO5: 0})
    with pytest.raises(UnknownInstrument):
        due_instruments({}, today=TODAY, every_days={"nope": 7})
