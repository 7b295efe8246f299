"""People you can reach (#14): call, text with the drafted opener, e-mail, WhatsApp and Signal on
a person's page; initials avatars with stable palette colours; a readable timeline."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from fastapi.testclient import TestClient

from kithkin.web import words
from tests.web.conftest import WebClient, add_person

CSS = Path(words.__file__).parent / "static" / "app.css"


def _with_contacts(client: TestClient, pid: int, contacts: list[dict[str, str]]) -> None:
    response = client.patch(f"/api/people/{pid}", json={"contacts": contacts})
    assert response.status_code == 200, response.text


def test_a_person_with_a_number_and_an_address_can_be_called_texted_and_written_to(
    web: WebClient,
) -> None:
    pid = add_person(web, "Ada Lovelace")
    _with_contacts(
        web.client,
        pid,
        [
            {"kind": "phone", "value": "+49 (170) 123-4567", "label": "mobile"},
            {"kind": "email", "value": "ada@example.com", "label": ""},
        ],
    )
    page = web.page(f"/people/{pid}")
    links = {a.text: a.get("href") or "" for a in page.select("#reach ul.reach a")}
    assert list(links) == ["Call", "Text", "WhatsApp", "Signal", "E-mail"]
    assert links["Call"] == "tel:+491701234567"
    assert links["WhatsApp"].startswith("https://wa.me/491701234567?text=")
    assert links["Signal"] == "https://signal.me/#p/+491701234567"
    opener = page.one("#person-opener").text
    assert opener
    sms = links["Text"]
    assert sms.startswith("sms:+491701234567?body=")
    assert unquote(sms.split("body=", 1)[1]) == opener  # the drafted opener, ready to send
    mail = links["E-mail"]
    assert mail.startswith("mailto:ada@example.com?subject=")
    assert unquote(mail.split("body=", 1)[1]) == opener


def test_a_local_number_gets_call_and_text_but_no_whatsapp_or_signal(web: WebClient) -> None:
    pid = add_person(web, "Bea Berg")
    _with_contacts(web.client, pid, [{"kind": "phone", "value": "0170 1234567", "label": ""}])
    page = web.page(f"/people/{pid}")
    assert [a.text for a in page.select("#reach ul.reach a")] == ["Call", "Text"]


def test_no_contact_offers_to_add_one_instead_of_dead_buttons(web: WebClient) -> None:
    pid = add_person(web, "Cy Young")
    page = web.page(f"/people/{pid}")
    assert page.select("#reach ul.reach") == []
    assert page.one("#reach a").get("href") == f"/people/{pid}/edit#f-phones"


def test_avatars_show_initials_in_a_colour_that_stays_with_the_person(web: WebClient) -> None:
    ada = add_person(web, "Ada Lovelace")
    add_person(web, "Grace Brewster Hopper")
    page = web.page(f"/people/{ada}")
    avatar = page.one("#person-avatar")
    assert avatar.text == "AL"
    tone = f"tone-{words.tone_for(ada)}"
    assert tone in (avatar.get("class") or "").split()
    listed = web.page("/people").select("li.person-row span.avatar")
    assert sorted(a.text for a in listed) == ["AL", "GH"]
    # the list shows the same colour as the person's page
    by_name = {a.text: (a.get("class") or "").split() for a in listed}
    assert tone in by_name["AL"]
    today = web.page("/").select("#people-chips label.person-chip span.avatar")
    assert {a.text for a in today} == {"AL", "GH"}


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_every_avatar_tone_is_defined_and_white_text_on_it_meets_aa() -> None:
    css = CSS.read_text("utf-8")
    assert re.search(r"\.avatar \{[^}]*color: #fff", css)
    for tone in range(words.AVATAR_TONES):
        found = re.search(rf"\.avatar\.tone-{tone} \{{ background: (#[0-9a-f]{{6}}); \}}", css)
        assert found, f"tone-{tone} is not defined"
        ratio = (1.0 + 0.05) / (_luminance(found.group(1)) + 0.05)
        assert ratio >= 4.5, f"tone-{tone}: {ratio:.2f}"
    assert {words.tone_for(i) for i in range(1, 200)} == set(range(words.AVATAR_TONES))


def test_the_timeline_reads_as_words_not_run_together_ids(web: WebClient) -> None:
    ada = add_person(web, "Ada Lovelace")
    add_person(web, "Bruno Mensah")
    response = web.post(
        "/log", {"with": "Ada Lovelace, Bruno Mensah", "kind": "walk_run", "minutes": "90"}
    )
    assert response.status_code == 303
    item = web.page(f"/people/{ada}").select("ol.timeline li")[0]
    assert item.one("time").text == "today"
    assert item.one(".moment-kind").text == "walk or run together"
    assert item.one(".moment-what").text == "90 min with Bruno Mensah"
    assert "walk_run" not in item.text


def test_one_imported_person_is_a_person_not_people(web: WebClient) -> None:
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Solo Person\r\nEND:VCARD\r\n"
    response = web.client.post(
        "/api/import/vcard",
        headers={"X-Requested-With": "test"},
        files={"file": ("a.vcf", card, "text/vcard")},
    )
    assert response.status_code == 200, response.text
    link = web.page("/people").one("#triage-link").text
    assert link.startswith("1 imported person ") and "people" not in link
