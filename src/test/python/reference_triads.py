#!/usr/bin/env python3
"""Golden values for triads in the pattern evaluation (Java: nl.vertelpunt.evaluation.stats.Compositions,
PillaiTrace and nl.vertelpunt.evaluation.TriadZones), computed with numpy and scipy.

Run from the repository root:

    python3 src/test/python/reference_triads.py

It writes src/test/resources/triads/reference.json. The output is deterministic (literal inputs and numpy
generators with fixed seeds, no timestamps). statsmodels and R are not used (not installed); every formula is
written out here with numpy, and the p-values come from scipy.stats.f.

- "zones": the zone of a triad answer (a, b, c), whole percentages summing to 100, for a corner share T and an edge
  share E (T > 50, T + 2E <= 100): the corner of a share >= T; else, when a share is < E, the edge between the other
  two corners; else the centre. Cases on and around every boundary, at (60, 20) and (70, 15) and (51, 0).
- "compositions": multiplicative zero replacement (Martin-Fernandez, Barcelo-Vidal & Pawlowsky-Glahn 2003) with
  delta = 0.65 x the detection limit of 1 percentage point (0.0065 of the whole): every zero part becomes delta, every
  other part x is scaled to x (1 - zeros x delta), so the parts still sum to 1 and the ratios of the non-zero parts
  stay as they were; then the isometric log-ratio coordinates of the balance basis (Egozcue et al. 2003)
      z1 = sqrt(1/2) ln(x1 / x2),   z2 = sqrt(2/3) ln(sqrt(x1 x2) / x3).
- "manova": per case the groups of triad answers; per group the closed geometric mean (exp of the mean log of each
  replaced part, closed to 100) in percent; one-way MANOVA on (z1, z2): H = sum_j n_j (m_j - m)(m_j - m)^T,
  E = sum_j sum_i (y_ij - m_j)(y_ij - m_j)^T, Pillai's trace V = tr(H (H + E)^-1) (checked against
  sum(l / (1 + l)) over the eigenvalues l of E^-1 H), and its F approximation (as in R's summary.manova, SAS, SPSS):
      p = 2 coordinates, q = g - 1, v = N - g, s = min(p, q), m = (|p - q| - 1) / 2, n = (v - p - 1) / 2,
      F = (2n + s + 1) / (2m + s + 1) x V / (s - V) on df1 = s (2m + s + 1) and df2 = s (2n + s + 1),
      p-value = scipy.stats.f.sf(F, df1, df2), partial eta squared = V / s.
- "plastic": the formula cross-checked on a published example (below), with the E and H matrices so that the Java
  code can be checked on it too.

The Java test (TriadReferenceTest) compares zones exactly, replaced parts, ILR coordinates, geometric means, V, F and
partial eta squared with a relative tolerance of 1e-9 (absolute 1e-12 near zero), the degrees of freedom exactly and
p-values with a relative tolerance of 1e-9.
"""
import json
import math
import platform
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

OUT = Path(__file__).resolve().parents[1] / "resources" / "triads" / "reference.json"
DELTA = 0.65 * 0.01
ZONES = ["corner-a", "corner-b", "corner-c", "edge-ab", "edge-bc", "edge-ac", "centre"]


def zone(shares, corner, edge):
    names = "abc"
    for i in range(3):
        if shares[i] >= corner:
            return "corner-" + names[i]
    for i in range(3):
        if shares[i] < edge:
            return {0: "edge-bc", 1: "edge-ac", 2: "edge-ab"}[i]
    return "centre"


def replaced(shares):
    x = np.asarray(shares, dtype=float) / 100.0
    zeros = x == 0
    return np.where(zeros, DELTA, x * (1 - zeros.sum() * DELTA))


def ilr(x):
    x = np.asarray(x, dtype=float)
    z1 = math.sqrt(0.5) * math.log(x[0] / x[1])
    z2 = math.sqrt(2.0 / 3.0) * math.log(math.sqrt(x[0] * x[1]) / x[2])
    return np.array([z1, z2])


