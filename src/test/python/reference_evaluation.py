#!/usr/bin/env python3
"""Expected results of the whole pattern evaluation on the fixture, computed with SciPy.

Run from the repository root (after evaluation_fixture.py, if the fixture changed):

    python3 src/test/python/reference_evaluation.py

It reads src/test/resources/evaluation/fixture.json and writes src/test/resources/evaluation/reference.json:
for every run of the fixture, the effective settings, every question's distribution, and every pair of
variables either as a tested pattern (statistic, df, p, q, effect size, n, strong, group statistics,
pairwise tests, contingency table, joint bins) or as skipped with its reason; the same for the subset
comparison. `EvaluatorReferenceTest` runs the Java Evaluator (from slider counts, its own pairwise loop,
BH over the family, Holm within a pair, chi-square over the kept categories) on the same fixture and
compares everything with a relative tolerance of 1e-9 (absolute 1e-12 near zero).

This is an independent implementation of the rules in the README ("Pattern evaluation"), from the stored
answers, with the values themselves (not counts):
  - "NA", unanswered and not asked (the question is not for the story's role) are missing and dropped;
  - minGroupSize and minPairs are at least the story point's suppression threshold k;
  - slider x choice: groups with fewer than minGroupSize answers are left out; two groups:
    scipy.stats.mannwhitneyu(alternative='two-sided', use_continuity=True, method='asymptotic'),
    rank-biserial 2U/(n1 n2) - 1; three or more: scipy.stats.kruskal, epsilon^2 = H/((n^2 - 1)/(n + 1)), and
    Mann-Whitney between every two groups, Holm-adjusted within the pattern (holm() from reference_stats.py);
  - choice x choice (not two options of one multichoice question): rows and columns with fewer than
    minGroupSize answers are left out in turn until every kept one has enough;
    scipy.stats.chi2_contingency(correction=False), Cramer's V sqrt(chi2/(n (min(r, c) - 1))), adjusted
    residuals (O - E)/sqrt(E (1 - row/n)(1 - col/n));
  - slider x slider: over the stories that answered both, at least minPairs: scipy.stats.spearmanr,
    t = rho sqrt((n - 2)/((1 + rho)(1 - rho)));
  - triads (reference_triads.py): the zone of triad t is the choice variable t:zone (family t) after the
    multichoice options, in every choice test above; triad x choice (every choice-like variable but a zone, groups
    with fewer than minGroupSize answers left out): multiplicative zero replacement, ILR, one-way MANOVA by
    Pillai's trace with its F approximation (scipy.stats.f.sf), partial eta^2 = V/s, per group the closed
    geometric mean in percent and the count per zone, and the pooled counts of the tested answers per cell of the
    ternary grid (the Java index, written out in ternary_cell());
  - q: scipy.stats.false_discovery_control(p, method='bh') over all tested pairs of the run; the subset
    comparison is a family of its own;
  - group descriptives: numpy mean, median, std(ddof=1); scipy.stats.mode (smallest on a tie);
    scipy.stats.skew(bias=False) and scipy.stats.kurtosis(fisher=True, bias=False);
  - subset: a story in both the subset and the comparison set is only in the subset; variables the subset,
    the comparison set (and, with `against`, the evaluated set) are chosen by are not compared.

Deliberate deviations from SciPy's raw output are listed per pattern under "deviations" (the same ones as
in reference_stats.py: all values tied gives no test rather than p = 1; skewness needs n >= 3, kurtosis
n >= 4; rho = +-1 exactly gives p = 0 and no t). Non-finite numbers are the strings "NaN" and "Infinity";
a quantity that is absent in the Java result is null.
"""
import json
import math
import platform
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference_stats import close, encode, holm, tie_term, to_json  # noqa: E402  (also silences SciPy's warnings)
from reference_triads import ZONES, closed_geometric_mean, ilr, one_way, pillai, replaced, zone  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "resources" / "evaluation"
FIXTURE = ROOT / "fixture.json"
OUT = ROOT / "reference.json"

DEFAULTS = {"minGroupSize": 5, "maxQ": 0.05, "minRankBiserial": 0.1, "minEpsilonSquared": 0.01,
            "minCramersV": 0.1, "minSpearman": 0.1, "minPairs": 10, "minPartialEtaSquared": 0.01,
            "triadCornerShare": 60, "triadEdgeShare": 20}

