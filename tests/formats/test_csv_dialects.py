"""CSV dialects recognised from the header; a disagreeing --format is refused; unused columns
with data are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithkin.formats.contacts_csv import (
    CsvFormatMismatch,
    detect_format,
    parse_csv,
    unused_columns,
)

FIXTURES = Path(__file__).parent / "fixtures"


def data(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def header(name: str) -> list[str]:
    text = data(name).decode("utf-8-sig")
    lines = [ln for ln in text.splitlines() if "First Name" in ln or "Vorname" in ln]
    return [c.strip().strip('"').lower() for c in lines[0].split(",")]


@pytest.mark.parametrize(
    ("name", "dialect"),
    [
        ("google.csv", "google"),
        ("google_outlook_format.csv", "outlook"),
        ("outlook.csv", "outlook"),
        ("outlook_365_german.csv", "outlook"),
        ("linkedin_connections.csv", "linkedin"),
    ],
)
def test_the_dialect_is_read_from_the_header(name: str, dialect: str) -> None:
    assert detect_format(header(name)) == dialect
    records, _ = parse_csv(data(name), dialect)
    assert records


def test_googles_outlook_csv_with_format_google_is_refused_naming_outlook() -> None:
    with pytest.raises(CsvFormatMismatch) as caught:
        parse_csv(data("google_outlook_format.csv"), "google")
    assert caught.value.params == {"given": "google", "found": "outlook"}
    assert "--format outlook" in caught.value.message


def test_googles_outlook_csv_keeps_every_phone_and_names_unused_columns() -> None:
    (priya, tariq), problems = parse_csv(data("google_outlook_format.csv"), "outlook")
    assert problems == []
    assert [(p.value, p.label) for p in priya.phones] == [
        ("+91 98450 12345", "mobile"),
        ("+91 80 2345 6789", "home"),
    ]
    assert (priya.organisation, priya.department) == ("Indigo Labs", "Research")
    assert [(p.value, p.label) for p in tariq.phones] == [
        ("+962 7 9000 0000", "mobile"),
        ("+962 6 500 0000", "work"),
    ]
    assert unused_columns(data("google_outlook_format.csv"), "outlook") == [
        "Web Page",
        "Categories",
    ]


def test_german_outlook_headers_and_day_first_dates() -> None:
    (jana,), problems = parse_csv(data("outlook_365_german.csv"), "outlook")
    assert problems == []
    assert jana.full_name == "Jana Novák"
    assert (jana.birthday.day, jana.birthday.month, jana.birthday.year) == (14, 3, 1979)
    assert [p.value for p in jana.phones] == ["+49 171 2345678", "+49 89 123456"]
    assert (jana.organisation, jana.department) == ("Brauerei Süd", "Einkauf")
    assert (jana.given_name, jana.family_name) == ("Jana", "Novák")
    assert jana.title == "Leiterin"  # Position
    assert unused_columns(data("outlook_365_german.csv"), "outlook") == ["Straße geschäftlich"]
