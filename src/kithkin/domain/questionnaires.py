"""Validated questionnaires: definitions, scoring keys, bands and a schedule.

Everything follows ``science-reference.md`` section 1. Scores are never diagnoses: bands are keys
whose (neutral, warm) sentences live in :mod:`kithkin.messages` under ``questionnaire.band.<key>``.

Licensing decides what ships. WHO-5 (public domain, attribution required) and the UCLA 3-item
scale (not copyrighted) ship their item text. PSS-10, PSS-4 and LSNS-6 ship only their scoring
keys; their questions come from a file the user supplies (:func:`parse_item_text`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from kithkin.domain.errors import InputError
from kithkin.domain.model import check_range

WHO5 = "who5"
UCLA3 = "ucla3-3pt"
PSS10 = "pss10"
PSS4 = "pss4"
LSNS6 = "lsns6"

DEFAULT_EVERY_DAYS: Mapping[str, int] = {WHO5: 14, PSS10: 30}


class UnknownInstrument(InputError):
    """No questionnaire has this id."""

    key = "unknown_instrument"


class WrongAnswerCount(InputError):
    """A questionnaire got more or fewer answers than it has items."""

    key = "wrong_answer_count"


class AnswerOutOfRange(InputError):
    """An answer is not one of the questionnaire's allowed whole numbers."""

    key = "answer_out_of_range"


class ItemTextMissing(InputError):
    """The questionnaire's item text is not shipped and no file was given."""

    key = "item_text_missing"


class ItemTextWrongCount(InputError):
    """A user-supplied item text file has the wrong number of questions."""

    key = "item_text_wrong_count"


@dataclass(frozen=True, slots=True)
class Instrument:
    """A questionnaire: how it is answered and scored, where it comes from, what may ship."""

    id: str
    name: str
    n_items: int
    answer_min: int
    answer_max: int
    answer_labels: tuple[str, ...]  # answer_labels[v - answer_min] names answer v
    recall_period: str
    citation: str
    licence_note: str
    item_text_shipped: bool
    items: tuple[str, ...] = ()  # shipped item text, empty when it may not ship
    stem: str = ""
    wording_source: str = ""
    reverse_items: tuple[int, ...] = ()  # 1-based item numbers scored as (min + max - x)

    @property
    def raw_min(self) -> int:
        return self.n_items * self.answer_min

    @property
    def raw_max(self) -> int:
        return self.n_items * self.answer_max

    def label(self, answer: int) -> str:
        """The printed label of an answer value."""
        return self.answer_labels[answer - self.answer_min]


@dataclass(frozen=True, slots=True)
class Score:
    """A scored questionnaire. ``band`` and ``flags`` are message keys, never diagnoses."""

    instrument_id: str
    raw: int
    raw_min: int
    raw_max: int
    percent: int | None = None
    band: str | None = None
    flags: tuple[str, ...] = ()
    subscales: tuple[tuple[str, int], ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "instrument_id": self.instrument_id,
            "raw": self.raw,
            "raw_min": self.raw_min,
            "raw_max": self.raw_max,
            "percent": self.percent,
            "band": self.band,
            "flags": list(self.flags),
            "subscales": dict(self.subscales),
        }


_PSS_LABELS = ("never", "almost never", "sometimes", "fairly often", "very often")
_PSS_CITATION = (
    "Cohen, Kamarck & Mermelstein (1983), J Health Soc Behav 24(4):385-396; "
    "Cohen & Williamson (1988), in Spacapan & Oskamp (eds.), The Social Psychology of Health, "
    "Sage, pp. 31-67. Scoring: Cohen lab PSS scoring pages."
)
_PSS_LICENCE = (
    "Item text not shipped: permission requests go through Mapi Research Trust ePROVIDE and "
    "redistribution in open source is unverified. Load the questions from your own copy."
)

