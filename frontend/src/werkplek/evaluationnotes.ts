// The notes of an evaluation in the workspace's words. A stored result keeps its notes in English, as part of the
// result and its provenance (the API and exports give them as they are); the screens say the same in the
// workspace's language, read from the notes' known shapes and the result's own fields, and never show the English.
import type { Definition } from '../types';
import { categoryLabel, locale, variableLabel } from './labels';
import type { EvaluationResult, Pattern } from './model';
import { w } from './texts';

/** A number in a note ("0.05") in the workspace's way of writing it. */
const number = (text: string) => Number(text).toLocaleString(locale());

/** The notes on the whole evaluation. */
export function runNotes(result: EvaluationResult): string[] {
  return (result.notes ?? []).map((note) => {
    let m = /^minGroupSize and minPairs are at least (\d+)/.exec(note);
    if (m) return w('notes.raised', { k: Number(m[1]) });
    if (/^No story matches the filter/.test(note)) return w('notes.noStories');
    m = /^None of the (\d+) pairs/.exec(note);
    if (m) return w('notes.noPairs', { count: Number(m[1]) });
    m = /^No pattern is strong: none has q ≤ ([\d.]+)/.exec(note);
    if (m) return w('notes.noneStrong', { q: number(m[1]) });
    return w('notes.other');
  });
}

/** The notes on a comparison of a subset with the rest, from its fields. */
export function subsetNotes(d: Definition, subset: NonNullable<EvaluationResult['subset']>): string[] {
  const out: string[] = [];
  const leftOut = subset.leftOutVariables ?? [];
  if (leftOut.length > 0) {
    out.push(w('notes.subsetLeftOut', { variables: leftOut.map((v) => variableLabel(d, v)).join(', ') }));
  }
  if (subset.overlapping) out.push(w('notes.subsetOverlap'));
  if (subset.otherWithoutSubsetAnswer !== 0) out.push(w('notes.subsetUnanswered'));
  return out;
}

/** The notes on one pattern: categories left out of its test, and a χ² to read with care. */
export function patternNotes(d: Definition, pattern: Pattern): string[] {
  // the choice of a slider × choice pattern is its second variable; a choice × choice note names its variables
  const choice = pattern.questions[pattern.questions.length - 1] ?? '';
  return (pattern.notes ?? []).map((note) => {
    const m = /^Left out of the test, fewer than (\d+) answers: (.*)$/.exec(note);
    if (m) {
      const categories = m[2].split(', ').map((item) => {
        const at = item.indexOf('=');
        return at < 0
          ? categoryLabel(d, choice, item)
          : `${variableLabel(d, item.slice(0, at))}: ${categoryLabel(d, item.slice(0, at), item.slice(at + 1))}`;
      });
      return w('notes.leftOut', { k: Number(m[1]), categories: categories.join(', ') });
    }
    if (/^More than 20% of the expected counts/.test(note)) return w('notes.lowExpected');
    return w('notes.other');
  });
}

/** Why a pair of questions was not tested. */
export function skippedReason(reason: string): string {
  let m = /^fewer than two categories with at least (\d+) answers on one side/.exec(reason);
  if (m) return w('skipped.fewCategories', { k: Number(m[1]) });
  if (/^fewer than two answered categories on one side/.test(reason)) return w('skipped.oneCategory');
  m = /^fewer than two groups with at least (\d+) answers/.exec(reason);
  if (m) return w('skipped.fewGroups', { k: Number(m[1]) });
  if (/^all answers are the same/.test(reason)) return w('skipped.same');
  if (/^one of the sliders has no variation/.test(reason)) return w('skipped.noVariation');
  m = /^fewer than (\d+) stories answered both/.exec(reason);
  if (m) return w('skipped.fewPairs', { k: Number(m[1]) });
  return w('skipped.other');
}
