"""The line-level reader (#12) gives exactly what vobject gives: the same records and problems for
every fixture, for the benchmark's generated cards and for random cards, and each of its pieces
agrees with the vobject function it stands for."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vobject.icalendar import stringToTextValues
from vobject.vcard import splitFields

from kithkin.formats import vcard, vcard_lines
from kithkin.formats.vcard import parse_vcards

FIXTURES = Path(__file__).parent / "fixtures"
BENCH = Path(__file__).parents[2] / "benchmarks" / "bench_import.py"


def _by_vobject(data: str | bytes) -> Any:
    """What reading gives when every card is read by vobject (the line reader never answers)."""
    real = vcard_lines.read_lines
    vcard_lines.read_lines = lambda lines: None  # type: ignore[assignment]
    try:
        return parse_vcards(data)
    finally:
        vcard_lines.read_lines = real  # type: ignore[assignment]


def _fast_count(data: str | bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    read: list[object] = []
    real = vcard_lines.read_lines

    def counting(lines: Any) -> Any:
        out = real(lines)
        if out is not None:
            read.append(out)
        return out

    with monkeypatch.context() as patch:
        patch.setattr(vcard_lines, "read_lines", counting)
        parse_vcards(data)
    return len(read)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.vcf")), ids=lambda p: p.name)
def test_every_fixture_reads_as_vobject_reads_it(path: Path) -> None:
    data = path.read_bytes()
    assert parse_vcards(data) == _by_vobject(data)


def test_most_fixture_cards_take_the_line_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = sum(_fast_count(p.read_bytes(), monkeypatch) for p in FIXTURES.glob("*.vcf"))
    assert fast >= 25  # of 31 cards: not a comparison of vobject with itself


def test_the_benchmarks_cards_read_as_vobject_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("bench_import", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rng = random.Random(12)
    text = "".join(bench.card(i, rng) for i in range(400))  # all five exporters, varied
    records, problems = parse_vcards(text)
    assert (records, problems) == _by_vobject(text)
    assert (len(records), problems) == (400, [])
    assert _fast_count(text, monkeypatch) == 400


@pytest.mark.parametrize(
    "card",
    [
        "VERSION:3.0\r\nFN:No version below\r\nNOTE;ENCODING=b:aGVsbG8=",  # base64
        "VERSION:3.0\r\nFN:Apple photo style\r\nNOTE;BASE64:aGVsbG8=",
        "VERSION:2.1\r\nFN;ENCODING=quoted-printable:Ann=20Lee",  # lower case: vobject's way
        "VERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Siobh=E1n",  # not UTF-8
        "VERSION:2.1\r\nFN;CHARSET=nonsense;ENCODING=QUOTED-PRINTABLE:Ann",
        "VERSION:3.0\r\nFN:Nested\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR",
        "FN:No version at all\r\nTEL:+1 555 0100",
        " folded:first line\r\nVERSION:3.0\r\nFN:Folded",
        "VERSION:3.0\r\nFN:Bad line\r\nthis has no colon",
        "VERSION:3.0\r\nFN:Bad group\r\na.b.TEL:+1 555 0100",
    ],
)
def test_what_the_line_reader_does_not_take_reads_as_before(card: str) -> None:
    text = f"BEGIN:VCARD\r\n{card}\r\nEND:VCARD\r\n"
    assert vcard_lines.read_lines(tuple(card.split("\r\n"))) is None
    assert parse_vcards(text.encode("cp1252", errors="replace")) == _by_vobject(
        text.encode("cp1252", errors="replace")
    )


_TRICKY = st.text(alphabet='\\,;:nN"= aZé0\t', max_size=14)


@settings(max_examples=300, deadline=None)
@given(_TRICKY, st.sampled_from([",", ";"]), st.sampled_from(['\\;,Nn"', ";"]))
def test_text_values_are_vobjects(value: str, sep: str, escapable: str) -> None:
    assert vcard_lines.text_values(value, sep, escapable) == stringToTextValues(
        value, listSeparator=sep, charList=escapable
    )


@settings(max_examples=300, deadline=None)
@given(_TRICKY)
def test_split_fields_are_vobjects(value: str) -> None:
    assert vcard_lines.split_fields(value) == splitFields(value)


_NAMES = [
    "FN", "N", "ORG", "NOTE", "TEL", "EMAIL", "item1.TEL", "item1.X-ABLabel", "BDAY", "UID",
    "CATEGORIES", "ADR", "NICKNAME", "TITLE", "IMPP", "X-SOCIALPROFILE", "X-KITHKIN-HOW-MET",
    "x_custom", "GEO", "LABEL", "PRODID", "VERSION", "tel", "Item2.email",
]  # fmt: skip
_PARAMS = [
    "", ";TYPE=cell", ';TYPE="voice,cell"', ";CELL;PREF", ";ENCODING=QUOTED-PRINTABLE",
    ";CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE", ";QUOTED-PRINTABLE", ";ENCODING=b", ";BASE64",
    ";VALUE=text", ";X-APPLE-OMIT-YEAR=1604", ";X-USER=ann", ";type=HOME;type=pref", ";TYPE=",
    ";LANGUAGE=en-us", ";X-ABLabel=_$!<Other>!$_",
]  # fmt: skip
_VALUE = st.text(alphabet='\\,;:nN"=AZé0 -.@+', max_size=20)
_LINE = st.tuples(st.sampled_from(_NAMES), st.sampled_from(_PARAMS), _VALUE).map("".join)
_CONTINUED = st.tuples(st.sampled_from([" ", "\t"]), _VALUE).map("".join)


@settings(max_examples=250, deadline=None)
@given(
    st.sampled_from(["2.1", "3.0", "4.0"]),
    st.lists(st.one_of(_LINE, _LINE, _LINE, _CONTINUED), min_size=1, max_size=8),
    st.booleans(),
)
def test_random_cards_read_as_vobject_reads_them(
    version: str, lines: list[str], full_name: bool
) -> None:
    first = [f"VERSION:{version}"] + (["FN:Ann Lee"] if full_name else [])
    body = "\r\n".join(first + lines)
    text = f"BEGIN:VCARD\r\n{body}\r\nEND:VCARD\r\n" * 2
    assert parse_vcards(text) == _by_vobject(text)
    assert parse_vcards(text.encode()) == _by_vobject(text.encode())


def test_a_two_one_comma_is_read_the_same_by_both() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;John\r\nFN:Doe, John\r\n"
        "ORG:Company, The;TheDepartment\r\nNOTE:one, two\\nthree\r\nEND:VCARD\r\n"
    )
    records, problems = parse_vcards(text)
    assert (records, problems) == _by_vobject(text)
    assert (records[0].full_name, records[0].organisation) == ("Doe, John", "Company, The")
    assert vcard._commas_escaped(("VERSION:2.1", "FN:a,b")) == ("VERSION:2.1", "FN:a\\,b")


def test_every_parameter_on_every_kept_property_reads_as_vobject_reads_it() -> None:
    names = ["TEL", "EMAIL", "FN", "N", "ORG", "NOTE", "BDAY", "item1.X-ABLabel", "UID", "IMPP"]
    values = ["a\\,b;c,d\\nE", "=C3=A9t=C3=A9, x;y", "1985-05-04", "  +1 555;0100\\", ""]
    cards = [
        f"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:Ann\r\nitem1.TEL:1\r\n{name}{param}:{value}\r\n"
        "END:VCARD\r\n"
        for version in ("2.1", "3.0")
        for name in names
        for param in _PARAMS
        for value in values
    ]
    text = "".join(cards)
    records, problems = parse_vcards(text)
    assert (records, problems) == _by_vobject(text)
    assert len(records) + len(problems) >= len(cards)
