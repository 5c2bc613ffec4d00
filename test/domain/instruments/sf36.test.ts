import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SF36_RESPONSE_LEVELS,
  SF36_SCALES,
  type Sf36Form,
  type Sf36SummaryNorms,
} from '@/schema/instruments';
import { scoreSf36, sf36SummaryScores, type Sf36Scores } from '@/domain/instruments';

/** Answers indexed by item number (1–36): item 2 is the health transition, in no scale. */
const answersFrom = (byItem: Record<number, number | null>) =>
  Array.from({ length: 36 }, (_, index) => byItem[index + 1] ?? null);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const items = (numbers: number[], answer: number) => Object.fromEntries(numbers.map((n) => [n, answer]));

// The worked examples of sf36.md.
// prettier-ignore
const V2_BEST = answersFrom({
  1: 1, 2: 3, ...items(range(3, 12), 3), ...items(range(13, 19), 5), 20: 1, 21: 1, 22: 1,
  23: 1, 24: 5, 25: 5, 26: 1, 27: 1, 28: 5, 29: 5, 30: 1, 31: 5, 32: 5, 33: 5, 34: 1, 35: 5, 36: 1,
});
// prettier-ignore
const V2_WORST = answersFrom({
  1: 5, 2: 3, ...items(range(3, 12), 1), ...items(range(13, 19), 1), 20: 5, 21: 6, 22: 5,
  23: 5, 24: 1, 25: 1, 26: 5, 27: 5, 28: 1, 29: 1, 30: 5, 31: 1, 32: 1, 33: 1, 34: 5, 35: 1, 36: 5,
});
// prettier-ignore
const RAND_BEST = answersFrom({
  1: 1, 2: 3, ...items(range(3, 12), 3), ...items(range(13, 19), 2), 20: 1, 21: 1, 22: 1,
  23: 1, 24: 6, 25: 6, 26: 1, 27: 1, 28: 6, 29: 6, 30: 1, 31: 6, 32: 5, 33: 5, 34: 1, 35: 5, 36: 1,
});
// prettier-ignore
const RAND_WORST = answersFrom({
  1: 5, 2: 3, ...items(range(3, 12), 1), ...items(range(13, 19), 1), 20: 5, 21: 6, 22: 5,
  23: 6, 24: 1, 25: 1, 26: 6, 27: 6, 28: 1, 29: 1, 30: 6, 31: 1, 32: 1, 33: 1, 34: 5, 35: 1, 36: 5,
});

const everyScale = (score: number) =>
  Object.fromEntries(SF36_SCALES.map((scale) => [scale, score])) as Sf36Scores;

const withAnswers = (base: (number | null)[], changes: Record<number, number | null>) =>
  base.map((answer, index) => (index + 1 in changes ? (changes[index + 1] ?? null) : answer));

