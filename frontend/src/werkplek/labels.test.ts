import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { choice, definition, multichoice, slider, text, triad } from '../testing/definition';
import {
  binLabel,
  binRange,
  categoryLabel,
  channelLabel,
  chartable,
  describeAnswer,
  formatCount,
  formatNumber,
  formatP,
  patternKindLabel,
  roleLabel,
  variableLabel,
} from './labels';

describe('an answer in words in the workspace', () => {
  afterEach(() => setLanguage('nl'));

  it('says a question was not answered, also for an empty list', () => {
    expect(describeAnswer(slider, undefined)).toBe('Niet ingevuld');
    expect(describeAnswer(choice, null)).toBe('Niet ingevuld');
    expect(describeAnswer(multichoice, [])).toBe('Niet ingevuld');
  });

  it('gives a slider value out of 100 with its position between the poles', () => {
    expect(describeAnswer(slider, 15)).toBe('15 van 100: dicht bij niet gehoord');
    expect(describeAnswer(slider, 'NA')).toBe('Weet ik niet / niet van toepassing');
  });

  it('gives option labels, or ids of options the story point no longer has', () => {
    expect(describeAnswer(choice, 'noord')).toBe('Noord');
    expect(describeAnswer(multichoice, ['werk', 'oud'])).toBe('Werk, oud');
  });

  it('gives the shares of a triad and the text of a text answer', () => {
    expect(describeAnswer(triad, [20, 30, 50])).toBe('rust: 20%, ruimte: 30%, regels: 50%');
    expect(describeAnswer(text, 'Meer tijd')).toBe('Meer tijd');
  });

  it('speaks English', () => {
    setLanguage('en');
    expect(describeAnswer(slider, undefined)).toBe('Not answered');
    expect(describeAnswer(slider, 100)).toBe('100 of 100: well heard');
    expect(describeAnswer(slider, 'NA')).toBe("Don't know / not applicable");
    expect(describeAnswer(choice, 'zuid')).toBe('South');
  });
});

describe('names of what the API gives as ids', () => {
  afterEach(() => setLanguage('nl'));

  it('names roles and channels, and keeps an unknown id as it is', () => {
    expect(roleLabel(definition, 'jongere')).toBe('Jongere');
    expect(roleLabel(definition, 'opa')).toBe('opa');
    expect(channelLabel('papier')).toBe('Papier');
    expect(channelLabel('fax')).toBe('fax');
    setLanguage('en');
    expect(roleLabel(definition, 'jongere')).toBe('Young person');
    expect(channelLabel('papier')).toBe('Paper');
  });

  it('names evaluation variables: a role, a question, one option of a question, the subset', () => {
    expect(variableLabel(definition, 'role')).toBe('Rol');
    expect(variableLabel(definition, 'gehoord')).toBe('1. Gehoord');
    expect(variableLabel(definition, 'hulp:thuis')).toBe('3. Hulp: Thuis');
    expect(variableLabel(definition, 'onbekend')).toBe('onbekend');
  });

  it('names the categories of a variable', () => {
    expect(categoryLabel(definition, 'role', 'ouder')).toBe('Ouder');
    expect(categoryLabel(definition, 'regio', 'zuid')).toBe('Zuid');
    expect(categoryLabel(definition, 'regio', 'west', 'West (oud)')).toBe('West (oud)');
    expect(categoryLabel(definition, 'hulp:thuis', 'yes')).not.toBe(
      categoryLabel(definition, 'hulp:thuis', 'no'),
    );
  });

  it('names the story point of a module-wide evaluation, its categories by the titles the result carries', () => {
    expect(variableLabel(definition, 'storyPoint')).toBe('Vertelpunt');
    expect(categoryLabel(definition, 'storyPoint', 'twente', 'Vertelpunt Twente')).toBe('Vertelpunt Twente');
  });

  it('names the kinds of pattern, and keeps an unknown kind', () => {
    expect(patternKindLabel('slider_by_choice')).not.toBe('slider_by_choice');
    expect(patternKindLabel('nieuw')).toBe('nieuw');
  });
});

describe('numbers as shown', () => {
  afterEach(() => setLanguage('nl'));

  it('shows counts with thousands separators, a suppressed count as it is, nothing as a dash', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount('<5')).toBe('<5');
    expect(formatCount(null)).toBe('–');
    setLanguage('en');
    expect(formatCount(1234)).toBe('1,234');
  });

  it('charts only counts that are numbers', () => {
    expect(chartable(0)).toBe(true);
    expect(chartable(12)).toBe(true);
    expect(chartable('<5')).toBe(false);
    expect(chartable(null)).toBe(false);
    expect(chartable(undefined)).toBe(false);
  });

  it('rounds numbers and p-values, with a dash for what is not a number', () => {
    expect(formatNumber(0.456)).toBe('0,46');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatP(0.04567)).toBe('0,046');
    expect(formatP(0.0001)).toBe('< 0,001');
    expect(formatP(null)).toBe('–');
  });

  it('names the ten slider bins, the last one including 100', () => {
    expect(binLabel(0)).toBe('0–9');
    expect(binLabel(4)).toBe('40–49');
    expect(binLabel(9)).toBe('90–100');
    expect(binRange(0)).toEqual([0, 9]);
    expect(binRange(9)).toEqual([90, 100]);
  });
});
