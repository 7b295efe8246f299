"""Cards are read by vobject many at a time (one ``readComponents`` call per batch); every
record and problem must be exactly what reading each card on its own gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithkin.formats import vcard
from kithkin.formats.vcard import parse_vcards

FIXTURES = Path(__file__).parent / "fixtures"


def _one_at_a_time(cards: list[vcard._Card]) -> list[tuple[object, list[object]]]:
    return [vcard._read_card(card) for card in cards]


def _both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    batched = parse_vcards(data)
    with monkeypatch.context() as patch:
        patch.setattr(vcard, "_read_batch", _one_at_a_time)
        alone = parse_vcards(data)
    return batched, alone


def _card(i: int) -> str:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\n"
        f"TEL;TYPE=CELL:+44 7700 {i:06d}\r\nEND:VCARD\r\n"
    )


def test_a_card_without_version_after_a_2_1_card_reads_as_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # vobject carries the last VERSION line over to the next card of the same call
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Doe, John\r\nTEL;CELL:+1 555 0100\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nN:Roe;Jane;;;\r\nFN:Roe, Jane\r\nORG:Company, The;Sales\r\n"
        "NOTE:one\\, two\\nthree\r\nEND:VCARD\r\n"
    )
    (batched, alone) = _both(text.encode(), monkeypatch)
    assert batched == alone
    records, problems = batched  # type: ignore[misc]
    assert (len(records), problems) == (2, [])


def test_bad_cards_inside_a_batch_are_reported_as_when_read_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = (FIXTURES / "malformed.vcf").read_text(encoding="utf-8")
    outlook = (FIXTURES / "outlook_2_1.vcf").read_bytes().decode("cp1252")
    text = (
        "".join(_card(i) for i in range(100)) + broken + "".join(_card(i) for i in range(100, 250))
    )
    data = (
        text.encode()
        + outlook.encode("cp1252")
        + "".join(_card(i) for i in range(250, 300)).encode()
    )
    batched, alone = _both(data, monkeypatch)
    assert batched == alone
    records, problems = batched  # type: ignore[misc]
    assert len(problems) == 6
    assert {p.message_key for p in problems} >= {"import.vcard.unreadable", "import.no_name"}
    assert records[-1].full_name == "Person 299"
    assert records[-1].line == data.decode("cp1252").count("\n") - 4
