import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAB_TERMS, LAB_VALUE_BOUNDS, gradeLab, type LabInput, type LabTerm } from '@/domain/safety';

const gradeOf = (input: LabInput) => {
  const result = gradeLab(input);
  if (result.status !== 'complete') throw new Error(`incomplete: ${result.missing.join(', ')}`);
  return result.grade;
};
type Case = [value: number, grade: number];
const check = (base: Omit<LabInput, 'value'>, cases: readonly Case[]) => {
  for (const [value, grade] of cases) expect(gradeOf({ ...base, value }), `value ${value}`).toBe(grade);
};

// NCI CTCAE v5.0 thresholds (ctcae.md, "Grading lab values"): a value exactly on each bound and just beyond.
describe('grading a "decreased" lab value', () => {
  it('grades anemia from haemoglobin in g/dL, never beyond grade 3 from the value', () => {
    check({ term: 'anemia', lln: 12.0 }, [
      [12.0, 0],
      [11.9, 1],
      [10.0, 1],
      [9.99, 2],
      [8.0, 2],
      [7.99, 3],
      [3.0, 3],
    ]);
  });

  it('grades neutrophils in ×10⁹/L', () => {
    check({ term: 'neutrophilCountDecreased', lln: 1.8 }, [
      [1.8, 0],
      [1.79, 1],
      [1.5, 1],
      [1.49, 2],
      [1.0, 2],
      [0.99, 3],
      [0.5, 3],
      [0.49, 4],
      [0, 4],
    ]);
  });

  it('grades platelets in ×10⁹/L', () => {
    check({ term: 'plateletCountDecreased', lln: 150 }, [
      [150, 0],
      [149, 1],
      [75, 1],
      [74.9, 2],
      [50, 2],
      [49.9, 3],
      [25, 3],
      [24.9, 4],
    ]);
  });

  it('grades lymphocytes in ×10⁹/L', () => {
    check({ term: 'lymphocyteCountDecreased', lln: 1.0 }, [
      [1.0, 0],
      [0.99, 1],
      [0.8, 1],
      [0.79, 2],
      [0.5, 2],
      [0.49, 3],
      [0.2, 3],
      [0.19, 4],
    ]);
  });

  it('keeps a value within the normal range at grade 0 even under an NCI bound, and grades it by NCI once below', () => {
    check({ term: 'lymphocyteCountDecreased', lln: 0.7 }, [
      [0.75, 0],
      [0.65, 2],
    ]);
  });

  it('says which rule gave the grade', () => {
    expect(gradeLab({ term: 'anemia', value: 9, lln: 12 })).toEqual({
      status: 'complete',
      grade: 2,
      basis: 'threshold',
    });
    expect(gradeLab({ term: 'anemia', value: 13, lln: 12 })).toEqual({
      status: 'complete',
      grade: 0,
      basis: 'normalRange',
    });
  });
});

describe('grading an "increased" lab value', () => {
  it('grades ALT by multiples of the ULN when the baseline is normal or unknown', () => {
    const cases: Case[] = [
      [40, 0],
      [40.1, 1],
      [120, 1],
      [120.1, 2],
      [200, 2],
      [200.1, 3],
      [800, 3],
      [800.1, 4],
    ];
    check({ term: 'alanineAminotransferaseIncreased', uln: 40 }, cases);
    check({ term: 'alanineAminotransferaseIncreased', uln: 40, baseline: 40 }, cases);
    check({ term: 'aspartateAminotransferaseIncreased', uln: 40, baseline: 25 }, cases);
  });

  it('grades ALT/AST by multiples of an abnormal baseline, from 1.5 × baseline inclusive', () => {
    const base = { term: 'aspartateAminotransferaseIncreased', uln: 40, baseline: 60 } as const;
    check(base, [
      [89.9, 0],
      [90, 1],
      [180, 1],
      [180.1, 2],
      [300, 2],
      [300.1, 3],
      [1200, 3],
      [1200.1, 4],
    ]);
    expect(gradeLab({ ...base, value: 120 })).toEqual({
      status: 'complete',
      grade: 1,
      basis: 'baseline',
      ratio: 2,
    });
  });

  it('grades creatinine in µmol/L by multiples of the ULN', () => {
    check({ term: 'creatinineIncreased', uln: 90 }, [
      [90, 0],
      [90.1, 1],
      [135, 1],
      [135.1, 2],
      [270, 2],
      [270.1, 3],
      [540, 3],
      [540.1, 4],
    ]);
  });

  it('grades creatinine by its baseline too, and keeps the higher of the two', () => {
    check({ term: 'creatinineIncreased', uln: 90, baseline: 40 }, [
      [60, 0],
      [60.1, 2],
      [120, 2],
      [120.1, 3],
    ]);
    expect(gradeLab({ term: 'creatinineIncreased', value: 130, uln: 90, baseline: 80 })).toEqual({
      status: 'complete',
      grade: 2,
      basis: 'baseline',
      ratio: 1.625,
    });
    expect(gradeLab({ term: 'creatinineIncreased', value: 600, uln: 90, baseline: 150 })).toMatchObject({
      grade: 4,
      basis: 'uln',
    });
  });

  it('keeps a value exactly on a multiple in its grade despite binary rounding', () => {
    // 1.5 × 73.1 is 109.64999999999999 in floating point.
    expect(gradeOf({ term: 'creatinineIncreased', value: 109.65, uln: 73.1 })).toBe(1);
    expect(gradeOf({ term: 'creatinineIncreased', value: 109.66, uln: 73.1 })).toBe(2);
  });
});