UNANSWERED, NOT_APPLICABLE, NOT_ASKED = "unanswered", "notApplicable", "notAsked"


# --------------------------------------------------------------------------------------------------------
# variables from the stored answers
# --------------------------------------------------------------------------------------------------------

def missing_kind(question, role):
    roles = question.get("roles")
    return NOT_ASKED if roles is not None and role not in roles else UNANSWERED


def variables(definition, stories, settings=DEFAULTS):
    """Sliders (values or a missing kind per story) and choice-like variables (category index or a missing
    kind), in the Evaluator's order: sliders in questionnaire order; role, choices, multichoice options."""
    sliders, choices, multis, triads = [], [], [], []
    for q in definition["questions"]:
        {"slider": sliders, "choice": choices, "multichoice": multis, "triad": triads}.get(q["type"], []).append(q)
    out_sliders = []
    for q in sliders:
        values = []
        for s in stories:
            a = s["answers"].get(q["id"])
            values.append(missing_kind(q, s["role"]) if a is None else NOT_APPLICABLE if a == "NA" else int(a))
        out_sliders.append({"name": q["id"], "values": values})
    categories = [{"name": "role", "family": "role", "categories": [r["id"] for r in definition["roles"]],
                   "codes": [[r["id"] for r in definition["roles"]].index(s["role"]) for s in stories],
                   "type": "role"}]
    for q in choices:
        ids = [o["id"] for o in q["options"]]
        codes = []
        for s in stories:
            a = s["answers"].get(q["id"])
            codes.append(missing_kind(q, s["role"]) if a is None else ids.index(a))
        categories.append({"name": q["id"], "family": q["id"], "categories": ids, "codes": codes, "type": "choice"})
    for q in multis:
        for o in q["options"]:
            codes = []
            for s in stories:
                a = s["answers"].get(q["id"])
                codes.append(missing_kind(q, s["role"]) if a is None else int(o["id"] in a))
            categories.append({"name": f'{q["id"]}:{o["id"]}', "family": q["id"], "categories": ["no", "yes"],
                               "codes": codes, "type": "multichoice-option"})
    out_triads = []
    for q in triads:
        shares = []
        for s in stories:
            a = s["answers"].get(q["id"])
            shares.append(missing_kind(q, s["role"]) if a is None else a)
        out_triads.append({"name": q["id"], "shares": shares})
        codes = [a if isinstance(a, str)
                 else ZONES.index(zone(a, settings["triadCornerShare"], settings["triadEdgeShare"])) for a in shares]
        categories.append({"name": q["id"] + ":zone", "family": q["id"], "categories": list(ZONES), "codes": codes,
                           "type": "triad-zone"})
    return out_sliders, categories, out_triads


def present(value):
    return not isinstance(value, str)


# --------------------------------------------------------------------------------------------------------
# statistics
# --------------------------------------------------------------------------------------------------------

def describe(values, category=None, tested=None):
    """n, mean, median, mode, sd (n - 1), bias-corrected skewness (n >= 3) and excess kurtosis (n >= 4),
    ten bins [0, 10) ... [90, 100]."""
    x = np.asarray(values, dtype=float)
    n = len(x)
    bins = [0] * 10
    for v in values:
        bins[min(9, int(v) // 10)] += 1
    out = {"category": category, "n": n, "mean": None, "median": None, "mode": None, "sd": None,
           "skewness": None, "kurtosis": None, "bins": bins, "tested": tested}
    deviations = {}
    if n == 0:
        return out, deviations
    out["mean"] = float(np.mean(x))
    out["median"] = float(np.median(x))
    out["mode"] = float(stats.mode(x, keepdims=False).mode)
    if n >= 2:
        sd = float(np.std(x, ddof=1))
        out["sd"] = sd
        skew = float(stats.skew(x, bias=False))
        kurt = float(stats.kurtosis(x, fisher=True, bias=False))
        if sd > 0 and n >= 3:
            out["skewness"] = skew
        elif not math.isnan(skew):
            deviations["skewness"] = "needs n >= 3 and some variation; SciPy returns the biased estimate or 0"
        if sd > 0 and n >= 4:
            out["kurtosis"] = kurt
        elif not math.isnan(kurt):
            deviations["kurtosis"] = "needs n >= 4 and some variation; SciPy returns the biased estimate"
    return out, deviations


def mann_whitney(x, y):
    """U of x, signed z with SciPy's tie-corrected sigma, p, rank-biserial; None for p when all are tied."""
    res = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="asymptotic")
    n1, n2 = len(x), len(y)
    u1 = float(res.statistic)
    r = 2 * u1 / (n1 * n2) - 1
    pooled = np.concatenate([np.asarray(x, float), np.asarray(y, float)])
    if len(np.unique(pooled)) == 1:
        return {"u": u1, "z": None, "p": None, "rankBiserial": r, "scipyP": float(res.pvalue)}
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term(pooled) / (n * (n - 1))))
    deviation = u1 - n1 * n2 / 2
    z = math.copysign(max(abs(deviation) - 0.5, 0.0), deviation) / sigma
    p = float(res.pvalue)
    assert close(min(1.0, 2 * stats.norm.sf(abs(z))), p, rel=1e-13)
    return {"u": u1, "z": z, "p": p, "rankBiserial": r}


