"""Three more exporters (see fixtures/README.md): GNOME Evolution 3.44, Nextcloud Contacts 27
(sabre/vobject, vCard 4.0) and Samsung One UI 6 (vCard 2.1). Structured names, ORG units and
commas are kept as each wrote them, and written back the same way (#12)."""

from __future__ import annotations

from pathlib import Path

from kithkin.domain.model import Birthday
from kithkin.formats.vcard import parse_vcards
from kithkin.formats.vcard_write import write_vcards

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str):
    records, problems = parse_vcards((FIXTURES / name).read_bytes())
    assert problems == []
    return records


def test_evolution_keeps_additional_names_suffixes_and_two_org_units() -> None:
    (nia,) = read("evolution_3_44.vcf")
    assert nia.full_name == "Niamh Áine Gallagher"
    assert nia.name_parts == ("Gallagher", "Niamh", "Áine", "Dr.", "PhD,MSc")
    assert (nia.organisation, nia.department) == (
        "University College Cork",
        "School of Music;Early Music",
    )
    assert nia.notes == "Plays the viola da gamba, badly she says.\nAsk about the summer school."
    assert nia.birthday == Birthday(8, 15, 1978)
    out = write_vcards([nia]).splitlines()
    assert "ORG:University College Cork;School of Music;Early Music" in out
    assert "N:Gallagher;Niamh;Áine;Dr.;PhD\\,MSc" in out
    (again,) = parse_vcards("\r\n".join(out) + "\r\n")[0]
    assert again.name_parts == nia.name_parts and again.department == nia.department


def test_nextcloud_escaped_comma_and_semicolon_stay_text() -> None:
    (chidi,) = read("nextcloud_27_vcard4.vcf")
    assert chidi.name_parts == ("Okonkwo", "Chidi", "Anagonye, Jr", "", "")
    assert (chidi.organisation, chidi.department) == ("Okonkwo; Sons Ltd", "Logistics")
    assert chidi.birthday == Birthday(4, 12)
    assert [(p.value, p.label) for p in chidi.phones] == [("+234-803-555-0199", "mobile")]
    four = write_vcards([chidi], "4.0").splitlines()
    assert "ORG:Okonkwo\\; Sons Ltd;Logistics" in four
    assert "N:Okonkwo;Chidi;Anagonye\\, Jr;;" in four
    assert "BDAY:--0412" in four


def test_samsung_2_1_comma_in_the_name_is_literal() -> None:
    (anna,) = read("samsung_one_ui_6_2_1.vcf")
    assert anna.full_name == "Smétana, Anna"  # 2.1 has no comma escape: one name, not two
    assert anna.name_parts == ("Smétana", "Anna", "", "", "")
    assert (anna.organisation, anna.department, anna.title) == (
        "Pražská filharmonie",
        "Dechy",
        "Hobojistka",
    )
    assert [p.label for p in anna.phones] == ["mobile", "home"]
