"""No module over 500 lines except Alembic revisions (#11): a file that size is two files."""

from __future__ import annotations

from pathlib import Path

import kithkin

LIMIT = 500


def test_no_module_is_over_500_lines() -> None:
    root = Path(kithkin.__file__).parent
    too_long = {
        str(path.relative_to(root)): n
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}