def pillai(e, h, q, v):
    """Pillai's trace of H against E with q hypothesis and v error degrees of freedom, and its F approximation."""
    p = e.shape[0]
    trace = float(np.trace(h @ np.linalg.inv(h + e)))
    roots = np.linalg.eigvals(np.linalg.solve(e, h)).real
    assert abs(trace - float(np.sum(roots / (1 + roots)))) < 1e-10 * max(1, abs(trace))
    s = min(p, q)
    m = (abs(p - q) - 1) / 2
    n = (v - p - 1) / 2
    df1 = s * (2 * m + s + 1)
    df2 = s * (2 * n + s + 1)
    f = (2 * n + s + 1) / (2 * m + s + 1) * trace / (s - trace)
    return trace, f, df1, df2, float(stats.f.sf(f, df1, df2)), trace / s


def one_way(groups):
    """E and H of a one-way MANOVA of the rows of each group's array."""
    allrows = np.vstack(groups)
    grand = allrows.mean(axis=0)
    p = allrows.shape[1]
    e = np.zeros((p, p))
    h = np.zeros((p, p))
    for g in groups:
        mean = g.mean(axis=0)
        d = g - mean
        e += d.T @ d
        dm = (mean - grand).reshape(-1, 1)
        h += len(g) * (dm @ dm.T)
    return e, h


def closed_geometric_mean(parts):
    g = np.exp(np.log(parts).mean(axis=0))
    return 100 * g / g.sum()


def manova_case(name, groups):
    replaced_groups = [np.array([replaced(s) for s in g]) for g in groups]
    coordinates = [np.array([ilr(x) for x in g]) for g in replaced_groups]
    e, h = one_way(coordinates)
    n_total = sum(len(g) for g in groups)
    v, f, df1, df2, p, eta = pillai(e, h, len(groups) - 1, n_total - len(groups))
    assert abs(df1 - round(df1)) < 1e-12 and abs(df2 - round(df2)) < 1e-12
    # the closed geometric mean is the inverse ILR of the mean coordinates
    for g, c in zip(replaced_groups, coordinates):
        mz = c.mean(axis=0)
        back = ilr(closed_geometric_mean(g) / 100)
        assert np.allclose(back, mz, rtol=1e-12, atol=1e-12)
    return {
        "name": name,
        "groups": [[[int(v_) for v_ in s] for s in g] for g in groups],
        "meanShares": [[float(v_) for v_ in closed_geometric_mean(g)] for g in replaced_groups],
        "pillai": v,
        "f": f,
        "df": [int(round(df1)), int(round(df2))],
        "p": p,
        "partialEtaSquared": eta,
    }


def random_triads(rng, n, alpha):
    x = rng.dirichlet(alpha, size=n) * 100
    out = []
    for row in x:
        a = int(round(row[0]))
        b = int(round(row[1]))
        if a + b > 100:
            b = 100 - a
        out.append([a, b, 100 - a - b])
    return out


def plastic():
    """Krzanowski (1998, p. 381), the example of R's ?summary.manova; Johnson & Wichern (1992), Example 6.12.
    Published (heplots' Plastic example, car::Anova, type II = type I here, the design is balanced): rate
    Pillai 0.61814, approx F 7.5543, num Df 3, den Df 14, Pr(>F) 0.003034; additive 0.47697, 4.2556, 3, 14, 0.024745
    (https://friendly.github.io/heplots/reference/Plastic.html)."""
    tear = [6.5, 6.2, 5.8, 6.5, 6.5, 6.9, 7.2, 6.9, 6.1, 6.3, 6.7, 6.6, 7.2, 7.1, 6.8, 7.1, 7.0, 7.2, 7.5, 7.6]
    gloss = [9.5, 9.9, 9.6, 9.6, 9.2, 9.1, 10.0, 9.9, 9.5, 9.4, 9.1, 9.3, 8.3, 8.4, 8.5, 9.2, 8.8, 9.7, 10.1, 9.2]
    opacity = [4.4, 6.4, 3.0, 4.1, 0.8, 5.7, 2.0, 3.9, 1.9, 5.7, 2.8, 4.1, 3.8, 1.6, 3.4, 8.4, 5.2, 6.9, 2.7, 1.9]
    y = np.column_stack([tear, gloss, opacity])
    rate = np.repeat([0, 1], 10)
    additive = np.tile(np.repeat([0, 1], 5), 2)
    grand = y.mean(axis=0)
    # error of the full two-way model: deviations from the cell means
    e = np.zeros((3, 3))
    for r in (0, 1):
        for a in (0, 1):
            cell = y[(rate == r) & (additive == a)]
            d = cell - cell.mean(axis=0)
            e += d.T @ d
    published = {"rate": (rate, 0.61814, 7.5543, 0.003034), "additive": (additive, 0.47697, 4.2556, 0.024745)}
    out = []
    for term, (factor, v_pub, f_pub, p_pub) in published.items():
        h = np.zeros((3, 3))
        for level in (0, 1):
            dm = (y[factor == level].mean(axis=0) - grand).reshape(-1, 1)
            h += 10 * (dm @ dm.T)
        v, f, df1, df2, p, eta = pillai(e, h, 1, 16)
        assert abs(v - v_pub) < 5e-6 and abs(f - f_pub) < 5e-5 and abs(p - p_pub) < 5e-7, (term, v, f, p)
        assert (df1, df2) == (3, 14)
        out.append({
            "term": term,
            "e": e.tolist(),
            "h": h.tolist(),
            "q": 1,
            "errorDf": 16,
            "pillai": v,
            "f": f,
            "df": [int(df1), int(df2)],
            "p": p,
            "partialEtaSquared": eta,
            "published": {"pillai": v_pub, "f": f_pub, "p": p_pub},
        })
    return out


