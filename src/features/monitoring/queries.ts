import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import { checkRecords, infusionTimes, participantTolerance } from '@/db/tolerance';
import { participantMonitoring } from '@/domain/monitoring';
import type { LabBaseline } from '@/domain/monitoring/lab-baselines';
import type { LabTerm } from '@/domain/safety/labs';
import type { EligibilityRecord } from '@/schema/screening';
import type { CheckLab } from '@/schema/monitoring';
import type { LabRow, LabValues } from './LabsSection';

/** The infusion's times and the records citing a check, live; the strip is computed from them at `now`. */
export function useMonitoringFacts(patientId: string) {
  return useLiveQuery(async () => {
    const db = getDb();
    const [infusion, records, eligibility] = await Promise.all([
      infusionTimes(db, patientId),
      checkRecords(db, patientId),
      db.records
        .where('[patientId+kind]')
        .equals([patientId, 'eligibility'])
        .filter((r) => !r.voided)
        .toArray(),
    ]);
    // The screening's assessment (the latest as of its date): its labs are the pre-infusion baseline.
    const screening = eligibility
      .map((r) => r.data as EligibilityRecord)
      .sort((a, b) => a.screeningDate.localeCompare(b.screeningDate))
      .at(-1);
    return { infusion, records, screening };
  }, [patientId]);
}

export function useParticipantMonitoring(patientId: string, now: number) {
  const facts = useMonitoringFacts(patientId);
  if (!facts) return undefined;
  const { infusion, records } = facts;
  if (!infusion || infusion.endedAt === undefined) return null;
  return participantMonitoring({
    infusion: { startedAt: infusion.startedAt, endedAt: infusion.endedAt },
    records,
    now,
  });
}

/** The tolerance status, live; recomputed each minute of `now` (SAE states, the window's end). */
export function useParticipantTolerance(patientId: string, now: number) {
  const minute = Math.floor(now / 60_000);
  return useLiveQuery(() => participantTolerance(getDb(), patientId, minute * 60_000), [patientId, minute]);
}

/** The normal limits and baselines of the participant's last lab check, to prefill the next one. */
export function previousLabValues(records: readonly { kind: string; data: Record<string, unknown> }[]) {
  const out: Partial<LabValues> = {};
  const checks = records
    .filter((r) => r.kind === 'monitoringCheck' && Array.isArray(r.data.labs))
    .sort((a, b) => String(a.data.doneAt).localeCompare(String(b.data.doneAt)));
  for (const check of checks)
    for (const lab of check.data.labs as CheckLab[])
      out[lab.term] = {
        value: '',
        lln: lab.lln !== undefined ? String(lab.lln) : '',
        uln: lab.uln !== undefined ? String(lab.uln) : '',
        baseline: lab.baseline !== undefined ? String(lab.baseline) : '',
      };
  return out;
}

/**
 * What the lab rows start with: the screening's pre-infusion values (creatinine, ALT/AST baseline and ULN), then
 * what the participant's last lab check gave for each (normal limits, a baseline someone set) wherever it gave one.
 */
export function labDefaults(
  screening: Partial<Record<LabTerm, LabBaseline>>,
  previous: Partial<LabValues>,
  format: (n: number) => string,
): Partial<LabValues> {
  const out: Partial<LabValues> = {};
  const terms = new Set([...Object.keys(screening), ...Object.keys(previous)] as LabTerm[]);
  for (const term of terms) {
    const s = screening[term];
    const p = previous[term];
    const pick = (key: 'lln' | 'uln' | 'baseline', fromScreening: number | undefined) =>
      p?.[key] ? p[key] : fromScreening !== undefined ? format(fromScreening) : '';
    const row: LabRow = {
      value: '',
      lln: pick('lln', undefined),
      uln: pick('uln', s?.uln),
      baseline: pick('baseline', s?.baseline),
    };
    out[term] = row;
  }
  return out;
}
