import { describe, expect, it } from 'vitest';
import {
  applyKey,
  canExtend,
  couldBecomeValid,
  isComplete,
  isWithinBounds,
  parseEntry,
  type PadKey,
} from '@/ui/number-entry';

const SBP = { min: 40, max: 300 };
const HR = { min: 20, max: 250 };
const TEMP = { min: 30, max: 43, decimals: 1 };
const SPO2 = { min: 50, max: 100 };
const RR = { min: 4, max: 60 };

const type = (keys: string, field: Parameters<typeof applyKey>[2], sep = ',') =>
  [...keys].reduce((text, k) => applyKey(text, (k === ',' ? 'decimal' : k) as PadKey, field, sep), '');

describe('number entry on the pad', () => {
  it('reads a comma or a point', () => {
    expect(parseEntry('37,2')).toBe(37.2);
    expect(parseEntry('37.2')).toBe(37.2);
    expect(parseEntry('')).toBeNaN();
    expect(parseEntry('3,7,2')).toBeNaN();
  });

  it('is complete as soon as no further digit could stay within bounds', () => {
    expect(isComplete('120', SBP)).toBe(true);
    expect(isComplete('12', SBP)).toBe(false); // 12 is below 40, 120–129 are fine
    expect(isComplete('95', SBP)).toBe(true); // 950 > 300
    expect(isComplete('30', SBP)).toBe(false); // 300 is still possible
    expect(isComplete('98', SPO2)).toBe(true);
    expect(isComplete('100', SPO2)).toBe(true);
    expect(isComplete('16', RR)).toBe(true);
    expect(isComplete('8', RR)).toBe(true); // 80 > 60
    expect(isComplete('5', RR)).toBe(false); // 50–59 possible
    expect(isComplete('25', HR)).toBe(false); // 250 possible: "Next" moves on
  });

  it('puts the decimal separator where an integer could not continue', () => {
    expect(type('372', TEMP)).toBe('37,2');
    expect(type('372', TEMP, '.')).toBe('37.2');
    expect(isComplete('37,2', TEMP)).toBe(true);
    expect(isComplete('37', TEMP)).toBe(false);
    expect(type('37,5', TEMP)).toBe('37,5');
    expect(type('3725', TEMP)).toBe('37,25'); // one decimal only: out of bounds, shown at once
    expect(couldBecomeValid('37,25', TEMP)).toBe(false);
    expect(type('12,5', SBP)).toBe('125'); // no decimals on a pressure: the separator key does nothing
  });

  it('knows at once when a value can no longer be within bounds', () => {
    expect(couldBecomeValid('3', SBP)).toBe(true);
    expect(couldBecomeValid('35', SBP)).toBe(false);
    expect(couldBecomeValid('301', SBP)).toBe(false);
    expect(couldBecomeValid('5', TEMP)).toBe(false);
    expect(couldBecomeValid('44', TEMP)).toBe(false);
    expect(couldBecomeValid('43,1', TEMP)).toBe(false);
    expect(couldBecomeValid('43,0', TEMP)).toBe(true);
    expect(couldBecomeValid('0', SBP)).toBe(false);
    expect(couldBecomeValid('101', SPO2)).toBe(false);
    expect(isWithinBounds('29,9', TEMP)).toBe(false);
    expect(isWithinBounds('30', TEMP)).toBe(true);
  });

  it('erases the last character; stops at eight', () => {
    expect(applyKey('37,', 'back', TEMP)).toBe('37');
    expect(applyKey('', 'back', TEMP)).toBe('');
    expect(applyKey('12345678', '9', { min: 0, max: 1e9 })).toBe('12345678');
    expect(canExtend('1', SBP)).toBe(true);
  });
});
