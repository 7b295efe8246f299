"""schemathesis over the OpenAPI document, in-process (ASGI) against a temporary SQLite database
(issue #10): no answer is a 500, and a refused request (4xx) writes nothing. Bounded: a few
examples per operation, no deadline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from kithkin.bootstrap import App
from kithkin.services.followups import add_followup
from kithkin.services.interactions import log_interaction
from kithkin.services.people import add_person
from kithkin.services.profiles import init_profile
from kithkin.web.app import OPENAPI_URL, create_app
from tests.conftest import FIXED_NOW, make_app, table_rows

# Tables a refused request may still touch: the cache counter and today's derived plan.
DERIVED = frozenset({"data_versions", "suggestions", "plan_marks"})
EXAMPLES = 5  # per operation: bounded, for CI


@pytest.fixture(scope="module")
def kithkin_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'k.db'}")
    with app.uow(write=True) as uow:
        init_profile(uow=uow, now=FIXED_NOW, timezone="Europe/Berlin")
    with app.uow(write=True) as uow:
        add_person(uow=uow, now=FIXED_NOW, name="Ada Lovelace", circle="inner")
    with app.uow(write=True) as uow:
        log_interaction(uow=uow, now=FIXED_NOW, kind_id="call", with_names=["Ada"])
    with app.uow(write=True) as uow:
        add_followup(uow=uow, now=FIXED_NOW, person="Ada", text="Ask about the engine")
    yield app
    app.close()


@pytest.fixture(scope="module")
def api_schema(kithkin_app: App) -> Any:
    web = create_app(kithkin_app, csrf_key=b"k" * 32)
    return schemathesis.openapi.from_asgi(OPENAPI_URL, web)


def test_no_500_and_refusals_write_nothing(api_schema: Any, kithkin_app: App) -> None:
    """Each operation of the document, a few generated requests each (schemathesis's own pytest
    plugin does not load under this pytest, so the operations are walked here)."""
    seen = []
    statuses: Counter[int] = Counter()
    for result in api_schema.get_all_operations():
        operation = result.ok()
        seen.append(operation.label)

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def one(case: Any) -> None:
            before = table_rows(kithkin_app.engine, DERIVED)
            response = case.call()
            statuses[response.status_code] += 1
            label = f"{case.method} {case.formatted_path}"
            assert response.status_code < 500, (label, response.text[:300])
            if 400 <= response.status_code < 500:
                assert table_rows(kithkin_app.engine, DERIVED) == before, (
                    label,
                    response.status_code,
                )

        one()
    assert len(seen) > 40  # the document was read: every operation was walked
    # the requests reached the routes (not all refused by the host guard or the JSON check)
    assert sum(n for code, n in statuses.items() if code < 300) > len(seen) // 2, statuses
