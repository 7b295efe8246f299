"""The command line's own sentences."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "cli.unexpected": (
        "Error: something unexpected went wrong ({kind}). "
        "Nothing was saved. Run again with --debug for details."
    ),
}
