"""A browser test leaves nothing behind for the tests that run after it in the same process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def test_a_browser_test_then_asyncio_run_in_one_process(tmp_path: Path) -> None:
    """The order that failed at random under xdist: a browser test, then `asyncio.run`."""
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "import asyncio\n\n"
        "def test_browser_first(browser):\n"
        "    assert browser.new_page().evaluate('1 + 1') == 2\n\n"
        "def test_asyncio_run_after():\n"
        "    async def answer():\n"
        "        return 42\n\n"
        "    assert asyncio.run(answer()) == 42\n"
    )
    conftest = (ROOT / "tests" / "browser" / "conftest.py").read_text()
    (tmp_path / "conftest.py").write_text(
        conftest.replace("from tests.conftest import make_app\n", "")
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "-n",
            "0",
            "--rootdir",
            str(tmp_path),
            "-c",
            "/dev/null",
            str(probe),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "2 passed" in run.stdout
