import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOSE_DECISION_SETTINGS, recommendNextDose, toxicityPosterior } from '@/domain/dosing';

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

// dosing.md, "Reference values (a = b = 1, θ = 0.30)": P(p > 0.30 | x DLTs of n).
const REFERENCE: Record<number, number[]> = {
  1: [0.49, 0.91],
  2: [0.343, 0.784, 0.973],
  3: [0.2401, 0.6517, 0.9163, 0.9919],
  4: [0.1681, 0.5282, 0.8369, 0.9692, 0.9976],
  5: [0.1176, 0.4202, 0.7443, 0.9295, 0.9891, 0.9993],
};

describe('the posterior probability of excessive toxicity', () => {
  for (const [n, row] of Object.entries(REFERENCE)) {
    for (const [x, expected] of row.entries()) {
      it(`is ${expected.toFixed(4)} after ${x} DLT of ${n}, as in the reference table`, () => {
        expect(round4(toxicityPosterior({ dlts: x, patients: Number(n) }).probabilityExcessive)).toBe(
          expected,
        );
      });
    }
  }

  it('is (1 − θ)^(n+1) without DLT and 1 − θ^(n+1) with all DLTs, by hand', () => {
    expect(toxicityPosterior({ dlts: 0, patients: 5 }).probabilityExcessive).toBeCloseTo(0.7 ** 6, 12);
    expect(toxicityPosterior({ dlts: 5, patients: 5 }).probabilityExcessive).toBeCloseTo(1 - 0.3 ** 6, 12);
  });

  it('reports the posterior mean and the 95 % equal-tailed interval', () => {
    // Beta(1, 6): CDF 1 − (1 − p)^6, so the quantile q is 1 − (1 − q)^(1/6).
    const post = toxicityPosterior({ dlts: 0, patients: 5 });
    expect(post.mean).toBeCloseTo(1 / 7, 12);
    expect(post.lower95).toBeCloseTo(1 - 0.975 ** (1 / 6), 10);
    expect(post.upper95).toBeCloseTo(1 - 0.025 ** (1 / 6), 10);
    expect({ a: post.a, b: post.b }).toEqual({ a: 1, b: 6 });
  });

  it('follows the prior and threshold it is given', () => {
    // Beta(2, 3) prior, 0 of 0: P(p > 0.5) = 1 − I_0.5(2, 3) = 5/16.
    expect(
      toxicityPosterior({ dlts: 0, patients: 0, prior: { a: 2, b: 3 }, threshold: 0.5 }).probabilityExcessive,
    ).toBeCloseTo(5 / 16, 12);
  });

  it('rises with every additional DLT among the same participants', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        ([n, x]) => {
          const fewer = toxicityPosterior({ dlts: x, patients: n }).probabilityExcessive;
          const more = toxicityPosterior({ dlts: x + 1, patients: n }).probabilityExcessive;
          expect(more).toBeGreaterThanOrEqual(fewer);
          expect(fewer).toBeGreaterThanOrEqual(0);
          expect(more).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('refuses impossible counts, a programming error', () => {
    expect(() => toxicityPosterior({ dlts: 3, patients: 2 })).toThrow(RangeError);
    expect(() => toxicityPosterior({ dlts: -1, patients: 2 })).toThrow(RangeError);
    expect(() => toxicityPosterior({ dlts: 0.5, patients: 2 })).toThrow(RangeError);
    expect(() => toxicityPosterior({ dlts: 0, patients: 2, threshold: 1 })).toThrow(RangeError);
  });
});

describe('the next-dose recommendation at the end of cohort 1 (5 at 2 ×10⁶/kg)', () => {
  const end = (dlts: number) => recommendNextDose({ dlts, patients: 5, completed: 5 });

  it('escalates to 4 ×10⁶/kg after 0 DLT of 5 (P = 0.1176 ≤ 0.20)', () => {
    expect(end(0)).toMatchObject({
      decision: 'escalate',
      nextDoseLevel: 4,
      rule: 'endOfCohort',
      safetySignal: false,
    });
    expect(round4(end(0).probabilityExcessive)).toBe(0.1176);
  });

  it('holds at 2 ×10⁶/kg and asks the DSMB after 1 DLT of 5 (P = 0.4202)', () => {
    expect(end(1)).toMatchObject({
      decision: 'hold',
      nextDoseLevel: 2,
      rule: 'endOfCohort',
      safetySignal: false,
    });
    expect(round4(end(1).probabilityExcessive)).toBe(0.4202);
  });

  it('de-escalates to 1 ×10⁶/kg after 2 or more DLTs of 5 (P ≥ 0.70)', () => {
    expect(end(2)).toMatchObject({ decision: 'de-escalate', nextDoseLevel: 1, safetySignal: true });
    expect(round4(end(2).probabilityExcessive)).toBe(0.7443);
    for (const dlts of [3, 4, 5]) expect(end(dlts).decision).toBe('de-escalate');
  });

  it('shows the settings it applied', () => {
    expect(end(0).settings).toEqual(DOSE_DECISION_SETTINGS);
    expect(end(0).doseLevel).toBe(2);
  });
});

describe('the next-dose recommendation before the cohort is complete', () => {
  it('waits, with how many are still in their window and still to include', () => {
    expect(recommendNextDose({ dlts: 0, patients: 4, completed: 2 })).toMatchObject({
      decision: 'wait',
      rule: 'cohortIncomplete',
      stillInWindow: 2,
      remainingToInclude: 1,
    });
    expect(recommendNextDose({ dlts: 0, patients: 4, completed: 2 }).nextDoseLevel).toBeUndefined();
  });

  it('does not read the prior alone (P = 0.70) as a safety signal', () => {
    expect(recommendNextDose({ dlts: 0, patients: 1, completed: 0 })).toMatchObject({
      decision: 'wait',
      safetySignal: false,
    });
  });

  it('pauses inclusions on a safety signal: 1 DLT in the first participant (P = 0.91)', () => {
    const r = recommendNextDose({ dlts: 1, patients: 3, completed: 1 });
    expect(r).toMatchObject({ decision: 'hold', rule: 'safetySignal', safetySignal: true, stillInWindow: 2 });
    expect(r.nextDoseLevel).toBeUndefined();
  });

  it('keeps waiting after 1 DLT of 3 (P = 0.6517, under 0.70)', () => {
    expect(recommendNextDose({ dlts: 1, patients: 4, completed: 3 })).toMatchObject({
      decision: 'wait',
      safetySignal: false,
    });
  });
});

describe('the next-dose recommendation of a cohort at either end of the ladder', () => {
  it('holds at 1 ×10⁶/kg when it should de-escalate further, and at 4 when it would escalate', () => {
    expect(recommendNextDose({ dlts: 3, patients: 5, completed: 5, doseLevel: 1 })).toMatchObject({
      decision: 'hold',
      safetySignal: true,
    });
    expect(recommendNextDose({ dlts: 0, patients: 5, completed: 5, doseLevel: 4 })).toMatchObject({
      decision: 'hold',
      nextDoseLevel: 4,
    });
    expect(recommendNextDose({ dlts: 0, patients: 5, completed: 5, doseLevel: 1 })).toMatchObject({
      decision: 'escalate',
      nextDoseLevel: 2,
    });
  });

  it('refuses counts that cannot be, a programming error', () => {
    expect(() => recommendNextDose({ dlts: 2, patients: 5, completed: 1 })).toThrow(RangeError);
    expect(() => recommendNextDose({ dlts: 0, patients: 2, completed: 3 })).toThrow(RangeError);
  });
});
