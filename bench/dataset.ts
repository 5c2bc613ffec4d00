import { v7 as uuidv7 } from 'uuid';
import type { Mutation } from '../src/schema/sync';

// The benchmark's trial: ten participants and their vital-sign sets, as a tablet's outbox would send them.
// Shared by the Node side (push/pull, PouchDB) and the browser harness (seeded stores, saves).

/** Whole-trial size (issue 12): 50 000 vital-sign sets, far more than ten participants will ever produce. */
export const TRIAL_RECORDS = 50_000;
export const PARTICIPANTS = 10;

const START = Date.parse('2026-01-05T08:00:00+01:00');

/** The nth vital-sign set of a participant: plausible values, one set per minute from the start. */
export function vitalSignsData(n: number, at = START + n * 60_000) {
  return {
    takenAt: new Date(at).toISOString().replace('Z', '+00:00'),
    sbp: 110 + (n % 30),
    dbp: 65 + (n % 15),
    hr: 60 + (n % 40),
    temperatureC: 36.5 + (n % 10) / 10,
    spo2: 94 + (n % 6),
    rr: 12 + (n % 8),
    checkId: `check-${n % 24}`,
  };
}

export function participantData(i: number) {
  return {
    trialNumber: `MSC-LES-${String(i + 1).padStart(2, '0')}`,
    initials: 'AB',
    sex: i % 2 ? ('M' as const) : ('F' as const),
    status: 'follow-up' as const,
    doseLevel: 2 as const,
    inclusionDate: '2026-01-05',
    infusionDate: '2026-01-12',
  };
}

export type BenchTrial = { participants: Mutation[]; vitalSigns: Mutation[] };

/** The trial as create mutations: participants first (a vital sign must name a known participant). */
export function makeTrial(records = TRIAL_RECORDS, participants = PARTICIPANTS): BenchTrial {
  const at = new Date(START).toISOString();
  const participantMutations: Mutation[] = Array.from({ length: participants }, (_, i) => {
    const id = uuidv7();
    return {
      mutationId: uuidv7(),
      recordId: id,
      kind: 'participant',
      patientId: id,
      op: 'create',
      baseRev: null,
      data: participantData(i),
      at,
    };
  });
  const vitalSigns: Mutation[] = Array.from({ length: records }, (_, n) => ({
    mutationId: uuidv7(),
    recordId: uuidv7(),
    kind: 'vitalSigns',
    patientId: participantMutations[n % participants]!.recordId,
    op: 'create',
    baseRev: null,
    data: vitalSignsData(Math.floor(n / participants)),
    at,
  }));
  return { participants: participantMutations, vitalSigns };
}

/** Median and percentiles of a list of timings (nearest-rank). */
export function summarise(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted.at(-1)! };
}
