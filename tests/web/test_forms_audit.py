"""Every form on every page: a label for each control, a CSRF token in each POST form, ids
unique; and htmx is configured to swap 409/422 answers (errors shown beside the fields)."""

from __future__ import annotations

import json

from tests.web.conftest import WebClient, add_person
from tests.web.html import Node

PAGES = [
    "/",
    "/log",
    "/checkin",
    "/people",
    "/people/1",
    "/people/1/edit",
    "/followups",
    "/settings",
    "/settings/data",
    "/restore",
    "/import",
    "/triage",
    "/plan",
    "/ladder",
    "/assess",
    "/insights",
]


def has_label(page: Node, control: Node) -> bool:
    if control.get("aria-label") or control.get("aria-labelledby"):
        return True
    if control.get("id") and page.select(f"label[for={control.get('id')}]"):
        return True
    node = control.parent
    while node is not None:
        if node.tag == "label":
            return True
        node = node.parent
    return False


def test_every_form_is_labelled_and_protected(web: WebClient):
    pid = add_person(web, "Ada Lovelace")
    web.post("/log", {"with": f"#{pid}", "kind": "call"})
    web.post(f"/people/{pid}/followups", {"text": "ask about the engine"})
    problems = []
    for path in PAGES:
        page = web.page(path)
        assert page.one("title").text.endswith("· kithkin"), path
        assert "<" not in page.one("title").text, path
        ids = [n.get("id") for n in page.iter() if n.get("id")]
        problems += [(path, "duplicate id", i) for i in sorted(set(ids)) if ids.count(i) > 1]
        for form in page.select("form"):
            method = form.get("method")
            problems += [(path, "no method", form.attrs)] if method not in ("get", "post") else []
            if method == "post" and not form.select("input[name=csrf_token]"):
                problems.append((path, "no csrf", form.get("action")))
            has_file = form.select("input[type=file]")
            if has_file and form.get("enctype") != "multipart/form-data":
                problems.append((path, "file without multipart", form.get("action")))
            for control in form.select("input") + form.select("select") + form.select("textarea"):
                if control.get("type") not in ("hidden", "submit") and not has_label(page, control):
                    problems.append((path, "no label", control.attrs))
    assert problems == []


def test_htmx_swaps_409_and_422_answers(web: WebClient):
    meta = web.page("/").one("meta[name=htmx-config]")
    rules = json.loads(meta.get("content"))["responseHandling"]
    swapped = next(r for r in rules if "422" in r["code"])
    assert "409" in swapped["code"] and swapped["swap"] is True and swapped["error"] is False
