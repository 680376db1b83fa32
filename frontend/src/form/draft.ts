// The story being written, kept in this browser's localStorage until the server has it.
import type { Answer } from '../types';

/**
 * Where the storyteller is. A story or question page opened from the review with "Wijzig" leads back to the
 * review ({@code toReview}), with the changed question in focus ({@code focus}); the review then puts the focus
 * back on the answer that was changed ({@code changed}).
 */
export type Step =
  | { kind: 'welcome' }
  | { kind: 'story'; toReview?: boolean }
  | { kind: 'questions'; page: number; toReview?: boolean; focus?: string }
  | { kind: 'review'; changed?: string };

export interface Draft {
  submissionId: string;
  role: string | null;
  language: string;
  title: string;
  text: string;
  answers: Record<string, Answer>;
  step: Step;
}

const key = (slug: string) => `vertelpunt:draft:${slug}`;

/** A random UUID (version 4); works outside secure contexts too, unlike crypto.randomUUID. */
export function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newDraft(language: string): Draft {
  return {
    submissionId: newSubmissionId(),
    role: null,
    language,
    title: '',
    text: '',
    answers: {},
    step: { kind: 'welcome' },
  };
}

export function loadDraft(slug: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(slug));
    if (!raw) {
      return null;
    }
    const draft = JSON.parse(raw) as Draft;
    return typeof draft.submissionId === 'string' && typeof draft.text === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, draft: Draft): void {
  try {
    localStorage.setItem(key(slug), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the form keeps working, only without this safety net
  }
}

export function clearDraft(slug: string): void {
  try {
    localStorage.removeItem(key(slug));
  } catch {
    // nothing to clear
  }
}

/** Whether a draft holds anything the storyteller wrote or chose. */
export function hasContent(draft: Draft): boolean {
  return draft.text.trim() !== '' || draft.title.trim() !== '' || Object.keys(draft.answers).length > 0;
}
