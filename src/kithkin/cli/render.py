"""Output helpers: one JSON document for --json, Rich for people. Rich is imported lazily."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def emit_json(data: Any) -> None:
    """Print exactly one JSON document and nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def console() -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich exits with 1; the command's error boundary ends quietly with 0 instead
            # (`kithkin today | head -1`: the reader had what it wanted).
            raise BrokenPipeError

    return _Console(highlight=False, soft_wrap=True)


def say(text: str, *, style: str | None = None) -> None:
    console().print(text, style=style, markup=False)


def table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    out = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for column in columns:
        out.add_column(column)
    for row in rows:
        out.add_row(*["" if v is None else str(v) for v in row])
    console().print(out)
