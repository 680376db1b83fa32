#!/usr/bin/env python3
"""Golden values for the Java package nl.vertelpunt.evaluation.stats, computed with SciPy.

Run from the repository root:

    python3 src/test/python/reference_stats.py

It writes src/test/resources/stats/reference.json. The output is deterministic (literal inputs and numpy
generators with fixed seeds, no timestamps), so regenerating with the same SciPy and numpy gives the same file.

Every case has
  "input"      the values given to the Java code,
  "scipy"      the raw outputs of the SciPy function that is the reference, under the same names as the
               Java result components,
  "expected"   what the Java code must return: SciPy's outputs, plus effect sizes and other quantities that
               SciPy does not report, computed below from SciPy's outputs with the formulas written out,
  "deviations" for each quantity where "expected" differs from "scipy" on purpose, the reason.
The Java tests compare the Java results with "expected" (relative tolerance 1e-9, absolute 1e-12 near
zero) and check that "expected" and "scipy" differ only in the quantities listed under "deviations".

Non-finite numbers are written as the strings "NaN", "Infinity" and "-Infinity" (JSON has no literal for
them).
"""
import json
import math
import platform
import warnings
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

OUT = Path(__file__).resolve().parents[1] / "resources" / "stats" / "reference.json"

# SciPy warns about NaN results of degenerate cases (empty groups, zero variance); those NaNs are the point.
warnings.simplefilter("ignore", RuntimeWarning)
warnings.simplefilter("ignore", UserWarning)
warnings.simplefilter("ignore", getattr(stats, "SmallSampleWarning", UserWarning))
warnings.simplefilter("ignore", getattr(stats, "ConstantInputWarning", UserWarning))


# --------------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------------

def encode(value):
    """Plain JSON: numpy scalars and arrays to Python, non-finite floats to strings."""
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, np.ndarray):
        return encode(value.tolist())
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    return value


def to_json(value, indent=""):
    """JSON with objects on separate lines and lists of numbers on one line, so that diffs stay readable."""
    inner = indent + " "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k)}: {to_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + to_json(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, allow_nan=False)


def floats(values):
    return [float(v) for v in values]


def close(a, b, rel=1e-12, abs_=1e-300):
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b or abs(a - b) <= max(rel * abs(b), abs_)


def tie_term(values):
    """sum(t^3 - t) over groups of t equal values (the tie term of Mann-Whitney and Kruskal-Wallis)."""
    if len(values) == 0:
        return 0.0
    _, counts = np.unique(np.asarray(values, dtype=float), return_counts=True)
    counts = counts.astype(float)
    return float(np.sum(counts ** 3 - counts))


def heaped_slider(rng, n, centre):
    """Slider answers 0..100 as people give them: about half heaped at 0, 50 or 100, the rest spread
    around `centre`, rounded to integers."""
    heap = rng.random(n) < 0.5
    heap_choice = rng.choice([0.0, 50.0, 100.0], size=n, p=[(100 - centre) / 200, 0.5, centre / 200])
    spread = np.clip(np.rint(rng.normal(centre, 25, size=n)), 0, 100)
    return np.where(heap, heap_choice, spread)


# --------------------------------------------------------------------------------------------------------
# multiple testing: Holm by hand (SciPy has no Holm); BH from SciPy
# --------------------------------------------------------------------------------------------------------

def holm(p):
    """Holm's step-down adjustment exactly as R's p.adjust(p, "holm"):

        i <- seq_len(lp); o <- order(p); ro <- order(o)
        pmin(1, cummax((n - i + 1L) * p[o]))[ro]

    with n = lp = the number of non-NA p-values; NA stays NA. With the p-values sorted ascending,
    p~_(i) = max_{j <= i} min(1, (m - j + 1) p_(j)) for i = 1..m.
    """
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    keep = ~np.isnan(p)
    q = p[keep]
    m = len(q)
    if m == 0:
        return out
    order = np.argsort(q, kind="stable")
    adjusted_sorted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * q[order]))
    adjusted = np.empty(m)
    adjusted[order] = adjusted_sorted
    out[keep] = adjusted
    return out


