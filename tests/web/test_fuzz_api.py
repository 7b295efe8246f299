"""Requests generated from the OpenAPI document, in-process: no answer is a 500 (issue #10).

Beside schemathesis (``test_schemathesis.py``, values valid and not by the schema), this one is
built on hypothesis for hostile values the schema does not suggest: each example picks an
operation of ``app.openapi()`` and fills its path, query and JSON body (every property the
schema names, plus one it does not) with hostile values: huge and negative numbers, booleans,
NUL, long text, invalid surrogates, odd dates, nesting and nulls.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kithkin.bootstrap import App
from kithkin.web.app import create_app

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from([0, -1, 1, 2**31, 2**63, 2**64, -(2**63) - 1, 10**40]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "\x00", "x" * 10_000, "0000-01-01", "9999-12-31", "Mars/Olympus"]),
    st.sampled_from(["2026-11-26", "yesterday 18:30", "call", "Ada", "inner", "who5", "#1"]),
    st.text(max_size=30),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
PATH_VALUES = st.sampled_from(
    ["1", "0", "-1", str(2**63), str(2**64), "9" * 40, "abc", "who5", "%00", "x" * 300]
)


def _operations(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    document = client.app.openapi()  # type: ignore[attr-defined]
    return [
        (method.upper(), path, operation)
        for path, item in sorted(document["paths"].items())
        for method, operation in sorted(item.items())
        if method in ("get", "post", "put", "patch", "delete")
    ]


def _body_names(document: dict[str, Any], operation: dict[str, Any]) -> list[str]:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return []
    schema = content.get("schema", {})
    ref = schema.get("$ref") or next(
        (s.get("$ref") for s in schema.get("anyOf", []) if "$ref" in s), None
    )
    if ref:
        schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return sorted(schema.get("properties", {}))


def test_no_generated_request_is_answered_500(app: App) -> None:
    with TestClient(create_app(app, csrf_key=b"k" * 32), raise_server_exceptions=False) as c:
        document = c.app.openapi()  # type: ignore[attr-defined]
        operations = _operations(c)

        @settings(
            max_examples=120,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
            database=None,
        )
        @given(data=st.data())
        def one_request(data: st.DataObject) -> None:
            method, path, operation = data.draw(st.sampled_from(operations))
            url = path
            query: dict[str, Any] = {}
            for param in operation.get("parameters", []):
                if param["in"] == "path":
                    url = url.replace("{" + param["name"] + "}", data.draw(PATH_VALUES))
                elif param["in"] == "query" and data.draw(st.booleans()):
                    query[param["name"]] = str(data.draw(SCALARS))
            body: Any = None
            names = _body_names(document, operation)
            if names or operation.get("requestBody"):
                body = {n: data.draw(VALUES) for n in names if data.draw(st.booleans())}
                if data.draw(st.booleans()):
                    body = data.draw(VALUES)
            response = c.request(method, url, params=query, json=body)
            assert response.status_code < 500, (method, url, query, body, response.text[:300])

        one_request()
