import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import { checkRecords, infusionTimes, participantTolerance } from '@/db/tolerance';
import { participantMonitoring } from '@/domain/monitoring';
import type { CheckLab } from '@/schema/monitoring';
import type { LabValues } from './LabsSection';

/** The infusion's times and the records citing a check, live; the strip is computed from them at `now`. */
export function useMonitoringFacts(patientId: string) {
  return useLiveQuery(async () => {
    const db = getDb();
    const [infusion, records] = await Promise.all([
      infusionTimes(db, patientId),
      checkRecords(db, patientId),
    ]);
    return { infusion, records };
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
