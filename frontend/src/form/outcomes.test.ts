// @vitest-environment node
// Proposals on the storytellers' page read as sentences, whatever case and punctuation the facilitator typed.
import { describe, expect, it } from 'vitest';
import { capitalised, goalSentence, sentence } from './outcomes';

describe('sentence', () => {
  it('starts with a capital and ends with a full stop', () => {
    expect(sentence('elk gezin krijgt één vaste contactpersoon')).toBe(
      'Elk gezin krijgt één vaste contactpersoon.',
    );
    expect(sentence('  zodat ouders zich   gehoord voelen ')).toBe('Zodat ouders zich gehoord voelen.');
    expect(sentence('één vaste contactpersoon')).toBe('Eén vaste contactpersoon.');
  });

  it('keeps punctuation that is there', () => {
    expect(sentence('Wie pakt het op?')).toBe('Wie pakt het op?');
    expect(sentence('Klaar!')).toBe('Klaar!');
    expect(sentence('Zo zei een ouder: “eindelijk gehoord.”')).toBe('Zo zei een ouder: “eindelijk gehoord.”');
    expect(sentence('we beginnen in maart (twee wijkteams).')).toBe('We beginnen in maart (twee wijkteams).');
  });

  it('leaves words capitalised inside as they are', () => {
    expect(sentence('eHealth voor elk gezin')).toBe('eHealth voor elk gezin.');
    expect(capitalised('"wachtlijst zichtbaar"')).toBe('"Wachtlijst zichtbaar"');
    expect(sentence('')).toBe('');
  });
});

describe('goalSentence', () => {
  it('reads as the sentence the form began with "Zodat …"', () => {
    expect(goalSentence('zodat ouders zich gehoord voelen', 'Zodat')).toBe(
      'Zodat ouders zich gehoord voelen.',
    );
    expect(goalSentence('Ouders zich gehoord voelen', 'Zodat')).toBe('Zodat ouders zich gehoord voelen.');
    expect(goalSentence('ZODAT jongeren sneller hulp krijgen!', 'Zodat')).toBe(
      'ZODAT jongeren sneller hulp krijgen!',
    );
    expect(goalSentence('GGZ en wijkteam elkaar kennen', 'Zodat')).toBe(
      'Zodat GGZ en wijkteam elkaar kennen.',
    );
    expect(goalSentence('  ', 'Zodat')).toBe('');
  });
});
