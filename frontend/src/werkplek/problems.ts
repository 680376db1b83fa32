// Refusals of the API in the workspace's language: a problem's status and field names choose a text of the
// catalogue, so the server's own (English, technical) wording never reaches the screen.
import { ApiError } from '../api';
import { w, type WKey } from './texts';

/** Fields of the staff API (without their index) and the text (field.*) that says what is wrong with them. */
const FIELDS: Record<string, string> = {
  title: 'title',
  name: 'name',
  heldOn: 'heldOn',
  place: 'place',
  online: 'place',
  days: 'days',
  cards: 'cards',
  card: 'cards',
  stories: 'stories',
  notes: 'notes',
  what: 'what',
  soThat: 'soThat',
  owner: 'owner',
  status: 'status',
  note: 'note',
  username: 'username',
  password: 'password',
  roles: 'roles',
  storyPoints: 'storyPoints',
  observation: 'observation',
  interpretations: 'interpretations',
  quoteStart: 'quote',
  quoteEnd: 'quote',
  minGroupSize: 'minGroupSize',
  maxQ: 'maxQ',
  minPairs: 'minPairs',
  q: 'q',
  filter: 'filter',
  subset: 'subset',
  version: 'version',
  figures: 'figures',
};

/** "stories[2].quoteEnd" → ["stories", 2, "quoteEnd"]: the list, the place in it and the last part. */
function parts(field: string): { list: string; index: number | null; last: string; whole: boolean } {
  const segments = field.split('.');
  const first = /^(\w+)(?:\[(\d+)])?$/.exec(segments[0] ?? '');
  const last = (segments[segments.length - 1] ?? '').replace(/\[\d+]$/, '');
  return {
    list: first?.[1] ?? field,
    index: first?.[2] ? Number(first[2]) : null,
    last,
    whole: segments.length === 1,
  };
}

/** What is wrong with a story the table or card refused, from the reason the API gives. */
function storyReason(message: string): string {
  if (/hidden/i.test(message)) return 'storyHidden';
  if (/personal data|flag/i.test(message)) return 'storyFlagged';
  if (/twice/i.test(message)) return 'storyTwice';
  return 'storyUnknown';
}

/**
 * One sentence per field at fault. {@code item} names the thing at a place of a list the form sent (a story's
 * id for "stories[3]"), when the form knows it.
 */
export function fieldProblems(
  error: ApiError,
  item?: (list: string, index: number) => string | undefined,
): string[] {
  const out: string[] = [];
  for (const f of error.problem?.errors ?? []) {
    const { list, index, last, whole } = parts(f.field);
    let text: string;
    if (list === 'stories' && index !== null && whole) {
      const id = item?.(list, index);
      text = w(`field.${storyReason(f.message)}` as WKey, { id: id ?? String(index + 1) });
    } else {
      const name = FIELDS[last] ?? FIELDS[list] ?? 'other';
      text = w(`field.${name}` as WKey);
    }
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** A problem in words for a message next to a form or action. */
export function problemText(
  error: unknown,
  item?: (list: string, index: number) => string | undefined,
): string {
  if (!(error instanceof ApiError)) {
    return w('error.server');
  }
  if (error.status === 401) return w('error.signedOut');
  if (error.status === 403) return w('error.forbidden');
  if (error.status === 404) return w('error.notFound');
  if (error.status === 409) return w('error.conflict');
  if (error.status === 413) return w('error.tooLarge');
  if (error.status === 429) {
    return w('error.tooMany', { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
  }
  if (error.status === 422 || error.status === 400) {
    const fields = fieldProblems(error, item);
    return fields.length > 0 ? w('error.invalid', { details: fields.join(' ') }) : w('error.invalidGeneral');
  }
  return error.kind === 'network' ? w('error.network') : w('error.server');
}