def main():
    zones = []
    boundary = [
        [60, 20, 20], [59, 21, 20], [59, 20, 21], [20, 60, 20], [20, 20, 60], [59, 22, 19], [19, 59, 22],
        [22, 19, 59], [40, 40, 20], [40, 41, 19], [41, 40, 19], [19, 41, 40], [34, 33, 33], [100, 0, 0],
        [0, 100, 0], [0, 0, 100], [50, 50, 0], [0, 50, 50], [50, 0, 50], [30, 50, 20], [21, 21, 58],
        [20, 21, 59], [69, 16, 15], [70, 15, 15], [69, 17, 14], [15, 15, 70], [14, 16, 70], [50, 35, 15],
        [51, 49, 0], [50, 49, 1], [33, 34, 33],
    ]
    for corner, edge in [(60, 20), (70, 15), (51, 0)]:
        for s in boundary:
            zones.append({"shares": s, "corner": corner, "edge": edge, "zone": zone(s, corner, edge)})

    compositions = []
    for s in [[20, 30, 50], [100, 0, 0], [0, 100, 0], [0, 0, 100], [50, 50, 0], [0, 1, 99], [1, 1, 98],
              [33, 33, 34], [99, 1, 0], [10, 0, 90]]:
        x = replaced(s)
        assert abs(x.sum() - 1) < 1e-15
        compositions.append({"shares": s, "replaced": x.tolist(), "ilr": ilr(x).tolist()})

    rng = np.random.default_rng(20261218)
    manova = [
        manova_case("two groups, small, with zeros", [
            [[100, 0, 0], [60, 30, 10], [50, 25, 25], [70, 20, 10], [40, 40, 20], [80, 10, 10]],
            [[10, 30, 60], [0, 50, 50], [20, 20, 60], [30, 30, 40], [5, 15, 80], [25, 25, 50], [0, 0, 100]],
        ]),
        manova_case("three groups, no difference planted", [
            random_triads(rng, 40, [2, 2, 2]), random_triads(rng, 35, [2, 2, 2]), random_triads(rng, 50, [2, 2, 2]),
        ]),
        manova_case("three groups, a planted difference", [
            random_triads(rng, 60, [4, 2, 1]), random_triads(rng, 60, [2, 2, 2]), random_triads(rng, 60, [1, 2, 4]),
        ]),
        manova_case("five groups of unequal size, many zeros", [
            random_triads(rng, 12, [0.3, 0.3, 0.3]), random_triads(rng, 25, [0.5, 0.4, 0.3]),
            random_triads(rng, 8, [0.4, 0.4, 0.4]), random_triads(rng, 30, [0.3, 0.6, 0.3]),
            random_triads(rng, 15, [0.5, 0.5, 0.5]),
        ]),
        manova_case("two large groups, a small difference", [
            random_triads(rng, 400, [3, 3, 3]), random_triads(rng, 380, [3.4, 3, 2.7]),
        ]),
        manova_case("four groups, a very strong difference", [
            random_triads(rng, 100, [8, 1, 1]), random_triads(rng, 100, [1, 8, 1]),
            random_triads(rng, 100, [1, 1, 8]), random_triads(rng, 100, [3, 3, 3]),
        ]),
    ]

    result = {
        "generator": "src/test/python/reference_triads.py",
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "delta": DELTA,
        "zones": zones,
        "compositions": compositions,
        "manova": manova,
        "plastic": plastic(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
