import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  proteinuriaDoublingThreshold,
  treatmentFailure,
  type FailureEvent,
  type RenalAssessment,
  type TreatmentFailureFacts,
} from '@/domain/endpoints';
import { dateAfter } from './timeline';

const INFUSION = '2025-03-01';
const on = (day: number) => dateAfter(INFUSION, day);
const labs = (day: number, findings: Omit<RenalAssessment, 'date'>): RenalAssessment => ({
  date: on(day),
  ...findings,
});

// Screening to baseline: creatinine 70, 90, 80 (two lowest average 75, so doubling is 150); M0 creatinine 80 and
// proteinuria 0.3 g/24 h (so nephropathy needs creatinine ≥ 100 and proteinuria ≥ 2 g/24 h).
const PRE_INFUSION = [
  labs(-20, { creatinineUmolL: 70, proteinuriaGPer24h: 0.3 }),
  labs(-10, { creatinineUmolL: 90 }),
  labs(0, {
    creatinineUmolL: 80,
    proteinuriaGPer24h: 0.3,
    hematuriaOnTwoDipsticks: false,
    cellularCasts: false,
  }),
];
const STABLE = [30, 91, 182, 273, 365].map((day) =>
  labs(day, {
    creatinineUmolL: 82,
    proteinuriaGPer24h: 0.3,
    hematuriaOnTwoDipsticks: false,
    cellularCasts: false,
  }),
);
const facts = (after: RenalAssessment[] = STABLE, events: FailureEvent[] = []): TreatmentFailureFacts => ({
  infusionDate: INFUSION,
  renalAssessments: [...PRE_INFUSION, ...after],
  events,
});
/** The facts with the M0 (day 0) proteinuria set to `gPer24h`. */
const withBaselineProteinuria = (gPer24h: number, after: RenalAssessment[]): TreatmentFailureFacts => {
  const base = facts(after);
  return {
    ...base,
    renalAssessments: base.renalAssessments.map((assessment) =>
      assessment.date === on(0) ? { ...assessment, proteinuriaGPer24h: gPer24h } : assessment,
    ),
  };
};
const nephritic = (day: number, changes: Partial<RenalAssessment> = {}) =>
  labs(day, {
    creatinineUmolL: 100,
    proteinuriaGPer24h: 2,
    hematuriaOnTwoDipsticks: true,
    cellularCasts: true,
    ...changes,
  });

