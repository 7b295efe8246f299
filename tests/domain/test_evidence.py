from pathlib import Path

import pytest

import kithkin
from kithkin.domain.evidence import BadEvidence, load_evidence
from kithkin.domain.insights import MODE_EVIDENCE

CATALOGUE = Path(kithkin.__file__).parent / "catalogue" / "evidence.toml"


def test_shipped_catalogue_has_every_verified_finding():
    cards = load_evidence(CATALOGUE.read_text(encoding="utf-8"))
    assert len(cards) == 14
    for card in cards.values():
        assert card.claim and card.citation and card.title
        assert "(20" in card.citation or "(19" in card.citation
    assert set(MODE_EVIDENCE.values()) | {"everyday_data", "power_of_one"} <= set(cards)
    assert cards["survival"].doi == "10.1371/journal.pmed.1000316"


def test_no_unverified_claim_is_stated():
    text = CATALOGUE.read_text(encoding="utf-8").lower()
    claims = " ".join(c.claim.lower() for c in load_evidence(text).values())
    for phrase in ("cortisol", "strongest predictor", "50 hours", "200 hours", "longer life"):
        assert phrase not in claims


def test_observational_cards_avoid_causal_verbs():
    cards = load_evidence(CATALOGUE.read_text(encoding="utf-8")).values()
    for card in (c for c in cards if c.design == "observational"):
        for verb in (" causes", " leads to", " makes ", " boosts", " improves"):
            assert verb not in card.claim


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[[card]\n", "Expected"),
        ('[[card]]\nid = "a"\ntitle = "t"\nclaim = "c"\ndesign = "experiment"\n', "citation"),
        (
            '[[card]]\nid = "a"\ntitle = "t"\nclaim = "c"\ncitation = "x"\ndesign = "anecdote"\n',
            "design",
        ),
        (
            '[[card]]\nid = "a"\ntitle = "t"\nclaim = "c"\ncitation = "x"\ndesign = "experiment"\n'
            * 2,
            "duplicate",
        ),
    ],
)
def test_bad_catalogue_text(text, reason):
    with pytest.raises(BadEvidence) as err:
        load_evidence(text)
    assert reason.lower() in err.value.params["reason"].lower()
