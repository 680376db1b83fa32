#!/usr/bin/env python3
"""Reference values for the comparison statistics (Java package nl.vertelpunt.comparison), computed with SciPy.

Run from the repository root:

    python3 src/test/python/reference_comparison.py

It writes src/test/resources/comparison/reference.json: the fixtures (slider answers 0..100 and choice codes drawn
here with numpy generators of fixed seeds, so heavily tied like real sliders) and SciPy's values for them. The output
is deterministic; regenerating with the same SciPy and numpy gives the same file.

For every case, focus and reference are two independent samples.

  spearman      rho = scipy.stats.spearmanr(x, y).statistic on each side;
                95% interval tanh(atanh(rho) -/+ norm.ppf(0.975) se), se = sqrt((1 + rho^2/2)/(n - 3))
                (Bonett & Wright 2000); difference z = (atanh(rho_f) - atanh(rho_r)) / sqrt(se_f^2 + se_r^2),
                p = 2 norm.sf(|z|). Exact: the Java test compares with a relative tolerance of 1e-9.
  rankBiserial  a slider in two groups: r = 2 U / (n1 n2) - 1 with U = mannwhitneyu(g1, g2).statistic.
  epsilonSquared a slider in three groups: eps2 = H / (n - 1) with H = kruskal(*groups).statistic.
  cramersV      pairs of two choices: scipy.stats.contingency.association(table, method='cramer').
                For these three: the effect on each side (exact, 1e-9); the 95% percentile interval by
                scipy.stats.bootstrap(method='percentile', n_resamples=9999), which resamples each group of a
                slider at its own size (a multi-sample statistic) and all pairs of a crosstab as one sample; and the
                permutation test of |effect(focus) - effect(reference)| by scipy.stats.permutation_test(
                permutation_type='independent', alternative='greater', n_resamples=9999), p = (b + 1)/(m + 1).
                Both are Monte Carlo: the Java code draws with its own generator, so the test allows for the
                error of both (see ComparisonReferenceTest).
"""
import json
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

OUT = Path(__file__).resolve().parents[1] / "resources" / "comparison" / "reference.json"
RESAMPLES = 9999


def slider(rng, centre, spread, n):
    """Slider answers: rounded, clipped to 0..100, with 15% heaped at 0, 50 and 100 as in PatternedStories."""
    v = np.clip(np.round(centre + rng.normal(0, spread, n)), 0, 100)
    heap = rng.random(n) < 0.15
    v[heap] = np.where(v[heap] < 25, 0, np.where(v[heap] < 75, 50, 100))
    return v.astype(int)


def bonett_wright(rho, n):
    return np.sqrt((1 + rho * rho / 2) / (n - 3))


def spearman_case(name, seed, n_f, slope_f, n_r, slope_r):
    rng = np.random.default_rng(seed)
    sides = {}
    for side, n, slope in (("focus", n_f, slope_f), ("reference", n_r, slope_r)):
        x = slider(rng, 50, 25, n)
        y = np.clip(np.round(50 + slope * (x - 50) + rng.normal(0, 20, n)), 0, 100).astype(int)
        rho = float(stats.spearmanr(x, y).statistic)
        se = bonett_wright(rho, n)
        z = np.arctanh(rho)
        crit = stats.norm.ppf(0.975)
        sides[side] = {"x": x, "y": y, "rho": rho, "n": n,
                       "low": float(np.tanh(z - crit * se)), "high": float(np.tanh(z + crit * se))}
    f, r = sides["focus"], sides["reference"]
    se = np.sqrt(bonett_wright(f["rho"], f["n"]) ** 2 + bonett_wright(r["rho"], r["n"]) ** 2)
    z = (np.arctanh(f["rho"]) - np.arctanh(r["rho"])) / se
    return {"name": name, "focus": f, "reference": r, "z": float(z), "p": float(2 * stats.norm.sf(abs(z)))}


def rank_biserial(g1, g2):
    u = stats.mannwhitneyu(g1, g2, alternative="two-sided", method="asymptotic").statistic
    return 2 * u / (len(g1) * len(g2)) - 1


def epsilon_squared(*groups):
    n = sum(len(g) for g in groups)
    return stats.kruskal(*groups).statistic / (n - 1)


