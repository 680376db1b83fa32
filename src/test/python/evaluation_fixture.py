#!/usr/bin/env python3
"""A small but awkward story point for the end-to-end reference check of the pattern evaluation.

Run from the repository root:

    python3 src/test/python/evaluation_fixture.py

It writes src/test/resources/evaluation/fixture.json: a story point definition, 160 stories with their answers
as they are stored (slider 0..100 or "NA", choice option id, multichoice list, triad shares; a question
without an answer is absent), and two evaluation runs, each with its request and which stories are in the
evaluated set, the subset and the set the subset is compared with. `reference_evaluation.py` computes the
expected results from this file with SciPy; `EvaluatorReferenceTest` runs the Java Evaluator on it.

The data is built to reach the corners:
  - sliders with "not applicable", unanswered and "not asked to this role" answers, heaped on few values
    (heavy ties), one slider that everybody answers with 50 (no variation), and two sliders answered by only
    12 stories, with identical answers (Spearman rho = 1, t infinite), whose pair with a third slider has
    fewer than 10 common answers;
  - a choice (regio) with an option nobody chose (eiland) and one chosen 3 times (zuid), two of whose stories
    are among the only 6 with fase = afsluiting, so that leaving out zuid leaves afsluiting with 4 answers;
  - a choice (leeftijd) with one option under the minimum, so that only one group is left;
  - a multichoice question (themas, not asked to professionals) with an option chosen 3 times;
  - the role (three groups), a choice with two groups, planted differences and a planted correlation.
The flags of each run follow the filter rules of StoryFilter's SQL: a condition on a missing answer is
not met (SQL NULL), a slider range never contains "NA".

The output is deterministic (numpy generator with a fixed seed, no timestamps).
"""
import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "resources" / "evaluation" / "fixture.json"
N = 160


def text(nl, en=None):
    return {"nl": nl, "en": en or nl}


def options(*ids):
    return [{"id": i, "label": text(i.capitalize())} for i in ids]


def slider(qid, number, na=True, roles=None):
    q = {"id": qid, "number": number, "type": "slider", "label": text(qid.capitalize()),
         "left": text("Helemaal niet", "Not at all"), "right": text("Helemaal wel", "Completely")}
    if na:
        q["notApplicable"] = True
    if roles:
        q["roles"] = roles
    return q


DEFINITION = {
    "slug": "referentie",
    "title": text("Referentieverhalen", "Reference stories"),
    "roles": [{"id": "jongere", "label": text("Jongere", "Young person")},
              {"id": "ouder", "label": text("Ouder", "Parent")},
              {"id": "professional", "label": text("Professional")}],
    "storyPrompt": text("Vertel", "Tell"),
    "completeness": {"minWords": 0, "minAnsweredQuestions": 0},
    "questions": [
        {"id": "regio", "number": 1, "type": "choice", "label": text("Regio", "Region"),
         "options": options("noord", "oost", "zuid", "west", "eiland")},
        {"id": "hulp", "number": 2, "type": "choice", "label": text("Hulp gekregen", "Got help"),
         "options": options("ja", "nee")},
        {"id": "fase", "number": 3, "type": "choice", "label": text("Fase", "Stage"),
         "options": options("eerste", "vervolg", "afsluiting")},
        {"id": "leeftijd", "number": 4, "type": "choice", "label": text("Leeftijd", "Age"),
         "options": options("jong", "oud")},
        {"id": "themas", "number": 5, "type": "multichoice", "label": text("Thema's", "Themes"),
         "options": options("wachten", "school", "geld"), "roles": ["jongere", "ouder"]},
        slider("gehoord", 6),
        slider("op-tijd", 7),
        slider("duidelijk", 8, roles=["ouder", "professional"]),
        slider("samen", 9, na=False),
        slider("veilig", 10, na=False),
        slider("stil", 11, na=False),
        {"id": "balans", "number": 12, "type": "triad", "label": text("Balans", "Balance"),
         "corners": [text("Hulp", "Help"), text("Mensen", "People"), text("Regels", "Rules")]},
        {"id": "tip", "number": 13, "type": "text", "label": text("Tip")},
    ],
    "suppressionThreshold": 5,
}


def heaped(rng, centre):
    """A slider answer as people give them: often 0, 50 or 100, otherwise a multiple of 5 near the centre."""
    u = rng.random()
    if u < 0.3:
        return int(rng.choice([0, 50, 100], p=[(100 - centre) / 200, 0.5, centre / 200]))
    return int(np.clip(5 * np.rint(rng.normal(centre, 22) / 5), 0, 100))


