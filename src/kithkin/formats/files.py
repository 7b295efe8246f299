"""Reading a user's file: never more than a cap (configurable), and text only as valid UTF-8.

Every file kithkin reads on a user's behalf (imports, item files, local calendars) goes through
``read_capped``: a file larger than the cap, or an endless one such as ``/dev/zero``, is refused
after reading one byte past the cap, with the cap in the message.
"""

from __future__ import annotations

from pathlib import Path

from kithkin.domain.errors import InputError

DEFAULT_MAX_FILE_MB = 50


class FileTooLarge(InputError):
    """A file is larger than the most kithkin reads (``max_file_mb`` in the config)."""

    key = "file_too_large"


class FileNotUtf8(InputError):
    """A text file holds bytes that are not UTF-8."""

    key = "file_not_utf8"


class FileNotReadable(InputError):
    """A file could not be opened or read."""

    key = "file_unreadable"


def read_capped(path: Path | str, *, limit_mb: int = DEFAULT_MAX_FILE_MB) -> bytes:
    """The bytes of ``path``; FileTooLarge when there are more than ``limit_mb`` MiB."""
    limit = limit_mb * 1024 * 1024
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FileNotReadable(path=str(path), reason=exc.strerror or str(exc)) from None
    except ValueError:  # a NUL in the path
        raise FileNotReadable(path=repr(str(path)), reason="not a valid file name") from None
    if len(data) > limit:
        raise FileTooLarge(path=str(path), limit_mb=limit_mb)
    return data


def decode_utf8(data: bytes, *, path: Path | str) -> str:
    """``data`` as text (a byte-order mark is dropped); FileNotUtf8 names the first bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileNotUtf8(path=str(path), line=line) from None


class FileNotWritable(InputError):
    """A file could not be written."""

    key = "file_unwritable"


def write_private_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file renamed over it), readable
    only by the user (0600; a folder it creates 0700)."""
    import os

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{path.name}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        temporary.replace(path)
    except OSError as exc:
        raise FileNotWritable(path=str(path), reason=exc.strerror or str(exc)) from None