def slider_by_choice(kind, questions, groups, labels, settings):
    """groups: the slider values of each category. A pattern, or the reason it was skipped."""
    minimum = settings["minGroupSize"]
    described = []
    deviations = {}
    tested = [g for g, values in enumerate(groups) if len(values) >= minimum]
    for g, values in enumerate(groups):
        stats_, dev = describe(values, labels[g], len(values) >= minimum)
        described.append(stats_)
        for k, v in dev.items():
            deviations[f"groups[{g}].{k}"] = v
    if len(tested) < 2:
        return None, f"fewer than two groups with at least {minimum} answers"
    pooled = np.concatenate([np.asarray(groups[g], float) for g in tested])
    if len(np.unique(pooled)) == 1:
        return None, "all answers are the same"
    notes = None
    left_out = [labels[g] for g, values in enumerate(groups) if 0 < len(values) < minimum]
    if left_out:
        notes = [f"Left out of the test, fewer than {minimum} answers: " + ", ".join(left_out)]
    n = int(sum(len(groups[g]) for g in tested))
    if len(tested) == 2:
        mw = mann_whitney(groups[tested[0]], groups[tested[1]])
        return {"kind": kind, "questions": questions, "test": "mann-whitney", "statistic": mw["u"], "df": None,
                "p": mw["p"], "effectSize": {"name": "rank-biserial", "value": mw["rankBiserial"]},
                "standardizedEffect": abs(mw["rankBiserial"]), "n": n, "groups": described, "pairwise": None,
                "table": None, "joint": None, "notes": notes, "deviations": deviations}, None
    res = stats.kruskal(*[groups[g] for g in tested])
    h = float(res.statistic)
    epsilon2 = h / ((n * n - 1) / (n + 1))
    pairwise = []
    for a in range(len(tested)):
        for b in range(a + 1, len(tested)):
            mw = mann_whitney(groups[tested[a]], groups[tested[b]])
            if mw.get("scipyP") is not None:
                deviations[f"pairwise {labels[tested[a]]}-{labels[tested[b]]}"] = (
                    "all values of the two groups are tied: no z and p (SciPy: p = 1), left out of Holm")
            pairwise.append({"a": labels[tested[a]], "b": labels[tested[b]], "u": mw["u"], "z": mw["z"],
                             "p": mw["p"], "rankBiserial": mw["rankBiserial"]})
    adjusted = holm([math.nan if pw["p"] is None else pw["p"] for pw in pairwise])
    for pw, h_p in zip(pairwise, adjusted):
        pw["pHolm"] = None if math.isnan(h_p) else float(h_p)
    return {"kind": kind, "questions": questions, "test": "kruskal-wallis", "statistic": h, "df": len(tested) - 1,
            "p": float(res.pvalue), "effectSize": {"name": "epsilon-squared", "value": epsilon2},
            "standardizedEffect": math.sqrt(max(0.0, epsilon2)), "n": n, "groups": described,
            "pairwise": pairwise, "table": None, "joint": None, "notes": notes, "deviations": deviations}, None


