"""Evidence cards: short, cited, paraphrased findings the UI may show (``catalogue/evidence.toml``).

The caller reads the file; :func:`load_evidence` only parses the text it is given.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from kithkin.domain.errors import InputError

DESIGNS = ("experiment", "observational")


class BadEvidence(InputError):
    """The evidence catalogue text is not valid."""

    key = "bad_evidence"


@dataclass(frozen=True, slots=True)
class EvidenceCard:
    """One finding: a paraphrased one-line claim and its full citation."""

    id: str
    title: str
    claim: str
    citation: str
    design: str
    doi: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _card(raw: Mapping[str, Any], position: int) -> EvidenceCard:
    fields = ("id", "title", "claim", "citation", "design")
    missing = [name for name in fields if not isinstance(raw.get(name), str) or not raw[name]]
    if missing:
        raise BadEvidence(card=position, reason="missing " + ", ".join(missing))
    if raw["design"] not in DESIGNS:
        raise BadEvidence(card=position, reason=f"design must be one of {', '.join(DESIGNS)}")
    doi = raw.get("doi")
    return EvidenceCard(
        id=raw["id"],
        title=raw["title"],
        claim=raw["claim"],
        citation=raw["citation"],
        design=raw["design"],
        doi=doi if isinstance(doi, str) else None,
    )


def load_evidence(text: str) -> dict[str, EvidenceCard]:
    """Parse evidence TOML (``[[card]]`` tables) into cards by id, in file order."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadEvidence(card="-", reason=str(exc)) from None
    cards: dict[str, EvidenceCard] = {}
    for position, raw in enumerate(data.get("card", []), start=1):
        card = _card(raw, position)
        if card.id in cards:
            raise BadEvidence(card=position, reason=f"duplicate id '{card.id}'")
        cards[card.id] = card
    return cards
