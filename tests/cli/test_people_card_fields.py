"""`kithkin people edit` sets the address-book fields an import keeps (#12): the parts of the
structured name, organisation, department, job title and a birthday in words; '' empties one,
too long is refused in one line with nothing written, and the export writes what was set."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run, as_json, db_rows, ok

CARD = {
    "--family-name": ("family_name", "King"),
    "--given-name": ("given_name", "Augusta"),
    "--additional-names": ("additional_names", "Ada"),
    "--prefix": ("name_prefix", "Countess"),
    "--suffix": ("name_suffix", "FRS"),
    "--organisation": ("organisation", "Company, The"),
    "--department": ("department", "Engines"),
    "--title": ("job_title", "Analyst"),
    "--birthday-text": ("birthday_text", "circa 1815"),
}


def _set_all(ready: Run) -> dict[str, object]:
    args = [word for flag, (_, value) in CARD.items() for word in (flag, f"  {value} ")]
    return as_json(ready("people", "edit", "ada", "--json", *args))  # type: ignore[no-any-return]


def test_edit_sets_every_address_book_field_and_the_export_writes_them(
    ready: Run, tmp_path: Path
) -> None:
    edited = _set_all(ready)
    assert {field: edited[field] for field, _ in CARD.values()} == dict(CARD.values())
    assert edited["name"] == "Ada Lovelace"  # the display name is its own field
    out = tmp_path / "out.vcf"
    ok(ready("export", "vcard", str(out), "--vcard-version", "4.0"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "N:King;Augusta;Ada;Countess;FRS" in lines
    assert "ORG:Company\\, The;Engines" in lines
    assert "TITLE:Analyst" in lines
    assert "BDAY;VALUE=text:circa 1815" in lines


def test_an_empty_value_empties_only_that_field(ready: Run) -> None:
    _set_all(ready)
    edited = as_json(ready("people", "edit", "ada", "--json", "--organisation", "", "--title", ""))
    assert (edited["organisation"], edited["job_title"]) == ("", "")
    assert (edited["department"], edited["given_name"]) == ("Engines", "Augusta")


def test_too_long_is_one_line_naming_the_field_and_nothing_is_written(
    ready: Run, db_path: Path
) -> None:
    before = db_rows(db_path)
    result = ready("people", "edit", "ada", "--given-name", "x" * 201, "--department", "Ok")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: given name can be at most 200 characters; this one has 201."
    ]
    assert "Traceback" not in result.stderr + result.stdout
    assert db_rows(db_path) == before
    words = ready("people", "edit", "ada", "--birthday-text", "y" * 201)
    assert words.exit_code == 2
    assert "birthday in words can be at most 200 characters" in words.stderr
