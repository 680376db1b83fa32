#!/usr/bin/env python3
"""Golden values for the monitoring intervals (Java: nl.vertelpunt.monitor.Intervals), computed with SciPy.

Run from the repository root:

    python3 src/test/python/reference_monitoring.py

It writes src/test/resources/monitoring/reference.json. The output is deterministic (literal inputs and a numpy
generator with a fixed seed, no timestamps).

- "wilson": for each (hits, n) the share hits/n and its 95% interval from
  scipy.stats.binomtest(hits, n).proportion_ci(confidence_level=0.95, method='wilson').
- "median": for each list of slider answers (0..100) numpy.median, and the exact distribution-free 95% interval of
  the order statistics [x(r), x(n+1-r)] (1-based ranks of the sorted answers), where r - 1 is the largest j with
  scipy.stats.binom.cdf(j, n, 0.5) <= 0.025 (found from scipy.stats.binom.ppf); its exact coverage is
  1 - 2 * binom.cdf(r - 1, n, 0.5). Below n = 6 no such j exists: the interval is then [min, max] with coverage
  1 - 2 * 0.5**n. The script checks the coverage by summing binom.pmf over the ranks the interval spans.

The Java test (MonitorReferenceTest) compares with an absolute tolerance of 1e-12 for shares and interval bounds of
shares, exact equality for medians and order statistics (whole numbers or halves), and 1e-12 for coverage.
"""
import json
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

OUT = Path(__file__).resolve().parents[1] / "resources" / "monitoring" / "reference.json"


def wilson_case(hits, n):
    ci = stats.binomtest(hits, n).proportion_ci(confidence_level=0.95, method="wilson")
    return {"hits": hits, "n": n, "share": hits / n, "low": float(ci.low), "high": float(ci.high)}


def lower_rank(n):
    """The largest j with P(B <= j) <= 0.025 for B ~ Bin(n, 1/2), or -1."""
    j = int(stats.binom.ppf(0.025, n, 0.5))
    if stats.binom.cdf(j, n, 0.5) > 0.025:
        j -= 1
    assert j < 0 or stats.binom.cdf(j, n, 0.5) <= 0.025
    assert stats.binom.cdf(j + 1, n, 0.5) > 0.025
    return j


def median_case(name, values):
    x = np.sort(np.asarray(values, dtype=int))
    n = len(x)
    j = lower_rank(n)
    r = max(1, j + 1)
    s = n + 1 - r
    if j < 0:
        coverage = 1 - 2 * 0.5 ** n
    else:
        coverage = 1 - 2 * stats.binom.cdf(j, n, 0.5)
    # coverage is P(r <= B <= s - 1): the number of answers below the true median lies between the ranks
    spanned = float(np.sum(stats.binom.pmf(np.arange(r, s), n, 0.5)))
    assert abs(spanned - coverage) < 1e-12, (name, spanned, coverage)
    assert n < 6 or coverage >= 0.95
    return {
        "name": name,
        "values": [int(v) for v in values],
        "median": float(np.median(x)),
        "lowRank": r,
        "highRank": s,
        "low": int(x[r - 1]),
        "high": int(x[s - 1]),
        "coverage": float(coverage),
    }


def main():
    wilson = [
        wilson_case(h, n)
        for h, n in [
            (0, 1), (1, 1), (0, 5), (5, 5), (1, 5), (2, 5), (3, 10), (7, 10), (0, 20), (20, 20), (1, 20),
            (13, 37), (50, 100), (1, 100), (99, 100), (314, 1000), (7, 1000), (500, 1001), (12345, 100000),
            (99999, 100000),
        ]
    ]
    rng = np.random.default_rng(20261207)
    median = [
        median_case("one answer", [42]),
        median_case("five answers (below six: the range)", [10, 90, 50, 0, 100]),
        median_case("six answers, even", [3, 70, 70, 12, 99, 50]),
        median_case("seven answers with ties", [50, 50, 50, 0, 100, 50, 49]),
        median_case("all the same", [70] * 25),
        median_case("heaped at 0, 50, 100", [0] * 11 + [50] * 17 + [100] * 9 + [23, 77, 81]),
    ]
    for n in [8, 9, 10, 17, 20, 39, 40, 71, 100, 250, 1000, 4321]:
        values = rng.integers(0, 101, size=n)
        median.append(median_case("uniform, n = %d" % n, values.tolist()))
    skewed = np.clip(np.round(rng.beta(5, 2, size=333) * 100), 0, 100).astype(int)
    median.append(median_case("skewed to the right pole, n = 333", skewed.tolist()))
    out = {
        "generator": "src/test/python/reference_monitoring.py",
        "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": np.__version__},
        "wilson": wilson,
        "median": median,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