describe('an incomplete lab value', () => {
  it('needs the LLN for a "decreased" term and the ULN for an "increased" one', () => {
    expect(gradeLab({ term: 'anemia', value: 9 })).toEqual({ status: 'incomplete', missing: ['lln'] });
    expect(gradeLab({ term: 'creatinineIncreased', value: 120, lln: 45 })).toEqual({
      status: 'incomplete',
      missing: ['uln'],
    });
  });

  it('names every offending input', () => {
    expect(
      gradeLab({ term: 'alanineAminotransferaseIncreased', value: Number.NaN, uln: 0, baseline: -3 }),
    ).toEqual({
      status: 'incomplete',
      missing: ['value', 'uln', 'baseline'],
    });
    expect(gradeLab({ term: 'anemia', value: 11, lln: 13, uln: 12 })).toEqual({
      status: 'incomplete',
      missing: ['lln', 'uln'],
    });
  });

  it('refuses values in the wrong unit rather than grading them', () => {
    expect(gradeLab({ term: 'anemia', value: 95, lln: 12 }).status).toBe('incomplete'); // g/L, not g/dL
    expect(gradeLab({ term: 'plateletCountDecreased', value: 40_000, lln: 150 }).status).toBe('incomplete'); // /mm³
    expect(gradeLab({ term: 'creatinineIncreased', value: 1.4, uln: 90 }).status).toBe('incomplete'); // mg/dL
  });

  it('throws on an unknown term, a programming error', () => {
    expect(() => gradeLab({ term: 'bilirubin' as LabTerm, value: 1, uln: 1 })).toThrow(/Unknown/);
  });
});

describe('lab grade properties', () => {
  const decreasedTerms = [
    'anemia',
    'neutrophilCountDecreased',
    'plateletCountDecreased',
    'lymphocyteCountDecreased',
  ];
  const isDecreased = (term: LabTerm) => decreasedTerms.includes(term);
  /** A plausible number for the term (strictly positive, as limits and baselines must be). */
  const plausible = (term: LabTerm) => {
    const { min, max } = LAB_VALUE_BOUNDS[term];
    return fc.double({ min: Math.max(min, max / 10_000), max, noNaN: true });
  };
  const anyLab = fc.constantFrom(...LAB_TERMS).chain((term) =>
    fc.record({
      term: fc.constant(term),
      value: plausible(term),
      limit: plausible(term),
      baseline: fc.option(plausible(term), { nil: undefined }),
    }),
  );

  it('grades are always within 0–4', () => {
    fc.assert(
      fc.property(anyLab, ({ term, value, limit, baseline }) => {
        const result = gradeLab(
          isDecreased(term) ? { term, value, lln: limit } : { term, value, uln: limit, baseline },
        );
        expect(result.status).toBe('complete');
        if (result.status === 'complete') expect([0, 1, 2, 3, 4]).toContain(result.grade);
      }),
    );
  });

  it('a lower count never gets a lower grade, a higher enzyme or creatinine never a lower one', () => {
    fc.assert(
      fc.property(
        anyLab,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ term, value, limit, baseline }, f) => {
          const other = LAB_VALUE_BOUNDS[term].min + f * (value - LAB_VALUE_BOUNDS[term].min);
          const [low, high] = [Math.min(value, other), Math.max(value, other)];
          const grade = (v: number) =>
            gradeOf(
              isDecreased(term) ? { term, value: v, lln: limit } : { term, value: v, uln: limit, baseline },
            );
          if (isDecreased(term)) expect(grade(low)).toBeGreaterThanOrEqual(grade(high));
          else expect(grade(high)).toBeGreaterThanOrEqual(grade(low));
        },
      ),
    );
  });
});
