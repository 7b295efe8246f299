import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kithkin.domain import stats
from tests.domain.simulate import ar1, markov_days


def test_bootstrap_estimate_is_the_plain_difference_and_seeded():
    values = [5, 6, None, 7, 4, 8, 6, 5, 7, None, 6, 7]
    groups = [True, False, True, True, False, True, False, None, True, False, False, True]
    result = stats.block_bootstrap_diff(values, groups, seed=3, n_boot=500)
    social = [5, 7, 8, 7, 7]
    other = [6, 4, 6, 6]
    assert result.estimate == pytest.approx(sum(social) / 5 - sum(other) / 4)
    assert (result.n_true, result.n_false) == (5, 4)
    assert result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < result.estimate < result.ci_high
    assert stats.block_bootstrap_diff(values, groups, seed=3, n_boot=500) == result
    assert stats.block_bootstrap_diff(values, groups, seed=4, n_boot=500) != result


def test_bootstrap_uses_the_given_block_length():
    rng = np.random.default_rng(0)
    y = list(rng.normal(size=60))
    g = [i % 3 == 0 for i in range(60)]
    assert stats.block_bootstrap_diff(y, g, seed=0, block_length=9).block_length == 9
    assert stats.block_bootstrap_diff(y, g, seed=0).block_length == stats.auto_block_length(y, g)


def test_bootstrap_needs_both_groups():
    with pytest.raises(ValueError, match="both groups"):
        stats.block_bootstrap_diff([1.0, 2.0, 3.0], [True, True, None], seed=0)


def test_auto_block_length_floor_for_independent_days_and_longer_for_dependent_days():
    rng = np.random.default_rng(1)
    n = 365
    white = rng.normal(size=n)
    alternating = [i % 2 == 0 for i in range(n)]
    assert stats.auto_block_length(list(white), alternating) == math.ceil(n ** (1 / 3))
    persistent = ar1(rng, sims=1, days=n, phi=0.9)[0]
    slow_groups = [(i // 30) % 2 == 0 for i in range(n)]
    block = stats.auto_block_length(list(persistent), slow_groups)
    assert math.ceil(n ** (1 / 3)) < block <= 3 * math.sqrt(n)


@pytest.mark.parametrize(
    ("df", "t"), [(3, 3.182), (5, 2.571), (10, 2.228), (30, 2.042), (1000, 1.962)]
)
def test_t_quantile(df, t):
    assert stats.t_quantile_975(df) == pytest.approx(t, abs=0.005)


def test_bootstrap_interval_covers_true_effect_under_autocorrelation():
    """AR(1) mood (phi = 0.3), 180 days, Markov-clustered social days, true effect 0.5."""
    rng = np.random.default_rng(2026)
    sims, days, effect = 300, 180, 0.5
    social = markov_days(rng, sims=sims, days=days, stay=0.75)
    mood = 5 + effect * social + ar1(rng, sims=sims, days=days, phi=0.3)
    covered = 0
    for i in range(sims):
        result = stats.block_bootstrap_diff(list(mood[i]), list(social[i]), seed=i)
        assert result.ci_low is not None and result.ci_high is not None
        covered += result.ci_low <= effect <= result.ci_high
    assert 0.88 <= covered / sims <= 0.98


def test_bootstrap_coverage_with_missing_days():
    """A fifth of days missing (gaps kept in the calendar) still gives honest intervals."""
    rng = np.random.default_rng(7)
    sims, days, effect = 300, 180, 0.5
    social = markov_days(rng, sims=sims, days=days, stay=0.75)
    mood = 5 + effect * social + ar1(rng, sims=sims, days=days, phi=0.3)
    missing = rng.random((sims, days)) < 0.2
    covered = 0
    for i in range(sims):
        values = [None if missing[i, t] else float(mood[i, t]) for t in range(days)]
        result = stats.block_bootstrap_diff(values, list(social[i]), seed=i)
        assert result.n_true + result.n_false == days - missing[i].sum()
        covered += result.ci_low <= effect <= result.ci_high
    assert 0.88 <= covered / sims <= 0.98


def test_newey_west_lags():
    assert stats.newey_west_lags(100) == 4
    assert stats.newey_west_lags(180) == 4
    assert stats.newey_west_lags(30) == 3


def test_ols_hac_recovers_exact_coefficients():
    x = [[1.0, float(i), float(i % 3)] for i in range(20)]
    y = [2.0 + 0.5 * row[1] - 1.5 * row[2] for row in x]
    fit = stats.ols_hac(y, x)
    assert fit is not None
    assert fit.coef == pytest.approx((2.0, 0.5, -1.5))
    assert max(fit.se) == pytest.approx(0.0, abs=1e-6)


def test_ols_hac_with_zero_lags_is_whites_estimator():
    rng = np.random.default_rng(5)
    n = 50
    x = np.column_stack([np.ones(n), rng.normal(size=n)])
    y = 1 + 2 * x[:, 1] + rng.normal(size=n) * (1 + np.abs(x[:, 1]))
    fit = stats.ols_hac(list(y), x.tolist(), lags=0)
    assert fit is not None
    beta = np.linalg.solve(x.T @ x, x.T @ y)
    e = y - x @ beta
    bread = np.linalg.inv(x.T @ x)
    white = bread @ (x.T * e**2) @ x @ bread * n / (n - 2)
    assert fit.se == pytest.approx(tuple(np.sqrt(np.diag(white))))


def test_ols_hac_rank_deficient_is_none():
    x = [[1.0, 2.0, 4.0] for _ in range(10)]
    assert stats.ols_hac([1.0] * 10, x) is None


def test_next_day_model_finds_a_next_day_pattern():
    rng = np.random.default_rng(11)
    days = 400
    social = markov_days(rng, sims=1, days=days, stay=0.6)[0]
    noise = ar1(rng, sims=1, days=days, phi=0.4)[0]
    mood = 5 + 0.3 * social + 1.0 * np.concatenate([[0], social[:-1]]) + noise
    values: list[float | None] = list(mood)
    values[100] = None  # a missing day removes one row (its own)
    fit = stats.next_day_model(values, list(social))
    assert fit is not None
    assert fit.n == days - 1 - 1
    assert fit.ci_low < 1.0 < fit.ci_high
    assert fit.ci_low > 0
    assert fit.n_after_social + fit.n_after_non_social == fit.n
    assert 0.2 < fit.phi < 0.6


def test_next_day_model_does_not_turn_a_same_day_effect_into_a_next_day_drop():
    """Adjusting for yesterday's mood made the coefficient settle near -phi * effect."""
    rng = np.random.default_rng(12)
    days = 3000
    social = markov_days(rng, sims=1, days=days, stay=0.6)[0]
    mood = 5 + 1.0 * social + ar1(rng, sims=1, days=days, phi=0.55)[0]
    fit = stats.next_day_model(list(mood), list(social))
    assert fit is not None
    assert abs(fit.coef) < 0.1
    assert fit.same_day == pytest.approx(1.0, abs=0.1)


def test_lag_rows_skip_days_without_a_known_yesterday():
    days, y, x = stats.lag_rows([5, None, 6, 7], [True, False, None, True])
    assert (days, y, x) == ([], [], [])
    days, y, x = stats.lag_rows([5, 6, 7], [True, False, True])
    assert days == [1, 2]
    assert y == [6.0, 7.0]
    assert x == [[1.0, 0.0, 1.0], [1.0, 1.0, 0.0]]


@pytest.mark.parametrize(("df", "t"), [(1, 12.706), (3, 3.182), (10, 2.228), (60, 2.000)])
def test_t_critical_and_p_value(df, t):
    assert stats.t_critical(0.95, df) == pytest.approx(t, abs=0.001)
    assert stats.t_p_value(t, df) == pytest.approx(0.05, abs=0.0005)
    assert stats.t_critical(0.99, 10) == pytest.approx(3.169, abs=0.001)


def test_randomization_test_detects_a_clear_effect():
    assigned = [i % 2 == 0 for i in range(30)]
    values = [7.0 if a else 4.0 for a in assigned]
    result = stats.randomization_test(assigned, values, seed=1, n_draws=2000)
    assert result.estimate == 3.0
    assert result.p_value < 0.01
    assert (result.n_true, result.n_false) == (15, 15)


def test_randomization_p_value_is_never_zero():
    result = stats.randomization_test([True, False] * 10, [9.0, 1.0] * 10, seed=0, n_draws=100)
    assert result.p_value == pytest.approx(1 / (1 + result.n_draws))


def test_randomization_test_needs_both_arms():
    with pytest.raises(ValueError, match="both arms"):
        stats.randomization_test([True, True], [1.0, 2.0], seed=0)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-10, 10), min_size=6, max_size=30), st.integers(0, 2**16))
