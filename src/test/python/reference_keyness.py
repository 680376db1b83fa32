#!/usr/bin/env python3
"""Golden values for keyness (Java: nl.vertelpunt.evaluation.stats.Keyness and the BH family of KeywordService),
computed with numpy and SciPy.

Run from the repository root:

    python3 src/test/python/reference_keyness.py

It writes src/test/resources/keywords/reference.json. The output is deterministic (literal tables and a numpy
generator with a fixed seed, no timestamps).

For each 2x2 table of stories (a of nF focus stories use the word, b of nR reference stories):
- "g2": scipy.stats.power_divergence(observed, expected, lambda_="log-likelihood", ddof=2) over the four cells
  [a, nF - a, b, nR - b], with expected = scipy.stats.contingency.expected_freq of the 2x2 table; ddof=2 leaves
  4 - 1 - 2 = 1 degree of freedom, so its p is chi2.sf(G2, 1) (the script asserts this);
- "p": that p;
- "logRatio": log2(((a + 0.5) / (nF + 1)) / ((b + 0.5) / (nR + 1))), computed with numpy.
"family" holds a list of tables and their Benjamini-Hochberg q values, scipy.stats.false_discovery_control(p,
method="bh").

The Java test (KeynessReferenceTest) compares G2 and the log ratio with a relative tolerance of 1e-9 (absolute 1e-12
near 0), p and q with a relative tolerance of 1e-9.
"""
import json
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import stats
from scipy.stats.contingency import expected_freq

OUT = Path(__file__).resolve().parents[1] / "resources" / "keywords" / "reference.json"


def case(a, nf, b, nr):
    table = np.array([[a, nf - a], [b, nr - b]], dtype=float)
    expected = expected_freq(table)
    g2, p = stats.power_divergence(table.ravel(), expected.ravel(), ddof=2, lambda_="log-likelihood")
    assert abs(stats.chi2.sf(g2, 1) - p) <= 1e-12 * max(p, 1e-300)
    log_ratio = np.log2(((a + 0.5) / (nf + 1)) / ((b + 0.5) / (nr + 1)))
    return {"a": a, "nF": nf, "b": b, "nR": nr, "g2": float(g2), "p": float(p), "logRatio": float(log_ratio)}


def main():
    literal = [
        (10, 100, 10, 100),  # equal shares: G2 = 0, p = 1, log ratio 0
        (0, 50, 20, 200),  # absent from the focus
        (30, 30, 5, 500),  # in every focus story
        (1, 10, 0, 10),
        (5, 20, 5, 80),
        (12, 40, 30, 400),
        (250, 1000, 2000, 99000),  # a strong word at 100,000 stories
        (400, 50000, 390, 50000),
        (7, 7, 0, 7),
        (3, 1000, 40, 1000),
    ]
    cases = [case(*t) for t in literal]
    rng = np.random.default_rng(18)
    family = []
    for _ in range(40):
        nf = int(rng.integers(5, 2000))
        nr = int(rng.integers(5, 20000))
        a = int(rng.integers(0, nf + 1))
        b = int(rng.integers(0, nr + 1))
        family.append(case(a, nf, b, nr))
    for _ in range(10):  # words of similar use in both groups, to give BH some large p values
        nf = int(rng.integers(100, 1000))
        nr = int(rng.integers(100, 1000))
        share = float(rng.uniform(0.05, 0.5))
        family.append(case(int(rng.binomial(nf, share)), nf, int(rng.binomial(nr, share)), nr))
    q = stats.false_discovery_control([c["p"] for c in family], method="bh")
    for c, qv in zip(family, q):
        c["q"] = float(qv)
    doc = {
        "versions": {"python": platform.python_version(), "scipy": scipy.__version__, "numpy": np.__version__},
        "cases": cases,
        "family": family,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
