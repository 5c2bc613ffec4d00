import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BILAG_SYSTEMS } from '@/schema/instruments';
import { sriResponse, type VisitScores } from '@/domain/endpoints';
import type { BilagGrade } from '@/domain/instruments';
import { bilagAll } from './timeline';

// Baseline: renal A, musculoskeletal B, mucocutaneous C, the rest E; SLEDAI 10; PGA 2.0.
const baseline: VisitScores = {
  visit: 'M0',
  sledai: 10,
  pga: 2.0,
  bilag: bilagAll('E', { renal: 'A', musculoskeletal: 'B', mucocutaneous: 'C' }),
};
// Improved: SLEDAI −4 exactly, renal A → B, musculoskeletal B → C, PGA +0.2.
const improved: VisitScores = {
  visit: 'M3',
  sledai: 6,
  pga: 2.2,
  bilag: bilagAll('E', { renal: 'B', musculoskeletal: 'C', mucocutaneous: 'C' }),
};
const at = (changes: Partial<VisitScores>) => ({ ...improved, ...changes });

describe('SLE Responder Index', () => {
  it('counts a reduction of exactly 4 SLEDAI points, no new BILAG A or B and a PGA rise under 0.3 as response', () => {
    for (const definition of ['protocol', 'furie2009'] as const) {
      expect(sriResponse(baseline, improved, definition)).toMatchObject({
        status: 'complete',
        responder: true,
        sledaiReduced: true,
        noNewBilagA: true,
        bilagBOk: true,
        pgaOk: true,
      });
    }
  });

  it('labels each definition so the screen can show which one it reports', () => {
    const protocol = sriResponse(baseline, improved, 'protocol');
    const furie = sriResponse(baseline, improved, 'furie2009');
    expect(protocol.status === 'complete' && protocol.label).toMatch(/protocol/);
    expect(furie.status === 'complete' && furie.label).toMatch(/Furie 2009/);
  });

  it('is no response when SLEDAI falls by only 3', () => {
    expect(sriResponse(baseline, at({ sledai: 7 }), 'furie2009')).toMatchObject({
      responder: false,
      sledaiReduced: false,
    });
  });

  it('counts a PGA rise of exactly 0.3 (2.0 → 2.3) as worsening', () => {
    expect(sriResponse(baseline, at({ pga: 2.3 }), 'furie2009')).toMatchObject({
      responder: false,
      pgaOk: false,
    });
  });

  it('allows one new BILAG B under Furie 2009 but none under the protocol', () => {
    const oneNewB = at({ bilag: { ...improved.bilag, mucocutaneous: 'B' } });
    expect(sriResponse(baseline, oneNewB, 'furie2009')).toMatchObject({
      responder: true,
      bilagBOk: true,
      newBilagB: ['mucocutaneous'],
    });
    expect(sriResponse(baseline, oneNewB, 'protocol')).toMatchObject({ responder: false, bilagBOk: false });
  });

  it('refuses two new BILAG B under both definitions', () => {
    const twoNewB = at({ bilag: { ...improved.bilag, mucocutaneous: 'B', ophthalmic: 'B' } });
    expect(sriResponse(baseline, twoNewB, 'furie2009')).toMatchObject({ responder: false, bilagBOk: false });
  });

  it('counts a system worsening to A as a new A, but not one that was already A at baseline', () => {
    const newA = at({ bilag: { ...improved.bilag, musculoskeletal: 'A' } });
    expect(sriResponse(baseline, newA, 'furie2009')).toMatchObject({
      responder: false,
      noNewBilagA: false,
      newBilagA: ['musculoskeletal'],
    });
    const stillA = at({ bilag: { ...improved.bilag, renal: 'A' } });
    expect(sriResponse(baseline, stillA, 'protocol')).toMatchObject({ responder: true, noNewBilagA: true });
  });

  it('does not count a system staying at B as a new B', () => {
    const stillB = at({ bilag: { ...improved.bilag, musculoskeletal: 'B' } });
    expect(sriResponse(baseline, stillB, 'protocol')).toMatchObject({ bilagBOk: true, newBilagB: [] });
  });

  it('is incomplete, naming each missing or invalid score of either visit', () => {
    const { renal: _, ...eightSystems } = baseline.bilag ?? {};
    const result = sriResponse(
      { ...baseline, bilag: eightSystems },
      at({ pga: undefined, sledai: 106 }),
      'protocol',
    );
    expect(result).toEqual({
      status: 'incomplete',
      missing: ['baseline.bilag.renal', 'followUp.sledai', 'followUp.pga'],
    });
  });

  it('never finds a protocol responder who is not a Furie 2009 responder, and they differ only by one new B', () => {
    const grade = fc.constantFrom<BilagGrade>('A', 'B', 'C', 'D', 'E');
    const visit = fc.record({
      sledai: fc.integer({ min: 0, max: 105 }),
      pga: fc.integer({ min: 0, max: 30 }).map((tenths) => tenths / 10),
      bilag: fc
        .tuple(...BILAG_SYSTEMS.map(() => grade))
        .map((grades) => Object.fromEntries(BILAG_SYSTEMS.map((system, index) => [system, grades[index]]))),
    });
    fc.assert(
      fc.property(visit, visit, (before, after) => {
        const protocol = sriResponse({ visit: 'M0', ...before }, { visit: 'M6', ...after }, 'protocol');
        const furie = sriResponse({ visit: 'M0', ...before }, { visit: 'M6', ...after }, 'furie2009');
        if (protocol.status !== 'complete' || furie.status !== 'complete')
          throw new Error('valid visits must score');
        if (protocol.responder) expect(furie.responder).toBe(true);
        if (protocol.responder !== furie.responder) expect(furie.newBilagB).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
