"""A server process freezes its start-up heap before serving (#16): a full garbage collection
then walks only what requests made, not the ~140,000 objects of the framework and libraries
(one such walk stopped every thread of a loaded process for 200-350 ms)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run, ok


@pytest.fixture
def frozen_at_start(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many objects were frozen when each ``uvicorn.run`` was called (nothing is served)."""
    import uvicorn

    seen: list[int] = []
    gc.unfreeze()
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **_kw: seen.append(gc.get_freeze_count()))
    yield seen
    gc.unfreeze()  # the test process's own heap goes back to the collector


def test_one_process_serves_from_a_frozen_heap(run: Run, frozen_at_start: list[int]) -> None:
    ok(run("serve", "--hosted"))
    assert frozen_at_start and frozen_at_start[-1] > 10_000


def test_each_worker_process_builds_its_app_on_a_frozen_heap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kithkin.web.factory import from_environment

    monkeypatch.setenv("KITHKIN_DATABASE_URL", f"sqlite:///{tmp_path / 'k.db'}")
    monkeypatch.setenv("KITHKIN_CONFIG", "/proc/kithkin-absent/kithkin.toml")
    monkeypatch.setenv("KITHKIN_DATA_DIR", str(tmp_path))
    gc.unfreeze()
    web = from_environment()
    try:
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
        web.state.kithkin.close()
