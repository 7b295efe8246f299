"""Seeded simulations shared by the calibration tests (vectorised over simulations)."""

from __future__ import annotations

import numpy as np


def ar1(rng: np.random.Generator, *, sims: int, days: int, phi: float) -> np.ndarray:
    """Stationary AR(1) noise with unit innovations, one row per simulation."""
    noise = rng.normal(size=(sims, days))
    out = np.empty((sims, days))
    out[:, 0] = noise[:, 0] / np.sqrt(1 - phi**2)
    for t in range(1, days):
        out[:, t] = phi * out[:, t - 1] + noise[:, t]
    return out


def markov_days(rng: np.random.Generator, *, sims: int, days: int, stay: float) -> np.ndarray:
    """Clustered social days: a two-state Markov chain that keeps its state with ``stay``."""
    keep = rng.random((sims, days)) < stay
    out = np.empty((sims, days), dtype=bool)
    out[:, 0] = rng.random(sims) < 0.5
    for t in range(1, days):
        out[:, t] = np.where(keep[:, t], out[:, t - 1], ~out[:, t - 1])
    return out
