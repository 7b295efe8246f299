"""One error budget for everything the insights page claims.

The page shows many estimates: social days (mood, stress), the next-day pattern, kinds and doses
of contact, and people. Each has an estimate, a standard error and Student's t degrees of
freedom. Without a budget a user with no real effect anywhere would see some "clear" difference
a third of the time, so the total error rate ``ALPHA`` = 5% is split across three families
(Bonferroni across families, weights in ``SHARES``):

- ``headline`` (social mood, social stress, next day): Bonferroni within the family. Holm would
  claim slightly more, but has no interval that agrees with its decisions; Bonferroni does.
- ``by_kind`` (kinds and doses of contact) and ``by_person``: Benjamini-Hochberg within the
  family (Benjamini & Hochberg 1995, J R Stat Soc B 57:289-300). With ``R`` of ``m`` items
  selected, every interval of the family is shown at level ``1 - max(R, 1) alpha_f / m``
  (false-coverage-rate intervals, Benjamini & Yekutieli 2005, JASA 100:71-81), so an item is
  claimed exactly when its shown range leaves out zero.

Under no effect anywhere each family claims something with probability at most its share of the
budget (Benjamini-Hochberg controls the family-wise rate when every null is true), so the page
says something is "clear" at most 5% of the time, up to the calibration of each interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kithkin.domain import stats

ALPHA = 0.05
SHARES = {"headline": 0.5, "by_kind": 0.25, "by_person": 0.25}
METHODS = {
    "headline": "bonferroni",
    "by_kind": "benjamini_hochberg",
    "by_person": "benjamini_hochberg",
}
PROCEDURE = (
    "Total error rate 0.05 split across families (Bonferroni): headline 0.025 (Bonferroni "
    "within), kinds and doses 0.0125 (Benjamini-Hochberg within), people 0.0125 "
    "(Benjamini-Hochberg within); ranges at the matching level (Benjamini-Yekutieli)."
)


@dataclass(frozen=True, slots=True)
class Estimate:
    """One estimate entering the budget: ``item`` is its id on the page."""

    item: str
    estimate: float
    se: float
    df: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The budget's decision for one estimate and the range shown with it."""

    item: str
    p_value: float
    level: float
    ci_low: float
    ci_high: float
    claimed: bool


def p_value(e: Estimate) -> float:
    if e.se <= 0 or not math.isfinite(e.se):
        return 0.0 if e.estimate != 0 and e.se == 0 else 1.0
    return stats.t_p_value(e.estimate / e.se, e.df)


def _verdict(e: Estimate, p: float, level: float) -> Verdict:
    half = stats.t_critical(level, e.df) * e.se if e.se > 0 else 0.0
    low, high = e.estimate - half, e.estimate + half
    return Verdict(e.item, p, level, low, high, not low <= 0 <= high)


def bonferroni(estimates: Sequence[Estimate], alpha: float) -> list[Verdict]:
    """Each of ``m`` estimates at level ``1 - alpha / m``."""
    m = len(estimates)
    return [_verdict(e, p_value(e), 1 - alpha / m) for e in estimates] if m else []


def benjamini_hochberg(estimates: Sequence[Estimate], alpha: float) -> list[Verdict]:
    """Step-up selection at false discovery rate ``alpha``; ranges at ``1 - max(R,1) alpha/m``."""
    m = len(estimates)
    if not m:
        return []
    ps = [p_value(e) for e in estimates]
    ranked = sorted(ps)
    selected = max((k for k in range(1, m + 1) if ranked[k - 1] <= k * alpha / m), default=0)
    level = 1 - max(selected, 1) * alpha / m
    return [_verdict(e, p, level) for e, p in zip(estimates, ps, strict=True)]


def apply(families: Mapping[str, Sequence[Estimate]]) -> dict[str, Verdict]:
    """Verdicts for every estimate, by item id; families are keys of ``SHARES``."""
    out: dict[str, Verdict] = {}
    for family, estimates in families.items():
        alpha = ALPHA * SHARES[family]
        method = bonferroni if METHODS[family] == "bonferroni" else benjamini_hochberg
        for v in method(estimates, alpha):
            out[v.item] = v
    return out


def describe() -> dict[str, object]:
    """The procedure, for ``--json``."""
    return {
        "procedure": PROCEDURE,
        "alpha": ALPHA,
        "families": {
            name: {"alpha": ALPHA * share, "method": METHODS[name]}
            for name, share in SHARES.items()
        },
    }
