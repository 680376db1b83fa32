// Names in words for what the API gives as ids: roles, channels, questions, options, answers, variables.
import { currentLanguage, pick, sliderWords, t } from '../i18n';
import { describeStones } from '../form/widgets/stones';
import type { Definition, Question, StonesAnswer } from '../types';
import type { Count } from './model';
import { w, type WKey } from './texts';

export const CHANNELS = ['online', 'verteltafel', 'papier', 'import'];

/** A role as staff see it in charts, filters and lists: its short label ("Jongere"), else its label. */
export function roleLabel(d: Definition, id: string): string {
  const role = d.roles.find((r) => r.id === id);
  return pick(role?.shortLabel) || pick(role?.label) || id;
}

export function channelLabel(id: string): string {
  return CHANNELS.includes(id) ? w(`channel.${id}` as WKey) : id;
}

export function question(d: Definition, id: string): Question | undefined {
  return d.questions.find((q) => q.id === id);
}

/** "6. Regio": the number and the question as staff see it in charts and filters (its short label, else its label). */
export function questionTitle(q: Question): string {
  return `${q.number}. ${pick(q.shortLabel) || pick(q.label)}`;
}

/** "6. In welke regio …": the number and the question's neutral label in full, as next to an answer. */
export function fullQuestionTitle(q: Question): string {
  return `${q.number}. ${pick(q.label)}`;
}

/** An option as staff see it in charts and filters: its short label, else its label. */
export function optionLabel(q: Question | undefined, id: string): string {
  const option = q?.options?.find((o) => o.id === id);
  return pick(option?.shortLabel) || pick(option?.label) || id;
}

/** A slider bin's range in words: "0–9". */
export function binLabel(bin: number): string {
  return bin === 9 ? '90–100' : `${bin * 10}–${bin * 10 + 9}`;
}

export function binRange(bin: number): [number, number] {
  return bin === 9 ? [90, 100] : [bin * 10, bin * 10 + 9];
}

/** An answer in words: option labels, a slider value with its pole, "not applicable", triad shares. */
export function describeAnswer(q: Question, answer: unknown): string {
  if (answer === undefined || answer === null || (Array.isArray(answer) && answer.length === 0)) {
    return w('answer.none');
  }
  switch (q.type) {
    case 'slider':
      return answer === 'NA'
        ? w('answer.notApplicable')
        : w('answer.slider', {
            value: answer as number,
            words: sliderWords(answer as number, pick(q.left), pick(q.right)),
          });
    case 'choice':
      return optionLabel(q, answer as string);
    case 'multichoice':
      return (answer as string[]).map((id) => optionLabel(q, id)).join(t('answer.listSeparator'));
    case 'triad': {
      const [x, y, z] = answer as number[];
      const [a, b, c] = (q.corners ?? []).map((corner) => pick(corner));
      return t('triad.shares', { a, b, c, x, y, z });
    }
    case 'stones':
      return describeStones(q, answer as StonesAnswer);
    default:
      return typeof answer === 'string' ? answer : JSON.stringify(answer);
  }
}

/**
 * An evaluation variable in words: "role", a question id, "question:option" (one option of a multichoice
 * question), "question:item:x" or "question:item:y" (an axis of an item of a stones question: "3. Wie hielp?:
 * Familie (ver weg – dichtbij)"), "subset" or, in a module-wide evaluation, "storyPoint".
 */
export function variableLabel(d: Definition, variable: string): string {
  if (variable === 'role') {
    return w('variable.role');
  }
  if (variable === 'subset') {
    return w('variable.subset');
  }
  if (variable === 'storyPoint') {
    return w('variable.storyPoint');
  }
  const [id, option, axis] = variable.split(':');
  const q = question(d, id);
  if (!q) {
    return variable;
  }
  if (q.type === 'stones' && (axis === 'x' || axis === 'y')) {
    const [low, high] = axis === 'x' ? [q.left, q.right] : [q.bottom, q.top];
    return `${questionTitle(q)}: ${optionLabel({ ...q, options: q.items }, option)} (${pick(low)} – ${pick(high)})`;
  }
  if (isZone(q, option)) {
    return `${questionTitle(q)}: ${w('variable.zone')}`;
  }
  return option === undefined ? questionTitle(q) : `${questionTitle(q)}: ${optionLabel(q, option)}`;
}

/** Whether {@code question:option} is the zone of a triad ({@code triad:zone}). */
function isZone(q: Question | undefined, option: string | undefined): boolean {
  return option === 'zone' && q?.type === 'triad';
}

/** A zone of a triad in words, from its corners: "Vooral de mensen", "Tussen … en …", "In het midden". */
export function zoneLabel(q: Question, zone: string): string {
  const corner = (i: number) => pick(q.corners?.[i]) || String(i + 1);
  const index = (letter: string) => letter.charCodeAt(0) - 'a'.charCodeAt(0);
  if (zone.startsWith('corner-')) {
    return w('zone.corner', { corner: corner(index(zone.slice(7))) });
  }
  if (zone.startsWith('edge-')) {
    return w('zone.edge', { a: corner(index(zone.charAt(5))), b: corner(index(zone.charAt(6))) });
  }
  return w('zone.centre');
}

/** A category of an evaluation variable in words; {@code fallback} is the label the result carries. */
export function categoryLabel(d: Definition, variable: string, category: string, fallback?: string): string {
  if (variable === 'role') {
    return roleLabel(d, category);
  }
  if (variable === 'subset') {
    return category === 'subset' ? w('subset.side') : w('subset.other');
  }
  const [id, option] = variable.split(':');
  const q = question(d, id);
  if (q && isZone(q, option)) {
    return zoneLabel(q, category);
  }
  if (option !== undefined) {
    return category === 'yes' ? w('category.chosen') : w('category.notChosen');
  }
  return q?.options?.some((o) => o.id === category) ? optionLabel(q, category) : (fallback ?? category);
}

/** A count as shown: numbers with thousands separators, "<5" as it is. */
export function formatCount(count: Count | null | undefined): string {
  if (count === null || count === undefined) {
    return '–';
  }
  return typeof count === 'number' ? count.toLocaleString(locale()) : count;
}

/** Whether a count may be charted (a number, not a suppressed "<5"). */
export function chartable(count: Count | null | undefined): count is number {
  return typeof count === 'number';
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  return value.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** p- and q-values: three decimals, or "< 0.001". */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  if (value < 0.001) {
    return `< ${(0.001).toLocaleString(locale())}`;
  }
  return value.toLocaleString(locale(), { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });
}

export function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'nl-NL';
}

/** The kind of a pattern in words: "schuifregelaar × keuze". */
export function patternKindLabel(kind: string): string {
  return ['slider_by_choice', 'choice_by_choice', 'slider_by_slider', 'subset'].includes(kind)
    ? w(`kind.${kind}` as WKey)
    : kind;
}
