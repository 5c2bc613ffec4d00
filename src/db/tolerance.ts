import { participantMonitoring, toleranceStatus, type ToleranceStatus } from '@/domain/monitoring';
import { infusionProgress } from '@/domain/infusion';
import { withWorstGrade } from '@/domain/safety/adverse-event';
import { formatCalendarDate } from '@/domain/schedule/calendar-date';
import { SCHEDULE_CONFIG } from '@/domain/schedule/config';
import { localDateAt } from '@/domain/schedule/zoned-time';
import type { AdverseEvent } from '@/schema/adverse-events';
import type { InfusionEvent } from '@/schema/infusion';
import type { ToleranceDetermination } from '@/schema/monitoring';
import type { Signature } from '@/schema/signature';
import { contentHash } from '@/session/canonical-json';
import { participantAdverseEvents } from './adverse-events';
import type { ChevetDb } from './database';

// The tolerance facts of the tablet's participants, read from the records (issue 22). The one derivation that
// the monitoring screens and the dose decision's cohort table (issue 20) both use: nothing is copied.

/** Start and end of a participant's infusion, from the infusion workflow's events (its first started infusion). */
export async function infusionTimes(
  db: ChevetDb,
  patientId: string,
): Promise<{ startedAt: number; endedAt?: number } | undefined> {
  const records = await db.records
    .where('[patientId+kind]')
    .equals([patientId, 'infusionEvent'])
    .filter((r) => !r.voided)
    .toArray();
  const byInfusion = new Map<string, InfusionEvent[]>();
  for (const r of records) {
    const e = r.data as InfusionEvent;
    byInfusion.set(e.infusionId, [...(byInfusion.get(e.infusionId) ?? []), e]);
  }
  const started = [...byInfusion.values()]
    .map((events) => infusionProgress(events, Number.MAX_SAFE_INTEGER))
    .filter((p) => p.startedAt !== undefined)
    .sort((a, b) => a.startedAt! - b.startedAt!);
  const first = started[0];
  if (!first) return undefined;
  return { startedAt: first.startedAt!, ...(first.endedAt !== undefined ? { endedAt: first.endedAt } : {}) };
}

/**
 * The infusion date ('YYYY-MM-DD', the trial's zone: day 0 of the tolerance window) from the infusion workflow's
 * start, the record of the fact; undefined before an infusion started.
 */
export async function infusionDateOf(db: ChevetDb, patientId: string): Promise<string | undefined> {
  const infusion = await infusionTimes(db, patientId);
  return infusion ? formatCalendarDate(localDateAt(infusion.startedAt, SCHEDULE_CONFIG.timeZone)) : undefined;
}

/** The records citing a check (check answers, vital-sign sets), for the strip. */
export async function checkRecords(db: ChevetDb, patientId: string) {
  return db.records
    .where('[patientId+kind]')
    .anyOf([
      [patientId, 'monitoringCheck'],
      [patientId, 'vitalSigns'],
    ])
    .toArray();
}

/** The participant's current DLT determination (the latest non-voided one) and whether a valid signature covers it. */
export async function currentDetermination(db: ChevetDb, patientId: string) {
  const records = await db.records
    .where('[patientId+kind]')
    .equals([patientId, 'toleranceDetermination'])
    .filter((r) => !r.voided)
    .toArray();
  const record = records.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!record) return undefined;
  const hash = await contentHash(record.data);
  const signatures = await db.records
    .where('[patientId+kind]')
    .equals([patientId, 'signature'])
    .filter((r) => !r.voided && r.data.recordId === record.id)
    .toArray();
  const signed = signatures.some((s) => {
    const sig = s.data as Signature;
    return sig.meaning === 'dlt-confirmation' && sig.recordRev === record.rev && sig.contentHash === hash;
  });
  return { record, signed };
}

export type ParticipantTolerance = {
  patientId: string;
  infusion: { startedAt: number; endedAt?: number };
  status: ToleranceStatus;
};

/** One participant's tolerance status at `now` (undefined before the infusion started). */
export async function participantTolerance(
  db: ChevetDb,
  patientId: string,
  now: number,
): Promise<ParticipantTolerance | undefined> {
  const infusion = await infusionTimes(db, patientId);
  if (!infusion) return undefined;
  const [events, determination] = await Promise.all([
    participantAdverseEvents(db, patientId),
    currentDetermination(db, patientId),
  ]);
  const status = toleranceStatus({
    infusionStartedAt: infusion.startedAt,
    events: events.map((e) => ({ id: e.record.id, data: e.data, gradings: e.gradings })),
    ...(determination
      ? {
          determination: {
            id: determination.record.id,
            rev: determination.record.rev,
            data: determination.record.data as ToleranceDetermination,
            signed: determination.signed,
          },
        }
      : {}),
    now,
  });
  return status ? { patientId, infusion, status } : undefined;
}

/**
 * Every infused participant's tolerance at `now`, for the dose decision's cohort table: `status.counts` says
 * whether the participant counts as completed and as a DLT (signed, current determination).
 */
export async function toleranceByParticipant(db: ChevetDb, now: number): Promise<ParticipantTolerance[]> {
  const starts = await db.records.where('kind').equals('infusionEvent').toArray();
  const patients = [...new Set(starts.map((r) => r.patientId).filter((p): p is string => !!p))];
  const all = await Promise.all(patients.map((p) => participantTolerance(db, p, now)));
  return all.filter((x): x is ParticipantTolerance => x !== undefined);
}

/** A participant's 10-day strip at `now` (undefined until the infusion has ended). */
export async function participantMonitoringAt(db: ChevetDb, patientId: string, now: number) {
  const infusion = await infusionTimes(db, patientId);
  if (!infusion || infusion.endedAt === undefined) return undefined;
  const records = await checkRecords(db, patientId);
  return participantMonitoring({
    infusion: { startedAt: infusion.startedAt, endedAt: infusion.endedAt },
    records,
    now,
  });
}

/**
 * A participant's adverse events as the dose decision reads them (issue 20's cohortMemberStatus): each with its
 * worst grade over time (gradings included) and, once the physician's determination is signed, its decision on
 * each event as `dltDecision`. Derived from the records each time, the same facts as the tolerance summary.
 */
export async function toleranceEvents(db: ChevetDb, patientId: string): Promise<AdverseEvent[]> {
  const [views, determination] = await Promise.all([
    participantAdverseEvents(db, patientId),
    currentDetermination(db, patientId),
  ]);
  const data = determination?.signed ? (determination.record.data as ToleranceDetermination) : undefined;
  const decided = new Map(data?.events.map((e) => [e.adverseEventId, e.isDlt]) ?? []);
  return views.map((v) => {
    const event = withWorstGrade(v.data, v.gradings);
    const isDlt = decided.get(v.record.id);
    return isDlt === undefined || !data
      ? event
      : { ...event, dltDecision: { isDlt, decidedAt: data.decidedAt } };
  });
}
