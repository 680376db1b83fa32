#!/usr/bin/env python3
"""The same pattern tests as Vertelpunt's evaluation, as a plain SciPy loop (numpy + scipy only; pandas is
not installed here), timed over the statistics only (the CSV is read before the clock starts).

For every slider x choice-like variable: Mann-Whitney (two groups of >= 5) or Kruskal-Wallis plus pairwise
Mann-Whitney with Holm; for every two choice-like variables (not of one multichoice question):
chi2_contingency without continuity correction over categories with >= 5 answers; for every two sliders:
spearmanr; then Benjamini-Hochberg over all p-values.

Usage: python3 bench/scipy_loop.py stories.csv   (from: java -jar ... generate --kind patterned --stories 100000)
"""
import csv
import itertools
import sys
import time

import numpy as np
from scipy import stats

SLIDERS = ["gehoord", "op-tijd", "duidelijk", "wachttijd", "samen", "vertrouwen", "passend", "veilig"]
CHOICES = ["role", "gevolg", "regio", "soort-hulp", "leeftijd", "fase"]
MULTI = {"themas": ["wachten", "communicatie", "school", "geld"], "betrokken": ["school", "huisarts", "wijkteam", "aanbieder"]}
MIN_GROUP = 5


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    sliders = {s: np.array([float(r[s]) if r[s] not in ("", "NA") else np.nan for r in rows]) for s in SLIDERS}
    cats = {}
    for c in CHOICES:
        levels = sorted({r[c] for r in rows if r[c]})
        cats[c] = (np.array([levels.index(r[c]) if r[c] else -1 for r in rows]), c)
    for q, options in MULTI.items():
        for o in options:
            cats[q + ":" + o] = (np.array([(1 if o in r[q].split("|") else 0) if r[q] else -1 for r in rows]), q)
    return sliders, cats


def holm(p):
    order = np.argsort(p)
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted


def run(sliders, cats):
    pvalues = []
    for s, values in sliders.items():
        for c, (codes, _) in cats.items():
            ok = ~np.isnan(values) & (codes >= 0)
            groups = [values[ok & (codes == k)] for k in np.unique(codes[ok])]
            groups = [g for g in groups if len(g) >= MIN_GROUP]
            if len(groups) == 2:
                pvalues.append(stats.mannwhitneyu(groups[0], groups[1], alternative="two-sided", method="asymptotic").pvalue)
            elif len(groups) > 2:
                pvalues.append(stats.kruskal(*groups).pvalue)
                pairs = [stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic").pvalue
                         for a, b in itertools.combinations(groups, 2)]
                holm(np.array(pairs))
    for (a, (ca, fa)), (b, (cb, fb)) in itertools.combinations(cats.items(), 2):
        if fa == fb:
            continue
        ok = (ca >= 0) & (cb >= 0)
        table = np.zeros((ca.max() + 1, cb.max() + 1))
        np.add.at(table, (ca[ok], cb[ok]), 1)
        table = table[table.sum(axis=1) >= MIN_GROUP][:, table.sum(axis=0) >= MIN_GROUP]
        if table.shape[0] >= 2 and table.shape[1] >= 2:
            pvalues.append(stats.chi2_contingency(table, correction=False).pvalue)
    for (a, x), (b, y) in itertools.combinations(sliders.items(), 2):
        ok = ~np.isnan(x) & ~np.isnan(y)
        if ok.sum() >= 10:
            pvalues.append(stats.spearmanr(x[ok], y[ok]).pvalue)
    q = stats.false_discovery_control(np.array(pvalues), method="bh")
    return len(pvalues), int((q <= 0.05).sum())


if __name__ == "__main__":
    sliders, cats = load(sys.argv[1])
    n = len(next(iter(sliders.values())))
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        tests, significant = run(sliders, cats)
        timings.append(time.perf_counter() - start)
    print(f"SciPy {__import__('scipy').__version__} loop, {n:,} stories: {tests} tests, {significant} with q <= 0.05; "
          f"statistics {min(timings):.2f} s fastest, {sorted(timings)[1]:.2f} s median of 3")
