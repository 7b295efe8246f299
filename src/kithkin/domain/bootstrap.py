"""The circular block bootstrap of a difference in means over consecutive calendar days.

- :func:`block_bootstrap_diff`: circular block bootstrap 95% interval for a difference in means.
- :func:`auto_block_length`: Politis & White (2004) block length for the circular bootstrap,
  with the Patton, Politis & White (2009) correction, floored at ``ceil(n ** (1/3))``.

Inputs are sequences over consecutive calendar days with ``None`` for a missing value or a day
in neither group; float arrays with NaN in those places are accepted as well (the insights
build them once per measure and per grouping). numpy is imported inside each function.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.int64]

Z_95 = 1.959963984540054


@dataclass(frozen=True, slots=True)
class BootstrapResult:
    """A difference in means (group True minus group False) with a 95% interval."""

    estimate: float
    ci_low: float | None
    ci_high: float | None
    se: float | None
    n_true: int
    n_false: int
    block_length: int
    n_boot: int
    df: float = 0.0  # Student's t degrees of freedom of the interval: n / block - 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "se": self.se,
            "n_true": self.n_true,
            "n_false": self.n_false,
            "block_length": self.block_length,
            "n_boot": self.n_boot,
            "df": self.df,
        }


def _arrays(
    values: Sequence[float | None] | FloatArray, groups: Sequence[bool | None] | FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``y`` (0 where unused), and masks for the True and False groups, trimmed to the used span."""
    import numpy as np

    if len(values) != len(groups):
        raise ValueError("values and groups must have the same length")
    # Vectorised: None becomes NaN in a float array, so "used" is "neither is NaN".
    v = np.asarray(values, dtype=float)
    if isinstance(groups, np.ndarray):
        raw = groups.astype(float)
        g = np.where(np.isnan(raw), np.nan, raw != 0)
    else:
        g = np.array([None if x is None else bool(x) for x in groups], dtype=float)
    used = ~(np.isnan(v) | np.isnan(g))
    where = np.flatnonzero(used)
    if len(where) == 0:
        empty = np.zeros(0)
        return empty, empty, empty
    first, last = int(where[0]), int(where[-1]) + 1
    used, g = used[first:last], g[first:last]
    y = np.where(used, v[first:last], 0.0)
    a = (used & (g == 1.0)).astype(float)
    b = (used & (g == 0.0)).astype(float)
    return y, a, b


def auto_block_length(
    values: Sequence[float | None] | FloatArray, groups: Sequence[bool | None] | FloatArray
) -> int:
    """Block length for the circular bootstrap of a difference in means.

    Politis & White (2004) with the Patton, Politis & White (2009) correction, applied to the
    statistic's influence series ``a_t (y_t - m_a) / p_a - b_t (y_t - m_b) / p_b`` (zero on days
    without data, which keeps their place in the calendar). Their estimate is noisy for short
    series and can return 1 while dependence is real, so the result is floored at
    ``ceil(n ** (1/3))`` (the classic rate) and capped at ``min(3 * sqrt(n), n / 3)``.
    """
    return _block_length(*_arrays(values, groups))