# A check of holm() against a hand calculation: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 is
# 0.02, 0.03, 0.06, 0.04; the running maximum makes the last 0.06; back in input order:
assert np.allclose(holm([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02], rtol=1e-15, atol=0)


def bh(p):
    """scipy.stats.false_discovery_control(p, method='bh') on the non-NaN entries; NaN entries (tests that
    could not be done) are left out of the family and stay NaN. SciPy itself rejects NaN."""
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    keep = ~np.isnan(p)
    if keep.any():
        out[keep] = stats.false_discovery_control(p[keep], method="bh")
    return out


# --------------------------------------------------------------------------------------------------------
# ranks: scipy.stats.rankdata(method='average'), scipy.stats.tiecorrect
# --------------------------------------------------------------------------------------------------------

def rank_case(name, values, subsets=()):
    values = np.asarray(values, dtype=float)
    ranks = stats.rankdata(values, method="average")
    n = len(values)
    term = tie_term(values)
    if n > 1:
        # tiecorrect = 1 - sum(t^3 - t)/(n^3 - n): checks the tie term against SciPy's own.
        assert close(1 - term / (n ** 3 - n), stats.tiecorrect(ranks), rel=1e-14, abs_=1e-15)
    subset_cases = []
    for indices in subsets:
        sub = values[list(indices)]
        subset_cases.append({
            "indices": list(indices),
            "expected": {"ranks": stats.rankdata(sub, method="average") if len(sub) else [],
                         "tieTerm": tie_term(sub)},
        })
    return {
        "name": name,
        "input": {"values": floats(values)},
        "scipy": {"ranks": ranks},
        "expected": {"ranks": ranks, "tieTerm": term},
        "deviations": {},
        "subsets": subset_cases,
    }


def rank_cases():
    rng = np.random.default_rng(20240501)
    heaped = heaped_slider(rng, 60, 55)
    return [
        rank_case("no ties", [3.5, 1.0, 2.0, 10.0, -4.0], subsets=[[0, 2, 4], [4, 3]]),
        rank_case("heaped slider answers", [0, 50, 100, 50, 0, 0, 100, 50, 50, 73],
                  subsets=[[0, 1, 2, 3], [9, 8, 7, 6, 5], [4, 5], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], []]),
        rank_case("all values identical", [7, 7, 7, 7], subsets=[[3, 1]]),
        rank_case("single value", [42], subsets=[[0]]),
        rank_case("negative zero ties with zero", [-0.0, 0.0, 1.0, -1.0, 0.0]),
        rank_case("heaped slider n=60", heaped,
                  subsets=[list(range(0, 60, 2)), list(range(59, 0, -3)), list(range(10))]),
    ]


# --------------------------------------------------------------------------------------------------------
# descriptives: numpy mean/median/std(ddof=1)/min/max/histogram, scipy.stats.mode/skew/kurtosis
# --------------------------------------------------------------------------------------------------------

def descriptive_case(name, values):
    x = np.asarray(values, dtype=float)
    n = len(x)
    histogram, _ = np.histogram(x, bins=10, range=(0, 100))
    got = {
        "n": n,
        "mean": np.mean(x),
        "median": np.median(x),
        "mode": stats.mode(x, keepdims=False).mode,  # the smallest of equally frequent values
        "standardDeviation": np.std(x, ddof=1),
        "skewness": stats.skew(x, bias=False),
        "kurtosis": stats.kurtosis(x, fisher=True, bias=False),
        "min": np.min(x),
        "max": np.max(x),
        "histogram": histogram,
    }
    expected = dict(got)
    deviations = {}
    if n < 3 and not math.isnan(got["skewness"]):
        expected["skewness"] = math.nan
        deviations["skewness"] = ("the bias-corrected skewness needs n >= 3; for n < 3 SciPy silently returns "
                                  "the biased estimate")
    if n < 4 and not math.isnan(got["kurtosis"]):
        expected["kurtosis"] = math.nan
        deviations["kurtosis"] = ("the bias-corrected kurtosis needs n >= 4; for n < 4 SciPy silently returns "
                                  "the biased estimate")
    return {"name": name, "input": {"values": floats(x)}, "scipy": got, "expected": expected,
            "deviations": deviations}


def descriptive_cases():
    rng = np.random.default_rng(20240502)
    return [
        descriptive_case("heaped slider n=200", heaped_slider(rng, 200, 40)),
        descriptive_case("spread slider n=1000", np.rint(rng.uniform(0, 100, size=1000))),
        descriptive_case("n=4, the minimum for kurtosis", [10, 20, 20, 90]),
        descriptive_case("n=3, kurtosis undefined", [0, 50, 80]),
        descriptive_case("n=2, skewness and kurtosis undefined", [30, 70]),
        descriptive_case("n=1", [55]),
        descriptive_case("all values identical", [50, 50, 50, 50, 50, 50]),
        descriptive_case("values on bin edges", [0, 9.5, 10, 19.999, 20, 30, 40, 50, 60, 70, 80, 89.99, 90,
                                                 99.5, 100, 100]),
        descriptive_case("mode tie takes the smallest", [80, 20, 20, 80, 50]),
        descriptive_case("heaped at both extremes", [0] * 5 + [100] * 5 + [50] * 2),
    ]


