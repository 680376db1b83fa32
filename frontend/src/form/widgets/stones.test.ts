import { describe, expect, it } from 'vitest';
import type { Question } from '../../types';
import { clamp, describeStones, moved } from './stones';

const question: Question = {
  id: 'steun',
  number: 3,
  type: 'stones',
  label: { nl: 'Wie hielp?' },
  left: { nl: 'Ver weg' },
  right: { nl: 'Dichtbij' },
  bottom: { nl: 'Weinig hulp' },
  top: { nl: 'Veel hulp' },
  notApplicable: true,
  items: [
    { id: 'familie', label: { nl: 'Familie' } },
    { id: 'school', label: { nl: 'School' } },
    { id: 'buurt', label: { nl: 'Buurt' } },
  ],
};

describe('stones', () => {
  it('moves a place by five with the arrows, by one with Shift, up counting upwards', () => {
    expect(moved([50, 50], 'ArrowRight', false)).toEqual([55, 50]);
    expect(moved([50, 50], 'ArrowLeft', true)).toEqual([49, 50]);
    expect(moved([50, 50], 'ArrowUp', false)).toEqual([50, 55]);
    expect(moved([50, 50], 'ArrowDown', false)).toEqual([50, 45]);
  });

  it('goes to the edges with Home, End, Page Up and Page Down, and never past them', () => {
    expect(moved([30, 70], 'Home', false)).toEqual([0, 70]);
    expect(moved([30, 70], 'End', false)).toEqual([100, 70]);
    expect(moved([30, 70], 'PageUp', false)).toEqual([30, 100]);
    expect(moved([30, 70], 'PageDown', false)).toEqual([30, 0]);
    expect(moved([98, 2], 'ArrowRight', false)).toEqual([100, 2]);
    expect(moved([98, 2], 'ArrowDown', false)).toEqual([98, 0]);
    expect(moved([50, 50], 'Enter', false)).toBeNull();
    expect(clamp(-3.4)).toBe(0);
    expect(clamp(47.6)).toBe(48);
  });

  it('says an answer item by item in the order of the items, leaving out items left off', () => {
    expect(describeStones(question, { buurt: 'NA', familie: [0, 100] })).toBe(
      'Familie: ver weg, veel hulp; Buurt: Weet ik niet / niet van toepassing',
    );
    expect(describeStones(question, { school: [70, 30] })).toBe(
      'School: meer naar dichtbij, meer naar weinig hulp',
    );
  });
});
