import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pgaInTenths, scorePga } from '@/domain/instruments';

describe('Physician Global Assessment', () => {
  it('accepts 0, 3 and values with one decimal between them', () => {
    expect(scorePga(0)).toEqual({ status: 'complete', value: 0 });
    expect(scorePga(3)).toEqual({ status: 'complete', value: 3 });
    expect(scorePga(1.7)).toEqual({ status: 'complete', value: 1.7 });
  });

  it('is incomplete just outside the 0–3 scale', () => {
    expect(scorePga(3.1)).toEqual({ status: 'incomplete', missing: ['pga'] });
    expect(scorePga(-0.1)).toEqual({ status: 'incomplete', missing: ['pga'] });
  });

  it('is incomplete for a value with two decimals or no value at all', () => {
    expect(scorePga(1.25)).toEqual({ status: 'incomplete', missing: ['pga'] });
    expect(scorePga(Number.NaN)).toEqual({ status: 'incomplete', missing: ['pga'] });
  });

  it('measures a rise from 2.0 to 2.3 as exactly 3 tenths, where floating point gives 0.2999…', () => {
    expect(2.3 - 2.0).toBeLessThan(0.3);
    expect(pgaInTenths(2.3) - pgaInTenths(2.0)).toBe(3);
  });

  it('accepts every tenth from 0 to 3 and returns it within the scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), (tenths) => {
        const result = scorePga(tenths / 10);
        expect(result.status).toBe('complete');
        if (result.status === 'complete') {
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(3);
          expect(pgaInTenths(result.value)).toBe(tenths);
        }
      }),
      { numRuns: 200 },
    );
  });
});
