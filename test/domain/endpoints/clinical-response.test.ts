import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BILAG_SYSTEMS } from '@/schema/instruments';
import { clinicalResponse, type VisitScores } from '@/domain/endpoints';
import type { BilagGrade } from '@/domain/instruments';
import { bilagAll } from './timeline';

// Baseline: renal A, mucocutaneous B, the rest E.
const m0: VisitScores = { visit: 'M0', bilag: bilagAll('E', { renal: 'A', mucocutaneous: 'B' }) };
const m3 = (grades: Partial<Record<(typeof BILAG_SYSTEMS)[number], BilagGrade>>): VisitScores => ({
  visit: 'M3',
  bilag: bilagAll('E', grades),
});

describe('Major and partial clinical response', () => {
  it('is MCR when every system is C or better at the visit', () => {
    expect(clinicalResponse([m0, m3({ renal: 'C', mucocutaneous: 'D' })], 'M3')).toEqual({
      status: 'complete',
      response: 'MCR',
      reasons: ['allSystemsCOrBetter'],
    });
  });

  it('is PCR when a baseline A has improved to B and a baseline B to C, with no A and one B left', () => {
    expect(clinicalResponse([m0, m3({ renal: 'B', mucocutaneous: 'C' })], 'M3')).toEqual({
      status: 'complete',
      response: 'PCR',
      reasons: ['notAllSystemsCOrBetter:renal', 'pcrCriteriaMet'],
    });
  });

  it('is no response when a system is A at the visit', () => {
    const result = clinicalResponse([m0, m3({ renal: 'A', mucocutaneous: 'C' })], 'M3');
    expect(result).toMatchObject({ response: 'none' });
    expect(result.status === 'complete' && result.reasons).toEqual([
      'notAllSystemsCOrBetter:renal',
      'gradeAAtVisit:renal',
      'baselineANotImproved:renal',
    ]);
  });

  it('is no response with two systems at B, even when each baseline grade improved', () => {
    const result = clinicalResponse([m0, m3({ renal: 'B', mucocutaneous: 'C', musculoskeletal: 'B' })], 'M3');
    expect(result).toMatchObject({ response: 'none' });
    expect(result.status === 'complete' && result.reasons).toContain('moreThanOneB:musculoskeletal,renal');
  });

  it('is no response when a baseline B is still B', () => {
    const result = clinicalResponse([m0, m3({ renal: 'C', mucocutaneous: 'B' })], 'M3');
    expect(result).toMatchObject({ response: 'none' });
    expect(result.status === 'complete' && result.reasons).toContain('baselineBNotImproved:mucocutaneous');
  });

  it('follows the rule as written: a single new B with nothing active at baseline is PCR', () => {
    const quietBaseline: VisitScores = { visit: 'M0', bilag: bilagAll('D') };
    expect(clinicalResponse([quietBaseline, m3({ ophthalmic: 'B' })], 'M3')).toMatchObject({
      response: 'PCR',
    });
  });

  it('is evaluated at any later visit, against M0, whatever the visits between', () => {
    const m6: VisitScores = { visit: 'M6', bilag: bilagAll('C') };
    expect(clinicalResponse([m0, m3({ renal: 'A' }), m6], 'M6')).toMatchObject({ response: 'MCR' });
  });

  it('is incomplete without M0 or the visit asked for', () => {
    expect(clinicalResponse([m3({})], 'M3')).toEqual({ status: 'incomplete', missing: ['visits.M0'] });
    expect(clinicalResponse([m0], 'M9')).toEqual({ status: 'incomplete', missing: ['visits.M9'] });
  });

  it('is incomplete when the visit is entered twice, rather than choosing one', () => {
    expect(clinicalResponse([m0, m3({}), m3({ renal: 'A' })], 'M3')).toEqual({
      status: 'incomplete',
      missing: ['visits.M3'],
    });
  });

  it('is incomplete, naming the system, when a BILAG grade is missing at either visit', () => {
    const { gastrointestinal: _, ...eight } = bilagAll('E');
    expect(clinicalResponse([m0, { visit: 'M3', bilag: eight }], 'M3')).toEqual({
      status: 'incomplete',
      missing: ['visits.M3.bilag.gastrointestinal'],
    });
  });

  it('throws when asked for a response at M0, which is the reference itself', () => {
    expect(() => clinicalResponse([m0], 'M0')).toThrow(RangeError);
  });

  it('gives the same response whatever the order the visits are listed in', () => {
    const grade = fc.constantFrom<BilagGrade>('A', 'B', 'C', 'D', 'E');
    const grades = fc
      .tuple(...BILAG_SYSTEMS.map(() => grade))
      .map((given) => Object.fromEntries(BILAG_SYSTEMS.map((system, index) => [system, given[index]])));
    const visits = fc
      .tuple(grades, grades, grades, grades, grades)
      .map((all) =>
        (['M0', 'M3', 'M6', 'M9', 'M12'] as const).map((visit, index) => ({ visit, bilag: all[index] })),
      );
    const inOrderAndShuffled = visits.chain((inOrder) =>
      fc.tuple(fc.constant(inOrder), fc.shuffledSubarray(inOrder, { minLength: 5, maxLength: 5 })),
    );
    const laterVisit = fc.constantFrom<'M3' | 'M6' | 'M9' | 'M12'>('M3', 'M6', 'M9', 'M12');
    fc.assert(
      fc.property(inOrderAndShuffled, laterVisit, ([inOrder, shuffled], at) => {
        expect(clinicalResponse(shuffled, at)).toEqual(clinicalResponse(inOrder, at));
      }),
      { numRuns: 200 },
    );
  });
});