describe('Treatment failure', () => {
  it('is no failure when every criterion is evaluated and none is met', () => {
    const result = treatmentFailure(facts());
    expect(result).toMatchObject({ status: 'complete', failed: false, triggered: [] });
    expect(result.status === 'complete' && result.criteria.map((c) => c.status)).toEqual(
      Array(5).fill('notMet'),
    );
  });

  it('fails on end-stage renal disease after the infusion, dated by the event', () => {
    const result = treatmentFailure(
      facts(STABLE, [{ kind: 'endStageRenalDisease', date: on(200), treatment: 'dialysis' }]),
    );
    expect(result).toMatchObject({ failed: true, failedOn: on(200), triggered: ['endStageRenalDisease'] });
  });

  it('ignores events on or before the infusion day', () => {
    const before = [{ kind: 'endStageRenalDisease', date: on(0), treatment: 'dialysis' } as const];
    expect(treatmentFailure(facts(STABLE, before))).toMatchObject({ failed: false });
  });

  it('fails on rescue therapy given for a lupus worsening, not on the same therapy given for another reason', () => {
    const rescue = (forSleWorsening: boolean): FailureEvent => ({
      kind: 'rescueTherapy',
      date: on(150),
      therapy: 'intravenousSteroids',
      forSleWorsening,
    });
    expect(treatmentFailure(facts(STABLE, [rescue(true)]))).toMatchObject({
      failed: true,
      triggered: ['rescueTherapy'],
    });
    expect(treatmentFailure(facts(STABLE, [rescue(false)]))).toMatchObject({ failed: false });
  });

  it('reports every criterion met, in protocol order, and the earliest date one was established', () => {
    const events: FailureEvent[] = [
      { kind: 'rescueTherapy', date: on(150), therapy: 'plasmapheresis', forSleWorsening: true },
      { kind: 'endStageRenalDisease', date: on(200), treatment: 'kidneyTransplant' },
    ];
    expect(treatmentFailure(facts(STABLE, events))).toMatchObject({
      failed: true,
      failedOn: on(150),
      triggered: ['endStageRenalDisease', 'rescueTherapy'],
    });
  });

  describe('creatinine doubling over the two lowest pre-infusion values, confirmed four weeks later', () => {
    it('is met by exactly twice their mean, confirmed by the first value 28 days or more later', () => {
      const after = [
        labs(40, { creatinineUmolL: 150 }),
        labs(67, { creatinineUmolL: 160 }),
        labs(70, { creatinineUmolL: 155 }),
      ];
      const result = treatmentFailure(facts(after));
      expect(result).toMatchObject({ failed: true, triggered: ['creatinineDoubling'], failedOn: on(70) });
      expect(result.status === 'complete' && result.criteria[1]).toEqual({
        criterion: 'creatinineDoubling',
        status: 'met',
        onsetDate: on(40),
        metOn: on(70),
      });
    });

    it('is not met when the value 28 days later is no longer doubled', () => {
      const after = [
        labs(40, { creatinineUmolL: 150 }),
        labs(68, { creatinineUmolL: 120 }),
        ...STABLE.slice(1),
      ];
      expect(treatmentFailure(facts(after))).toMatchObject({ status: 'complete', failed: false });
    });

    it('leaves the result incomplete while a doubled value awaits its confirmation', () => {
      const after = [labs(40, { creatinineUmolL: 150 }), labs(60, { creatinineUmolL: 150 })];
      expect(treatmentFailure(facts(after))).toEqual({
        status: 'incomplete',
        missing: ['creatinineDoubling.confirmation'],
      });
    });

    it('cannot be evaluated with fewer than two pre-infusion values, yet another criterion still decides failure', () => {
      const oneValue = { ...facts(), renalAssessments: [PRE_INFUSION[2] as RenalAssessment, ...STABLE] };
      expect(treatmentFailure(oneValue)).toEqual({
        status: 'incomplete',
        missing: ['renalAssessments.preInfusionCreatinine'],
      });
      const withEvent = {
        ...oneValue,
        events: [{ kind: 'endStageRenalDisease', date: on(90), treatment: 'dialysis' } as const],
      };
      const result = treatmentFailure(withEvent);
      expect(result).toMatchObject({ status: 'complete', failed: true });
      expect(result.status === 'complete' && result.criteria[1]).toMatchObject({ status: 'notEvaluable' });
    });
  });

  describe('doubled proteinuria, confirmed twice two weeks apart', () => {
    it('is twice the baseline, never below > 1 g/24 h for a baseline under 0.5 nor > 2 g/24 h above 1', () => {
      expect([0, 0.3, 0.5, 0.75, 1, 1.5, 3].map(proteinuriaDoublingThreshold)).toEqual([
        1, 1, 1, 1.5, 2, 3, 6,
      ]);
    });

    it('does not count a baseline of 3.0 g/24 h improving to 2.5, 2.4 and 2.2 as a failure, and shows 6 g/24 h', () => {
      const improving = [2.5, 2.4, 2.2].map((value, index) =>
        labs(30 + 14 * index, { proteinuriaGPer24h: value }),
      );
      const result = treatmentFailure(withBaselineProteinuria(3, improving));
      expect(result).toMatchObject({ status: 'complete', failed: false });
      expect(result.status === 'complete' && result.criteria[2]).toEqual({
        criterion: 'proteinuriaDoubling',
        status: 'notMet',
        baselineGPer24h: 3,
        thresholdGPer24h: 6,
      });
    });

    it('is met above twice a high baseline (3.0 → 6.1, confirmed twice)', () => {
      const doubled = [30, 44, 58].map((day) => labs(day, { proteinuriaGPer24h: 6.1 }));
      expect(treatmentFailure(withBaselineProteinuria(3, doubled))).toMatchObject({
        failed: true,
        triggered: ['proteinuriaDoubling'],
      });
    });

    it('is met after two confirmations, each 14 days or more after the one before', () => {
      const after = [30, 40, 54, 68].map((day, index) =>
        labs(day, { proteinuriaGPer24h: [1.0, 1.2, 1.3, 1.5][index] }),
      );
      expect(treatmentFailure(facts(after))).toMatchObject({
        failed: true,
        triggered: ['proteinuriaDoubling'],
        failedOn: on(68),
      });
    });

    it('does not count a value equal to the threshold (1 g/24 h is not above 1)', () => {
      const after = [30, 44, 58].map((day) => labs(day, { proteinuriaGPer24h: 1 }));
      expect(treatmentFailure(facts(after))).toMatchObject({ status: 'complete', failed: false });
    });

    it('awaits the second confirmation after only one', () => {
      const after = [labs(40, { proteinuriaGPer24h: 1.2 }), labs(54, { proteinuriaGPer24h: 1.3 })];
      expect(treatmentFailure(facts(after))).toEqual({
        status: 'incomplete',
        missing: ['proteinuriaDoubling.confirmation'],
      });
    });
  });

  describe('nephropathy flare: creatinine +25 %, proteinuria doubled to ≥ 2 g/24 h, haematuria and casts together', () => {
    it('is met at exactly +25 % and 2 g/24 h, confirmed twice, and also meets doubled proteinuria', () => {
      const result = treatmentFailure(facts([nephritic(40), nephritic(54), nephritic(68)]));
      expect(result).toMatchObject({ failed: true, triggered: ['proteinuriaDoubling', 'nephritisFlare'] });
    });

    it('is not confirmed by a visit without cellular casts', () => {
      const result = treatmentFailure(
        facts([nephritic(40), nephritic(54, { cellularCasts: false }), nephritic(68)]),
      );
      expect(result.status === 'complete' && result.criteria[3]).toEqual({
        criterion: 'nephritisFlare',
        status: 'awaitingConfirmation',
        onsetDate: on(68),
      });
    });
  });

  it('is incomplete, naming the field, for a value outside its plausible range', () => {
    const result = treatmentFailure({ ...facts(), renalAssessments: [labs(-20, { creatinineUmolL: 5 })] });
    expect(result).toEqual({ status: 'incomplete', missing: ['renalAssessments.0.creatinineUmolL'] });
  });

  it('is incomplete when two sets of findings carry the same date', () => {
    const result = treatmentFailure(facts([...STABLE, labs(91, { creatinineUmolL: 85 })]));
    expect(result).toEqual({ status: 'incomplete', missing: [`renalAssessments.${on(91)}`] });
  });

  it('gives the same result whatever the order of the findings and events', () => {
    const pool = [
      labs(40, { creatinineUmolL: 150, proteinuriaGPer24h: 1.2 }),
      labs(54, { proteinuriaGPer24h: 1.4 }),
      labs(70, { creatinineUmolL: 155, proteinuriaGPer24h: 0.9 }),
      nephritic(90),
      nephritic(110),
      ...STABLE.slice(2),
    ];
    const events: FailureEvent[] = [
      { kind: 'rescueTherapy', date: on(300), therapy: 'intravenousImmunoglobulin', forSleWorsening: true },
      { kind: 'endStageRenalDisease', date: on(320), treatment: 'dialysis' },
    ];
    const scenario = fc
      .tuple(fc.subarray(pool), fc.subarray(events))
      .chain(([after, chosen]) =>
        fc.tuple(
          fc.constant(facts(after, chosen)),
          fc.shuffledSubarray([...PRE_INFUSION, ...after], { minLength: PRE_INFUSION.length + after.length }),
          fc.shuffledSubarray(chosen, { minLength: chosen.length }),
        ),
      );
    fc.assert(
      fc.property(scenario, ([inOrder, shuffledLabs, shuffledEvents]) => {
        const shuffled = { ...inOrder, renalAssessments: shuffledLabs, events: shuffledEvents };
        expect(treatmentFailure(shuffled)).toEqual(treatmentFailure(inOrder));
      }),
      { numRuns: 200 },
    );
  });
});