describe('SF-36v2 scale scores', () => {
  it('scores every scale 100 for the best answers and 0 for the worst (sf36.md worked example)', () => {
    expect(scoreSf36(V2_BEST)).toEqual({ status: 'complete', form: 'v2', ...everyScale(100) });
    expect(scoreSf36(V2_WORST, 'v2')).toEqual({ status: 'complete', form: 'v2', ...everyScale(0) });
  });

  it('transforms physical functioning raw 23 of 10–30 to 65', () => {
    const result = scoreSf36(withAnswers(V2_BEST, { 8: 2, 9: 2, 10: 2, 11: 1, 12: 1 }));
    expect(result.status === 'complete' && result.physicalFunctioning).toBe(65);
  });

  it('recalibrates general health item 1 ("very good" = 4.4) and reverses items 34 and 36 (raw 20.4 → 77)', () => {
    const result = scoreSf36(withAnswers(V2_BEST, { 1: 2, 33: 4, 34: 2, 35: 4, 36: 2 }));
    expect(result.status === 'complete' && result.generalHealth).toBe(77);
  });

  it('reads pain interference (item 22) against pain intensity (item 21)', () => {
    const bodilyPain = (changes: Record<number, number | null>) => {
      const result = scoreSf36(withAnswers(V2_BEST, changes));
      return result.status === 'complete' ? result.bodilyPain : undefined;
    };
    expect(bodilyPain({ 21: 3, 22: 2 })).toBe(62); // 4.2 + 4 = 8.2 of 2–12
    expect(bodilyPain({ 21: 2, 22: 1 })).toBe(84); // 5.4 + 5: no interference, but some pain
    expect(bodilyPain({ 21: null, 22: 2 })).toBe(75); // item 22 alone: 4.75, counted twice
    expect(bodilyPain({ 21: 3, 22: null })).toBe(64); // item 21 alone: 4.2, counted twice
  });

  it('scores a mid-range questionnaire at 75 on the scales whose items all sit at their second-best level', () => {
    const result = scoreSf36(
      // prettier-ignore
      withAnswers(V2_BEST, {
        ...items(range(13, 19), 4),
        20: 2, 32: 4, 23: 2, 27: 2, 29: 4, 31: 4, 24: 4, 25: 4, 26: 2, 28: 4, 30: 2,
      }),
    );
    expect(result).toMatchObject({
      rolePhysical: 75,
      roleEmotional: 75,
      socialFunctioning: 75,
      vitality: 75,
      mentalHealth: 75,
    });
  });

  it('scores a scale from half its items, each blank taking the mean of the answered ones', () => {
    const result = scoreSf36(
      withAnswers(V2_BEST, { 8: null, 9: null, 10: null, 11: null, 12: null, 18: null }),
    );
    expect(result).toMatchObject({ status: 'complete', physicalFunctioning: 100, roleEmotional: 100 });
  });

  it('is incomplete, naming the scale and its blank items, with fewer than half of them answered', () => {
    const result = scoreSf36(
      withAnswers(V2_BEST, { 7: null, 8: null, 9: null, 10: null, 11: null, 12: null }),
    );
    expect(result).toEqual({
      status: 'incomplete',
      missing: ['physicalFunctioning', 'item7', 'item8', 'item9', 'item10', 'item11', 'item12'],
    });
  });

  it('ignores a blank health-transition item, which belongs to no scale', () => {
    expect(scoreSf36(withAnswers(V2_BEST, { 2: null })).status).toBe('complete');
  });

  it('is incomplete for an answer outside its item, naming it, rather than scoring around it', () => {
    expect(scoreSf36(withAnswers(V2_BEST, { 21: 7 }))).toEqual({ status: 'incomplete', missing: ['item21'] });
    expect(scoreSf36(withAnswers(V2_BEST, { 2: 0, 5: 2.5 }))).toEqual({
      status: 'incomplete',
      missing: ['item2', 'item5'],
    });
  });

  it('treats a short answer list as blanks at the end, and throws on more than 36 answers', () => {
    expect(scoreSf36(V2_BEST.slice(0, 34))).toMatchObject({ status: 'complete', generalHealth: 100 });
    expect(() => scoreSf36([...V2_BEST, 1])).toThrow(RangeError);
  });
});

describe('SF-36 scored as RAND-36 (v1 forms)', () => {
  it('scores every scale 100 for the best answers and 0 for the worst (sf36.md worked example)', () => {
    expect(scoreSf36(RAND_BEST, 'rand36')).toEqual({
      status: 'complete',
      form: 'rand36',
      ...everyScale(100),
    });
    expect(scoreSf36(RAND_WORST, 'rand36')).toEqual({ status: 'complete', form: 'rand36', ...everyScale(0) });
  });

  it('averages the answered energy items (RAND example: 40, 60, 40 and one blank → 46.67)', () => {
    const result = scoreSf36(withAnswers(RAND_BEST, { 23: 4, 27: 3, 29: 3, 31: null }), 'rand36');
    expect(result.status === 'complete' && result.vitality).toBe(46.67);
  });

  it('refuses a v2 five-level answer on a yes/no role item of the v1 form', () => {
    expect(scoreSf36(withAnswers(RAND_BEST, { 13: 3 }), 'rand36')).toEqual({
      status: 'incomplete',
      missing: ['item13'],
    });
  });
});