def test_randomization_p_value_is_a_probability(values, seed):
    assigned = [i % 2 == 0 for i in range(len(values))]
    result = stats.randomization_test(assigned, values, seed=seed, n_draws=200)
    assert 0 < result.p_value <= 1


def test_randomization_false_positive_rate_is_nominal():
    """1,000 null experiments: 42 days of AR(1) mood, fair-coin days, no effect."""
    rng = np.random.default_rng(42)
    sims, days = 1000, 42
    mood = 5 + ar1(rng, sims=sims, days=days, phi=0.3)
    assigned = rng.random((sims, days)) < 0.5
    rejections = 0
    for i in range(sims):
        if assigned[i].all() or not assigned[i].any():
            continue
        result = stats.randomization_test(list(assigned[i]), list(mood[i]), seed=i, n_draws=999)
        rejections += result.p_value < 0.05
    assert 0.03 <= rejections / sims <= 0.07


def test_whole_number_values_take_the_packed_gather_with_the_same_sums():
    from kithkin.domain import bootstrap

    rng = np.random.default_rng(8)
    n, block = 400, 7
    used = rng.random(n) < 0.85
    y = np.where(used, rng.integers(1, 11, n), 0).astype(float)
    a = (used & (rng.random(n) < 0.4)).astype(float)
    b = (used & (a == 0)).astype(float)
    n_blocks = -(-n // block)
    last = n - (n_blocks - 1) * block
    starts = rng.integers(0, n, size=(300, n_blocks))
    starts[:, -1] += n
    packed = bootstrap._packed_sums(y, a, b, block=block, last=last, starts=starts)
    plain = bootstrap._float_sums(y, a, b, block=block, last=last, starts=starts)
    assert packed is not None
    for p, f in zip(packed, plain, strict=True):
        assert np.array_equal(p, f)
    fractional = y + 0.5 * a
    assert bootstrap._packed_sums(fractional, a, b, block=block, last=last, starts=starts) is None
    negative = y - 20.0
    assert bootstrap._packed_sums(negative, a, b, block=block, last=last, starts=starts) is None
