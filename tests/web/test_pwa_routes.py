"""The installable app's routes (issue 14): the manifest, the service worker served from the
root with its cache version filled in, the offline page, and the page hook."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from kithkin import __version__
from kithkin.messages import text
from kithkin.web.pwa import pages as pwa
from tests.web.conftest import WebClient


def test_the_manifest_is_served_as_a_web_app_manifest(client: TestClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/manifest+json"
    data = response.json()
    assert data["display"] == "standalone"
    assert (data["start_url"], data["scope"], data["id"]) == ("/", "/", "/")
    purposes = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in data["icons"]:
        assert client.get(icon["src"]).headers["content-type"] == "image/png"


def test_the_worker_is_served_from_the_root_with_its_version_and_shell(client: TestClient) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["cache-control"] == "no-cache"
    body = response.text
    assert "__VERSION__" not in body and '"__SHELL__"' not in body
    version = re.search(r'var VERSION = "([^"]+)";', body)
    assert version is not None and version.group(1) == pwa.shell_version()
    assert version.group(1).startswith(__version__ + "-")
    for path in pwa.SHELL:
        assert client.get(path).status_code == 200, path  # cache.addAll fails on any miss


def test_the_cache_version_follows_the_kept_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path, client: TestClient
) -> None:
    first = pwa.shell_version()
    static = tmp_path / "static"
    for name in (*pwa.SHELL_STATIC, "sw.js"):
        (static / name).parent.mkdir(parents=True, exist_ok=True)
        (static / name).write_bytes((pwa.STATIC / name).read_bytes())
    (static / "app.css").write_bytes(b"body { color: red; }")
    monkeypatch.setattr(pwa, "STATIC", static)
    pwa.shell_version.cache_clear()
    try:
        assert pwa.shell_version() != first
    finally:
        monkeypatch.undo()
        pwa.shell_version.cache_clear()
    assert pwa.shell_version() == first


def test_pages_link_the_manifest_and_carry_the_offline_words(web: WebClient) -> None:
    page = web.page("/offline")
    assert page.one("link[rel=manifest]").get("href") == "/manifest.webmanifest"
    assert page.one("script[src=/static/offline.js]") is not None
    status = page.one("#offline-status")
    assert status.get("data-queued") == text("pwa.queued")
    assert status.get("data-synced") == text("pwa.synced")
    assert status.get("data-refused") == text("pwa.refused")
    assert page.one("#offline-page") is not None
