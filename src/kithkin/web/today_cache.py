"""The Today page's computed view, cached per owner in the web process.

An entry is valid for one owner, one data version (a counter every committed write moves, from
any process: see ``SqlUnitOfWork.commit``) and one local day in the zone the entry was computed
in. Nothing on the page depends on the time of day, so the day is enough. Checking an entry
costs one primary-key read of the version. The page's HTML is kept with a placeholder instead of
the per-browser CSRF token, which each request puts in.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kithkin.domain.timeutil import local_day

MAX_OWNERS = 32


@dataclass(frozen=True, slots=True)
class Entry:
    version: int
    day: date
    timezone: str
    value: Any


class ViewCache:
    """A small LRU: one entry per (owner, kind), at most ``max_entries`` in all."""

    def __init__(self, max_entries: int = 2 * MAX_OWNERS) -> None:
        self.max_entries = max_entries
        self.placeholder = "csrf-" + secrets.token_hex(16)
        self._entries: OrderedDict[tuple[int, str], Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, *, owner: int, kind: str, version: int, now: datetime) -> Any | None:
        key = (owner, kind)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.version != version:
                return None
            if local_day(now, entry.timezone) != entry.day:
                return None
            self._entries.move_to_end(key)
            return entry.value

    def put(
        self, *, owner: int, kind: str, version: int, day: date, timezone: str, value: Any
    ) -> None:
        key = (owner, kind)
        with self._lock:
            self._entries[key] = Entry(version, day, timezone, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
