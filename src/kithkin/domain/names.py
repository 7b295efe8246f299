"""Forgiving name matching: "ada", "Ada L", "lovelace" and "#12" all find Ada Lovelace."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kithkin.domain.errors import AmbiguousName, UnknownName


@dataclass(frozen=True, slots=True)
class NameEntry:
    id: int
    name: str
    nickname: str = ""


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse white space, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _score(query: str, entry: NameEntry) -> int:
    """3 exact name or nickname, 2 every query word starts a name word, 1 substring, 0 none."""
    names = [fold(entry.name)] + ([fold(entry.nickname)] if entry.nickname else [])
    if query in names:
        return 3
    query_words = query.split()
    for name in names:
        words = name.split()
        if all(any(w.startswith(q) for w in words) for q in query_words):
            return 2
    if any(query in name for name in names):
        return 1
    return 0


def match(query: str, entries: Sequence[NameEntry]) -> NameEntry:
    """The one entry ``query`` means, or :class:`UnknownName` / :class:`AmbiguousName`."""
    raw = query.strip()
    if raw.startswith("#") and raw[1:].isdigit():
        wanted = int(raw[1:])
        for entry in entries:
            if entry.id == wanted:
                return entry
        raise UnknownName(name=query, hint="")
    folded = fold(raw)
    scored = [(s, e) for e in entries if folded and (s := _score(folded, e)) > 0]
    if not scored:
        raise UnknownName(name=query, hint=_hint(folded, entries))
    top = max(s for s, _ in scored)
    best = [e for s, e in scored if s == top]
    if len(best) > 1:
        shown = ", ".join(f"{e.name} (#{e.id})" for e in sorted(best, key=lambda e: e.name)[:8])
        raise AmbiguousName(name=query, candidates=shown)
    return best[0]


def _hint(folded: str, entries: Sequence[NameEntry]) -> str:
    """A 'did you mean' list of names sharing the first letter, at most five."""
    if not folded:
        return ""
    close = sorted(e.name for e in entries if fold(e.name).startswith(folded[0]))[:5]
    return f" Did you mean: {', '.join(close)}?" if close else ""
