import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import type { TabletPerson } from '@/db/people';
import type { RecordKind } from '@/schema/records';

// What the infusion screens read, live: one participant's records of the kinds the infusion uses, and the people
// this tablet knows (to name who did what on the timeline).

const KINDS: readonly RecordKind[] = [
  'infusionStep',
  'infusionEvent',
  'vitalSigns',
  'monitoringCheck',
  'adverseEvent',
  'missedCheck',
  'eligibility',
  'signature',
];

export type InfusionRecords = {
  participant: StoredRecord | undefined;
  byKind: Record<string, StoredRecord[]>;
  people: TabletPerson[];
};

export function useInfusionRecords(patientId: string): InfusionRecords | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [participant, lists, people] = await Promise.all([
      db.records.get(patientId),
      Promise.all(
        KINDS.map((kind) => db.records.where('[patientId+kind]').equals([patientId, kind]).toArray()),
      ),
      db.people.toArray(),
    ]);
    const byKind = Object.fromEntries(
      KINDS.map((kind, i) => [
        kind,
        lists[i]!.filter((r) => !r.voided).sort((a, b) => a.sortAt.localeCompare(b.sortAt)),
      ]),
    );
    return { participant, byKind, people };
  }, [patientId]);
}

/** The participant's current infusion: the one most recently written to (one per participant in MSC-LES). */
export function currentInfusionId(records: InfusionRecords): string | undefined {
  const all = [...(records.byKind.infusionStep ?? []), ...(records.byKind.infusionEvent ?? [])];
  const latest = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  return latest ? String(latest.data.infusionId) : undefined;
}
