"""Reading Google, Outlook and LinkedIn contact CSV exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from kithkin.domain.errors import BadChoice
from kithkin.domain.model import Birthday, ContactPoint
from kithkin.formats.contacts_csv import parse_csv

FIXTURES = Path(__file__).parent / "fixtures"


def test_google_csv_current_headers() -> None:
    records, problems = parse_csv((FIXTURES / "google.csv").read_bytes(), "google")
    assert [(r.full_name, r.line) for r in records] == [
        ("Amara Okafor", 2),
        ("Tomás García", 4),
        ("Sven Lindqvist", 5),
        ("Lena Vogel", 7),
    ]
    amara, tomas, sven, lena = records
    assert amara.notes == "Met at the climbing gym.\nWe boulder on Thursdays."
    assert amara.emails == (
        ContactPoint("email", "amara.okafor@example.com", "home"),
        ContactPoint("email", "a.okafor@riverside.example.org", "work"),
    )
    assert (amara.nickname, amara.organisation, amara.title) == ("Ami", "Riverside Clinic", "Nurse")
    assert amara.birthday == Birthday(3, 14, 1988)
    assert tomas.phones == (
        ContactPoint("phone", "+34 912 345 678", "home"),
        ContactPoint("phone", "+34 600 111 222", "home"),
    )
    assert tomas.birthday == Birthday(5, 4)
    assert sven.source == "google"
    assert lena.birthday is None
    assert [(p.line, p.record_index, p.message_key) for p in problems] == [
        (6, 3, "import.no_name"),
        (7, 4, "import.bad_birthday"),
    ]


def test_google_csv_older_headers() -> None:
    text = (
        "Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Notes,Group Membership,"
        "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
        "Organization 1 - Name,Organization 1 - Title\n"
        "Ravi Shah,Ravi,,Shah,,1990-01-31,,* My Contacts,* Other,ravi@example.in,Mobile,"
        "+91 98 7654 3210,Tea Co,Buyer\n"
    )
    (ravi,), problems = parse_csv(text, "google")
    assert problems == []
    assert ravi.full_name == "Ravi Shah"
    assert ravi.emails == (ContactPoint("email", "ravi@example.in", "other"),)
    assert ravi.phones == (ContactPoint("phone", "+91 98 7654 3210", "mobile"),)
    assert (ravi.organisation, ravi.title, ravi.birthday) == (
        "Tea Co",
        "Buyer",
        Birthday(1, 31, 1990),
    )


def test_outlook_csv() -> None:
    records, problems = parse_csv((FIXTURES / "outlook.csv").read_text(), "outlook")
    assert problems == []
    siobhan, kwame, ingrid = records
    assert siobhan.full_name == "Siobhán Brennan"
    assert siobhan.emails == (
        ContactPoint("email", "siobhan.brennan@contoso.example"),
        ContactPoint("email", "siobhan@home.example"),
    )
    assert siobhan.phones == (
        ContactPoint("phone", "(425) 555-0199", "mobile"),
        ContactPoint("phone", "(425) 555-0123", "work"),
    )
    assert (siobhan.organisation, siobhan.department, siobhan.title) == (
        "Contoso Ltd",
        "Finance",
        "Controller",
    )
    assert siobhan.birthday == Birthday(7, 4, 1985)
    assert (kwame.nickname, kwame.birthday, kwame.line) == ("Kwams", None, 3)
    assert ingrid.birthday == Birthday(12, 24, 1975)


def test_linkedin_connections_skip_the_notes_preamble() -> None:
    records, problems = parse_csv((FIXTURES / "linkedin_connections.csv").read_text(), "linkedin")
    assert problems == []
    priya, daniel = records
    assert (priya.line, daniel.line) == (5, 6)
    assert priya.emails == (ContactPoint("email", "priya@work.example"),)
    assert priya.handles == (
        ContactPoint("handle", "https://www.linkedin.com/in/priya-raman-0a1b2c", "linkedin"),
    )
    assert (priya.organisation, priya.title) == ("Open Maps Collective", "Cartographer, Data")
    assert daniel.emails == ()
    assert daniel.source == "linkedin"


def test_bom_and_quoted_newlines_in_text() -> None:
    text = (
        "\ufeffFirst Name,Last Name,E-mail Address,Notes\n"
        '"Ana","Lima","a@x.org","one\ntwo"\n'
        "Bo,Ek,b@x.org,\n"
    )
    records, problems = parse_csv(text, "outlook")
    assert problems == []
    assert [(r.full_name, r.line, r.notes) for r in records] == [
        ("Ana Lima", 2, "one\ntwo"),
        ("Bo Ek", 4, ""),
    ]


@pytest.mark.parametrize("fmt", ["google", "outlook", "linkedin"])
def test_unknown_header_gives_one_problem_naming_the_expected_headers(fmt: str) -> None:
    records, problems = parse_csv("Vorname,Nachname,Telefon\nAnna,Berg,123\n", fmt)
    assert records == []
    assert len(problems) == 1
    assert (problems[0].line, problems[0].message_key) == (1, "import.csv.unknown_header")
    assert "First Name" in problems[0].detail


def test_empty_file_gives_the_header_problem() -> None:
    records, problems = parse_csv("", "google")
    assert records == []
    assert [p.message_key for p in problems] == ["import.csv.unknown_header"]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(BadChoice):
        parse_csv("First Name\n", "yahoo")