def _block_length(y: FloatArray, a: FloatArray, b: FloatArray) -> int:
    n = len(y)
    if n < 4 or a.sum() == 0 or b.sum() == 0:
        return max(1, n // 2)
    p_a, p_b = a.mean(), b.mean()
    m_a, m_b = (y * a).sum() / a.sum(), (y * b).sum() / b.sum()
    psi = a * (y - m_a) / p_a - b * (y - m_b) / p_b
    floor = math.ceil(math.cbrt(n))
    cap = max(floor, int(min(3 * math.sqrt(n), n / 3)))
    return min(cap, max(floor, round(_politis_white(psi))))


def _politis_white(x: FloatArray) -> float:
    import numpy as np

    n = len(x)
    eps = x - x.mean()
    kn = max(5, int(math.sqrt(math.log10(n))))
    m_max = math.ceil(math.sqrt(n)) + kn
    m_max = min(m_max, n - 2)
    threshold = 2 * math.sqrt(math.log10(n) / n)
    acv = np.array([eps[k:] @ eps[: n - k] / n for k in range(m_max + 1)])
    if acv[0] <= 0:
        return 1.0
    rho = np.abs(acv / acv[0])
    m_hat = None
    for m in range(1, m_max - kn + 2):
        if np.all(rho[m : m + kn] < threshold):
            m_hat = m - 1
            break
    big_m = m_max if m_hat is None else min(2 * max(m_hat, 1), m_max)
    k = np.arange(1, big_m + 1)
    lam = np.where(k / big_m <= 0.5, 1.0, 2 * (1 - k / big_m))
    g = 2 * float(np.sum(lam * k * acv[1 : big_m + 1]))
    long_run = acv[0] + 2 * float(np.sum(lam * acv[1 : big_m + 1]))
    d_cb = 4 / 3 * long_run**2
    if d_cb <= 0 or g == 0:
        return 1.0
    return float((2 * g**2 / d_cb) ** (1 / 3) * n ** (1 / 3))


def t_quantile_975(df: float) -> float:
    """The 97.5% quantile of Student's t (Cornish-Fisher expansion; within 0.01 for df >= 3)."""
    z = Z_95
    d = max(df, 2.0)
    return (
        z
        + (z**3 + z) / (4 * d)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * d**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * d**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * d**4)
    )


def _circular_sums(x: FloatArray, length: int) -> FloatArray:
    """``out[s] = x[s] + ... + x[s + length - 1]`` with indices taken modulo ``len(x)``."""
    import numpy as np

    n = len(x)
    cumulative = np.concatenate([[0.0], np.cumsum(np.concatenate([x, x[:length]]))])
    result: FloatArray = cumulative[length : length + n] - cumulative[:n]
    return result


def _block_table(x: FloatArray, block: int, last: int) -> FloatArray:
    """Sums of every full block (starts 0..n-1), then of every last, shorter block."""
    import numpy as np

    table: FloatArray = np.concatenate([_circular_sums(x, block), _circular_sums(x, last)])
    return table


