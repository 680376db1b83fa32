import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, hasContent, loadDraft, newDraft, newSubmissionId, saveDraft, type Draft } from './draft';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function written(): Draft {
  return {
    ...newDraft('nl'),
    role: 'jongere',
    title: 'Mijn verhaal',
    text: 'Ik werd niet gehoord.',
    answers: { q1: 70, q2: 'a', q3: ['x', 'y'] },
    step: { kind: 'questions', page: 1 },
  };
}

describe('draft store', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('gives back a saved draft as it was, step included', () => {
    const draft = written();
    saveDraft('jeugdzorg', draft);
    expect(loadDraft('jeugdzorg')).toEqual(draft);
  });

  it('has no draft for a story point nothing was saved for', () => {
    expect(loadDraft('jeugdzorg')).toBeNull();
  });

  it('keeps a draft per story point', () => {
    const first = written();
    const second = { ...newDraft('en'), text: 'Another story' };
    saveDraft('een', first);
    saveDraft('twee', second);
    expect(loadDraft('een')).toEqual(first);
    expect(loadDraft('twee')).toEqual(second);
  });

  it('removes only the draft of the story point it is asked to remove', () => {
    saveDraft('een', written());
    saveDraft('twee', written());
    clearDraft('een');
    expect(loadDraft('een')).toBeNull();
    expect(loadDraft('twee')).not.toBeNull();
  });

  it('keeps the submission id of a draft through every save and load', () => {
    const draft = newDraft('nl');
    const id = draft.submissionId;
    saveDraft('jeugdzorg', draft);
    const loaded = loadDraft('jeugdzorg') as Draft;
    loaded.text = 'Meer tekst';
    loaded.step = { kind: 'review' };
    saveDraft('jeugdzorg', loaded);
    expect(loadDraft('jeugdzorg')?.submissionId).toBe(id);
  });

  it('makes a new random version 4 submission id for every new draft', () => {
    const a = newDraft('nl');
    const b = newDraft('nl');
    expect(a.submissionId).toMatch(UUID_V4);
    expect(b.submissionId).toMatch(UUID_V4);
    expect(a.submissionId).not.toBe(b.submissionId);
    expect(newSubmissionId()).toMatch(UUID_V4);
  });

  it('starts a new draft empty, on the welcome step, in the given language', () => {
    const draft = newDraft('en');
    expect(draft).toMatchObject({ role: null, language: 'en', title: '', text: '', answers: {} });
    expect(draft.step).toEqual({ kind: 'welcome' });
    expect(hasContent(draft)).toBe(false);
  });

  it('ignores a stored value that is not JSON', () => {
    localStorage.setItem('vertelpunt:draft:jeugdzorg', '{"submissionId": "abc", "text": ');
    expect(loadDraft('jeugdzorg')).toBeNull();
  });

  it('ignores a stored value without a submission id or text', () => {
    localStorage.setItem('vertelpunt:draft:jeugdzorg', JSON.stringify({ text: 'zonder id' }));
    expect(loadDraft('jeugdzorg')).toBeNull();
    localStorage.setItem('vertelpunt:draft:jeugdzorg', JSON.stringify({ submissionId: 'abc', text: 42 }));
    expect(loadDraft('jeugdzorg')).toBeNull();
    localStorage.setItem('vertelpunt:draft:jeugdzorg', 'null');
    expect(loadDraft('jeugdzorg')).toBeNull();
  });

  it('keeps the form working when storage refuses to save, read or remove', () => {
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: refuse, setItem: refuse, removeItem: refuse });
    expect(() => saveDraft('jeugdzorg', written())).not.toThrow();
    expect(loadDraft('jeugdzorg')).toBeNull();
    expect(() => clearDraft('jeugdzorg')).not.toThrow();
  });

  it('counts text, a title or an answer as content, but not spaces alone', () => {
    const draft = newDraft('nl');
    expect(hasContent({ ...draft, text: '   \n' })).toBe(false);
    expect(hasContent({ ...draft, text: 'Iets' })).toBe(true);
    expect(hasContent({ ...draft, title: 'Titel' })).toBe(true);
    expect(hasContent({ ...draft, answers: { q1: 'NA' } })).toBe(true);
  });
});
