import { describe, expect, it } from 'vitest';
import { nextInclusionSlot, posteriorDensityCurve, toxicityPosterior } from '@/domain';
import type { CohortDecision } from '@/domain';

const members = (n: number, cohort: number) => Array.from({ length: n }, () => ({ cohort }));
const decided = (decision: CohortDecision['decision'], nextDoseLevel?: 1 | 2 | 4): CohortDecision => ({
  cohort: 1,
  decision,
  ...(nextDoseLevel ? { nextDoseLevel } : {}),
  decidedAt: '2026-05-01T10:00:00+02:00',
});

describe('nextInclusionSlot', () => {
  it('fills cohort 1 at 2 ×10⁶/kg, five slots', () => {
    expect(nextInclusionSlot([], [])).toMatchObject({ ok: true, cohort: 1, doseLevel: 2, slot: 1 });
    expect(nextInclusionSlot([...members(4, 1), {}], [])).toMatchObject({ ok: true, cohort: 1, slot: 5 });
  });
  it('waits for the dose decision once cohort 1 is full, then opens cohort 2 at the decided dose', () => {
    expect(nextInclusionSlot(members(5, 1), [])).toEqual({
      ok: false,
      reason: 'awaitingDecision',
      cohort: 1,
    });
    expect(nextInclusionSlot(members(5, 1), [decided('escalate', 4)])).toMatchObject({
      ok: true,
      cohort: 2,
      doseLevel: 4,
      slot: 1,
    });
    expect(nextInclusionSlot(members(5, 1), [decided('pause')])).toMatchObject({
      reason: 'inclusionsPaused',
    });
    // The latest decision counts.
    const later = { ...decided('de-escalate', 1), decidedAt: '2026-05-02T10:00:00+02:00' };
    expect(nextInclusionSlot(members(5, 1), [later, decided('pause')])).toMatchObject({ doseLevel: 1 });
  });
  it('is full after two cohorts of five', () => {
    expect(nextInclusionSlot([...members(5, 1), ...members(5, 2)], [decided('escalate', 4)])).toEqual({
      ok: false,
      reason: 'trialFull',
    });
  });
});

describe('posteriorDensityCurve', () => {
  it('integrates to 1 and peaks near the posterior mode', () => {
    const posterior = toxicityPosterior({ dlts: 1, patients: 5 }); // Beta(2, 5), mode 0.2
    const curve = posteriorDensityCurve(posterior, 100);
    expect(curve).toHaveLength(100);
    expect(curve.reduce((sum, point) => sum + point.density / 100, 0)).toBeCloseTo(1, 10);
    const peak = curve.reduce((best, point) => (point.density > best.density ? point : best));
    expect(peak.p).toBeCloseTo(0.2, 1);
  });
  it('is flat under the uniform prior', () => {
    const curve = posteriorDensityCurve({ a: 1, b: 1 }, 10);
    for (const point of curve) expect(point.density).toBeCloseTo(1, 10);
  });
});
