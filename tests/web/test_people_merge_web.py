"""The web merge of two people (choose, preview, confirm), its JSON twin, and the import
report's possible duplicates, on both backends."""

from __future__ import annotations

from tests.web.conftest import WebClient, add_person
from tests.web.test_data_pages import upload

JSON = {"content-type": "application/json"}


def test_choose_preview_confirm(web: WebClient) -> None:
    keep = add_person(web, "Jonathan Smith")
    other = add_person(web, "Jon Smith", circle="close")
    web.client.patch(
        f"/api/people/{other}",
        json={"contacts": [{"kind": "email", "value": "jon@smith.example", "label": "work"}]},
    )
    assert web.page(f"/people/{keep}").one("a#merge-link").get("href") == f"/people/{keep}/merge"
    choose = web.page(f"/people/{keep}/merge")
    options = {o.get("value") for o in choose.select("select#f-other option")}
    assert str(other) in options and str(keep) not in options
    preview = web.page(f"/people/{keep}/merge?other={other}")
    assert preview.one("#m-name").text == "Jonathan Smith"
    assert "jon@smith.example" in preview.one("#m-contacts").text
    assert web.client.get(f"/api/people/{other}").status_code == 200  # nothing written yet
    done = web.post(f"/people/{keep}/merge", {"other": str(other)})
    assert (done.status_code, done.headers["location"]) == (303, f"/people/{keep}?saved=merged")
    assert web.client.get(f"/api/people/{other}").status_code == 404
    kept = web.client.get(f"/api/people/{keep}").json()
    assert [c["value"] for c in kept["contacts"]] == ["jon@smith.example"]


def test_merging_someone_with_themself_is_explained(web: WebClient) -> None:
    keep = add_person(web, "Ada Lovelace")
    page = web.page(f"/people/{keep}/merge?other={keep}")
    assert "one person already" in page.one("#e-other").text
    refused = web.client.post(f"/api/people/{keep}/merge/{keep}", headers=JSON, content="{}")
    assert refused.status_code == 422


def test_api_preview_and_merge(web: WebClient) -> None:
    keep = add_person(web, "Grace Hopper")
    other = add_person(web, "Grace M. Hopper")
    preview = web.client.get(f"/api/people/{keep}/merge/{other}").json()
    assert not preview["applied"] and preview["result"]["name"] == "Grace Hopper"
    done = web.client.post(f"/api/people/{keep}/merge/{other}", headers=JSON, content="{}")
    assert done.status_code == 200 and done.json()["applied"]
    assert web.client.get(f"/api/people/{other}").status_code == 404


def test_import_report_lists_possible_duplicates(web: WebClient) -> None:
    upload(web, "family_landline_macos.vcf", action="import")
    report = upload(web, "thunderbird_115_john_doe.vcf")
    assert report.status_code == 200
    assert "John Doe shares the phone" in report.text
    assert 'href="/people/1/merge"' in report.text
