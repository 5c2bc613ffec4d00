import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BILAG_SYSTEMS } from '@/schema/instruments';
import { scoreBilag, type BilagGrade, type BilagSystem } from '@/domain/instruments';

const allGraded = (grade: BilagGrade, overrides: Partial<Record<BilagSystem, BilagGrade>> = {}) => ({
  ...(Object.fromEntries(BILAG_SYSTEMS.map((system) => [system, grade])) as Record<BilagSystem, BilagGrade>),
  ...overrides,
});

describe('BILAG-2004', () => {
  it('converts A = 12, B = 8, C = 1, D = E = 0 (Yee 2010): all E is 0, all A is 108', () => {
    expect(scoreBilag(allGraded('E'))).toEqual({ status: 'complete', numeric: 0, countA: 0, countB: 0 });
    expect(scoreBilag(allGraded('D'))).toEqual({ status: 'complete', numeric: 0, countA: 0, countB: 0 });
    expect(scoreBilag(allGraded('A'))).toEqual({ status: 'complete', numeric: 108, countA: 9, countB: 0 });
  });

  it('adds the systems and counts the A and B grades (renal A, musculoskeletal B, mucocutaneous C = 21)', () => {
    const grades = allGraded('E', {
      renal: 'A',
      musculoskeletal: 'B',
      mucocutaneous: 'C',
      haematological: 'D',
    });
    expect(scoreBilag(grades)).toEqual({ status: 'complete', numeric: 21, countA: 1, countB: 1 });
  });

  it('is incomplete, naming the system, until all nine are graded', () => {
    const { ophthalmic: _, ...eight } = allGraded('E');
    expect(scoreBilag(eight)).toEqual({ status: 'incomplete', missing: ['ophthalmic'] });
  });

  it('is incomplete for a grade outside A–E', () => {
    const result = scoreBilag(allGraded('E', { renal: 'F' as BilagGrade }));
    expect(result).toEqual({ status: 'incomplete', missing: ['renal'] });
  });

  it('throws on a system id that does not exist', () => {
    expect(() =>
      scoreBilag({ ...allGraded('E'), hepatic: 'A' } as Record<BilagSystem, BilagGrade>),
    ).toThrow();
  });

  it('keeps the numeric score within 0–108 and equal to 12 A + 8 B + C, for any complete grading', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<BilagGrade>('A', 'B', 'C', 'D', 'E'), { minLength: 9, maxLength: 9 }),
        (g) => {
          const result = scoreBilag(
            Object.fromEntries(BILAG_SYSTEMS.map((system, index) => [system, g[index]])),
          );
          const count = (grade: BilagGrade) => g.filter((given) => given === grade).length;
          expect(result).toEqual({
            status: 'complete',
            numeric: 12 * count('A') + 8 * count('B') + count('C'),
            countA: count('A'),
            countB: count('B'),
          });
          expect(result.status === 'complete' && result.numeric).toBeLessThanOrEqual(108);
        },
      ),
      { numRuns: 300 },
    );
  });
});
