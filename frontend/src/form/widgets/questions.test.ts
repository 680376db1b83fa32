import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { choice, multichoice, slider, text, triad } from '../../testing/definition';
import { describeAnswer } from './questions';

describe('an answer in words on the review screen', () => {
  afterEach(() => setLanguage('nl'));

  it('says a question was not answered', () => {
    expect(describeAnswer(slider, undefined)).toBe('Niet ingevuld');
    expect(describeAnswer(choice, undefined)).toBe('Niet ingevuld');
  });

  it('gives a slider value with its position between the poles', () => {
    expect(describeAnswer(slider, 0)).toBe('0 – niet gehoord');
    expect(describeAnswer(slider, 55)).toBe('55 – in het midden');
    expect(describeAnswer(slider, 100)).toBe('100 – goed gehoord');
  });

  it('says "not applicable" for a slider answered so', () => {
    expect(describeAnswer(slider, 'NA')).toBe('Weet ik niet / niet van toepassing');
  });

  it('gives the label of a chosen option, or its id when the option is gone', () => {
    expect(describeAnswer(choice, 'zuid')).toBe('Zuid');
    expect(describeAnswer(choice, 'west')).toBe('west');
  });

  it('lists the labels of every chosen option in the order chosen', () => {
    expect(describeAnswer(multichoice, ['thuis', 'school'])).toBe('Thuis, School');
  });

  it('gives the three shares of a triad with their corners', () => {
    expect(describeAnswer(triad, [50, 30, 20])).toBe('rust: 50%, ruimte: 30%, regels: 20%');
  });

  it('gives a text answer as it was written', () => {
    expect(describeAnswer(text, 'Meer tijd')).toBe('Meer tijd');
  });

  it('speaks English, with Dutch labels where the story point has no English', () => {
    setLanguage('en');
    expect(describeAnswer(slider, undefined)).toBe('Not answered');
    expect(describeAnswer(slider, 'NA')).toBe("I don't know / not applicable");
    expect(describeAnswer(slider, 90)).toBe('90 – close to well heard');
    expect(describeAnswer(multichoice, ['school', 'werk'])).toBe('School, Werk');
    expect(describeAnswer(triad, [10, 20, 70])).toBe('calm: 10%, room: 20%, rules: 70%');
  });
});
