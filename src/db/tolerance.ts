import {
  determinationSigned,
  firstInfusion,
  infusionDateOf as infusionDateFrom,
  latestDetermination,
  participantMonitoring,
  toleranceEventsOf,
  toleranceStatusOf,
  type ToleranceStatus,
} from '@/domain/monitoring';
import type { AdverseEvent } from '@/schema/adverse-events';
import { contentHash } from '@/session/canonical-json';
import { participantAdverseEvents } from './adverse-events';
import type { ChevetDb } from './database';

// The tolerance facts of the tablet's participants, read from the records (issue 22). The one derivation that
// the monitoring screens and the dose decision's cohort table (issue 20) both use: nothing is copied. The
// derivation itself is the domain's (domain/monitoring/participant-records), which the DSMB report on the store
// uses too; this module only reads the tablet's records.

/** Start and end of a participant's infusion, from the infusion workflow's events (its first started infusion). */
export async function infusionTimes(
  db: ChevetDb,
  patientId: string,
): Promise<{ startedAt: number; endedAt?: number } | undefined> {
  const records = await db.records.where('[patientId+kind]').equals([patientId, 'infusionEvent']).toArray();
  return firstInfusion(records);
}

/**
 * The infusion date ('YYYY-MM-DD', the trial's zone: day 0 of the tolerance window) from the infusion workflow's
 * start, the record of the fact; undefined before an infusion started.
 */
export async function infusionDateOf(db: ChevetDb, patientId: string): Promise<string | undefined> {
  return infusionDateFrom(await infusionTimes(db, patientId));
}

/** The records citing a check (check answers, vital-sign sets), for the strip. */
export async function checkRecords(db: ChevetDb, patientId: string) {
  // One getAll per kind: `anyOf` would walk both ranges with a cursor, one request per vital-sign set.
  const [checks, vitals] = await Promise.all(
    (['monitoringCheck', 'vitalSigns'] as const).map((kind) =>
      db.records.where('[patientId+kind]').equals([patientId, kind]).toArray(),
    ),
  );
  return [...checks!, ...vitals!];
}

/** The participant's current DLT determination (the latest non-voided one) and whether a valid signature covers it. */
export async function currentDetermination(db: ChevetDb, patientId: string) {
  const records = await db.records
    .where('[patientId+kind]')
    .anyOf([
      [patientId, 'toleranceDetermination'],
      [patientId, 'signature'],
    ])
    .toArray();
  const record = latestDetermination(records);
  if (!record) return undefined;
  return { record, signed: determinationSigned(records, record, await contentHash(record.data)) };
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
  const status = toleranceStatusOf({ infusion, views: events, determination, now });
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
  return toleranceEventsOf(views, determination);
}
