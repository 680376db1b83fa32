import { afterEach, describe, expect, it } from 'vitest';
import { currentLanguage, formatDay, setLanguage, translator } from './lang';

const texts = translator<'hello' | 'onlyDutch'>({
  nl: { hello: 'Hallo {name}, je hebt {count} verhalen', onlyDutch: 'Alleen Nederlands' },
  en: { hello: 'Hello {name}, you have {count} stories' } as Record<'hello' | 'onlyDutch', string>,
});

describe('translator', () => {
  afterEach(() => setLanguage('nl'));

  it('fills placeholders in the current language', () => {
    expect(texts('hello', { name: 'Sam', count: 3 })).toBe('Hallo Sam, je hebt 3 verhalen');
    setLanguage('en');
    expect(texts('hello', { name: 'Sam', count: 3 })).toBe('Hello Sam, you have 3 stories');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(texts('hello', { name: 'Sam' })).toBe('Hallo Sam, je hebt {count} verhalen');
  });

  it('falls back to Dutch when a text is missing in English', () => {
    setLanguage('en');
    expect(texts('onlyDutch')).toBe('Alleen Nederlands');
  });

  it('accepts only Dutch and English, and marks the document', () => {
    setLanguage('de');
    expect(currentLanguage()).toBe('nl');
    setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('formatDay', () => {
  afterEach(() => setLanguage('nl'));

  it('writes a day in words in the interface language, on the Dutch calendar', () => {
    expect(formatDay('2026-03-12')).toBe('12 maart 2026');
    setLanguage('en');
    expect(formatDay('2026-03-12')).toBe('12 March 2026');
    // 23:30 UTC on 31 December is already 1 January in the Netherlands
    expect(formatDay('2025-12-31T23:30:00Z')).toBe('1 January 2026');
  });
});

describe('plural forms', () => {
  const counts = translator<'found' | 'left'>({
    nl: { found: '{count|# verhaal|# verhalen} gevonden', left: '{n|Nog één|Nog #} te gaan' },
    en: { found: '{count|# story|# stories} found', left: '{n|One|#} to go' },
  });
  afterEach(() => setLanguage('nl'));

  it('chooses the form by the number, in the current language', () => {
    expect(counts('found', { count: 1 })).toBe('1 verhaal gevonden');
    expect(counts('found', { count: 0 })).toBe('0 verhalen gevonden');
    expect(counts('found', { count: 12 })).toBe('12 verhalen gevonden');
    setLanguage('en');
    expect(counts('found', { count: 1 })).toBe('1 story found');
    expect(counts('found', { count: 2 })).toBe('2 stories found');
  });

  it('reads shown counts: a number as text, and "<5" as more than one', () => {
    expect(counts('found', { count: '1' })).toBe('1 verhaal gevonden');
    expect(counts('found', { count: '<5' })).toBe('<5 verhalen gevonden');
    expect(counts('found', { count: '1.250' })).toBe('1.250 verhalen gevonden');
  });

  it('may leave the number out of a form', () => {
    expect(counts('left', { n: 1 })).toBe('Nog één te gaan');
    expect(counts('left', { n: 3 })).toBe('Nog 3 te gaan');
  });

  it('leaves a plural placeholder without a value visible', () => {
    expect(counts('found')).toBe('{count|# verhaal|# verhalen} gevonden');
  });
});