// The 1990 US general-population norms and factor-score coefficients of the SF-36 v1 summaries (Ware, Kosinski &
// Keller 1994), as printed in the Apolone & Mosconi SAS scoring program. A test fixture only: the app ships no norms.
const US_1990_V1: Sf36SummaryNorms = {
  label: 'US 1990 general population (test fixture)',
  form: 'v2',
  scales: {
    physicalFunctioning: { mean: 84.52404, sd: 22.8949, pcsCoefficient: 0.42402, mcsCoefficient: -0.22999 },
    rolePhysical: { mean: 81.19907, sd: 33.79729, pcsCoefficient: 0.35119, mcsCoefficient: -0.12329 },
    bodilyPain: { mean: 75.49196, sd: 23.55879, pcsCoefficient: 0.31754, mcsCoefficient: -0.09731 },
    generalHealth: { mean: 72.21316, sd: 20.16964, pcsCoefficient: 0.24954, mcsCoefficient: -0.01571 },
    vitality: { mean: 61.05453, sd: 20.86942, pcsCoefficient: 0.02877, mcsCoefficient: 0.23534 },
    socialFunctioning: { mean: 83.59753, sd: 22.37642, pcsCoefficient: -0.00753, mcsCoefficient: 0.26876 },
    roleEmotional: { mean: 81.29467, sd: 33.02717, pcsCoefficient: -0.19206, mcsCoefficient: 0.43407 },
    mentalHealth: { mean: 74.84212, sd: 18.01189, pcsCoefficient: -0.22069, mcsCoefficient: 0.48581 },
  },
};
const atNormMeans = Object.fromEntries(
  SF36_SCALES.map((scale) => [scale, US_1990_V1.scales[scale].mean]),
) as Sf36Scores;

describe('SF-36 norm-based summaries (PCS, MCS)', () => {
  it('puts a person at the population mean of every scale at 50 on both summaries', () => {
    expect(sf36SummaryScores(atNormMeans, 'v2', US_1990_V1)).toEqual({ pcs: 50, mcs: 50 });
  });

  it('moves PCS and MCS by 10 × the coefficients for one SD on physical functioning', () => {
    const scales = { ...atNormMeans, physicalFunctioning: 84.52404 + 22.8949 };
    expect(sf36SummaryScores(scales, 'v2', US_1990_V1)).toEqual({ pcs: 54.24, mcs: 47.7 });
  });

  it('adds the summaries, with the norms named, only when a coefficient set is configured', () => {
    expect(scoreSf36(V2_BEST, 'v2', { summaryNorms: US_1990_V1 })).toMatchObject({
      summary: { pcs: 57.87, mcs: 62.14, norms: 'US 1990 general population (test fixture)' },
    });
    expect(scoreSf36(V2_BEST)).not.toHaveProperty('summary');
  });

  it('throws on a coefficient set derived for the other form or missing a scale, a configuration error', () => {
    expect(() => scoreSf36(RAND_BEST, 'rand36', { summaryNorms: US_1990_V1 })).toThrow(/v2 form/);
    const { mentalHealth: _, ...sevenScales } = US_1990_V1.scales;
    const broken = { ...US_1990_V1, scales: sevenScales } as Sf36SummaryNorms;
    expect(() => scoreSf36(V2_BEST, 'v2', { summaryNorms: broken })).toThrow();
  });
});

describe('SF-36 on any answers', () => {
  const answersOf = (form: Sf36Form) =>
    fc.tuple(
      ...SF36_RESPONSE_LEVELS[form].map((levels) =>
        fc.option(fc.integer({ min: 1, max: levels }), { nil: null, freq: 5 }),
      ),
    );

  it.each<Sf36Form>(['v2', 'rand36'])(
    'keeps every %s scale within 0–100, and names only scales and items when incomplete',
    (form) => {
      fc.assert(
        fc.property(answersOf(form), (answers) => {
          const result = scoreSf36(answers, form);
          if (result.status === 'complete') {
            for (const scale of SF36_SCALES) {
              expect(result[scale]).toBeGreaterThanOrEqual(0);
              expect(result[scale]).toBeLessThanOrEqual(100);
            }
          } else {
            for (const id of result.missing)
              expect(id).toMatch(new RegExp(`^(item\\d+|${SF36_SCALES.join('|')})$`));
          }
          if (answers.every((answer) => answer !== null)) expect(result.status).toBe('complete');
        }),
        { numRuns: 300 },
      );
    },
  );
});