def kept_categories(table, minimum):
    """Rows and columns left out in turn until every kept one has at least `minimum` answers."""
    rows = [True] * table.shape[0]
    columns = [True] * table.shape[1]
    changed = True
    while changed:
        changed = False
        for r in range(table.shape[0]):
            if rows[r] and sum(table[r, c] for c in range(table.shape[1]) if columns[c]) < minimum:
                rows[r] = False
                changed = True
        for c in range(table.shape[1]):
            if columns[c] and sum(table[r, c] for r in range(table.shape[0]) if rows[r]) < minimum:
                columns[c] = False
                changed = True
    return [r for r in range(len(rows)) if rows[r]], [c for c in range(len(columns)) if columns[c]]


def chi_square(kind, questions, table, x_name, x_categories, y_name, y_categories, settings):
    minimum = settings["minGroupSize"]
    table = np.asarray(table, dtype=np.int64)
    rows, columns = kept_categories(table, minimum)
    if len(rows) < 2 or len(columns) < 2:
        return None, f"fewer than two categories with at least {minimum} answers on one side"
    kept = table[np.ix_(rows, columns)]
    res = stats.chi2_contingency(kept, correction=False)
    observed = kept.astype(float)
    expected = res.expected_freq
    n = observed.sum()
    row_totals = observed.sum(axis=1, keepdims=True)
    column_totals = observed.sum(axis=0, keepdims=True)
    adjusted = (observed - expected) / np.sqrt(expected * (1 - row_totals / n) * (1 - column_totals / n))
    r, c = kept.shape
    v = math.sqrt(float(res.statistic) / (n * (min(r, c) - 1)))
    assert close(v, stats.contingency.association(kept, method="cramer", correction=False), rel=1e-12)
    share = float(np.mean(expected < 5))
    left_out = [f"{x_name}={x_categories[i]}" for i in range(table.shape[0]) if table[i].sum() > 0 and i not in rows]
    left_out += [f"{y_name}={y_categories[j]}" for j in range(table.shape[1])
                 if table[:, j].sum() > 0 and j not in columns]
    notes = []
    if left_out:
        notes.append(f"Left out of the test, fewer than {minimum} answers: " + ", ".join(left_out))
    if share > 0.2:
        notes.append("More than 20% of the expected counts are below 5; read the test with care.")
    return {"kind": kind, "questions": questions, "test": "chi-square", "statistic": float(res.statistic),
            "df": int(res.dof), "p": float(res.pvalue), "effectSize": {"name": "cramers-v", "value": v},
            "standardizedEffect": v, "n": int(n), "groups": None, "pairwise": None,
            "table": {"rows": [x_categories[i] for i in rows], "columns": [y_categories[j] for j in columns],
                      "counts": kept.tolist(), "expected": expected, "adjustedResiduals": adjusted,
                      "lowExpectedShare": share, "lowExpectedWarning": share > 0.2,
                      "smallCategoriesLeftOut": left_out},
            "joint": None, "notes": notes or None, "deviations": {}}, None


