import type { AdverseEvent, AdverseEventGrade, CtcaeGrade } from '@/schema/adverse-events';
import type { InfusionEvent } from '@/schema/infusion';
import type { ToleranceDetermination } from '@/schema/monitoring';
import type { Signature } from '@/schema/signature';
import { infusionProgress } from '../infusion/progress';
import {
  currentAdverseEventGrade,
  gradeHistory,
  withWorstGrade,
  worstAdverseEventGrade,
  type GradePoint,
} from '../safety/adverse-event';
import { formatCalendarDate } from '../schedule/calendar-date';
import { SCHEDULE_CONFIG } from '../schedule/config';
import { localDateAt } from '../schedule/zoned-time';
import { toleranceStatus, type ToleranceStatus } from './tolerance-status';

// A participant's tolerance facts from their records, as the tablet's cache (src/db/tolerance.ts) and the central
// store's log (server/export/dsmb-report.ts) both hold them: one derivation for the monitoring screens, the dose
// decision's cohort table and the DSMB report, so that the numbers can never differ between them.

/** The fields of a record this derivation reads: the tablet's StoredRecord and the store's records both have them. */
export type ToleranceRecord = {
  id: string;
  kind: string;
  rev: number;
  data: Record<string, unknown>;
  voided: boolean | 0 | 1;
  /** The device time of the record's first revision (ISO-8601). */
  createdAt: string;
};

/** An adverse event with its gradings and the grades derived from them. */
export type AdverseEventView<R extends ToleranceRecord = ToleranceRecord> = {
  record: R;
  data: AdverseEvent;
  gradings: { id: string; data: AdverseEventGrade }[];
  history: GradePoint[];
  worstGrade: CtcaeGrade;
  currentGrade: CtcaeGrade;
};

/** A participant's adverse events with their gradings (voided ones left out), oldest onset first. */
export function adverseEventViews<R extends ToleranceRecord>(records: readonly R[]): AdverseEventView<R>[] {
  const gradings = new Map<string, { id: string; data: AdverseEventGrade }[]>();
  for (const r of records) {
    if (r.kind !== 'adverseEventGrade' || r.voided) continue;
    const data = r.data as AdverseEventGrade;
    const list = gradings.get(data.adverseEventId) ?? [];
    list.push({ id: r.id, data });
    gradings.set(data.adverseEventId, list);
  }
  return records
    .filter((r) => r.kind === 'adverseEvent' && !r.voided)
    .map((record) => {
      const data = record.data as AdverseEvent;
      const own = gradings.get(record.id) ?? [];
      return {
        record,
        data,
        gradings: own,
        history: gradeHistory(data, own),
        worstGrade: worstAdverseEventGrade(data, own),
        currentGrade: currentAdverseEventGrade(data, own),
      };
    })
    .sort(
      (a, b) =>
        Date.parse(a.data.onsetAt) - Date.parse(b.data.onsetAt) || a.record.id.localeCompare(b.record.id),
    );
}

/** Start and end of a participant's infusion, from its `infusionEvent` records (the first started infusion). */
export function firstInfusion(
  records: readonly ToleranceRecord[],
): { startedAt: number; endedAt?: number } | undefined {
  const byInfusion = new Map<string, InfusionEvent[]>();
  for (const r of records) {
    if (r.kind !== 'infusionEvent' || r.voided) continue;
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
 * The infusion date ('YYYY-MM-DD', the trial's zone: day 0 of the tolerance window) from the infusion's start,
 * the record of the fact; undefined before an infusion started.
 */
export function infusionDateOf(infusion: { startedAt: number } | undefined): string | undefined {
  return infusion ? formatCalendarDate(localDateAt(infusion.startedAt, SCHEDULE_CONFIG.timeZone)) : undefined;
}

/** The participant's current DLT determination: the latest non-voided `toleranceDetermination` record. */
export function latestDetermination<R extends ToleranceRecord>(records: readonly R[]): R | undefined {
  return records
    .filter((r) => r.kind === 'toleranceDetermination' && !r.voided)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/**
 * Whether a valid `dlt-confirmation` signature covers the determination as it is: its revision and its content
 * hash (`hash`, the contentHash of `determination.data`, computed by the caller: hashing is asynchronous).
 */
export function determinationSigned(
  records: readonly ToleranceRecord[],
  determination: ToleranceRecord,
  hash: string,
): boolean {
  return records.some((s) => {
    if (s.kind !== 'signature' || s.voided || s.data.recordId !== determination.id) return false;
    const sig = s.data as Signature;
    return (
      sig.meaning === 'dlt-confirmation' && sig.recordRev === determination.rev && sig.contentHash === hash
    );
  });
}

export type CurrentDetermination<R extends ToleranceRecord = ToleranceRecord> = {
  record: R;
  signed: boolean;
};

/**
 * A participant's adverse events as the dose decision reads them (cohortMemberStatus): each with its worst grade
 * over time and, once the physician's determination is signed, its decision on each event as `dltDecision`.
 */
export function toleranceEventsOf(
  views: readonly AdverseEventView[],
  determination: CurrentDetermination | undefined,
): AdverseEvent[] {
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

/** A participant's tolerance status at `now` (toleranceStatus) from their infusion, events and determination. */
export function toleranceStatusOf(input: {
  infusion: { startedAt: number };
  views: readonly AdverseEventView[];
  determination: CurrentDetermination | undefined;
  now: number;
}): ToleranceStatus | undefined {
  const { determination } = input;
  return toleranceStatus({
    infusionStartedAt: input.infusion.startedAt,
    events: input.views.map((e) => ({ id: e.record.id, data: e.data, gradings: e.gradings })),
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
    now: input.now,
  });
}
