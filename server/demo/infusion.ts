import type { Store } from '../store/store';
import { applyBatch } from '../sync/apply-batch';
import { demoClinicians, demoId } from './participants';

// Issue 21's demo, through the real push path, timed from the moment the demo is seeded: an infusion running
// since 20 minutes (its 15-minute check done, the 30-minute one due within minutes), one paused for a line
// problem, one finished yesterday with its post-infusion checks done. Ids come from names: a second run writes
// nothing (the times of the first run stay).

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Plan = { trialNumber: string; initials: string; startedAt: number; pausedAt?: number; endedAt?: number };

function vitals(takenAt: number, checkId: string, trackId: string, baseline = false) {
  return {
    takenAt: iso(takenAt),
    sbp: 118 + (takenAt % 7),
    dbp: 74,
    hr: 76,
    temperatureC: 36.8,
    spo2: 98,
    rr: 15,
    checkId,
    trackId,
    ...(baseline ? { baseline: true } : {}),
  };
}

function infusion(plan: Plan, now: number) {
  const infusionId = demoId(`${plan.trialNumber}:infusion`);
  const patientId = demoId(plan.trialNumber);
  const t0 = plan.startedAt;
  const before = t0 - 25 * MIN;
  const records: { kind: string; data: object; at: number }[] = [];
  const step = (item: string, extra: object) =>
    records.push({
      kind: 'infusionStep',
      at: before,
      data: { infusionId, at: iso(before), item, outcome: 'done', ...extra },
    });
  const baselineId = demoId(`${plan.trialNumber}:infusion:baseline`);
  step('identity', { confirmed: true });
  step('screening', {});
  step('weight', { weightKg: 64, doseLevel: 4, cellsToInfuse: 256_000_000 });
  step('product', {
    product: {
      lotNumber: `LOT-${plan.trialNumber.slice(-2)}`,
      bagNumber: 'P1',
      labelTrialNumber: plan.trialNumber,
      totalViableCells: 400_000_000,
      viabilityPercent: 91,
      volumeMl: 100,
      expiresAt: iso(t0 + 8 * 60 * MIN),
      preparedAt: iso(t0 - 3 * 60 * MIN),
    },
    volumeToInfuseMl: 64,
  });
  step('premedication', { given: [] });
  step('ivLine', { patent: true, site: 'avant-bras gauche' });
  step('baselineVitals', { vitalSignsId: baselineId });
  const sets: { id: string; data: object; at: number }[] = [
    { id: baselineId, data: vitals(t0 - 10 * MIN, 'baseline', infusionId, true), at: t0 - 10 * MIN },
  ];
  records.push({
    kind: 'infusionEvent',
    at: t0,
    data: {
      infusionId,
      type: 'start',
      at: iso(t0),
      plannedDurationMin: 60,
      volumeToInfuseMl: 64,
      rateMlPerHour: 64,
      doseLevel: 4,
      cellsToInfuse: 256_000_000,
      weightKg: 64,
      lotNumber: `LOT-${plan.trialNumber.slice(-2)}`,
    },
  });
  const until = plan.endedAt ?? now;
  for (let m = 15; t0 + m * MIN < until; m += 15)
    sets.push({
      id: demoId(`${plan.trialNumber}:infusion:${m}`),
      data: vitals(t0 + (m + 1) * MIN, `infusion-${m}`, infusionId),
      at: t0 + m * MIN,
    });
  if (plan.pausedAt)
    records.push({
      kind: 'infusionEvent',
      at: plan.pausedAt,
      data: { infusionId, type: 'pause', at: iso(plan.pausedAt), reason: 'lineProblem' },
    });
  if (plan.endedAt) {
    const e = plan.endedAt;
    records.push({
      kind: 'infusionEvent',
      at: e,
      data: { infusionId, type: 'end', at: iso(e), volumeInfusedMl: 63, residualMl: 1 },
    });
    for (const [checkId, offset] of [
      ['end', 1],
      ['post-30', 31],
      ['post-60', 61],
      ['post-120', 121],
      ['post-240', 241],
      ['post-360', 362],
    ] as const)
      sets.push({
        id: demoId(`${plan.trialNumber}:infusion:${checkId}`),
        data: vitals(e + offset * MIN, checkId, infusionId),
        at: e + offset * MIN,
      });
  }
  const mutations = [
    ...records.map((r, i) => ({
      mutationId: demoId(`${plan.trialNumber}:infusion-record:${i}`),
      recordId: demoId(`${plan.trialNumber}:infusion-record-id:${i}`),
      patientId,
      kind: r.kind,
      op: 'create',
      baseRev: null,
      at: iso(r.at),
      data: r.data,
    })),
    ...sets.map((s) => ({
      mutationId: demoId(`${s.id}:create`),
      recordId: s.id,
      patientId,
      kind: 'vitalSigns',
      op: 'create',
      baseRev: null,
      at: iso(s.at),
      data: s.data,
    })),
  ];
  return mutations;
}

export async function seedDemoInfusions(store: Store, now = Date.now()): Promise<string[]> {
  const clinicians = await demoClinicians(store);
  if (!clinicians) return [];
  const { asPhysician, asNurse } = clinicians;
  const yesterday = now - 24 * 60 * MIN;
  const plans: Plan[] = [
    { trialNumber: 'MSC-LES-12', initials: 'IR', startedAt: now - 20 * MIN },
    { trialNumber: 'MSC-LES-13', initials: 'JP', startedAt: now - 40 * MIN, pausedAt: now - 8 * MIN },
    { trialNumber: 'MSC-LES-14', initials: 'KV', startedAt: yesterday, endedAt: yesterday + 62 * MIN },
  ];
  await applyBatch(
    store,
    asPhysician,
    plans.map((p) => ({
      mutationId: demoId(`${p.trialNumber}:create`),
      recordId: demoId(p.trialNumber),
      patientId: demoId(p.trialNumber),
      kind: 'participant',
      op: 'create',
      baseRev: null,
      at: iso(now - 30 * 24 * 60 * MIN),
      data: { trialNumber: p.trialNumber, initials: p.initials, sex: 'F', status: 'included', doseLevel: 4 },
    })),
  );
  await applyBatch(
    store,
    asNurse,
    plans.flatMap((p) => infusion(p, now)),
  );
  return [
    'Demo infusions: MSC-LES-12 running since 20 min (30-minute check due soon), MSC-LES-13 paused (line problem), MSC-LES-14 finished yesterday with its post-infusion checks done',
  ];
}
