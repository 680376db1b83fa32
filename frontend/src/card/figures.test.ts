import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../lang';
import { figureValue } from './figures';

describe('figureValue', () => {
  afterEach(() => setLanguage('nl'));

  it('writes a value as given, in Dutch, with its unit', () => {
    setLanguage('nl');
    expect(figureValue('12.3', '%')).toBe('12,3%');
    expect(figureValue('312.40', 'euro')).toBe('312,40\u00a0euro');
    expect(figureValue('1250', 'jongeren')).toBe('1.250\u00a0jongeren');
    expect(figureValue('-1234567.5', '')).toBe('−1.234.567,5');
    expect(figureValue('0.125', '‰')).toBe('0,125‰');
  });

  it('writes it in English with a decimal point and commas between thousands', () => {
    setLanguage('en');
    expect(figureValue('12.3', '%')).toBe('12.3%');
    expect(figureValue('1250.75', 'euro')).toBe('1,250.75\u00a0euro');
  });
});