def _replicates(
    y: FloatArray, a: FloatArray, b: FloatArray, *, block: int, n_boot: int, rng: Any
) -> FloatArray:
    """Circular block bootstrap replicates of the difference in means (both groups present).

    Each replicate strings ``ceil(n / block)`` blocks with random starts together and cuts the
    result to ``n`` days, so the last block is shorter; sums come from precomputed block sums.
    Block starts index a table of full-block sums followed by last-block sums (the last column
    is shifted by ``n``), so one gather serves a replicate's blocks.
    """
    n = len(y)
    n_blocks = -(-n // block)
    last = n - (n_blocks - 1) * block
    starts = rng.integers(0, n, size=(n_boot, n_blocks))
    starts[:, -1] += n
    packed = _packed_sums(y, a, b, block=block, last=last, starts=starts)
    sum_a, count_a, sum_b, count_b = packed or _float_sums(
        y, a, b, block=block, last=last, starts=starts
    )
    ok = (count_a > 0.5) & (count_b > 0.5)
    result: FloatArray = sum_a[ok] / count_a[ok] - sum_b[ok] / count_b[ok]
    return result


def _float_sums(
    y: FloatArray, a: FloatArray, b: FloatArray, *, block: int, last: int, starts: IntArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Per replicate: the sum and count of each group. Value sums are summed over the full
    blocks first and the last block added after (the order the results were pinned with);
    counts are whole numbers, exact in any order, so both come from one integer gather."""
    import numpy as np

    sums = []
    for x in (y * a, y * b):
        picked = np.take(_block_table(x, block, last), starts)  # take: faster than []
        sums.append(picked[:, :-1].sum(axis=1) + picked[:, -1])
    count_a = np.rint(_block_table(a, block, last)).astype(np.int64)
    count_b = np.rint(_block_table(b, block, last)).astype(np.int64)
    both = np.take((count_a << 32) | count_b, starts).sum(axis=1)
    return sums[0], (both >> 32).astype(float), sums[1], (both & 0xFFFFFFFF).astype(float)


def _packed_sums(
    y: FloatArray, a: FloatArray, b: FloatArray, *, block: int, last: int, starts: IntArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray] | None:
    """The four sums from one gather of 64-bit integers, when every value is a whole number
    from 0 up (check-ins are whole points 1-10) and the four totals fit side by side.

    Whole-number sums below 2**53 are exact in floating point, whatever the order, so the
    result equals :func:`_float_sums`'s bit for bit. None when the values do not allow it.
    """
    import numpy as np

    n = len(y)
    if n == 0 or float(y.min()) < 0 or not bool(np.all(y == np.rint(y))):
        return None
    value_bits = int(n * float(y.max())).bit_length()
    count_bits = n.bit_length()
    if 2 * (value_bits + count_bits) > 63:
        return None
    fields = []
    for x in (y * a, a, y * b, b):
        fields.append(np.rint(_block_table(x, block, last)).astype(np.int64))
    widths = (value_bits, count_bits, value_bits, count_bits)
    shifts = [sum(widths[i + 1 :]) for i in range(4)]
    table = np.zeros_like(fields[0])
    for field, shift in zip(fields, shifts, strict=True):
        table |= field << shift
    total = np.take(table, starts).sum(axis=1)
    out = [
        ((total >> s) & ((1 << w) - 1)).astype(float) for s, w in zip(shifts, widths, strict=True)
    ]
    return out[0], out[1], out[2], out[3]


def block_bootstrap_diff(
    values: Sequence[float | None] | FloatArray,
    groups: Sequence[bool | None] | FloatArray,
    *,
    seed: int,
    n_boot: int = 2000,
    block_length: int | None = None,
) -> BootstrapResult:
    """95% interval for mean(values | True) - mean(values | False) by circular block bootstrap.

    ``values`` and ``groups`` run over consecutive calendar days; a day counts when its value is
    not None and its group is True or False (None excludes the day, for example a day in neither
    arm of a comparison). Blocks of whole calendar days are resampled in calendar order, wrapping
    round; unused days inside a block keep their place and simply do not count.

    The interval is ``estimate ± t * se``. ``se`` is the block-bootstrap standard error with its
    leading bias removed by extrapolation over two block lengths, ``se² = max(v(b),
    2 v(2b) - v(b))`` (the bias of the block variance shrinks like 1/b; Lahiri 2003,
    *Resampling Methods for Dependent Data*, ch. 7), and ``t`` is Student's t with
    ``n / b - 1`` degrees of freedom (one per block, as in batch means). Plain percentile
    intervals covered only about 92-93% in simulation (AR(1) phi = 0.3, 180 days, clustered
    social days) at every block length from 3 to 20; this version covers about 95%.
    The interval is None when fewer than half the replicates contain both groups.
    """
    import numpy as np

    y, a, b = _arrays(values, groups)
    n_a, n_b = int(a.sum()), int(b.sum())
    if n_a == 0 or n_b == 0:
        raise ValueError("both groups need at least one day with data")
    estimate = float((y * a).sum() / n_a - (y * b).sum() / n_b)
    n = len(y)
    block = max(1, min(block_length or _block_length(y, a, b), n))
    rng = np.random.default_rng(seed)
    reps = _replicates(y, a, b, block=block, n_boot=n_boot, rng=rng)
    reps_2 = _replicates(y, a, b, block=min(2 * block, n), n_boot=n_boot, rng=rng)
    if min(len(reps), len(reps_2)) < max(2, n_boot // 2):
        return BootstrapResult(estimate, None, None, None, n_a, n_b, block, n_boot)
    v_1, v_2 = float(reps.var(ddof=1)), float(reps_2.var(ddof=1))
    se = math.sqrt(max(v_1, 2 * v_2 - v_1))
    df = max(n / block - 1, 1.0)
    half = t_quantile_975(df) * se
    return BootstrapResult(
        estimate, estimate - half, estimate + half, se, n_a, n_b, block, n_boot, df
    )