def spearman(questions, x, y, settings):
    n = len(x)
    if n < settings["minPairs"]:
        return None, f'fewer than {settings["minPairs"]} stories answered both'
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    if len(np.unique(x)) == 1 or len(np.unique(y)) == 1:
        return None, "one of the sliders has no variation"
    res = stats.spearmanr(x, y)
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    deviations = {}
    notes = None
    if np.array_equal(rx, ry) or np.array_equal(rx, n + 1 - ry):
        rho = 1.0 if np.array_equal(rx, ry) else -1.0
        t, p = None, 0.0
        deviations["rho"] = f"the rankings are identical or reversed, so rho = {rho:+.0f} exactly and p = 0; " \
                            f"SciPy's rho is {float(res.statistic)!r} and its p {float(res.pvalue)!r}"
        notes = [f'ρ = {"1" if rho > 0 else "−1"}: the two sliders put the stories in exactly the '
                 f'{"same" if rho > 0 else "reverse"} order, so t is infinite (left empty) and p = 0.']
    else:
        rho = float(res.statistic)
        p = float(res.pvalue)
        t = rho * math.sqrt((n - 2) / ((1 + rho) * (1 - rho)))
        assert close(2 * stats.t.sf(abs(t), n - 2), p, rel=1e-12)
    bins = np.zeros((10, 10), dtype=int)
    for u, v in zip(x, y):
        bins[min(9, int(u) // 10), min(9, int(v) // 10)] += 1
    return {"kind": "slider_by_slider", "questions": questions, "test": "spearman", "statistic": t, "df": n - 2,
            "p": p, "effectSize": {"name": "spearman-rho", "value": rho}, "standardizedEffect": abs(rho), "n": n,
            "groups": None, "pairwise": None, "table": None, "joint": {"bins": bins.tolist()}, "notes": notes,
            "deviations": deviations}, None


def ternary_cell(a, b):
    """The Java index of the small triangle of the grid of ten steps per side an answer lies in."""
    i, j = min(a // 10, 9), min(b // 10, 9)
    if i + j > 9:
        i = 9 - j
    if (a - 10 * i) + (b - 10 * j) <= 10:
        return i * 10 - i * (i - 1) // 2 + j
    return 55 + i * 9 - i * (i - 1) // 2 + j


def triad_by_choice(questions, groups, labels, settings):
    """groups: the triad answers of each category. A pattern, or the reason it was skipped."""
    minimum = settings["minGroupSize"]
    tested = [g for g, answers in enumerate(groups) if len(answers) >= minimum]
    described = []
    for g, answers in enumerate(groups):
        parts = np.array([replaced(a) for a in answers]) if answers else None
        zones = [0] * len(ZONES)
        for a in answers:
            zones[ZONES.index(zone(a, settings["triadCornerShare"], settings["triadEdgeShare"]))] += 1
        described.append({"category": labels[g], "n": len(answers), "tested": len(answers) >= minimum,
                          "meanShares": None if parts is None else closed_geometric_mean(parts).tolist(),
                          "zones": zones})
    if len(tested) < 2:
        return None, f"fewer than two groups with at least {minimum} answers"
    coordinates = [np.array([ilr(replaced(a)) for a in groups[g]]) for g in tested]
    n = sum(len(groups[g]) for g in tested)
    e, h = one_way(coordinates)
    v, f, df1, df2, p, eta = pillai(e, h, len(tested) - 1, n - len(tested))
    cells = [0] * 100
    for g in tested:
        for a in groups[g]:
            cells[ternary_cell(a[0], a[1])] += 1
    left_out = [labels[g] for g, answers in enumerate(groups) if 0 < len(answers) < minimum]
    notes = [f"Left out of the test, fewer than {minimum} answers: " + ", ".join(left_out)] if left_out else None
    return {"kind": "triad_by_choice", "questions": questions, "test": "pillai", "statistic": v,
            "df": [int(round(df1)), int(round(df2))], "p": p,
            "effectSize": {"name": "partial-eta-squared", "value": eta}, "standardizedEffect": math.sqrt(eta),
            "n": n, "groups": described, "pairwise": None, "table": None, "joint": None, "notes": notes,
            "ternary": {"cells": cells}, "deviations": {}}, None


def judge(patterns, settings):
    """BH q over the family (scipy.stats.false_discovery_control) and the verdict."""
    if not patterns:
        return
    q = stats.false_discovery_control([p["p"] for p in patterns], method="bh")
    for pattern, q_value in zip(patterns, q):
        pattern["q"] = float(q_value)
        minimum = {"rank-biserial": settings["minRankBiserial"],
                   "epsilon-squared": math.sqrt(settings["minEpsilonSquared"]),
                   "cramers-v": settings["minCramersV"], "spearman-rho": settings["minSpearman"],
                   "partial-eta-squared": math.sqrt(settings["minPartialEtaSquared"])}
        pattern["strong"] = bool(q_value <= settings["maxQ"]
                                 and pattern["standardizedEffect"] >= minimum[pattern["effectSize"]["name"]])


def key(kind, questions):
    return f"{kind}|{questions[0]}|{questions[1]}"


# --------------------------------------------------------------------------------------------------------
# one run
# --------------------------------------------------------------------------------------------------------

def effective_settings(request, k):
    settings = dict(DEFAULTS)
    settings.update(request.get("settings") or {})
    settings["minGroupSize"] = max(settings["minGroupSize"], k)
    settings["minPairs"] = max(settings["minPairs"], k)
    return settings


def distributions(sliders, categories, triads, rows):
    out = {}
    for s in sliders:
        values = [s["values"][i] for i in rows]
        answered = [v for v in values if present(v)]
        described, _ = describe(answered)
        described.pop("category")
        described.pop("tested")
        out[s["name"]] = {"answered": len(answered), **counts_missing(values), "stats": described}
    for c in categories:
        codes = [c["codes"][i] for i in rows]
        answered = [v for v in codes if present(v)]
        counts = [answered.count(k) for k in range(len(c["categories"]))]
        out[c["name"]] = {"answered": len(answered), **counts_missing(codes),
                          "categories": [{"id": c["categories"][k], "count": counts[k],
                                          "share": counts[k] / len(answered) if answered else None}
                                         for k in range(len(counts))]}
    for t in triads:
        shares = [t["shares"][i] for i in rows]
        answered = [v for v in shares if present(v)]
        means = [float(np.mean([a[j] for a in answered])) for j in range(3)] if answered else None
        out[t["name"]] = {"answered": len(answered), **counts_missing(shares), "meanShares": means}
    return out


def counts_missing(values):
    return {"notApplicable": sum(v == NOT_APPLICABLE for v in values if isinstance(v, str)),
            "unanswered": sum(v == UNANSWERED for v in values if isinstance(v, str)),
            "notAsked": sum(v == NOT_ASKED for v in values if isinstance(v, str))}


def main_family(sliders, categories, triads, rows, settings):
    patterns, skipped = [], {}

    def add(kind, questions, outcome):
        pattern, reason = outcome
        if pattern is None:
            skipped[key(kind, questions)] = reason
        else:
            patterns.append(pattern)

    for s in sliders:
        for c in categories:
            groups = [[s["values"][i] for i in rows if present(s["values"][i]) and c["codes"][i] == k]
                      for k in range(len(c["categories"]))]
            add("slider_by_choice", [s["name"], c["name"]],
                slider_by_choice("slider_by_choice", [s["name"], c["name"]], groups, c["categories"], settings))
    for a in range(len(categories)):
        for b in range(a + 1, len(categories)):
            x, y = categories[a], categories[b]
            if x["family"] == y["family"]:
                continue
            table = np.zeros((len(x["categories"]), len(y["categories"])), dtype=np.int64)
            for i in rows:
                if present(x["codes"][i]) and present(y["codes"][i]):
                    table[x["codes"][i], y["codes"][i]] += 1
            add("choice_by_choice", [x["name"], y["name"]],
                chi_square("choice_by_choice", [x["name"], y["name"]], table, x["name"], x["categories"],
                           y["name"], y["categories"], settings))
    for a in range(len(sliders)):
        for b in range(a + 1, len(sliders)):
            x, y = sliders[a], sliders[b]
            both = [i for i in rows if present(x["values"][i]) and present(y["values"][i])]
            add("slider_by_slider", [x["name"], y["name"]],
                spearman([x["name"], y["name"]], [x["values"][i] for i in both], [y["values"][i] for i in both],
                         settings))
    for t in triads:
        for c in categories:
            if c["type"] == "triad-zone":
                continue
            groups = [[t["shares"][i] for i in rows if present(t["shares"][i]) and c["codes"][i] == k]
                      for k in range(len(c["categories"]))]
            add("triad_by_choice", [t["name"], c["name"]],
                triad_by_choice([t["name"], c["name"]], groups, c["categories"], settings))
    judge(patterns, settings)
    return patterns, skipped


def defining(flt):
    out = set()
    if not flt:
        return out
    if flt.get("roles"):
        out.add("role")
    out.update(flt.get("answers", {}).keys())
    out.update(flt.get("ranges", {}).keys())
    return out


def subset_family(sliders, categories, request, ids, run, settings):
    in_subset = set(run["inSubset"])
    in_comparison = set(run["inComparison"])
    against = request["subset"].get("against")
    # a story in both sets is in the subset only
    side = [0 if i in in_subset else 1 if i in in_comparison else None for i in ids]
    names = defining(request["subset"]["filter"])
    if against is not None:
        names |= defining(against) | defining(request.get("filter"))
    subset_questions = set(request["subset"]["filter"].get("answers", {})) \
        | set(request["subset"]["filter"].get("ranges", {}))
    question_columns = [s["values"] for s in sliders if s["name"] in subset_questions]
    seen = set()
    for c in categories:
        if c["family"] in subset_questions and c["family"] not in seen:
            seen.add(c["family"])
            question_columns.append(c["codes"])
    without_answer = sum(1 for i in range(len(ids))
                         if side[i] == 1 and any(not present(col[i]) for col in question_columns))
    patterns, skipped, left_out = [], {}, []
    for s in sliders:
        if s["name"] in names:
            left_out.append(s["name"])
            continue
        groups = [[s["values"][i] for i in range(len(ids)) if present(s["values"][i]) and side[i] == g]
                  for g in (0, 1)]
        pattern, reason = slider_by_choice("subset", [s["name"], "subset"], groups, ["subset", "other"], settings)
        if pattern is None:
            skipped[key("subset", [s["name"], "subset"])] = reason
        else:
            patterns.append(pattern)
    for c in categories:
        if c["family"] in names:
            left_out.append(c["name"])
            continue
        table = np.zeros((2, len(c["categories"])), dtype=np.int64)
        for i in range(len(ids)):
            if present(c["codes"][i]) and side[i] is not None:
                table[side[i], c["codes"][i]] += 1
        pattern, reason = chi_square("subset", [c["name"], "subset"], table, "subset", ["subset", "other"],
                                     c["name"], c["categories"], settings)
        if pattern is None:
            skipped[key("subset", [c["name"], "subset"])] = reason
        else:
            patterns.append(pattern)
    judge(patterns, settings)
    overlapping = sum(1 for i in ids if i in in_subset and i in in_comparison) if against is not None else 0
    return {"subsetStories": sum(1 for s in side if s == 0), "otherStories": sum(1 for s in side if s == 1),
            "overlapping": overlapping > 0, "overlappingStories": overlapping,
            "otherWithoutSubsetAnswer": without_answer, "leftOutVariables": left_out,
            "patterns": {key(p["kind"], p["questions"]): p for p in patterns}, "skipped": skipped}


def evaluate(fixture, run):
    definition = fixture["definition"]
    stories = fixture["stories"]
    ids = [s["id"] for s in stories]
    request = run["request"]
    settings = effective_settings(request, definition.get("suppressionThreshold", 5))
    sliders, categories, triads = variables(definition, stories, settings)
    base = set(run["inBase"])
    rows = [i for i, story_id in enumerate(ids) if story_id in base]
    patterns, skipped = main_family(sliders, categories, triads, rows, settings)
    out = {"name": run["name"], "stories": len(rows), "settings": settings,
           "distributions": distributions(sliders, categories, triads, rows),
           "patterns": {key(p["kind"], p["questions"]): p for p in patterns}, "skipped": skipped}
    if request.get("subset"):
        out["subset"] = subset_family(sliders, categories, request, ids, run, settings)
    return out


def main():
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    runs = [evaluate(fixture, run) for run in fixture["runs"]]
    # the fixture reaches the corners it was made for
    first = runs[0]
    assert first["settings"]["minGroupSize"] == 5
    assert first["skipped"]["slider_by_slider|duidelijk|samen"] == "fewer than 10 stories answered both"
    assert first["patterns"]["slider_by_slider|samen|veilig"]["statistic"] is None
    assert first["patterns"]["slider_by_choice|gehoord|regio"]["test"] == "kruskal-wallis"
    assert "fase=afsluiting" in first["patterns"]["choice_by_choice|regio|fase"]["table"]["smallCategoriesLeftOut"]
    assert first["skipped"]["slider_by_choice|gehoord|leeftijd"].startswith("fewer than two groups")
    assert first["skipped"]["slider_by_choice|stil|role"] == "all answers are the same"
    assert first["subset"]["otherWithoutSubsetAnswer"] > 0 and first["subset"]["leftOutVariables"] == ["regio"]
    assert runs[1]["subset"]["overlappingStories"] > 0
    assert any(p["strong"] for p in first["patterns"].values())
    assert not all(p["strong"] for p in first["patterns"].values())
    reference = {
        "generator": "src/test/python/reference_evaluation.py",
        "fixture": "src/test/resources/evaluation/fixture.json",
        "python": platform.python_version(),
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "runs": runs,
    }
    with OUT.open("w", encoding="utf-8") as out:
        out.write(to_json(encode(reference)))
        out.write("\n")
    tested = sum(len(r["patterns"]) + len(r.get("subset", {}).get("patterns", {})) for r in runs)
    print(f"wrote {OUT}: {tested} patterns in {len(runs)} runs, scipy {scipy.__version__}, numpy {np.__version__}")


if __name__ == "__main__":
    main()