def slider_groups_case(name, seed, effect, focus_centres, reference_centres, sizes_f, sizes_r):
    """A slider in groups: each side's groups, their effect, bootstrap interval and the permutation test."""
    rng = np.random.default_rng(seed)
    out = {"name": name, "effect": "rank-biserial" if len(focus_centres) == 2 else "epsilon-squared"}
    data = {}
    for side, centres, sizes in (("focus", focus_centres, sizes_f), ("reference", reference_centres, sizes_r)):
        groups = [slider(rng, c, 22, n) for c, n in zip(centres, sizes)]
        data[side] = groups
        boot = stats.bootstrap(tuple(groups), lambda *g: effect(*g), method="percentile",
                               n_resamples=RESAMPLES, vectorized=False, rng=np.random.default_rng(seed + 1))
        out[side] = {"groups": groups, "effect": float(effect(*groups)),
                     "low": float(boot.confidence_interval.low), "high": float(boot.confidence_interval.high),
                     "standardError": float(boot.standard_error)}
    # the permutation test moves whole items (group, value) between the sides
    items = [(g, v) for side in ("focus", "reference") for g, values in enumerate(data[side]) for v in values]
    n_f = sum(len(g) for g in data["focus"])
    k = len(focus_centres)

    def side_effect(index):
        groups = [[items[i][1] for i in index if items[i][0] == g] for g in range(k)]
        return effect(*groups)

    def statistic(f, r):
        return abs(side_effect(f) - side_effect(r))

    perm = stats.permutation_test((np.arange(n_f), np.arange(n_f, len(items))), statistic,
                                  permutation_type="independent", alternative="greater",
                                  n_resamples=RESAMPLES, vectorized=False, rng=np.random.default_rng(seed + 2))
    out["difference"] = {"statistic": float(perm.statistic), "p": float(perm.pvalue), "permutations": RESAMPLES}
    return out


def cramers_v(x, y, rows, columns):
    table = np.zeros((rows, columns), dtype=int)
    np.add.at(table, (x, y), 1)
    table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    return stats.contingency.association(table, method="cramer", correction=False)


def cramers_case(name, seed, n_f, tie_f, n_r, tie_r, rows=3, columns=3):
    """Pairs of two choices: x uniform, y = x (mod columns) with probability tie, else uniform."""
    rng = np.random.default_rng(seed)
    out = {"name": name, "rows": rows, "columns": columns}
    pairs = {}
    for side, n, tie in (("focus", n_f, tie_f), ("reference", n_r, tie_r)):
        x = rng.integers(0, rows, n)
        y = np.where(rng.random(n) < tie, x % columns, rng.integers(0, columns, n))
        pairs[side] = (x, y)
        boot = stats.bootstrap((np.arange(n),), lambda i: cramers_v(x[i], y[i], rows, columns),
                               method="percentile", n_resamples=RESAMPLES, vectorized=False,
                               rng=np.random.default_rng(seed + 1))
        out[side] = {"x": x, "y": y, "effect": float(cramers_v(x, y, rows, columns)),
                     "low": float(boot.confidence_interval.low), "high": float(boot.confidence_interval.high),
                     "standardError": float(boot.standard_error)}
    x = np.concatenate([pairs["focus"][0], pairs["reference"][0]])
    y = np.concatenate([pairs["focus"][1], pairs["reference"][1]])

    def statistic(f, r):
        return abs(cramers_v(x[f], y[f], rows, columns) - cramers_v(x[r], y[r], rows, columns))

    perm = stats.permutation_test((np.arange(n_f), np.arange(n_f, n_f + n_r)), statistic,
                                  permutation_type="independent", alternative="greater",
                                  n_resamples=RESAMPLES, vectorized=False, rng=np.random.default_rng(seed + 2))
    out["difference"] = {"statistic": float(perm.statistic), "p": float(perm.pvalue), "permutations": RESAMPLES}
    return out


def encode(value):
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, np.ndarray):
        return encode(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


def main():
    reference = {
        "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": np.__version__},
        "resamples": RESAMPLES,
        "spearman": [
            spearman_case("rho 0.6 here, 0.2 elsewhere", 101, 150, 0.7, 200, 0.2),
            spearman_case("the same rho on both sides", 102, 120, 0.5, 90, 0.5),
            spearman_case("opposite directions", 103, 80, 0.6, 60, -0.6),
            spearman_case("near zero, small samples", 104, 12, 0.0, 15, 0.1),
        ],
        "rankBiserial": [
            slider_groups_case("two groups: larger here", 201, rank_biserial, (35, 65), (48, 55), (60, 70), (80, 90)),
            slider_groups_case("two groups: the same", 202, rank_biserial, (40, 60), (40, 60), (50, 45), (55, 65)),
        ],
        "epsilonSquared": [
            slider_groups_case("three groups: larger here", 301, epsilon_squared, (30, 50, 70), (45, 50, 55),
                               (40, 45, 50), (50, 55, 45)),
        ],
        "cramersV": [
            cramers_case("3 x 3: associated here only", 401, 150, 0.5, 180, 0.0),
            cramers_case("3 x 3: the same", 402, 160, 0.35, 140, 0.35),
        ],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(encode(reference), indent=1, allow_nan=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
