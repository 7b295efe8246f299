"""CLI: imports never merge different people on a shared detail; `people merge` joins two."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_contacts_cli import FIXTURES, run

__all__ = ["run"]


def _json(result) -> dict:
    return json.loads(result.stdout)


def test_a_shared_landline_is_a_possible_duplicate_not_a_merge(run) -> None:
    family = _json(run("import", "vcard", str(FIXTURES / "family_landline_macos.vcf"), "--json"))
    assert family["created"] == 2
    john = _json(run("import", "vcard", str(FIXTURES / "thunderbird_115_john_doe.vcf"), "--json"))
    assert (john["created"], john["updated"]) == (1, 0)
    dupes = john["possible_duplicates"]
    assert {(d["name"], d["other_name"], d["field"]) for d in dupes} == {
        ("John Doe", "Jane Doe", "phone"),
        ("John Doe", "Tom Doe", "phone"),
    }
    again = _json(run("import", "vcard", str(FIXTURES / "thunderbird_115_john_doe.vcf"), "--json"))
    assert (again["created"], again["unchanged"], again["possible_duplicates"]) == (0, 1, [])
    shown = run("import", "vcard", str(FIXTURES / "switchboard_google.vcf")).stdout
    assert "Carl Holm shares the" in shown and "people merge" in shown


def test_spellings_of_one_person_become_one(run) -> None:
    out = _json(run("import", "vcard", str(FIXTURES / "spellings_android_2_1.vcf"), "--json"))
    assert (out["created"], out["possible_duplicates"]) == (2, [])


def test_people_merge_preview_confirm_and_refusals(run) -> None:
    run("import", "vcard", str(FIXTURES / "family_landline_macos.vcf"))
    run("log", "call", "-w", "Tom Doe")
    preview = _json(run("people", "merge", "Jane Doe", "Tom Doe", "--json"))
    assert not preview["applied"] and preview["moved"]["interactions"] == 1
    assert len(_json(run("triage", "--list", "--json"))) == 2
    kept = run("people", "merge", "Jane Doe", "Tom Doe", stdin="n\n", code=1)
    assert "they stay two people" in kept.stdout
    done = _json(run("people", "merge", "Jane Doe", "Tom Doe", "--yes", "--json"))
    assert done["applied"] and done["result"]["name"] == "Jane Doe"
    assert [p["name"] for p in _json(run("triage", "--list", "--json"))] == ["Jane Doe"]
    run("people", "merge", "Jane Doe", "Jane", "--yes", code=2)
    run("people", "merge", "Jane Doe", "#99", "--yes", code=1)


def test_the_duplicate_report_is_plain_text_too(run, tmp_path: Path) -> None:
    run("import", "vcard", str(FIXTURES / "family_landline_macos.vcf"))
    shown = run("import", "vcard", str(FIXTURES / "thunderbird_115_john_doe.vcf")).stdout
    assert "John Doe shares the phone" in shown and "Jane Doe (#1)" in shown


def test_csv_format_that_disagrees_with_the_header_is_refused(run) -> None:
    path = str(FIXTURES / "google_outlook_format.csv")
    refused = run("import", "csv", path, "--format", "google", code=2)
    assert "--format outlook" in refused.output
    assert _json(run("triage", "--list", "--json")) == []
    done = _json(run("import", "csv", path, "--format", "outlook", "--json"))
    assert done["created"] == 2 and done["unused_columns"] == ["Web Page", "Categories"]
    shown = run("import", "csv", path, "--format", "outlook", "--dry-run").stdout
    assert "Web Page, Categories" in shown


def test_a_calendar_that_becomes_unreadable_is_reported_never_free(run, tmp_path: Path) -> None:
    ics = tmp_path / "work.ics"
    ics.write_bytes((FIXTURES / "weekly_berlin_dst.ics").read_bytes())
    run("calendar", "add", str(ics), "--name", "work")
    assert _json(run("calendar", "free", "--date", "2026-11-27", "--json"))["free_minutes"] > 0
    ics.write_text("this is no longer a calendar\n")
    broken = run("calendar", "free", "--date", "2026-11-27", "--json", code=1)
    assert "cannot be read any more" in broken.output and "free_minutes" not in broken.output
    ics.unlink()
    gone = run("calendar", "free", "--date", "2026-11-27", code=1)
    assert "cannot be read any more" in gone.output
