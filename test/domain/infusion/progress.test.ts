import { describe, expect, it } from 'vitest';
import { checklistStatus, infusionProgress, weightChange } from '@/domain';
import type { InfusionEvent, InfusionStep } from '@/schema/infusion';

const ID = '01930000-0000-7000-8000-000000000001';
const T0 = Date.parse('2026-03-02T09:00:00+01:00');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const MIN = 60_000;
const start: InfusionEvent = {
  infusionId: ID,
  type: 'start',
  at: at(0),
  plannedDurationMin: 60,
  volumeToInfuseMl: 100,
  rateMlPerHour: 100,
  doseLevel: 2,
  cellsToInfuse: 140e6,
  weightKg: 70,
  lotNumber: 'LOT-1',
};

describe('infusion progress (pauses excluded from the running time)', () => {
  it('has not started without a start', () => {
    expect(infusionProgress([], T0).status).toBe('notStarted');
  });

  it('runs at the pump rate from the start', () => {
    const p = infusionProgress([start], T0 + 20 * MIN);
    expect(p).toMatchObject({ status: 'running', runningMs: 20 * MIN, pausedMs: 0 });
    expect(p.volumeSoFarMl).toBeCloseTo(33.333, 2);
    expect(p.plannedEndAt).toBe(T0 + 60 * MIN);
  });

  it('stops counting during a pause and moves the planned end by the time paused', () => {
    const events: InfusionEvent[] = [
      start,
      { infusionId: ID, type: 'pause', at: at(10), reason: 'lineProblem' },
      { infusionId: ID, type: 'resume', at: at(18) },
      { infusionId: ID, type: 'pause', at: at(30), reason: 'reaction' },
    ];
    const p = infusionProgress(events, T0 + 35 * MIN);
    expect(p.status).toBe('paused');
    expect(p.pausedMs).toBe(8 * MIN + 5 * MIN);
    expect(p.runningMs).toBe(22 * MIN);
    expect(p.volumeSoFarMl).toBeCloseTo((100 * 22) / 60, 6);
    expect(p.plannedEndAt).toBe(T0 + (60 + 13) * MIN);
    expect(p.pauses).toEqual([
      { from: T0 + 10 * MIN, to: T0 + 18 * MIN, reason: 'lineProblem' },
      { from: T0 + 30 * MIN, reason: 'reaction' },
    ]);
    // Later, still paused: only the pause grows.
    expect(infusionProgress(events, T0 + 50 * MIN).runningMs).toBe(22 * MIN);
  });

  it('never counts more than the volume to infuse; the end closes an open pause', () => {
    expect(infusionProgress([start], T0 + 90 * MIN).volumeSoFarMl).toBe(100);
    const ended = infusionProgress(
      [
        start,
        { infusionId: ID, type: 'pause', at: at(40), reason: 'reaction' },
        {
          infusionId: ID,
          type: 'end',
          at: at(45),
          volumeInfusedMl: 66,
          residualMl: 34,
          stopped: { reason: 'reaction' },
        },
      ],
      T0 + 200 * MIN,
    );
    expect(ended).toMatchObject({
      status: 'ended',
      endedAt: T0 + 45 * MIN,
      runningMs: 40 * MIN,
      pausedMs: 5 * MIN,
    });
    expect(ended.stopped).toEqual({ reason: 'reaction' });
  });

  it('ignores a pause while paused, a resume while running, anything after the end', () => {
    const p = infusionProgress(
      [
        start,
        { infusionId: ID, type: 'resume', at: at(5) },
        { infusionId: ID, type: 'pause', at: at(10), reason: 'other', reasonText: 'toilettes' },
        { infusionId: ID, type: 'pause', at: at(12), reason: 'reaction' },
        { infusionId: ID, type: 'resume', at: at(20) },
        { infusionId: ID, type: 'end', at: at(70), volumeInfusedMl: 100, residualMl: 0 },
        { infusionId: ID, type: 'pause', at: at(75), reason: 'reaction' },
      ],
      T0 + 100 * MIN,
    );
    expect(p.pauses).toHaveLength(1);
    expect(p.pausedMs).toBe(10 * MIN);
    expect(p.runningMs).toBe(60 * MIN);
  });
});

describe('the weight on the infusion day', () => {
  it('needs the physician beyond 10 % of the assigned weight, either way', () => {
    expect(weightChange(110, 100)).toEqual({ percent: 10, needsPhysician: false });
    expect(weightChange(110.1, 100)?.needsPhysician).toBe(true);
    expect(weightChange(89.9, 100)?.needsPhysician).toBe(true);
    expect(weightChange(90, 100)?.needsPhysician).toBe(false);
    expect(weightChange(70, undefined)).toBeUndefined();
    expect(weightChange(20, 70)).toBeUndefined();
  });
});

describe('the pre-infusion checklist', () => {
  const base = { infusionId: ID };
  const done: InfusionStep[] = [
    { ...base, at: at(-40), item: 'identity', outcome: 'done', confirmed: true },
    { ...base, at: at(-39), item: 'screening', outcome: 'done' },
    {
      ...base,
      at: at(-38),
      item: 'weight',
      outcome: 'done',
      weightKg: 70,
      assignedWeightKg: 69,
      doseLevel: 2,
      cellsToInfuse: 140e6,
    },
    { ...base, at: at(-30), item: 'premedication', outcome: 'done', given: [] },
    { ...base, at: at(-20), item: 'ivLine', outcome: 'done', patent: true },
    { ...base, at: at(-10), item: 'baselineVitals', outcome: 'done', vitalSignsId: ID },
  ];
  it('starts only when every item is done or waived', () => {
    const open = checklistStatus(done, T0, T0 - 10 * MIN);
    expect(open.items.product.state).toBe('open');
    expect(open.canStart).toBe(false);
    const waived = checklistStatus(
      [
        ...done,
        {
          ...base,
          at: at(-5),
          item: 'product',
          outcome: 'waived',
          waiver: { reason: 'certificat en route' },
        },
      ],
      T0,
      T0 - 10 * MIN,
    );
    expect(waived.items.product.state).toBe('waived');
    expect(waived.canStart).toBe(true);
  });

  it('wants the baseline within the 30 minutes before the start, and the physician for a weight change', () => {
    const steps: InfusionStep[] = [
      ...done,
      { ...base, at: at(-5), item: 'product', outcome: 'waived', waiver: { reason: 'certificat en route' } },
    ];
    expect(checklistStatus(steps, T0, T0 - 31 * MIN).items.baselineVitals.state).toBe('expired');
    expect(checklistStatus(steps, T0, T0 - 30 * MIN).canStart).toBe(true);
    const heavier = [...steps, { ...done[2]!, at: at(-4), weightKg: 80 } as InfusionStep];
    expect(checklistStatus(heavier, T0, T0 - 10 * MIN).items.weight.state).toBe('needsPhysician');
  });
});