INSTRUMENTS: Mapping[str, Instrument] = {
    i.id: i
    for i in (
        Instrument(
            id=WHO5,
            name="WHO-5 Well-Being Index",
            n_items=5,
            answer_min=0,
            answer_max=5,
            answer_labels=(
                "At no time",
                "Some of the time",
                "Less than half of the time",
                "More than half of the time",
                "Most of the time",
                "All of the time",
            ),
            recall_period="the last two weeks",
            citation=(
                "Topp, Østergaard, Søndergaard & Bech (2015), Psychother Psychosom "
                "84(3):167-176. Source: WHO-5, Psychiatric Centre North Zealand "
                "(psykiatri-regionh.dk/who-5)."
            ),
            licence_note="Public domain; the source must be mentioned and changed wording marked.",
            item_text_shipped=True,
            stem="Over the last two weeks:",
            items=(
                "I have felt cheerful and in good spirits",
                "I have felt calm and relaxed",
                "I have felt active and vigorous",
                "I woke up feeling fresh and rested",
                "My daily life has been filled with things that interest me",
            ),
            wording_source=(
                "English WHO-5 (1998 version) as published by Psychiatric Centre North Zealand; "
                "no wording changed intentionally."
            ),
        ),
        Instrument(
            id=UCLA3,
            name="UCLA 3-item Loneliness Scale (3-point answers)",
            n_items=3,
            answer_min=1,
            answer_max=3,
            answer_labels=("Hardly ever", "Some of the time", "Often"),
            recall_period="no fixed period (how often, in general)",
            citation=(
                "Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6):655-672, "
                "doi:10.1177/0164027504268574."
            ),
            licence_note="Not a copyrighted scale (CMU Common Cold Project); cite Hughes 2004.",
            item_text_shipped=True,
            items=(
                "How often do you feel that you lack companionship?",
                "How often do you feel left out?",
                "How often do you feel isolated from others?",
            ),
            wording_source="Hughes et al. (2004), items as published.",
        ),
        Instrument(
            id=PSS10,
            name="Perceived Stress Scale, 10 items",
            n_items=10,
            answer_min=0,
            answer_max=4,
            answer_labels=_PSS_LABELS,
            recall_period="the last month",
            citation=_PSS_CITATION,
            licence_note=_PSS_LICENCE,
            item_text_shipped=False,
            reverse_items=(4, 5, 7, 8),
        ),
        Instrument(
            id=PSS4,
            name="Perceived Stress Scale, 4 items",
            n_items=4,
            answer_min=0,
            answer_max=4,
            answer_labels=_PSS_LABELS,
            recall_period="the last month",
            citation=_PSS_CITATION + " PSS-4 items are PSS-10 items 2, 4, 5 and 10.",
            licence_note=_PSS_LICENCE,
            item_text_shipped=False,
            reverse_items=(2, 3),
        ),
        Instrument(
            id=LSNS6,
            name="Lubben Social Network Scale, 6 items",
            n_items=6,
            answer_min=0,
            answer_max=5,
            answer_labels=(
                "none",
                "one",
                "two",
                "three or four",
                "five to eight",
                "nine or more",
            ),
            recall_period="no fixed period (at least monthly contact)",
            citation="Lubben et al. (2006), The Gerontologist 46(4):503-513.",
            licence_note=(
                "Item text not shipped: no licence statement found. Load the questions from "
                "your own copy (for example the NIH PhenX Toolkit protocol)."
            ),
            item_text_shipped=False,
        ),
    )
}


def instrument(instrument_id: str) -> Instrument:
    """Look an instrument up by id, or raise :class:`UnknownInstrument`."""
    try:
        return INSTRUMENTS[instrument_id]
    except KeyError:
        raise UnknownInstrument(value=instrument_id, allowed=", ".join(INSTRUMENTS)) from None


def _check_answers(inst: Instrument, answers: Sequence[int]) -> tuple[int, ...]:
    if len(answers) != inst.n_items:
        raise WrongAnswerCount(instrument=inst.name, expected=inst.n_items, got=len(answers))
    for number, value in enumerate(answers, start=1):
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not inst.answer_min <= value <= inst.answer_max
        ):
            raise AnswerOutOfRange(
                instrument=inst.name,
                item=number,
                low=inst.answer_min,
                high=inst.answer_max,
                value=value,
            )
    return tuple(answers)