def stories():
    rng = np.random.default_rng(20250605)
    roles = ["jongere"] * 26 + ["ouder"] * 84 + ["professional"] * 50
    rng.shuffle(roles)
    # the 12 stories that answer samen and veilig: 9 young people and 3 parents, so that few of them are
    # asked duidelijk (only parents and professionals are)
    young = [i for i, r in enumerate(roles) if r == "jongere"][:9]
    parents = [i for i, r in enumerate(roles) if r == "ouder"][:3]
    paired = young + parents
    paired_values = [10, 20, 20, 35, 50, 50, 50, 60, 75, 80, 90, 100]
    # regio: zuid exactly 3 times, eiland never; fase afsluiting exactly 6 times, 2 of them in zuid
    free = [i for i in range(N) if i not in paired]
    zuid = free[10:13]
    afsluiting = zuid[:2] + free[40:44]
    out = []
    for i in range(N):
        role = roles[i]
        answers = {}
        if i in zuid:
            regio = "zuid"
        elif i in afsluiting or rng.random() >= 0.07:
            regio = str(rng.choice(["noord", "oost", "west"], p=[0.35, 0.35, 0.30]))
        else:
            regio = None
        if regio:
            answers["regio"] = regio
        # hulp goes with regio (noord mostly ja)
        if rng.random() >= 0.05:
            p_yes = 0.8 if regio == "noord" else 0.45
            answers["hulp"] = "ja" if rng.random() < p_yes else "nee"
        if i in afsluiting:
            answers["fase"] = "afsluiting"
        elif rng.random() >= 0.06:
            answers["fase"] = str(rng.choice(["eerste", "vervolg"]))
        if rng.random() >= 0.1:
            answers["leeftijd"] = "oud" if i in free[60:63] else "jong"
        if role != "professional" and rng.random() >= 0.08:
            themes = []
            if rng.random() < 0.4:
                themes.append("wachten")
            if rng.random() < 0.3:
                themes.append("school")
            if i in free[70:73]:
                themes.append("geld")
            answers["themas"] = themes
        # sliders
        centre = 68 if regio == "noord" else 45
        if answers.get("hulp") == "ja":
            centre += 8
        u = rng.random()
        heard = None
        if u < 0.08:
            answers["gehoord"] = "NA"
        elif u < 0.14:
            pass
        else:
            heard = heaped(rng, centre)
            answers["gehoord"] = heard
        u = rng.random()
        if u < 0.06:
            answers["op-tijd"] = "NA"
        elif u >= 0.11:
            base = 0.6 * heard + 20 if heard is not None else 50
            answers["op-tijd"] = heaped(rng, min(95, max(5, base)))
        if role != "jongere":
            u = rng.random()
            if u < 0.07:
                answers["duidelijk"] = "NA"
            elif u >= 0.12:
                answers["duidelijk"] = heaped(rng, 70 if role == "professional" else 45)
        if i in paired:
            value = paired_values[paired.index(i)]
            answers["samen"] = value
            answers["veilig"] = value
        if rng.random() < 0.25:
            answers["stil"] = 50
        if rng.random() < 0.2:
            a = int(rng.integers(0, 101))
            b = int(rng.integers(0, 101 - a))
            answers["balans"] = [a, b, 100 - a - b]
        out.append({"id": f"r{i + 1:04d}", "role": role, "channel": "online" if i % 3 else "papier",
                    "answers": answers})
    return out


# ---- the filter rules of StoryFilter's SQL, for the runs' flags ---------------------------------------

def matches(story, flt):
    """Whether a story meets a filter (no dates, channels or completeness in these runs). A condition on a
    missing answer is not met (SQL NULL); a slider range holds numbers only."""
    if flt.get("roles") and story["role"] not in flt["roles"]:
        return False
    for qid, wanted in flt.get("answers", {}).items():
        value = story["answers"].get(qid)
        if value is None:
            return False
        if isinstance(value, list):
            if not any(v in wanted for v in value):
                return False
        elif value not in wanted:
            return False
    for qid, (low, high) in flt.get("ranges", {}).items():
        value = story["answers"].get(qid)
        if not isinstance(value, int) or not low <= value <= high:
            return False
    return True


def run(name, request, story_list):
    base = [s["id"] for s in story_list if matches(s, request.get("filter", {}))]
    subset_filter = request["subset"]["filter"]
    against = request["subset"].get("against")
    in_subset = [s["id"] for s in story_list if s["id"] in base and matches(s, subset_filter)]
    if against is None:
        comparison = base
    else:
        comparison = [s["id"] for s in story_list if matches(s, against)]
    return {"name": name, "request": request, "inBase": base, "inSubset": in_subset, "inComparison": comparison}


def main():
    story_list = stories()
    runs = [
        run("the subset regio = noord against the rest; minGroupSize 3 is raised to the threshold 5", {
            "storyPoint": "referentie",
            "settings": {"minGroupSize": 3},
            "subset": {"filter": {"answers": {"regio": ["noord"]}}},
        }, story_list),
        run("parents and professionals; hulp = ja against gehoord 50..100 (overlapping)", {
            "storyPoint": "referentie",
            "filter": {"roles": ["ouder", "professional"]},
            "subset": {"filter": {"answers": {"hulp": ["ja"]}}, "against": {"ranges": {"gehoord": [50, 100]}}},
        }, story_list),
    ]
    fixture = {
        "generator": "src/test/python/evaluation_fixture.py",
        "definition": DEFINITION,
        "stories": story_list,
        "runs": runs,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("{\n")
        out.write(f' "generator": {json.dumps(fixture["generator"])},\n')
        out.write(f' "definition": {json.dumps(DEFINITION, ensure_ascii=False)},\n')
        out.write(' "stories": [\n')
        out.write(",\n".join("  " + json.dumps(s, ensure_ascii=False) for s in story_list))
        out.write("\n ],\n")
        out.write(' "runs": [\n')
        out.write(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in runs))
        out.write("\n ]\n}\n")
    print(f"wrote {OUT}: {len(story_list)} stories, {len(runs)} runs")


if __name__ == "__main__":
    main()
