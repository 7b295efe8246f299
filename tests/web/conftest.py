"""An in-process client over the web app, on each backend (the ``app`` fixture)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kithkin.bootstrap import App
from kithkin.web.app import create_app
from tests.web.html import Node, parse


class WebClient:
    """A TestClient that keeps its cookie and knows the page's CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self._token: str | None = None

    @property
    def token(self) -> str:
        if self._token is None:
            page = self.page("/welcome")
            self._token = page.one("input[name=csrf_token]").get("value")
        assert self._token
        return self._token

    def page(self, path: str, *, status: int = 200, **kwargs) -> Node:
        response = self.client.get(path, **kwargs)
        assert response.status_code == status, response.text[:500]
        return parse(response.text)

    def post(self, path: str, data: dict, *, htmx: bool = False, **kwargs):
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.post(
            path,
            data={"csrf_token": self.token, **data},
            headers=headers,
            follow_redirects=False,
            **kwargs,
        )


@pytest.fixture
def client(app: App) -> Iterator[TestClient]:
    with TestClient(create_app(app, csrf_key=b"k" * 32)) as test_client:
        yield test_client


@pytest.fixture
def web(client: TestClient) -> WebClient:
    return WebClient(client)


def add_person(web: WebClient, name: str, circle: str = "inner") -> int:
    response = web.post("/people", {"name": name, "circle": circle})
    assert response.status_code == 303, response.text[:500]
    return int(response.headers["location"].split("/")[2].split("?")[0])