def keyed_answers(inst: Instrument, answers: Sequence[int]) -> tuple[int, ...]:
    """Answers after reverse keying (still validated)."""
    checked = _check_answers(inst, answers)
    top = inst.answer_min + inst.answer_max
    return tuple(
        top - x if number in inst.reverse_items else x for number, x in enumerate(checked, start=1)
    )


def score(instrument_id: str, answers: Sequence[int]) -> Score:
    """Score answers (item order as printed). Raises an :class:`InputError` subclass."""
    inst = instrument(instrument_id)
    keyed = keyed_answers(inst, answers)
    raw = sum(keyed)
    base = Score(inst.id, raw, inst.raw_min, inst.raw_max)
    if inst.id == WHO5:
        percent = raw * 4
        if percent <= 28:
            return replace(base, percent=percent, band="who5.low", flags=("who5.talk",))
        return replace(base, percent=percent, band="who5.poor" if percent <= 50 else "who5.fine")
    if inst.id == UCLA3:
        band = "ucla3.lonely" if raw >= 6 else "ucla3.not_lonely"
        return replace(base, band=band, flags=("ucla3.cutoff_convention",))
    if inst.id == PSS10:
        band = "pss.informal_low" if raw <= 13 else "pss.informal_moderate"
        band = "pss.informal_high" if raw >= 27 else band
        return replace(base, band=band, flags=("pss.no_cutoffs", "pss.bands_informal"))
    if inst.id == PSS4:
        return replace(base, flags=("pss.no_cutoffs",))
    family, friends = sum(keyed[:3]), sum(keyed[3:])
    return replace(
        base,
        band="lsns6.at_risk" if raw < 12 else "lsns6.connected",
        flags=("lsns6.norms_older_adults",),
        subscales=(("family", family), ("friends", friends)),
    )


def parse_item_text(instrument_id: str, text: str | None) -> tuple[str, ...]:
    """Read item text from a user-supplied plain-text file's content.

    One question per line; blank lines and lines starting with ``#`` are ignored. Raises
    :class:`ItemTextMissing` for no or empty content and :class:`ItemTextWrongCount` when the
    number of questions differs from the instrument's.
    """
    inst = instrument(instrument_id)
    lines = [] if text is None else [line.strip() for line in text.splitlines()]
    items = tuple(line for line in lines if line and not line.startswith("#"))
    if not items:
        raise ItemTextMissing(instrument=inst.name, expected=inst.n_items)
    if len(items) != inst.n_items:
        raise ItemTextWrongCount(instrument=inst.name, expected=inst.n_items, got=len(items))
    return items


def item_text(instrument_id: str, supplied: str | None = None) -> tuple[str, ...]:
    """The questions to show: the user's file if given, else the shipped text if allowed."""
    inst = instrument(instrument_id)
    if supplied is None and inst.item_text_shipped:
        return inst.items
    return parse_item_text(instrument_id, supplied)


@dataclass(frozen=True, slots=True)
class Due:
    """A questionnaire that is due: ``due_on`` is on or before today; never done means today."""

    instrument_id: str
    due_on: date
    days_overdue: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "instrument_id": self.instrument_id,
            "due_on": self.due_on.isoformat(),
            "days_overdue": self.days_overdue,
        }


def due_instruments(
    last_done: Mapping[str, date | None],
    *,
    today: date,
    every_days: Mapping[str, int] = DEFAULT_EVERY_DAYS,
) -> list[Due]:
    """The scheduled instruments due on ``today``, most overdue first.

    Only instruments in ``every_days`` are scheduled; one never done is due today.
    """
    due: list[Due] = []
    for instrument_id, every in every_days.items():
        instrument(instrument_id)
        check_range(f"every_days[{instrument_id}]", every, 1, 3650)
        last = last_done.get(instrument_id)
        due_on = today if last is None else last + timedelta(days=every)
        if due_on <= today:
            due.append(Due(instrument_id, due_on, (today - due_on).days))
    return sorted(due, key=lambda d: (-d.days_overdue, d.instrument_id))