# --------------------------------------------------------------------------------------------------------
# Mann-Whitney: scipy.stats.mannwhitneyu(x, y, use_continuity=True, alternative='two-sided',
#               method='asymptotic')
# --------------------------------------------------------------------------------------------------------

def mann_whitney_expected(x, y):
    """SciPy's U and p, plus z and the rank-biserial correlation from the formulas:

        mu    = n1 n2 / 2
        sigma = sqrt(n1 n2 / 12 * ((n + 1) - T / (n (n - 1))))      T = sum(t^3 - t), as SciPy's _get_mwu_z
        z     = sign(U1 - mu) * max(|U1 - mu| - 1/2, 0) / sigma    (signed; continuity correction towards 0)
        r     = 2 U1 / (n1 n2) - 1                                 (rank-biserial; > 0: x tends to be larger)
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    res = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="asymptotic")
    got = {"u": res.statistic, "pValue": res.pvalue}
    n1, n2 = len(x), len(y)
    deviations = {}
    if n1 == 0 or n2 == 0:
        expected = {"n1": n1, "n2": n2, "u": math.nan, "z": math.nan, "pValue": math.nan,
                    "rankBiserial": math.nan}
        return got, expected, deviations
    u1 = float(res.statistic)
    n = n1 + n2
    mu = n1 * n2 / 2
    variance = n1 * n2 / 12 * ((n + 1) - tie_term(np.concatenate([x, y])) / (n * (n - 1)))
    rank_biserial = 2 * u1 / (n1 * n2) - 1
    if len(np.unique(np.concatenate([x, y]))) == 1:
        z = p = math.nan
        deviations["pValue"] = ("all values are tied, so sigma = 0 and the normal approximation is undefined; "
                                "SciPy divides by zero and clips p to 1")
    else:
        deviation = u1 - mu
        z = math.copysign(max(abs(deviation) - 0.5, 0.0), deviation) / math.sqrt(variance)
        p = float(res.pvalue)
        # z is the quantity SciPy's p comes from:
        assert close(min(1.0, 2 * stats.norm.sf(abs(z))), p, rel=1e-13), (x, y)
    expected = {"n1": n1, "n2": n2, "u": u1, "z": z, "pValue": p, "rankBiserial": rank_biserial}
    return got, expected, deviations


def mann_whitney_case(name, x, y):
    got, expected, deviations = mann_whitney_expected(x, y)
    return {"name": name, "input": {"x": floats(x), "y": floats(y)}, "scipy": got, "expected": expected,
            "deviations": deviations}


def mann_whitney_cases():
    rng = np.random.default_rng(20240503)
    large = mann_whitney_case("large heaped sliders 2 x 5000", heaped_slider(rng, 5000, 44),
                              heaped_slider(rng, 5000, 52))
    assert 0 < large["expected"]["pValue"] < 1e-10, large["expected"]["pValue"]
    return [
        mann_whitney_case("heaped sliders, unequal sizes 40 and 25", heaped_slider(rng, 40, 60),
                          heaped_slider(rng, 25, 40)),
        mann_whitney_case("n=2 and n=3 with a tie", [10, 50], [50, 80, 100]),
        mann_whitney_case("n=3 and n=3 without ties", [12, 47, 88], [3, 30, 61]),
        mann_whitney_case("a group with a single value", [70], [10, 20, 50, 50, 90]),
        mann_whitney_case("one value against one value", [20], [80]),
        mann_whitney_case("rank sums at the null expectation", [1, 4], [2, 3]),
        mann_whitney_case("all values identical", [50, 50, 50], [50, 50]),
        mann_whitney_case("complete separation with ties", [0, 0, 0, 10], [90, 100, 100, 100, 100]),
        mann_whitney_case("only the extremes 0 and 100", [0] * 30 + [100] * 10, [0] * 12 + [100] * 25),
        mann_whitney_case("an empty group", [], [10, 20, 30]),
        large,
    ]


# --------------------------------------------------------------------------------------------------------
# Kruskal-Wallis: scipy.stats.kruskal; pairwise Mann-Whitney as above with Holm by hand
# --------------------------------------------------------------------------------------------------------

def kruskal_case(name, groups):
    groups = [np.asarray(g, dtype=float) for g in groups]
    res = stats.kruskal(*groups)
    n = sum(len(g) for g in groups)
    h = float(res.statistic)
    # epsilon-squared (Tomczak & Tomczak 2014): E^2_R = H / ((n^2 - 1) / (n + 1))
    epsilon_squared = h / ((n ** 2 - 1) / (n + 1))
    got = {"h": h, "pValue": res.pvalue}
    expected = {"groups": len(groups), "n": n, "h": h, "degreesOfFreedom": len(groups) - 1,
                "pValue": res.pvalue, "epsilonSquared": epsilon_squared}
    pairs = []
    for first in range(len(groups)):
        for second in range(first + 1, len(groups)):
            pair_got, pair_expected, pair_deviations = mann_whitney_expected(groups[first], groups[second])
            pairs.append({"first": first, "second": second, "scipy": pair_got, "expected": pair_expected,
                          "deviations": pair_deviations})
    # Holm over the family of pairs whose p-value is defined (see holm()).
    adjusted = holm([pair["expected"]["pValue"] for pair in pairs])
    for pair, holm_p in zip(pairs, adjusted):
        pair["expected"]["holmPValue"] = holm_p
    return {"name": name, "input": {"groups": [floats(g) for g in groups]}, "scipy": got, "expected": expected,
            "deviations": {}, "pairwise": pairs}


def kruskal_cases():
    rng = np.random.default_rng(20240504)
    large = kruskal_case("large heaped sliders 3 x 3000", [heaped_slider(rng, 3000, c) for c in (45, 50, 56)])
    assert 0 < large["expected"]["pValue"] < 1e-10, large["expected"]["pValue"]
    return [
        kruskal_case("three heaped groups of 30, 12 and 7",
                     [heaped_slider(rng, 30, 50), heaped_slider(rng, 12, 65), heaped_slider(rng, 7, 30)]),
        kruskal_case("five heaped groups of unequal sizes",
                     [heaped_slider(rng, k, c) for k, c in ((15, 50), (40, 55), (8, 35), (22, 60), (3, 50))]),
        kruskal_case("small groups of 2, 3 and 2", [[10, 50], [50, 80, 100], [0, 20]]),
        kruskal_case("a group with a single value", [[55], [10, 20, 30, 40], [60, 70, 80, 90, 100]]),
        kruskal_case("two groups", [[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]),
        kruskal_case("all values identical", [[50, 50], [50], [50, 50, 50]]),
        kruskal_case("two groups identical, one different", [[50, 50, 50], [50, 50], [10, 20, 30]]),
        kruskal_case("an empty group", [[1, 2, 3], [], [4, 5, 6]]),
        large,
    ]


# --------------------------------------------------------------------------------------------------------
# chi-square: scipy.stats.chi2_contingency(kept, correction=False),
#             scipy.stats.contingency.association(kept, method='cramer')
# --------------------------------------------------------------------------------------------------------

def chi_square_case(name, table):
    table = np.asarray(table, dtype=np.int64)
    rows = [i for i in range(table.shape[0]) if table[i].sum() > 0]
    columns = [j for j in range(table.shape[1]) if table[:, j].sum() > 0]
    kept = table[np.ix_(rows, columns)]  # SciPy fails on zero margins: drop empty rows and columns first
    res = stats.contingency.chi2_contingency(kept, correction=False)
    got = {"statistic": res.statistic, "pValue": res.pvalue, "degreesOfFreedom": res.dof,
           "expected": res.expected_freq}
    r, c = kept.shape
    if r >= 2 and c >= 2:
        got["cramersV"] = stats.contingency.association(kept, method="cramer", correction=False)

    observed = kept.astype(float)
    expected_counts = res.expected_freq
    n = observed.sum()
    row_totals = observed.sum(axis=1, keepdims=True)
    column_totals = observed.sum(axis=0, keepdims=True)
    # adjusted standardized residual (Haberman 1973): (O - E) / sqrt(E (1 - row/n) (1 - col/n))
    adjusted = (observed - expected_counts) / np.sqrt(expected_counts * (1 - row_totals / n)
                                                      * (1 - column_totals / n))
    share = float(np.mean(expected_counts < 5))
    deviations = {}
    if r >= 2 and c >= 2:
        statistic = float(res.statistic)
        p = float(res.pvalue)
        # Cramer's V = sqrt(chi2 / (n (min(r, c) - 1)))
        cramers_v = math.sqrt(statistic / (n * (min(r, c) - 1)))
    else:
        statistic = p = cramers_v = math.nan
        deviations["statistic"] = "fewer than two non-empty rows or columns: no test; SciPy returns 0"
        deviations["pValue"] = "fewer than two non-empty rows or columns: no test; SciPy returns 1"
    expected = {"rows": rows, "columns": columns, "n": int(n), "statistic": statistic,
                "degreesOfFreedom": res.dof, "pValue": p, "cramersV": cramers_v, "expected": expected_counts,
                "adjustedResiduals": adjusted, "shareExpectedBelowFive": share,
                "expectedBelowFiveWarning": share > 0.2}
    return {"name": name, "input": {"table": table.tolist()}, "scipy": got, "expected": expected,
            "deviations": deviations}


def chi_square_cases():
    large = chi_square_case("2x2 with large counts", [[1500, 900], [700, 1300]])
    assert 0 < large["expected"]["pValue"] < 1e-10
    return [
        chi_square_case("2x2 with small expected counts", [[12, 2], [3, 5]]),
        large,
        chi_square_case("5x4 with an all-zero row and small cells",
                        [[20, 15, 3, 0], [0, 0, 0, 0], [8, 12, 6, 2], [4, 2, 9, 1], [1, 0, 2, 7]]),
        chi_square_case("5x4 with an all-zero column",
                        [[10, 0, 5, 7], [3, 0, 8, 2], [6, 0, 6, 6], [12, 0, 1, 4], [2, 0, 9, 3]]),
        chi_square_case("3x3 with moderate counts", [[25, 10, 5], [12, 30, 8], [6, 9, 28]]),
        chi_square_case("2x5 answers by role", [[40, 55, 60, 30, 15], [10, 12, 30, 35, 28]]),
        chi_square_case("a single non-empty row", [[0, 0, 0], [3, 4, 5]]),
    ]


# --------------------------------------------------------------------------------------------------------
# Spearman: scipy.stats.spearmanr
# --------------------------------------------------------------------------------------------------------

def spearman_case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    res = stats.spearmanr(x, y)
    got = {"rho": res.statistic, "pValue": res.pvalue}
    n = len(x)
    rx = stats.rankdata(x)
    ry = stats.rankdata(y)
    deviations = {}
    if n < 10:
        outcome, rho, t, p = "TOO_FEW_PAIRS", math.nan, math.nan, math.nan
        deviations["rho"] = "not computed for fewer than 10 pairs"
        deviations["pValue"] = "not computed for fewer than 10 pairs"
    elif np.all(rx == rx[0]) or np.all(ry == ry[0]):
        outcome, rho, t, p = "NO_VARIATION", math.nan, math.nan, math.nan
    elif np.array_equal(rx, ry) or np.array_equal(rx, n + 1 - ry):
        # identical or exactly reversed rankings: rho = +-1 exactly and p = 0. SciPy's corrcoef rounds rho to
        # e.g. 0.9999999999999999 and then reports a tiny positive p.
        rho = 1.0 if np.array_equal(rx, ry) else -1.0
        outcome, t, p = "COMPUTED", math.copysign(math.inf, rho), 0.0
        if float(res.pvalue) != 0.0:
            deviations["pValue"] = "rho is exactly +-1, so p = 0; SciPy's rho is rounded off 1 and its p is not 0"
    else:
        outcome = "COMPUTED"
        rho = float(res.statistic)
        p = float(res.pvalue)
        # t = rho sqrt((n - 2) / (1 - rho^2)), written as SciPy does with (1 + rho)(1 - rho)
        t = rho * math.sqrt((n - 2) / ((1 + rho) * (1 - rho)))
        assert close(2 * stats.t.sf(abs(t), n - 2), p, rel=1e-12), name
    expected = {"n": n, "rho": rho, "t": t, "pValue": p, "outcome": outcome}
    return {"name": name, "input": {"x": floats(x), "y": floats(y)}, "scipy": got, "expected": expected,
            "deviations": deviations}


def spearman_cases():
    rng = np.random.default_rng(20240505)
    x10 = [0, 50, 50, 100, 20, 50, 80, 100, 0, 30]
    y10 = [10, 40, 60, 90, 20, 50, 50, 100, 0, 50]
    x30 = heaped_slider(rng, 30, 50)
    y30 = np.clip(np.rint(0.5 * x30 + rng.normal(25, 20, size=30)), 0, 100)
    x_large = heaped_slider(rng, 2000, 50)
    y_large = np.clip(np.rint(0.3 * x_large + rng.normal(35, 25, size=2000)), 0, 100)
    x_tied = [0, 0, 50, 50, 50, 100, 20, 20, 70, 100]
    large = spearman_case("large n=2000", x_large, y_large)
    assert 0 < large["expected"]["pValue"] < 1e-10
    return [
        spearman_case("n=10 with ties", x10, y10),
        spearman_case("n=9 is refused", x10[:9], y10[:9]),
        spearman_case("heaped sliders n=30", x30, y30),
        spearman_case("perfect positive n=12", list(range(12)), [2 * v + 1 for v in range(12)]),
        spearman_case("perfect positive n=10, where SciPy rounds rho", list(range(10)), list(range(10))),
        spearman_case("perfect negative with ties n=10", x_tied, [100 - v for v in x_tied]),
        spearman_case("constant x", [50] * 12, list(range(12))),
        spearman_case("uncorrelated n=50", rng.permutation(50), rng.permutation(50)),
        large,
    ]


# --------------------------------------------------------------------------------------------------------
# multiple testing: scipy.stats.false_discovery_control(p, method='bh'); Holm by hand (see holm())
# --------------------------------------------------------------------------------------------------------

def adjustment_case(name, p):
    p = np.asarray(p, dtype=float)
    q = bh(p)
    return {"name": name, "input": {"pValues": p}, "scipy": {"benjaminiHochberg": q},
            "expected": {"benjaminiHochberg": q, "holm": holm(p)}, "deviations": {}}


def adjustment_cases():
    rng = np.random.default_rng(20240506)
    many = rng.uniform(0, 1, size=50)
    many[:8] = [1e-12, 3e-9, 2e-6, 1e-4, 1e-4, 0.001, 0.002, 0.01]
    rng.shuffle(many)
    return [
        adjustment_case("NaN entries and exact ties", [0.01, math.nan, 0.04, 0.03, 0.04, math.nan, 0.005, 0.5,
                                                       1.0, 0.04]),
        adjustment_case("the hand-checked Holm example", [0.01, 0.04, 0.03, 0.005]),
        adjustment_case("a single p-value", [0.03]),
        adjustment_case("only NaN", [math.nan, math.nan]),
        adjustment_case("an empty family", []),
        adjustment_case("zeros and ones", [0.0, 1.0, 0.0, 0.2]),
        adjustment_case("50 p-values with some tiny ones", many),
    ]


# --------------------------------------------------------------------------------------------------------
# tail probabilities: scipy.stats.chi2.sf, scipy.stats.norm.sf, scipy.stats.t.sf
# --------------------------------------------------------------------------------------------------------

def tail_cases():
    chi_square = [{"x": x, "df": df, "p": stats.chi2.sf(x, df)}
                  for x, df in ((0.5, 4), (3.841458820694124, 1), (12.0, 30), (50.0, 1), (90.0, 3),
                                (300.0, 12), (1000.0, 20), (55.0, 2))]
    normal = [{"z": z, "p": min(1.0, 2 * stats.norm.sf(abs(z)))}
              for z in (0.0, 0.5, -1.959963984540054, 7.0, -12.0, 30.0)]
    # two-sided p of a correlation r on df degrees of freedom: t = r sqrt(df / ((1 + r)(1 - r)))
    correlation = [{"r": r, "df": df,
                    "p": 2 * stats.t.sf(abs(r) * math.sqrt(df / ((1 + r) * (1 - r))), df)}
                   for r, df in ((0.1, 8), (0.5, 48), (0.9, 18), (-0.7, 30), (0.3, 1998), (0.99, 98),
                                 (0.999, 8))]
    assert min(c["p"] for c in chi_square) < 1e-12 and min(c["p"] for c in correlation) < 1e-12
    return {"chiSquare": chi_square, "normal": normal, "correlation": correlation}


def main():
    reference = {
        "generator": "src/test/python/reference_stats.py",
        "python": platform.python_version(),
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "ranks": rank_cases(),
        "descriptives": descriptive_cases(),
        "mannWhitney": mann_whitney_cases(),
        "kruskalWallis": kruskal_cases(),
        "chiSquare": chi_square_cases(),
        "spearman": spearman_cases(),
        "adjustment": adjustment_cases(),
        "tails": tail_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(to_json(encode(reference)))
        out.write("\n")
    print(f"wrote {OUT} with scipy {scipy.__version__}, numpy {np.__version__}")


if __name__ == "__main__":
    main()
