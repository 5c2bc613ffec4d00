import { describe, expect, it } from 'vitest';
import {
  adverseEventTermFor,
  cohortMemberStatus,
  nextInclusionSlot,
  posteriorDensityCurve,
  toxicityPosterior,
} from '@/domain';
import type { AdverseEvent } from '@/schema/adverse-events';
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

describe('cohortMemberStatus counts a DLT only once the physician’s determination is signed', () => {
  const grade3 = (extra: Partial<AdverseEvent> = {}): AdverseEvent => ({
    term: adverseEventTermFor('diarrhea'),
    grade: 3,
    onsetAt: '2026-03-04T10:00:00+01:00',
    serious: false,
    ...extra,
  });
  const status = (events: AdverseEvent[], today = '2026-03-20') =>
    cohortMemberStatus({ infusionDate: '2026-03-02', events, today });

  it('a grade 3 possibly related meets the definition: pending, neither a DLT nor evaluable, until decided', () => {
    expect(status([grade3({ relatedness: 'possible' })])).toMatchObject({
      infused: true,
      dlt: false,
      dltPending: true,
      completed: false,
      worstGrade: 3,
    });
  });

  it('a grade 3 whose relation is not assessed cannot be ruled out: pending', () => {
    expect(status([grade3()])).toMatchObject({ dlt: false, dltPending: true, completed: false });
  });

  it('the signed determination decides: a DLT counts (and ends the observation early), a non-DLT completes', () => {
    const decided = (isDlt: boolean) =>
      grade3({ relatedness: 'probable', dltDecision: { isDlt, decidedAt: '2026-03-05T09:00:00+01:00' } });
    expect(status([decided(true)], '2026-03-06')).toMatchObject({
      dlt: true,
      dltPending: false,
      completed: true,
    });
    expect(status([decided(false)])).toMatchObject({ dlt: false, dltPending: false, completed: true });
    expect(status([decided(false)], '2026-03-06')).toMatchObject({ completed: false });
  });

  it('an infusion date still ahead (the planned date in the dossier) is not an infusion yet', () => {
    expect(status([], '2026-03-01')).toMatchObject({ infused: false, completed: false, dlt: false });
    expect(status([], '2026-03-02')).toMatchObject({ infused: true, completed: false });
  });

  it('a grade 3 not related is no candidate: evaluable once day 10 is over', () => {
    expect(status([grade3({ relatedness: 'notRelated' })])).toMatchObject({
      dlt: false,
      dltPending: false,
      completed: true,
    });
    expect(status([grade3({ relatedness: 'notRelated' })], '2026-03-12')).toMatchObject({ completed: false });
  });
});
