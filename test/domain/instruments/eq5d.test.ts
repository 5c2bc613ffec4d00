import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQ5D_DIMENSIONS, scoreEq5d5l, type Eq5dDimension } from '@/domain/instruments';

const state = (profile: string) =>
  Object.fromEntries(
    EQ5D_DIMENSIONS.map((dimension, index) => [dimension, Number(profile[index])]),
  ) as Record<Eq5dDimension, number>;

describe('EQ-5D-5L with the French value set (Andrade 2020)', () => {
  it('values full health 11111 at 1 and the worst state 55555 at −0.525, the set’s minimum', () => {
    expect(scoreEq5d5l(state('11111'))).toEqual({
      status: 'complete',
      profile: '11111',
      levelSum: 5,
      indexFR: 1,
    });
    expect(scoreEq5d5l(state('55555'))).toEqual({
      status: 'complete',
      profile: '55555',
      levelSum: 25,
      indexFR: -0.525,
    });
  });

  // Values of the published French 5L table (eq5dsuite-value-sets, EQ-5D-5L/FR.csv), rounded to 3 decimals.
  it.each([
    ['21111', 0.962], // 0.96241
    ['13111', 0.949], // 0.949219
    ['11141', 0.736], // 0.73626
    ['12345', 0.402], // 0.40188
    ['34152', 0.316], // 0.315559
    ['53224', 0.369], // 0.368969
    ['44444', 0.028], // 0.027579
    ['45555', -0.38], // −0.379891
    ['25555', -0.238], // −0.237991
  ])('reproduces the published value of %s (%s)', (profile, expected) => {
    expect(scoreEq5d5l(state(profile))).toMatchObject({ status: 'complete', profile, indexFR: expected });
  });

  it('returns the EQ VAS with the index, accepting both ends of its 0–100 scale', () => {
    expect(scoreEq5d5l({ ...state('21111'), vas: 0 })).toMatchObject({ status: 'complete', vas: 0 });
    expect(scoreEq5d5l({ ...state('21111'), vas: 100 })).toMatchObject({ status: 'complete', vas: 100 });
    expect(scoreEq5d5l(state('21111'))).not.toHaveProperty('vas');
  });

  it('is incomplete for an EQ VAS outside 0–100 or not a whole number', () => {
    for (const vas of [101, -1, 72.5]) {
      expect(scoreEq5d5l({ ...state('11111'), vas })).toEqual({ status: 'incomplete', missing: ['vas'] });
    }
  });

  it('is incomplete, naming each dimension, for a level outside 1–5 or a missing one', () => {
    const { anxietyDepression: _, ...four } = state('11111');
    const result = scoreEq5d5l({ ...four, mobility: 0, selfCare: 6 } as Record<Eq5dDimension, number>);
    expect(result).toEqual({ status: 'incomplete', missing: ['mobility', 'selfCare', 'anxietyDepression'] });
  });

  it('keeps every index within −0.525…1, the level sum within 5–25, and never rises when a level worsens', () => {
    const level = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.tuple(level, level, level, level, level), fc.nat({ max: 4 }), (levels, worsened) => {
        const profile = levels.join('');
        const result = scoreEq5d5l(state(profile));
        if (result.status !== 'complete') throw new Error('a valid profile must score');
        expect(result.indexFR).toBeGreaterThanOrEqual(-0.525);
        expect(result.indexFR).toBeLessThanOrEqual(1);
        expect(result.levelSum).toBe(levels.reduce((sum, value) => sum + value, 0));
        const worse = levels.map((value, index) => (index === worsened ? Math.min(5, value + 1) : value));
        const worseResult = scoreEq5d5l(state(worse.join('')));
        expect(worseResult.status === 'complete' && worseResult.indexFR).toBeLessThanOrEqual(result.indexFR);
      }),
      { numRuns: 300 },
    );
  });
});
